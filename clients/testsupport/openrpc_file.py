"""The checked-in OpenRPC document: where it lives and its one canonical rendering."""

import json
import os

from socd_process import REPO_ROOT

OPENRPC_PATH = os.path.join(REPO_ROOT, "clients", "openrpc.json")


def render(document):
    """Pretty-printed with sorted keys and a final newline, so regenerating is byte-stable."""
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def load_checked_in():
    with open(OPENRPC_PATH, encoding="utf-8") as file:
        return json.load(file)
