"""Seeded random requests against a real socd: every method named by rpc.discover, called with
parameters made of its own parameter names, other names and hostile values, plus lines that are
not valid requests at all. Whatever comes in, each request gets exactly one reply with its id, an
error is one of the documented codes (never -32603, which would be a bug in socd), and socd keeps
serving and exits cleanly."""

import json
import random
import socket

import pytest

# Methods that stream, stop socd or write files where the request says.
SKIPPED = {"events.subscribe", "system.shutdown", "system.backup"}
DOCUMENTED_CODES = {-32700, -32600, -32601, -32602, -32001, -32002, -32003, -32004, -32005, -32006}
NAMES = [
    "src", "dst", "sport", "dport", "proto", "action", "id", "ids", "ttl", "comment", "position", "format",
    "text", "where", "limit", "cursor", "confirm", "ticks", "scenario", "seed", "status", "severity", "name",
    "value", "level", "source", "since", "until", "groupBy", "topic", "kind", "note", "assignee", "policy",
]
VALUES = [
    None, True, False, 0, -1, 1, 2**31, 2**63 - 1, -(2**63), 2**64, 1e308, -0.0, 3.5, "", "x" * 300,
    "198.51.100.7", "10.0.0.300", "0.0.0.0/0", "1.2.3.4/33", "ANY", "*", "80", "70000", "90-80", "drop",
    "PASS", "4h", "-1s", "9999999999d", "\u0000", "é😀", "source=firewall and", "web-flood", "rules",
]
MALFORMED = [
    b"{", b"[]", b"[{}]", b"null", b'"ping"', b'{"jsonrpc":"2.0","id":{},"method":1}',
    b'{"jsonrpc":"1.0","id":1,"method":"system.ping"}', b'{"jsonrpc":"2.0","id":1,"method":"system.ping","params":7}',
    b'{"jsonrpc":"2.0","id":1,"method":"rules.add","params":{"src":"\\ud800"}}', b"\xff\xfe",
    b'{"jsonrpc":"2.0","id":1,"method":"rules.list","params":{"a":{"b":[[[[[[[[]]]]]]]]}}}',
]


class Connection:
    def __init__(self, path):
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.socket.settimeout(30)
        self.socket.connect(path)
        self.lines = self.socket.makefile("rb")

    def exchange(self, line):
        self.socket.sendall(line + b"\n")
        reply = self.lines.readline()
        assert reply, f"socd closed the connection after {line[:200]!r}"
        return json.loads(reply)

    def close(self):
        self.lines.close()
        self.socket.close()


def random_value(generator, depth=0):
    draw = generator.random()
    if depth > 2 or draw < 0.6:
        return generator.choice(VALUES)
    if draw < 0.8:
        return [random_value(generator, depth + 1) for _ in range(generator.randint(0, 3))]
    return {generator.choice(NAMES): random_value(generator, depth + 1) for _ in range(generator.randint(0, 4))}


def random_params(generator, method):
    params = {}
    for parameter in method.get("params", []):
        if generator.random() < 0.7:
            params[parameter["name"]] = random_value(generator)
    if generator.random() < 0.3:
        params[generator.choice(NAMES)] = random_value(generator)
    return params if generator.random() < 0.9 else random_value(generator)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_requests_get_one_documented_reply_each(daemon, seed):
    generator = random.Random(seed)
    connection = Connection(daemon.socket_path)
    try:
        methods = [
            method
            for method in connection.exchange(b'{"jsonrpc":"2.0","id":0,"method":"rpc.discover"}')["result"]["methods"]
            if method["name"] not in SKIPPED
        ]
        for number in range(1, 1_500):
            if generator.random() < 0.05:
                line = generator.choice(MALFORMED)
                reply = connection.exchange(line)
                # A batch gets a batch of replies, one per member.
                for member in reply if isinstance(reply, list) else [reply]:
                    assert member["error"]["code"] in DOCUMENTED_CODES, (line, reply)
                continue
            method = generator.choice(methods)
            request = {"jsonrpc": "2.0", "id": number, "method": method["name"]}
            params = random_params(generator, method)
            if params is not None:
                request["params"] = params
            reply = connection.exchange(json.dumps(request).encode())
            assert reply.get("id") == number, (request, reply)
            if "error" in reply:
                assert reply["error"]["code"] in DOCUMENTED_CODES, (request, reply)
                assert reply["error"]["message"], (request, reply)
            else:
                assert "result" in reply, (request, reply)
        assert daemon.call("system.ping") is not None
    finally:
        connection.close()
