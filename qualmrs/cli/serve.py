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
                  "--no-browser", help="Do not open a browser window.")] = False):
    """Read, code and answer in the browser (Ctrl+C stops the server)."""
    from ..project import open
    from ..web import serve

    if host not in ("127.0.0.1", "localhost", "::1"):
        _say(f"Warning: listening on {host}: anyone who can reach this address and has the "
             "token can use the project; put TLS in front of it (see the README)")
    with open(db) as project:
        try:
            serve(project, host, port, coder, not no_browser, say=lambda m: typer.echo(m))
        except KeyboardInterrupt:
            pass
    _say("Stopped.")
