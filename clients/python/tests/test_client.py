"""The Python client against a real socd: the shared scenario, errors, reuse, timeouts."""

import inspect
import json
import os
import socket
import threading
import time

import pytest

import socd
from socd_process import SocdProcess


@pytest.fixture
def client(daemon):
    with socd.Client(daemon.socket_path, timeout=5.0) as client:
        yield client


def test_scenario_ping_add_list_event_and_typed_error(client):
    assert client.system.ping() == {"pong": True}
    with client.subscribe(["rules"], timeout=5.0) as events:
        added = client.rules.add(src="198.51.100.7", dst="10.0.0.10", dport=80, action="drop", comment="scenario")
        assert added["outcome"] == "created"
        rule = added["rule"]
        assert (rule["src"], rule["dst"], rule["dport"], rule["action"]) == ("198.51.100.7", "10.0.0.10", 80, "DROP")
        listed = client.rules.list()
        assert [r["id"] for r in listed["rules"]] == [rule["id"]] and listed["total"] == 1
        event = next(events)
        assert event["topic"] == "rules" and event["subscription"] == events.id
        assert event["data"] == {"event": "created", "rule": rule}
    with pytest.raises(socd.InvalidParams) as raised:
        client.rules.add(src="not-an-address", action="drop")
    assert raised.value.code == -32602
    assert raised.value.data["field"] == "src" and raised.value.data["kind"] == "invalidParams"
    assert "not-an-address" in raised.value.message


def test_call_and_proxy_are_the_same_request(client):
    client.call("rules.add", src="192.0.2.1", action="reject")
    assert client.call("rules.list", src="192.0.2.1")["total"] == 1
    assert client.rules.list(src="192.0.2.1") == client.call("rules.list", src="192.0.2.1")
    # `method` is an audit.list param as well as call()'s first argument.
    entries = client.call("audit.list", method="rules.add")["entries"]
    assert [entry["method"] for entry in entries] == ["rules.add"]


def test_every_method_of_the_document_has_a_proxy(client):
    for name, description in client.api.methods.items():
        namespace, _, verb = name.rpartition(".")
        proxy = getattr(getattr(client, namespace), verb)
        assert callable(proxy) and proxy.__qualname__ == name
        parameters = inspect.signature(proxy).parameters
        assert set(parameters) == set(description.param_names)
        assert {name for name, p in parameters.items() if p.default is inspect.Parameter.empty} == description.required
    assert client.rules.add_many is client.rules.addMany
    assert client.rules.import_ is getattr(client.rules, "import")


def test_proxies_check_argument_names_like_python_functions(client):
    with pytest.raises(TypeError, match="source"):
        client.rules.add(source="192.0.2.1", action="drop")
    with pytest.raises(TypeError, match="action"):
        client.rules.add(src="192.0.2.1")
    # Unchecked call(): socd itself names the unknown field.
    with pytest.raises(socd.InvalidParams) as raised:
        client.call("rules.add", source="192.0.2.1", action="drop")
    assert raised.value.data["field"] == "source"


def test_error_kinds_map_to_their_classes(client, daemon):
    with pytest.raises(socd.NotFound) as raised:
        client.rules.get(id=4242)
    assert raised.value.data == {"id": 4242, "kind": "notFound"} and raised.value.code == -32001
    with pytest.raises(socd.MethodNotFound):
        client.call("rules.explode")
    backup = os.path.join(daemon.work, "copy.db")
    assert client.system.backup(path=backup)["path"] == backup
    with pytest.raises(socd.Conflict):
        client.system.backup(path=backup)
    assert isinstance(socd.NotFound("x", "y"), socd.SocdError)


def test_every_error_kind_in_the_document_has_a_class():
    document = socd.load_document()
    for key, error in document["components"]["errors"].items():
        exception = socd.error_from_reply({"code": error["code"], "message": "m", "data": {"kind": key}})
        assert type(exception) is not socd.SocdError and exception.kind == key
    assert type(socd.error_from_reply({"code": -32006, "message": "busy", "data": {"kind": "overloaded"}})) is socd.Overloaded
    assert type(socd.error_from_reply({"code": -32005, "message": "disk", "data": {"kind": "storage"}})) is socd.StorageError
    assert type(socd.error_from_reply({"code": -32004, "message": "no", "data": {"kind": "invalidState"}})) is socd.InvalidState
    assert type(socd.error_from_reply({"code": -32602, "message": "bad"})) is socd.InvalidParams
    assert type(socd.error_from_reply({"code": -32050, "message": "?", "data": {"kind": "brandNew"}})) is socd.SocdError


