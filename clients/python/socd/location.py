"""Where the socd socket is, by the same rules socd and socctl follow."""

import os


def resolve_socket_path(path=None, environ=None, uid=None):
    """`path`, `$SOCD_SOCKET`, `$RUNTIME_DIRECTORY/socd.sock`, `/run/socd/socd.sock` for root,
    `$XDG_RUNTIME_DIR/socd/socd.sock`, else `/tmp/socd-$UID/socd.sock`."""
    environ = os.environ if environ is None else environ
    uid = os.getuid() if uid is None else uid
    if path:
        return os.fspath(path)
    if environ.get("SOCD_SOCKET"):
        return environ["SOCD_SOCKET"]
    runtime = [entry for entry in environ.get("RUNTIME_DIRECTORY", "").split(":") if entry]
    if runtime:
        return runtime[0] + "/socd.sock"
    if uid == 0:
        return "/run/socd/socd.sock"
    if environ.get("XDG_RUNTIME_DIR"):
        return environ["XDG_RUNTIME_DIR"] + "/socd/socd.sock"
    return f"/tmp/socd-{uid}/socd.sock"
