"""Running the app: uvicorn on a local port until Ctrl+C."""

from __future__ import annotations

import contextlib
import getpass
import secrets
import socket
import threading
import time

from ..errors import QualmrsError

LOCAL = ("127.0.0.1", "localhost", "::1")


def default_coder(project) -> str:
    """The project's only manual coder, else the login name."""
    coders = list(project.coders()["coder"])
    if len(coders) == 1:
        return coders[0]
    try:
        return getpass.getuser()
    except Exception:  # no login name in this environment
        return "coder"


def serve(project, host: str = "127.0.0.1", port: int = 8765, coder: str | None = None,
          open_browser: bool = True, say=print, team: bool = False,
          public_hosts: tuple[str, ...] = ()) -> None:
    """Serve ``project`` until interrupted; prints the address first (with its token in
    local mode; in team mode people log in as the project's users).

    Args:
        public_hosts: more host names to answer to: the public name a reverse proxy serves
            the project under.

    Raises:
        QualmrsError: the port is taken; team mode in a project without users.
    """
    import uvicorn

    from .app import create_app

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.bind((host, port))
        except OSError as e:
            raise QualmrsError(f"cannot listen on {host}:{port} ({e.strerror}); give another "
                               "port with --port") from None
    hosts = tuple(dict.fromkeys((*LOCAL[:2], host, *public_hosts)))
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    if team:
        if not project.users():
            raise QualmrsError("this project has no users to log in; add one with 'qualmrs "
                               "user add PROJECT --name NAME --role owner'", path=project.where)
        app = create_app(project, team=True, hosts=hosts)
        url = f"http://{shown}:{port}/login"
        say(f"Serving {project.where} for its team at {url}")
    else:
        token = secrets.token_urlsafe(24)
        app = create_app(project, token=token, coder=coder or default_coder(project),
                         hosts=hosts)
        url = f"http://{shown}:{port}/?token={token}"
        say(f"Serving {project.path} at {url}")
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning")
    uvicorn.Server(config).run()


def free_port(host: str = "127.0.0.1") -> int:
    """A port on ``host`` that nothing listens on now."""
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def in_thread(app, host: str = "127.0.0.1", port: int | None = None, timeout: float = 20):
    """Serve ``app`` with uvicorn in a thread of this process (for tests and benchmarks that
    talk to it over real HTTP); yields the base URL and stops the server on leaving.

    Raises:
        RuntimeError: the server did not start within ``timeout`` seconds.
    """
    import uvicorn

    port = port or free_port(host)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True, name="qualmrs-serve")
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        if not server.started:
            raise RuntimeError(f"the server on {host}:{port} did not start")
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
