"""clients/shell/socd-rpc against a real socd, through socat and through `nc -U`."""

import json
import os
import socket
import subprocess
import threading
import time

import pytest

SOCD_RPC = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "socd-rpc")


@pytest.fixture(params=["socat", "nc"])
def rpc(request, shared_daemon):
    """Runs socd-rpc with the given transport; returns (exit status, stdout, stderr)."""

    def run(*arguments, env=None, stdin=None, timeout=15):
        environment = dict(os.environ, SOCD_RPC_TRANSPORT=request.param, SOCD_SOCKET=shared_daemon.socket_path)
        environment.update(env or {})
        result = subprocess.run([SOCD_RPC, *arguments], capture_output=True, text=True, env=environment,
                                input=stdin, timeout=timeout)
        return result.returncode, result.stdout, result.stderr

    run.daemon = shared_daemon
    run.transport = request.param
    return run


def test_scenario_ping_add_list_event_and_typed_error(rpc):
    assert rpc("system.ping") == (0, '{"pong":true}\n', "")
    comment = f"scenario {rpc.transport}"
    source = {"socat": "198.51.100.7", "nc": "198.51.100.8"}[rpc.transport]  # one shared daemon
    watcher = subprocess.Popen([SOCD_RPC, "-n", "1", "events.subscribe", 'topics:=["rules"]'], stdout=subprocess.PIPE,
                               text=True, env=dict(os.environ, SOCD_RPC_TRANSPORT=rpc.transport, SOCD_SOCKET=rpc.daemon.socket_path))
    subscribed = json.loads(watcher.stdout.readline())
    assert subscribed["topics"] == ["rules"]
    status, out, _ = rpc("rules.add", f"src={source}", "dst=10.0.0.10", "dport=80", "action=drop", f"comment={comment}")
    assert status == 0
    rule = json.loads(out)["rule"]
    assert (rule["dport"], rule["action"], rule["comment"]) == (80, "DROP", comment)
    status, out, _ = rpc("rules.list", json.dumps({"comment": comment}))
    assert status == 0 and [r["id"] for r in json.loads(out)["rules"]] == [rule["id"]]
    event_line = watcher.stdout.readline()
    assert watcher.wait(timeout=10) == 0
    event = json.loads(event_line)
    assert event["topic"] == "rules" and event["subscription"] == subscribed["subscription"]
    assert event["data"] == {"event": "created", "rule": rule} and rule["src"] == source
    status, out, err = rpc("rules.add", "src=not-an-address", "action=drop")
    assert (status, out) == (1, "")
    assert err == 'socd-rpc: rules.add: Invalid params: src: "not-an-address" is not an IPv4 address or CIDR (invalidParams)\n'


def test_values_are_encoded_as_json(rpc):
    tricky = 'quote " backslash \\ slash / done'
    status, out, err = rpc("rules.add", "action=reject", "src=192.0.2.77", "sport=1024-2048", "dport=0443", f"comment={tricky}")
    assert status == 0, err
    rule = json.loads(out)["rule"]
    assert (rule["comment"], rule["sport"], rule["dport"]) == (tricky, "1024-2048", 443)
    status, out, _ = rpc("rules.list", "limit:=1", "src=192.0.2.77")
    assert status == 0 and json.loads(out)["rules"][0]["comment"] == tricky
    status, out, _ = rpc("rules.get", "-", stdin='{\n  "id": %d\n}\n' % rule["id"])
    assert status == 0 and json.loads(out)["id"] == rule["id"]


def test_raw_mode_prints_the_reply_line(rpc):
    status, out, _ = rpc("-r", "system.ping")
    assert (status, out) == (0, '{"id":1,"jsonrpc":"2.0","result":{"pong":true}}\n')
    status, out, err = rpc("-r", "rules.get", "id=999999")
    assert status == 1 and json.loads(out)["error"]["data"] == {"id": 999999, "kind": "notFound"}
    assert err == "socd-rpc: rules.get: no firewall rule 999999 (notFound)\n"


def test_usage_errors_exit_2(rpc):
    for arguments in [(), ("-x", "system.ping"), ("rules.get", "id"), ("bad method",), ("rules.get", "1x=2"), ("-t", "soon", "system.ping")]:
        status, out, err = rpc(*arguments)
        assert status == 2 and out == "" and err.startswith("socd-rpc: "), arguments
    status, out, _ = rpc("-h")
    assert status == 0 and out.startswith("Usage: socd-rpc")


def test_unreachable_exits_69(rpc, tmp_path):
    status, _, err = rpc("-s", str(tmp_path / "absent.sock"), "system.ping")
    assert status == 69 and "cannot reach socd at" in err
    status, out, _ = rpc("system.ping", env={"SOCD_SOCKET": "", "RUNTIME_DIRECTORY": os.path.dirname(rpc.daemon.socket_path)})
    assert (status, out) == (0, '{"pong":true}\n')


def test_a_silent_server_is_reported_after_the_timeout(rpc, tmp_path):
    path = str(tmp_path / "silent.sock")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen()
    held = []
    threading.Thread(target=lambda: held.append(server.accept()), daemon=True).start()
    started = time.monotonic()
    status, _, err = rpc("-s", path, "-t", "1", "system.ping")
    assert status == 69 and "no reply from socd" in err
    assert time.monotonic() - started < 8
    server.close()
