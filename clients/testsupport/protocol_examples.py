"""Runs the example exchanges of docs/PROTOCOL.md against a real socd and compares the replies.

An example is a fenced block whose info string is `jsonrpc`, optionally followed by
`connection=NAME` (default `main`). `--> LINE` is sent as it stands on that connection;
`<-- LINE` is the next line the daemon sends there. Blocks run in document order against one
daemon with fresh state, so later examples see what earlier ones did. A connection whose name
starts with `nobody` is opened by uid 65534, to show what callers without write access get.

Volatile values in expected lines are placeholders: `<time>` (an ISO 8601 UTC time),
`<int>`, `<number>`, `<string>`, `<any>`. Everything else must match exactly, keys included.

Usage (to author examples): protocol_examples.py [PROTOCOL.md] prints each exchange with the
reply the daemon actually gave.
"""

import json
import os
import re
import socket
import sys

from protocol_reference import PROTOCOL_PATH

PLACEHOLDERS = ("time", "int", "number", "string", "any")
_SENTINEL = "\u0000placeholder:"
_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")
_FENCE = re.compile(r"^```jsonrpc(?:\s+connection=(\S+))?\s*$")
NOBODY_UID = 65534


class Step:
    """One line of an example: a request to send or a line expected back."""

    def __init__(self, connection, direction, text, line_number):
        self.connection = connection
        self.direction = direction
        self.text = text
        self.line_number = line_number


def parse_examples(text):
    steps = []
    connection = None
    for number, line in enumerate(text.splitlines(), start=1):
        if connection is None:
            match = _FENCE.match(line)
            if match:
                connection = match.group(1) or "main"
            continue
        if line.startswith("```"):
            connection = None
        elif line.startswith("--> "):
            steps.append(Step(connection, "send", line[4:], number))
        elif line.startswith("<-- "):
            steps.append(Step(connection, "expect", line[4:], number))
        elif line.strip():
            raise ValueError(f"PROTOCOL.md:{number}: a jsonrpc block holds only '--> ' and '<-- ' lines")
    if connection is not None:
        raise ValueError("PROTOCOL.md: an unterminated jsonrpc block")
    return steps


def parse_expected(text):
    """The expected line as JSON, with placeholders turned into sentinel strings."""
    names = "|".join(PLACEHOLDERS)
    text = re.sub(rf'"<({names})>"', lambda m: json.dumps(_SENTINEL + m.group(1)), text)
    text = re.sub(rf"<({names})>", lambda m: json.dumps(_SENTINEL + m.group(1)), text)
    return json.loads(text)


def mismatch(expected, actual, path="$"):
    """None when `actual` fits `expected`, else a sentence naming the first difference."""
    if isinstance(expected, str) and expected.startswith(_SENTINEL):
        kind = expected[len(_SENTINEL):]
        fits = {
            "any": True,
            "string": isinstance(actual, str),
            "time": isinstance(actual, str) and bool(_TIME.match(actual)),
            "int": isinstance(actual, int) and not isinstance(actual, bool),
            "number": isinstance(actual, (int, float)) and not isinstance(actual, bool),
        }[kind]
        return None if fits else f"{path}: expected <{kind}>, got {json.dumps(actual)}"
    if isinstance(expected, dict) and isinstance(actual, dict):
        if expected.keys() != actual.keys():
            return f"{path}: keys {sorted(actual)} instead of {sorted(expected)}"
        for key in expected:
            problem = mismatch(expected[key], actual[key], f"{path}.{key}")
            if problem:
                return problem
        return None
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return f"{path}: {len(actual)} elements instead of {len(expected)}"
        for index, (want, got) in enumerate(zip(expected, actual)):
            problem = mismatch(want, got, f"{path}[{index}]")
            if problem:
                return problem
        return None
    if type(expected) is not type(actual) or expected != actual:
        return f"{path}: expected {json.dumps(expected)}, got {json.dumps(actual)}"
    return None


def _connect_as(uid, path):
    """A connection whose peer credentials are `uid`'s: a child connects, then hands the fd over."""
    parent_end, child_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    pid = os.fork()
    if pid == 0:
        status = 0
        try:
            parent_end.close()
            os.setgid(uid)
            os.setuid(uid)
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
                connection.connect(path)
                socket.send_fds(child_end, [b"x"], [connection.fileno()])
        except BaseException:
            status = 1
        os._exit(status)
    child_end.close()
    try:
        _, fds, _, _ = socket.recv_fds(parent_end, 1, 1)
    finally:
        parent_end.close()
        os.waitpid(pid, 0)
    if not fds:
        raise PermissionError(f"uid {uid} could not connect to {path}")
    return socket.socket(fileno=fds[0])


class _Connection:
    def __init__(self, sock):
        self.sock = sock
        self.sock.settimeout(10)
        self.buffer = b""

    def send(self, line):
        self.sock.sendall(line.encode() + b"\n")

    def read_line(self):
        while b"\n" not in self.buffer:
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                raise ConnectionError("socd closed the connection")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode()


def run_examples(socket_path, steps, on_reply=None):
    """Runs every step; returns a list of failure sentences (empty when the document holds)."""
    connections = {}
    failures = []
    try:
        for step in steps:
            connection = connections.get(step.connection)
            if connection is None:
                if step.connection.startswith("nobody"):
                    sock = _connect_as(NOBODY_UID, socket_path)
                else:
                    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                    sock.connect(socket_path)
                connection = connections[step.connection] = _Connection(sock)
            if step.direction == "send":
                connection.send(step.text)
                continue
            actual = connection.read_line()
            if on_reply:
                on_reply(step, actual)
            problem = mismatch(parse_expected(step.text), json.loads(actual))
            if problem:
                failures.append(f"PROTOCOL.md:{step.line_number} ({step.connection}): {problem}\n    got: {actual}")
    finally:
        for connection in connections.values():
            connection.sock.close()
    return failures


def main(arguments):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from socd_process import SocdProcess

    path = arguments[0] if arguments else PROTOCOL_PATH
    with open(path, encoding="utf-8") as file:
        steps = parse_examples(file.read())

    def show(step, actual):
        print(f"{step.line_number} [{step.connection}]\n  want {step.text}\n  got  {actual}")

    with SocdProcess() as daemon:
        failures = run_examples(daemon.socket_path, steps, on_reply=show)
    print("\n".join(failures) or "all examples hold")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
