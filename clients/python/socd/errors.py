"""Exceptions: one class per `data.kind` of socd's error replies, and three for the transport."""

import re


class SocdError(Exception):
    """An error reply from socd. `code`, `message` and `data` are the reply's, unchanged."""

    kind = None

    def __init__(self, code, message, data=None, method=None):
        super().__init__(f"{method}: {message}" if method else message)
        self.code = code
        self.message = message
        self.data = data if data is not None else {}
        self.method = method

    def __repr__(self):
        return f"{type(self).__name__}(code={self.code!r}, message={self.message!r}, data={self.data!r})"


class ParseError(SocdError):
    kind = "parseError"


class InvalidRequest(SocdError):
    kind = "invalidRequest"


class MethodNotFound(SocdError):
    kind = "methodNotFound"


class InvalidParams(SocdError):
    """`data.field` names the parameter and `data.reason` what was expected of it."""

    kind = "invalidParams"


class InternalError(SocdError):
    kind = "internal"


class NotFound(SocdError):
    kind = "notFound"


class Conflict(SocdError):
    kind = "conflict"


class PermissionDenied(SocdError):
    """The connection may read but not change state (see docs/PROTOCOL.md, Authorization)."""

    kind = "permissionDenied"


class InvalidState(SocdError):
    kind = "invalidState"


class StorageError(SocdError):
    kind = "storage"


class Overloaded(SocdError):
    """socd shed the request without acting on it; it is safe to retry after a pause."""

    kind = "overloaded"


class Unreachable(ConnectionError):
    """No socd answers at the socket path (absent, refused, or not permitted)."""


class ConnectionLost(ConnectionError):
    """socd closed the connection before replying; a write may or may not have happened."""


class Timeout(TimeoutError):
    """No reply within the client's timeout. The connection is closed, since its reply is lost."""


ERROR_CLASSES = {cls.kind: cls for cls in SocdError.__subclasses__()}


def _class_name(kind):
    name = re.sub(r"[^0-9A-Za-z]", "", kind[:1].upper() + kind[1:]) or "Unknown"
    return name if name.endswith("Error") else name + "Error"


def register_kinds(kinds):
    """Makes a class for each `data.kind` the API document names that has none yet.

    Returns the new classes by name, so a newer socd's errors get their own types without a
    client release; `except SocdError` still catches them.
    """
    created = {}
    for kind in kinds:
        if kind not in ERROR_CLASSES:
            cls = type(_class_name(kind), (SocdError,), {"kind": kind, "__module__": __name__})
            ERROR_CLASSES[kind] = cls
            created[cls.__name__] = cls
    return created


_KIND_BY_CODE = {-32700: "parseError", -32600: "invalidRequest", -32601: "methodNotFound", -32602: "invalidParams", -32603: "internal"}


def error_from_reply(error, method=None):
    """The exception for a JSON-RPC error object: by `data.kind`, else by standard code."""
    data = error.get("data")
    kind = data.get("kind") if isinstance(data, dict) else None
    cls = ERROR_CLASSES.get(kind) or ERROR_CLASSES.get(_KIND_BY_CODE.get(error.get("code"))) or SocdError
    return cls(error.get("code"), error.get("message", ""), data, method)
