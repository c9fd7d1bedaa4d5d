"""A subscription to socd's events on a connection of its own."""

from .connection import LineConnection
from .errors import ConnectionLost, error_from_reply


class Subscription:
    """Iterates the params of `events.event` notifications: dicts with `subscription`, `topic`
    and `data`. Iteration ends when socd closes the connection (it is stopping, or the
    subscriber fell too far behind); `close()` ends the subscription.
    """

    def __init__(self, connection, result, timeout):
        self._connection = connection
        self.id = result["subscription"]
        self.topics = result["topics"]
        self.timeout = timeout

    @classmethod
    def open(cls, path, call_timeout, topics, timeout):
        connection = LineConnection(path, call_timeout)
        try:
            request = {"jsonrpc": "2.0", "id": 1, "method": "events.subscribe"}
            if topics:
                request["params"] = {"topics": [topics] if isinstance(topics, str) else list(topics)}
            connection.send(request)
            reply = connection.read_message(call_timeout)
            if "error" in reply:
                raise error_from_reply(reply["error"], "events.subscribe")
            return cls(connection, reply["result"], timeout)
        except BaseException:
            connection.close()
            raise

    def next(self, timeout=None):
        """The next event; raises socd.Timeout after `timeout` seconds (None: wait for ever)."""
        if self._connection is None:
            raise ConnectionLost("the subscription is closed")
        while True:
            message = self._connection.read_message(timeout)
            if message.get("method") == "events.event" and "id" not in message:
                return message["params"]
            if "error" in message:
                raise error_from_reply(message["error"])
            # Anything else (a reply) is not for the iterator; skip it.

    def __iter__(self):
        return self

    def __next__(self):
        try:
            return self.next(self.timeout)
        except ConnectionLost:
            self.close()
            raise StopIteration from None

    def close(self):
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return f"<socd.Subscription {self.id} topics={self.topics}>"


