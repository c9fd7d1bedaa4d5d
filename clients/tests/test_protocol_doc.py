"""docs/PROTOCOL.md: its generated parts are current and its example exchanges hold."""

import os
import re

import pytest

import openrpc_file
import protocol_examples
import protocol_reference

BACKUP_EXAMPLE_PATH = "/tmp/socd-protocol-example-backup.db"


@pytest.fixture(scope="module")
def protocol_text():
    with open(protocol_reference.PROTOCOL_PATH, encoding="utf-8") as file:
        return file.read()


def test_generated_parts_follow_the_openrpc_document(protocol_text):
    expected = protocol_reference.updated_protocol_text(openrpc_file.load_checked_in(), protocol_text)
    assert expected == protocol_text, "docs/PROTOCOL.md is out of date with clients/openrpc.json; run `make openrpc`"


def test_every_method_has_an_example(protocol_text):
    sent = set()
    for step in protocol_examples.parse_examples(protocol_text):
        if step.direction == "send":
            sent.update(re.findall(r'"method":"([^"]+)"', step.text))
    missing = [method["name"] for method in openrpc_file.load_checked_in()["methods"] if method["name"] not in sent]
    assert not missing, f"docs/PROTOCOL.md has no example exchange for: {', '.join(missing)}"


@pytest.mark.skipif(os.getuid() != 0, reason="the Authorization examples connect as uid 65534, which needs root")
def test_examples_hold_against_a_fresh_daemon(daemon, protocol_text):
    if os.path.exists(BACKUP_EXAMPLE_PATH):
        os.remove(BACKUP_EXAMPLE_PATH)
    try:
        steps = protocol_examples.parse_examples(protocol_text)
        assert len(steps) > 40
        failures = protocol_examples.run_examples(daemon.socket_path, steps)
    finally:
        if os.path.exists(BACKUP_EXAMPLE_PATH):
            os.remove(BACKUP_EXAMPLE_PATH)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    "expected, actual, fits",
    [
        ('{"a":<int>}', {"a": 3}, True),
        ('{"a":<int>}', {"a": "3"}, False),
        ('{"a":<int>}', {"a": True}, False),
        ('{"t":"<time>"}', {"t": "2026-01-02T03:04:05.678Z"}, True),
        ('{"t":"<time>"}', {"t": "yesterday"}, False),
        ('{"a":<any>,"b":1}', {"a": [1, {}], "b": 1}, True),
        ('{"a":1}', {"a": 1, "b": 2}, False),
        ('[1,"<string>"]', [1, "x"], True),
        ('[1,"<string>"]', [1, "x", 3], False),
        ('{"n":<number>}', {"n": 0.5}, True),
        ('{"a":1}', {"a": 1.0}, False),
    ],
)
def test_placeholders_match_only_what_they_say(expected, actual, fits):
    assert (protocol_examples.mismatch(protocol_examples.parse_expected(expected), actual) is None) == fits


def test_a_new_method_gets_a_section_and_a_removed_one_loses_its_block(protocol_text):
    document = openrpc_file.load_checked_in()
    document["methods"] = [m for m in document["methods"] if m["name"] != "rules.move"]
    document["methods"].append({
        "name": "incidents.open", "params": [{"name": "title", "required": True, "schema": {"type": "string"}}],
        "result": {"name": "result", "schema": {"type": "object", "properties": {"id": {"type": "integer"}}}},
        "summary": "Opens an incident.", "x-access": "write", "paramStructure": "by-name",
    })
    updated = protocol_reference.updated_protocol_text(document, protocol_text)
    section = updated.index("<!-- generated:method:incidents.open -->")
    assert "### `incidents.open` (write)" in updated and "| `title` | string | yes |" in updated
    assert section < updated.index(protocol_reference.NEW_METHODS_ANCHOR)
    assert "<!-- generated:method:rules.move -->" not in updated
    assert protocol_reference.updated_protocol_text(document, updated) == updated
