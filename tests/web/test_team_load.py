"""Issue 15: the team load benchmark in small (benchmarks/team_load.py): coders signed in to
`qualmrs serve --team` on PostgreSQL, the server killed and started again, its database
connections dropped; every acknowledged action stored once, no 5xx."""

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import team_load  # noqa: E402


@pytest.mark.slow
@pytest.mark.parametrize("coders, actions", [(3, 20)])
def test_team_load_kill_and_drop_lose_nothing_acknowledged(pg_server, pg_url, tmp_path,
                                                           coders, actions):
    names = [f"koder{i + 1:02d}" for i in range(coders)]
    team_load.make_project(pg_url, names)
    run = team_load.load("postgresql", pg_url, tmp_path, coders, actions,
                         [(0.3, "kill"), (0.6, "drop")],
                         drop=lambda: pg_server.drop_connections(pg_url))
    kill, drop = run.faults
    assert kill.startswith("kill -9 at ") and "up again" in kill
    assert "connections dropped" in drop and int(drop.split()[0]) >= 1
    assert run.total("unacknowledged") >= 1  # the clients met the dead server
    assert run.checks and {k: v for k, v in run.checks.items() if not v[0]} == {}
    assert run.total("acknowledged") >= coders * actions - run.total("unacknowledged")
