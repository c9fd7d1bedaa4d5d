"""socd: a client for the socd daemon's JSON-RPC API on its Unix socket (stdlib only).

    import socd
    with socd.Client() as client:            # finds the socket as socctl does
        client.system.ping()                 # {'pong': True}
        client.rules.add(src="198.51.100.7", dst="10.0.0.10", dport=80, action="drop", ttl="1h")
        for event in client.subscribe(["rules"]):
            print(event["topic"], event["data"])

The methods come from the OpenRPC document shipped in this package (clients/openrpc.json,
generated from socd's registry). Error replies raise SocdError subclasses by `data.kind`.
"""

from . import errors as _errors
from .api import ApiDescription, load_document
from .client import Client
from .errors import (
    Conflict,
    ConnectionLost,
    InternalError,
    InvalidParams,
    InvalidRequest,
    InvalidState,
    MethodNotFound,
    NotFound,
    Overloaded,
    ParseError,
    PermissionDenied,
    SocdError,
    StorageError,
    Timeout,
    Unreachable,
    error_from_reply,
)
from .location import resolve_socket_path
from .subscription import Subscription

# Error kinds a newer document names get classes too, importable as socd.<Name>.
globals().update(_errors.register_kinds(ApiDescription(load_document()).error_kinds))

__version__ = "1.0.0"
__all__ = [name for name in globals() if not name.startswith("_") and name[0].isupper()] + [
    "error_from_reply",
    "load_document",
    "resolve_socket_path",
]
