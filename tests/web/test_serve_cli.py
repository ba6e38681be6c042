"""Issue 14: `qualmrs serve` prints one address with a token, listens on 127.0.0.1, and stops
cleanly on Ctrl+C."""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from starlette.testclient import TestClient

ROOT = Path(__file__).resolve().parents[2]


def invoke(*args):
    from typer.testing import CliRunner

    from qualmrs.cli import app

    return CliRunner().invoke(app, [str(a) for a in args], prog_name="qualmrs")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_cli_prints_the_address_and_stops_on_ctrl_c(served_project):
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "qualmrs", "serve", str(served_project.path),
                             "--port", str(port), "--no-browser", "--coder", "KN"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = proc.stdout.readline().strip()
        m = re.fullmatch(rf"Serving {re.escape(str(served_project.path))} at "
                         rf"http://127\.0\.0\.1:{port}/\?token=([\w-]+)", line)
        assert m, line
        token = m.group(1)
        deadline = time.monotonic() + 30
        while True:  # the address is printed as the server starts: wait until it listens
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None, proc.stderr.read()
                time.sleep(0.1)
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/documents",
                                         headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=20) as r:
            assert [d["name"] for d in json.load(r)["documents"]] == ["intervju_b.txt"]
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/documents", timeout=20)
            raise AssertionError("served without the token")
        except urllib.error.HTTPError as e:
            assert e.code == 403
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "Traceback" not in err and err.strip().endswith("Stopped.")
    try:  # nothing listens there any more
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
        raise AssertionError("still listening after Ctrl+C")
    except ConnectionRefusedError:
        pass


def test_serve_cli_port_in_use_is_one_line(served_project):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = invoke("serve", served_project.path, "--port", port, "--no-browser")
    assert r.exit_code == 1 and r.stderr.startswith("Error: cannot listen on 127.0.0.1:")
    assert len(r.stderr.strip().splitlines()) == 1


def test_serve_cli_team_refuses_coder_in_one_line(served_project):  # issue 15
    r = invoke("serve", served_project.path, "--team", "--coder", "KN", "--no-browser")
    assert r.exit_code == 1
    assert r.stderr.strip() == ("Error: --coder cannot be used with --team: each person codes "
                                "as the user they log in as")


def test_serve_cli_team_needs_a_user(served_project):  # issue 15
    r = invoke("serve", served_project.path, "--team", "--no-browser", "--port", free_port())
    assert r.exit_code == 1 and len(r.stderr.strip().splitlines()) == 1
    assert "has no users to log in" in r.stderr and "qualmrs user add" in r.stderr


@pytest.mark.parametrize("host,warned", [("0.0.0.0", True), ("127.0.0.1", False)])
def test_serve_cli_team_public_host_warns_to_put_tls_in_front(served_project, monkeypatch,
                                                              host, warned):  # issue 15
    import uvicorn

    served_project.add_user("kari", "hemmelig passord", "owner")
    started = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda self: started.append(self.config))
    r = invoke("serve", served_project.path, "--team", "--host", host, "--port", free_port(),
               "--public-host", "qda.example.org", "--no-browser")
    assert r.exit_code == 0, r.output
    warnings = [line for line in r.stderr.splitlines() if line.startswith("Warning:")]
    assert warnings == ([f"Warning: listening on {host} speaks plain HTTP, which anyone on the "
                         "way can read; put TLS in front of it with a reverse proxy (README: "
                         "\"Serving a team\")"] if warned else [])
    assert re.fullmatch(r"Serving \S+ for its team at http://127\.0\.0\.1:\d+/login",
                        r.stdout.strip())
    (config,) = started
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "### Serving a team" in readme
    client = TestClient(config.app, base_url="http://qda.example.org")
    assert client.get("/login").status_code == 200  # the proxy's name is allowed
    assert TestClient(config.app, base_url="http://evil.example").get(
        "/login").status_code == 400


def test_serve_cli_port_of_a_killed_server_is_served_again(tmp_path):  # issue 15
    from qualmrs.web.server import check_port

    # a server that died with a connection open leaves it in TIME_WAIT on its port
    with socket.socket() as listener:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        client = socket.create_connection(("127.0.0.1", port))
        accepted, _ = listener.accept()
        accepted.close()  # the server's side closes first: its end waits in TIME_WAIT
        client.close()
    time.sleep(0.1)
    check_port("127.0.0.1", port)  # no error: uvicorn can listen there again