@pytest.mark.skipif(os.getuid() != 0, reason="connecting as uid 65534 needs root")
def test_write_as_an_unprivileged_user_is_permission_denied(daemon):
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        outcome = "no error"
        try:
            os.setgid(65534)
            os.setuid(65534)
            client = socd.Client(daemon.socket_path)
            client.rules.list()
            client.rules.add(src="192.0.2.9", action="drop")
        except socd.SocdError as error:
            outcome = json.dumps([type(error).__name__, error.code, error.data])
        except BaseException as error:
            outcome = repr(error)
        os.write(writer, outcome.encode())
        os._exit(0)
    os.close(writer)
    outcome = os.read(reader, 4096).decode()
    os.close(reader)
    os.waitpid(pid, 0)
    assert json.loads(outcome) == ["PermissionDenied", -32003, {"kind": "permissionDenied", "method": "rules.add", "uid": 65534}]


def test_calls_reuse_one_connection(client):
    before = client.system.status()["connectionsTotal"]
    for _ in range(20):
        client.system.ping()
    assert client.system.status()["connectionsTotal"] == before


def test_a_restarted_daemon_is_reconnected():
    with SocdProcess() as process:
        client = socd.Client(process.socket_path)
        client.rules.add(src="192.0.2.10", action="drop")
        process.restart()
        assert client.rules.list()["total"] == 1
        assert client.rules.add(src="192.0.2.11", action="drop")["outcome"] == "created"


def test_unreachable_socket_raises_unreachable(tmp_path):
    with pytest.raises(socd.Unreachable, match="no such socket"):
        socd.Client(str(tmp_path / "absent.sock")).system.ping()


def test_a_silent_server_times_out(tmp_path):
    path = str(tmp_path / "silent.sock")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen()
    accepted = []
    threading.Thread(target=lambda: accepted.append(server.accept()), daemon=True).start()
    client = socd.Client(path, timeout=0.3)
    started = time.monotonic()
    with pytest.raises(socd.Timeout):
        client.system.ping()
    assert 0.25 < time.monotonic() - started < 3
    server.close()


def test_subscription_ends_when_the_daemon_stops():
    process = SocdProcess().start()
    try:
        events = socd.Client(process.socket_path).subscribe(["system"])
        process.process.terminate()
        received = list(events)  # the "stopping" event, then the end of the iteration
        assert [event["data"]["event"] for event in received] == ["stopping"]
    finally:
        process.stop()


def test_subscription_wait_is_bounded(client):
    with client.events.subscribe(topics=["rules"]) as events:
        assert events.topics == ["rules"]
        with pytest.raises(socd.Timeout):
            events.next(timeout=0.2)


def test_socket_path_resolution_follows_socctl():
    resolve = socd.resolve_socket_path
    assert resolve("/x.sock", {"SOCD_SOCKET": "/y"}, 1000) == "/x.sock"
    assert resolve(None, {"SOCD_SOCKET": "/y", "RUNTIME_DIRECTORY": "/r"}, 1000) == "/y"
    assert resolve(None, {"RUNTIME_DIRECTORY": "/r1:/r2", "XDG_RUNTIME_DIR": "/x"}, 0) == "/r1/socd.sock"
    assert resolve(None, {"XDG_RUNTIME_DIR": "/run/user/1000"}, 0) == "/run/socd/socd.sock"
    assert resolve(None, {"XDG_RUNTIME_DIR": "/run/user/1000"}, 1000) == "/run/user/1000/socd/socd.sock"
    assert resolve(None, {}, 1000) == "/tmp/socd-1000/socd.sock"


def test_methods_follow_the_document_they_are_given(tmp_path):
    document = socd.load_document()
    document["methods"].append({
        "name": "incidents.addNote", "params": [{"name": "id", "required": True, "schema": {"type": "integer"}},
                                                {"name": "from", "schema": {"type": "string"}}],
        "result": {"name": "result", "schema": {}}, "x-access": "write",
    })
    client = socd.Client(str(tmp_path / "none.sock"), document=document)
    assert client.incidents.add_note is client.incidents.addNote
    assert list(inspect.signature(client.incidents.addNote).parameters) == ["id", "from_"]
    assert client.api.methods["incidents.addNote"].bind({"id": 1, "from_": "soc"}) == {"id": 1, "from": "soc"}
