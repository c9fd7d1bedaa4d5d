"""examples/auto_block.py against a real socd.

The playbook runs on the SIEM's `alerts` topic as the room's attack raises them, on the `audit`
topic (an analyst's marker rule names the offending address in its params), and its decision
logic is fed the alert shape `{"event":"raised","alert":{"source":..}}` directly, with real
blocks made on the daemon.
"""

import datetime
import os
import subprocess
import sys
import time

import pytest

import socd

EXAMPLE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "examples", "auto_block.py")
sys.path.insert(0, os.path.dirname(EXAMPLE))
import auto_block  # noqa: E402


def start_playbook(daemon, *arguments):
    process = subprocess.Popen(
        [sys.executable, EXAMPLE, "--socket", daemon.socket_path, *arguments],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    first = process.stdout.readline()
    assert first.startswith("watching "), first
    return process


def finish(process, timeout=10):
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
        pytest.fail(f"auto_block did not finish:\n{output}")
    return process.returncode, output


def parse_time(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_blocks_the_address_an_audited_change_names(daemon):
    client = socd.Client(daemon.socket_path)
    playbook = start_playbook(
        daemon, "--topic", "audit", "--field", "params.src", "--match", "method=rules.add",
        "--match", "params.comment=honeypot hit", "--ttl", "10m", "--count", "1",
    )
    client.rules.add(src="10.0.0.5", action="reject", comment="honeypot hit")      # inside --allow
    client.rules.add(src="192.0.2.44", action="reject", comment="routine")         # not a match
    client.rules.add(src="198.51.100.77", action="reject", comment="honeypot hit")
    status, output = finish(playbook)
    assert status == 0, output
    assert "not blocking 10.0.0.5: allowed by --allow" in output
    assert output.count("blocked ") == 1 and "blocked 198.51.100.77" in output
    drops = client.rules.list(action="drop")["rules"]
    assert [(rule["src"], rule["comment"]) for rule in drops] == [("198.51.100.77", "auto_block: rules.add")]
    lifetime = parse_time(drops[0]["expiresAt"]) - parse_time(drops[0]["createdAt"])
    assert abs(lifetime.total_seconds() - 600) < 5
    assert client.rules.check(src="198.51.100.77", dst="10.0.0.10", dport=80)["verdict"] == "DROP"
    assert client.rules.check(src="10.0.0.5", dst="10.0.0.10", dport=80)["verdict"] == "REJECT"


def test_its_own_changes_do_not_feed_it(daemon):
    client = socd.Client(daemon.socket_path)
    playbook = start_playbook(
        daemon, "--topic", "audit", "--field", "params.src", "--match", "method=rules.add", "--count", "2",
    )
    client.rules.add(src="198.51.100.1", action="reject")
    deadline = time.monotonic() + 10
    while not client.rules.list(action="drop")["rules"] and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.3)  # time for the playbook's own audit entry to come back to it
    assert playbook.poll() is None, "it must still be waiting for a second offender"
    client.rules.add(src="198.51.100.2", action="reject")
    status, output = finish(playbook)
    assert status == 0, output
    assert sorted(rule["src"] for rule in client.rules.list(action="drop")["rules"]) == ["198.51.100.1", "198.51.100.2"]
    assert client.rules.list()["total"] == 4


def test_blocks_the_attacker_the_siem_raises_an_alert_for(daemon):
    client = socd.Client(daemon.socket_path)
    playbook = start_playbook(daemon, "--count", "1", "--ttl", "10m")
    client.call("sim.pause")
    client.call("scenario.load", name="web-flood", seed=4242)
    client.call("sim.step", ticks=200)
    status, output = finish(playbook)
    assert status == 0, output
    attacker = client.call("alerts.list", severity="high")["alerts"][0]["source"]
    assert f"blocked {attacker}" in output
    drops = client.rules.list(action="drop")["rules"]
    assert [(rule["src"], rule["comment"]) for rule in drops] == [(attacker, "auto_block: request-flood")]


def test_alert_shape_the_siem_publishes(daemon):
    client = socd.Client(daemon.socket_path)
    lines = []
    now = [1000.0]
    playbook = auto_block.Playbook(client, "alert.source", [("event", "raised")], ttl="30m",
                                   allow=["10.0.0.0/8"], output=lines.append, clock=lambda: now[0])

    def alert(event, source, detection="web.bruteforce"):
        return {"subscription": 1, "topic": "alerts",
                "data": {"event": event, "alert": {"id": 7, "detection": detection, "source": source}}}

    rule = playbook.handle(alert("raised", "198.51.100.7"))
    assert rule["src"] == "198.51.100.7" and rule["action"] == "DROP" and rule["comment"] == "auto_block: web.bruteforce"
    assert playbook.handle(alert("raised", "198.51.100.7")) is None          # already blocked for this TTL
    assert playbook.handle(alert("resolved", "198.51.100.8")) is None        # not a raised alert
    assert playbook.handle(alert("raised", "10.0.0.20")) is None             # our own network
    assert playbook.handle(alert("raised", "not-an-ip")) is None
    assert playbook.handle({"topic": "alerts", "data": {"event": "raised", "alert": {}}}) is None
    now[0] += 31 * 60
    again = playbook.handle(alert("raised", "198.51.100.7"))                 # a new alert after the block lapsed
    assert again["id"] == rule["id"]
    assert [r["src"] for r in client.rules.list()["rules"]] == ["198.51.100.7"]
    assert any("not an IP address" in line for line in lines)


def test_unknown_topic_is_a_clear_failure(daemon):
    result = subprocess.run(
        [sys.executable, EXAMPLE, "--socket", daemon.socket_path, "--topic", "no-such-topic"],
        capture_output=True, text=True, timeout=10,
    )
    assert result.returncode == 1
    assert "cannot subscribe to 'no-such-topic'" in result.stderr


def test_unreachable_daemon_exits_69(tmp_path):
    result = subprocess.run([sys.executable, EXAMPLE, "--socket", str(tmp_path / "none.sock")],
                            capture_output=True, text=True, timeout=10)
    assert result.returncode == 69 and "cannot reach socd" in result.stderr
