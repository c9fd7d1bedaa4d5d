"""The synchronous socd client: one reused connection for calls, one more per subscription."""

import itertools
import threading

from .api import ApiDescription, Namespace, load_document
from .connection import LineConnection
from .errors import ConnectionLost, Timeout, error_from_reply
from .location import resolve_socket_path
from .subscription import Subscription


class Client:
    """A connection to socd that is opened on first use and reused by every call.

    `client.call("rules.add", src=..., action="drop")` and `client.rules.add(src=..., action="drop")`
    are the same call. Error replies raise a SocdError subclass chosen by `data.kind`; a call
    that gets no reply within `timeout` seconds raises Timeout. Calls from several threads are
    serialized on the one connection; open one Client per thread for parallel calls.
    """

    def __init__(self, path=None, timeout=5.0, document=None):
        self.path = resolve_socket_path(path)
        self.timeout = timeout
        self.api = ApiDescription(document if document is not None else load_document())
        self._connection = None
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        for namespace, verbs in self.api.namespaces.items():
            if hasattr(type(self), namespace):
                raise ValueError(f"API namespace {namespace!r} collides with a Client attribute")
            setattr(self, namespace, Namespace(self, namespace, verbs, self.api))

    def call(self, method, /, **params):
        """Calls `method` with `params` by name and returns its result."""
        description = self.api.methods.get(method)
        return self._call(method, params, retry_safe=description is not None and not description.writes)

    def _call_described(self, description, params):
        return self._call(description.name, params, retry_safe=not description.writes)

    def _call(self, method, params, retry_safe):
        request = {"jsonrpc": "2.0", "id": None, "method": method}
        if params:
            request["params"] = params
        with self._lock:
            # A reused connection that socd has since closed (an --exit-idle restart, say) is
            # only found out on use; a read may then be sent again, a write may not, since it
            # could have been carried out before the connection went.
            for attempt in (1, 2):
                connection = self._connected()
                request["id"] = next(self._ids)
                try:
                    connection.send(request)
                    reply = self._read_reply(connection, request["id"])
                    break
                except ConnectionLost:
                    self._drop_connection()
                    if attempt == 2 or not retry_safe:
                        raise
                except Timeout:
                    self._drop_connection()
                    raise
        if "error" in reply:
            raise error_from_reply(reply["error"], method)
        return reply.get("result")

    def _read_reply(self, connection, request_id):
        while True:
            message = connection.read_message(self.timeout)
            if "id" not in message and "method" in message:
                continue  # a notification; this connection holds no subscription of the caller's
            if message.get("id") == request_id:
                return message
            if message.get("id") is None and "error" in message:
                return message  # socd could not read the request's id (a parse error)
            raise ConnectionLost(f"reply for id {message.get('id')!r} while waiting for {request_id}")

    def _connected(self):
        if self._connection is not None and self._connection.peer_has_closed():
            self._drop_connection()
        if self._connection is None:
            self._connection = LineConnection(self.path, self.timeout)
        return self._connection

    def _drop_connection(self):
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def subscribe(self, topics=None, timeout=None):
        """Subscribes on a new connection; iterate the result for `events.event` params
        (`{"subscription", "topic", "data"}`). `timeout` bounds each wait for an event."""
        return Subscription.open(self.path, self.timeout, topics, timeout)

    def close(self):
        with self._lock:
            self._drop_connection()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return f"<socd.Client {self.path}>"
