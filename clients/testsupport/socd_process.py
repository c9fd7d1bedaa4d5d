"""Starts a real socd on a private socket and state directory, for tests and generators.

Stdlib only, so `scripts/generate-openrpc` can use it without the test venv.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def socd_binary():
    """The socd to run: `$SOCD_BIN`, else the debug build of this checkout."""
    path = os.environ.get("SOCD_BIN") or os.path.join(REPO_ROOT, ".build", "debug", "socd")
    if not os.access(path, os.X_OK):
        raise FileNotFoundError(f"no socd at {path}; run `swift build` or set SOCD_BIN")
    return path


class SocdProcess:
    """One socd in the foreground, with a fresh state directory that it removes on stop.

    The work directory is world-searchable and the socket world-writable after start, so a test
    may connect as an unprivileged user to see how read-only callers are treated.
    """

    def __init__(self, extra_args=(), start_timeout=10.0):
        self.work = tempfile.mkdtemp(prefix="socd-test-")
        os.chmod(self.work, 0o755)
        self.socket_path = os.path.join(self.work, "socd.sock")
        self.state_dir = os.path.join(self.work, "state")
        self.log_path = os.path.join(self.work, "socd.log")
        self._extra_args = list(extra_args)
        self._start_timeout = start_timeout
        self.process = None

    def start(self):
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [socd_binary(), "--socket", self.socket_path, "--state-dir", self.state_dir, *self._extra_args],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
        )
        log.close()
        deadline = time.monotonic() + self._start_timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"socd exited with status {self.process.returncode} at start:\n{self.log()}")
            try:
                if self.call("system.ping") == {"pong": True}:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError(f"socd did not answer within {self._start_timeout} s:\n{self.log()}")
            time.sleep(0.02)
        os.chmod(self.socket_path, 0o666)
        return self

    def call(self, method, params=None):
        """One request on a connection of its own; returns the result or raises RuntimeError."""
        request = {"jsonrpc": "2.0", "id": 1, "method": method}
        if params is not None:
            request["params"] = params
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(10)
            connection.connect(self.socket_path)
            connection.sendall(json.dumps(request).encode() + b"\n")
            reply = b""
            while not reply.endswith(b"\n"):
                chunk = connection.recv(1 << 16)
                if not chunk:
                    raise ConnectionError("socd closed the connection before replying")
                reply += chunk
        message = json.loads(reply)
        if "error" in message:
            raise RuntimeError(f"{method}: {message['error']}")
        return message["result"]

    def restart(self):
        """Stops socd (which must exit 0) and starts it again on the same socket and state."""
        self.process.send_signal(signal.SIGTERM)
        status = self.process.wait(timeout=15)
        if status != 0:
            raise RuntimeError(f"socd exited with status {status} on SIGTERM:\n{self.log()}")
        return self.start()

    def log(self):
        try:
            with open(self.log_path, errors="replace") as file:
                return file.read()
        except OSError:
            return ""

    def stop(self):
        """SIGTERM, then wait; returns socd's exit status (0 after a clean shutdown)."""
        status = None
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                status = self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                status = self.process.wait()
        elif self.process is not None:
            status = self.process.returncode
        shutil.rmtree(self.work, ignore_errors=True)
        return status

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
