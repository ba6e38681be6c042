"""A real PostgreSQL server for the tests and benchmarks: Debian's binaries, a temporary data
folder, a free 127.0.0.1 port, trust authentication; stopped (and its folder removed) at the end.

initdb and pg_ctl refuse to run as root, so as root they run as the ``postgres`` user (made
by Debian's package) on a folder that user owns. Independent of qualmrs: tests/conftest.py and
benchmarks/team_load.py both import it.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

USER = "qualmrs"


def binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name))
    return Path(found[-1]).parent if found else None


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One PostgreSQL cluster; ``database()`` makes a fresh database and gives its URL."""

    def __init__(self, bin_dir: Path, durable: bool = False):
        """Args:
            bin_dir: the PostgreSQL bin folder (``binaries()``).
            durable: PostgreSQL's own settings (fsync on); by default fsync and synchronous
                commit are off, which is faster for tests that never crash the server.

        Raises:
            LookupError: running as root without a ``postgres`` user.
        """
        self.bin = bin_dir
        self.durable = durable
        self.folder = Path(tempfile.mkdtemp(prefix="qualmrs-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.count = 0

    def _run(self, *args: str) -> None:
        r = subprocess.run([*self.as_user, *args], capture_output=True, text=True,
                           cwd=self.folder)
        if r.returncode != 0:
            raise RuntimeError(f"{' '.join(args)}: {r.stdout}{r.stderr}")

    def start(self) -> "Server":
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", USER, "-A", "trust",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        options = f"-h 127.0.0.1 -p {self.port} -k {self.folder}"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l",
                  str(self.folder / "log"), "-o", options, "-w", "-t", "60", "start")
        return self

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w",
                      "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{database}"

    def _sql(self, statement: str, params: tuple = ()) -> list:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={USER} dbname=postgres",
                             autocommit=True) as conn:
            cur = conn.execute(statement, params)
            return cur.fetchall() if cur.description else []

    def database(self) -> str:
        """A new, empty database; its URL."""
        self.count += 1
        name = f"t{self.count}"
        self._sql(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_connections(self, url: str) -> int:
        """Terminate every connection to ``url``'s database (as a failover or a restarted
        pooler does); returns how many there were."""
        name = url.rsplit("/", 1)[-1]
        rows = self._sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                         "WHERE datname = %s AND pid <> pg_backend_pid()", (name,))
        return len(rows)
