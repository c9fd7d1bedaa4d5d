"""The parts of docs/PROTOCOL.md that are generated from the OpenRPC document.

Each part sits between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`; everything
outside the markers is written by hand and left alone.
"""

import json
import os
import re

from socd_process import REPO_ROOT

PROTOCOL_PATH = os.path.join(REPO_ROOT, "docs", "PROTOCOL.md")


def _cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def schema_summary(schema):
    """A short human reading of a JSON Schema: `string`, `"a" | "b"`, `array of integer`..."""
    if not schema:
        return "any"
    if "enum" in schema:
        return " | ".join(json.dumps(value) for value in schema["enum"])
    if "oneOf" in schema:
        return " or ".join(schema_summary(option) for option in schema["oneOf"])
    kind = schema.get("type")
    if kind == "array":
        return f"array of {schema_summary(schema.get('items', {}))}"
    if kind == "object" and schema.get("properties"):
        required = set(schema.get("required", []))
        fields = ", ".join(
            f"{name}{'' if name in required else '?'}" for name in sorted(schema["properties"])
        )
        return f"object {{{fields}}}"
    if isinstance(kind, list):
        return " or ".join(kind)
    return kind or "any"


def errors_table(document):
    lines = ["| code | `data.kind` | meaning |", "|---|---|---|"]
    errors = document.get("components", {}).get("errors", {})
    for error in sorted(errors.values(), key=lambda error: -error["code"]):
        lines.append(f"| {error['code']} | `{error['data']['kind']}` | {_cell(error['message'])} |")
    return "\n".join(lines)


def _error_kinds(method):
    return [error["$ref"].rsplit("/", 1)[-1] if "$ref" in error else error["data"]["kind"] for error in method.get("errors", [])]


def _params_table(params):
    if not params:
        return "No params."
    lines = ["| param | type | required | description |", "|---|---|---|---|"]
    for param in params:
        description = param.get("description") or param["schema"].get("description", "")
        lines.append(
            f"| `{param['name']}` | {_cell(schema_summary(param['schema']))} "
            f"| {'yes' if param.get('required') else 'no'} | {_cell(description)} |"
        )
    return "\n".join(lines)


def _result_lines(schema):
    properties = schema.get("properties")
    if not properties:
        return [f"Result: {_cell(schema_summary(schema))}."]
    required = set(schema.get("required", []))
    lines = ["| result field | type | always | description |", "|---|---|---|---|"]
    for name in sorted(properties):
        field = properties[name]
        lines.append(
            f"| `{name}` | {_cell(schema_summary(field))} | {'yes' if name in required else 'no'} "
            f"| {_cell(field.get('description', ''))} |"
        )
    return lines


def method_section(method):
    lines = [f"### `{method['name']}` ({method.get('x-access', 'read')})", "", method.get("summary", "")]
    if method.get("description"):
        lines += ["", method["description"]]
    lines += ["", _params_table(method["params"]), ""]
    lines += _result_lines(method["result"]["schema"])
    kinds = _error_kinds(method)
    if kinds:
        lines += ["", "Errors: " + ", ".join(f"`{kind}`" for kind in kinds) + "."]
    return "\n".join(lines)


def notifications_reference(document):
    sections = []
    for notification in document.get("x-notifications", []):
        lines = [f"### `{notification['name']}`", "", notification.get("summary", ""), ""]
        lines.append(_params_table(notification["params"]))
        sections.append("\n".join(lines))
    return "\n\n".join(sections)


NEW_METHODS_ANCHOR = "<!-- make openrpc adds sections for new methods above this line -->"


def _block(name, body):
    return f"<!-- generated:{name} -->\n{body}\n<!-- /generated:{name} -->"


def _block_pattern(name):
    return re.compile(rf"<!-- generated:{re.escape(name)} -->\n.*?\n<!-- /generated:{re.escape(name)} -->", re.DOTALL)


def updated_protocol_text(document, text=None):
    """PROTOCOL.md with each generated block rewritten from `document`.

    A method without a section gets one above NEW_METHODS_ANCHOR (its example is then still
    to be written; the docs test says so); the block of a method that is gone is removed.
    """
    if text is None:
        with open(PROTOCOL_PATH, encoding="utf-8") as file:
            text = file.read()
    blocks = {"errors": errors_table(document), "notifications": notifications_reference(document)}
    for method in document["methods"]:
        blocks[f"method:{method['name']}"] = method_section(method)
    for name, body in blocks.items():
        pattern = _block_pattern(name)
        replacement = _block(name, body)
        if pattern.search(text):
            text = pattern.sub(lambda _: replacement, text, count=1)
        elif name.startswith("method:"):
            if NEW_METHODS_ANCHOR not in text:
                raise ValueError(f"docs/PROTOCOL.md lacks the line {NEW_METHODS_ANCHOR}")
            text = text.replace(NEW_METHODS_ANCHOR, replacement + "\n\n" + NEW_METHODS_ANCHOR, 1)
        else:
            raise ValueError(f"docs/PROTOCOL.md has no <!-- generated:{name} --> block")
    for name in re.findall(r"<!-- generated:(method:[^ ]+) -->", text):
        if name not in blocks:
            text = _block_pattern(name).sub("", text, count=1)
    return text
