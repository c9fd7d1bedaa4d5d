"""One Unix-socket connection to socd that sends and reads newline-delimited JSON."""

import errno
import json
import select
import socket
import time

from .errors import ConnectionLost, Timeout, Unreachable

_READ_SIZE = 1 << 16


class LineConnection:
    """A connected socket and the bytes read past the last complete line.

    Not thread-safe: the Client serializes its use with a lock, and a Subscription owns its own.
    """

    def __init__(self, path, connect_timeout):
        self.path = path
        self._buffer = bytearray()
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._socket.settimeout(connect_timeout)
        try:
            self._socket.connect(path)
        except OSError as error:
            self._socket.close()
            reason = {errno.ENOENT: "no such socket", errno.ECONNREFUSED: "nothing listens there",
                      errno.EACCES: "permission denied"}.get(error.errno, error.strerror or str(error))
            raise Unreachable(f"cannot reach socd at {path}: {reason}") from error

    def send(self, message):
        try:
            self._socket.sendall(json.dumps(message, separators=(",", ":"), ensure_ascii=False).encode() + b"\n")
        except (BrokenPipeError, ConnectionResetError) as error:
            raise ConnectionLost(f"socd at {self.path} closed the connection") from error

    def read_message(self, timeout):
        """The next JSON value socd sends; `timeout` None waits for ever. Raises Timeout or
        ConnectionLost."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            end = self._buffer.find(b"\n")
            if end >= 0:
                line = bytes(self._buffer[:end])
                del self._buffer[: end + 1]
                return json.loads(line)
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                raise Timeout(f"socd did not reply within {timeout} s")
            self._socket.settimeout(remaining)
            try:
                chunk = self._socket.recv(_READ_SIZE)
            except socket.timeout as error:
                raise Timeout(f"socd did not reply within {timeout} s") from error
            except ConnectionResetError as error:
                raise ConnectionLost(f"socd at {self.path} reset the connection") from error
            if not chunk:
                raise ConnectionLost(f"socd at {self.path} closed the connection")
            self._buffer += chunk

    def peer_has_closed(self):
        """True when socd has closed its end (idle exit, restart) and nothing is left unread."""
        if self._buffer:
            return False
        readable, _, _ = select.select([self._socket], [], [], 0)
        if not readable:
            return False
        try:
            return self._socket.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
        except (BlockingIOError, InterruptedError):
            return False
        except OSError:
            return True

    def fileno(self):
        return self._socket.fileno()

    def close(self):
        self._socket.close()
