"""``qualmrs serve``: the project in a browser window."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .app import DB, _errors_as_lines, _say, app


@app.command("serve")
@_errors_as_lines
def serve_cmd(db: DB,
              port: Annotated[int, typer.Option(help="Port to listen on.")] = 8765,
              host: Annotated[str, typer.Option(
                  help="Address to listen on; 127.0.0.1 keeps it to this computer.")] = "127.0.0.1",
              coder: Annotated[Optional[str], typer.Option(
                  help="Who codes (default: the project's only coder, else your login name).")] = None,
              no_browser: Annotated[bool, typer.Option(
                  "--no-browser", help="Do not open a browser window.")] = False,
              team: Annotated[bool, typer.Option(
                  "--team", help=("People log in as the project's users (qualmrs user add) "
                                  "and code as themselves."))] = False,
              public_host: Annotated[Optional[list[str]], typer.Option(
                  "--public-host", help=("A host name the server answers to besides "
                                         "localhost: the public name a TLS proxy serves it "
                                         "under (repeatable)."))] = None):
    """Read, code and answer in the browser (Ctrl+C stops the server)."""
    from ..errors import QualmrsError
    from ..project import open
    from ..web import serve

    if team and coder:
        raise QualmrsError("--coder cannot be used with --team: each person codes as the "
                           "user they log in as", key="--coder")
    if host not in ("127.0.0.1", "localhost", "::1"):
        _say(f"Warning: listening on {host} speaks plain HTTP, which anyone on the way can "
             "read; put TLS in front of it with a reverse proxy (README: \"Serving a team\")")
    with open(db) as project:
        try:
            serve(project, host, port, coder, not no_browser, say=lambda m: typer.echo(m),
                  team=team, public_hosts=tuple(public_host or ()))
        except KeyboardInterrupt:
            pass
    _say("Stopped.")
