"""clients/openrpc.json is what socd's rpc.discover says, in canonical form, and valid OpenRPC."""

import copy
import difflib
import json
import os

import jsonschema
import pytest

import openrpc_file

META_SCHEMA_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "openrpc-meta-schema.json")


@pytest.fixture(scope="module")
def meta_schema():
    with open(META_SCHEMA_PATH, encoding="utf-8") as file:
        schema = json.load(file)
    jsonschema.Draft7Validator.check_schema(schema)
    return schema


def test_checked_in_document_matches_the_daemon(shared_daemon):
    live = openrpc_file.render(shared_daemon.call("rpc.discover"))
    with open(openrpc_file.OPENRPC_PATH, encoding="utf-8") as file:
        checked_in = file.read()
    if live != checked_in:
        diff = "".join(
            list(difflib.unified_diff(checked_in.splitlines(True), live.splitlines(True), "clients/openrpc.json", "rpc.discover"))[:80]
        )
        pytest.fail(f"clients/openrpc.json differs from the daemon's rpc.discover; run `make openrpc`.\n{diff}")


def test_document_is_valid_openrpc(meta_schema):
    jsonschema.Draft7Validator(meta_schema).validate(openrpc_file.load_checked_in())


def test_meta_schema_rejects_what_the_specification_forbids(meta_schema):
    validator = jsonschema.Draft7Validator(meta_schema)
    document = openrpc_file.load_checked_in()
    broken = []
    without_result = copy.deepcopy(document)
    del without_result["methods"][0]["result"]
    broken.append(without_result)
    bad_structure = copy.deepcopy(document)
    bad_structure["methods"][0]["paramStructure"] = "by-magic"
    broken.append(bad_structure)
    bad_schema = copy.deepcopy(document)
    bad_schema["methods"][0]["result"]["schema"] = {"type": 7}
    broken.append(bad_schema)
    unknown_member = copy.deepcopy(document)
    unknown_member["methods"][0]["access"] = "read"
    broken.append(unknown_member)
    wrong_version = dict(document, openrpc="2.0.0")
    broken.append(wrong_version)
    for candidate in broken:
        assert not validator.is_valid(candidate)


def test_socd_extensions_are_complete():
    document = openrpc_file.load_checked_in()
    errors = document["components"]["errors"]
    names = [method["name"] for method in document["methods"]]
    assert len(names) == len(set(names)), "method names must be unique"
    for method in document["methods"]:
        assert method.get("x-access") in ("read", "write"), method["name"]
        assert method.get("paramStructure") == "by-name", method["name"]
        for error in method.get("errors", []):
            key = error["$ref"].removeprefix("#/components/errors/")
            assert key in errors, f"{method['name']} refers to unknown error {error['$ref']}"
    for key, error in errors.items():
        assert error["data"]["kind"] == key
    assert [notification["name"] for notification in document["x-notifications"]] == ["events.event"]
