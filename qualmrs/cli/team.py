"""Commands for a team's project: copy it between stores; the people who may log in."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from ..errors import QualmrsError
from .app import DB, _OneLineUsage, _errors_as_lines, _say, app


@app.command("copy")
@_errors_as_lines
def copy_cmd(source: Annotated[str, typer.Argument(help="The project to copy: a file or URL.")],
             target: Annotated[str, typer.Argument(help=(
                 "Where to: a new file, or the URL of an empty PostgreSQL database."))]):
    """Copy a whole project, history too, between a file and PostgreSQL; checked by counts
    and a content hash."""
    from ..project import copy_project

    r = copy_project(source, target)
    typer.echo(f"Copied {r.source} to {r.target}: {r.rows:,} rows in {len(r.counts)} tables; "
               f"counts and content hash match (sha256 {r.digest[:16]}); {r.seconds:.1f} s")


users_app = typer.Typer(help="The people who may log in to a team project.", cls=_OneLineUsage,
                        no_args_is_help=True)
app.add_typer(users_app, name="user")

class Role(str, Enum):
    owner = "owner"
    coder = "coder"
    viewer = "viewer"


NameOpt = Annotated[str, typer.Option("--name", help="The person's user name.")]
StdinOpt = Annotated[bool, typer.Option("--password-stdin", help=(
    "Read the password from the first line of standard input (for scripts)."))]


def _password(from_stdin: bool) -> str:
    """The new password: the first line of stdin, or asked for twice without echo."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise QualmrsError("no password on standard input", key="--password-stdin")
        return password
    return typer.prompt("Password", hide_input=True, confirmation_prompt=True)


def _open(db: str):
    from ..project import open

    return open(db)


@users_app.command("add")
@_errors_as_lines
def user_add(db: DB, name: NameOpt,
             role: Annotated[Role, typer.Option(help=(
                 "owner: manages the codebook, users and rounds; coder: codes as themselves; "
                 "viewer: reads only."))] = Role.coder,
             password_stdin: StdinOpt = False):
    """Add a person with a password (stored as an argon2 hash)."""
    with _open(db) as project:
        if name.strip() in {u.name for u in project.users()}:
            project.add_user(name, "", role.value)  # refused as taken, before a password is asked
        user = project.add_user(name, _password(password_stdin), role.value)
    _say(f"Added {user.name} ({user.role})")


@users_app.command("list")
@_errors_as_lines
def user_list(db: DB):
    """List the people: name, role, created."""
    from tabulate import tabulate

    with _open(db) as project:
        users = project.users()
    typer.echo(tabulate([(u.name, u.role, u.created) for u in users],
                        headers=("name", "role", "created"), tablefmt="simple")
               if users else "(none)")


@users_app.command("remove")
@_errors_as_lines
def user_remove(db: DB, name: NameOpt):
    """Remove a person's login (their coding stays in the project)."""
    with _open(db) as project:
        project.remove_user(name)
    _say(f"Removed {name}")


@users_app.command("passwd")
@_errors_as_lines
def user_passwd(db: DB, name: NameOpt, password_stdin: StdinOpt = False):
    """Set a person's password."""
    with _open(db) as project:
        project.user(name)  # known, before a password is asked for
        project.set_password(name, _password(password_stdin))
    _say(f"Password of {name} changed")
