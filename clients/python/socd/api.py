"""The socd API as Python callables, derived from the OpenRPC document shipped with the package.

Nothing here names a socd method: `make openrpc` regenerates `openrpc.json` from the daemon's
registry, and every method in it becomes `client.<namespace>.<verb>(...)` (with a snake_case
alias for camelCase verbs), with a signature and a docstring taken from its params.
"""

import inspect
import json
import keyword
import re
from importlib import resources


def load_document():
    """The OpenRPC document this package was built with."""
    return json.loads(resources.files(__package__).joinpath("openrpc.json").read_text(encoding="utf-8"))


def snake_case(name):
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def _python_name(name):
    """A keyword-safe identifier for a param (`from` becomes `from_`)."""
    return name + "_" if keyword.iskeyword(name) else name


class MethodDescription:
    """What a client needs to know about one method: its params, and whether it changes state."""

    def __init__(self, method):
        self.name = method["name"]
        self.summary = method.get("summary", "")
        self.description = method.get("description", "")
        self.params = method.get("params", [])
        self.writes = method.get("x-access") == "write"
        self.param_names = {_python_name(param["name"]): param["name"] for param in self.params}
        self.required = {_python_name(param["name"]) for param in self.params if param.get("required")}

    def signature(self):
        ordered = sorted(self.param_names, key=lambda name: (name not in self.required, name))
        return inspect.Signature(
            [
                inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=inspect.Parameter.empty if name in self.required else None)
                for name in ordered
            ]
        )

    def docstring(self):
        lines = [self.summary or self.name]
        if self.description:
            lines += ["", self.description]
        lines += ["", f"socd method `{self.name}` ({'changes state' if self.writes else 'read-only'})."]
        for param in self.params:
            text = param.get("description") or param.get("schema", {}).get("description", "")
            flag = "required" if param.get("required") else "optional"
            lines.append(f"  {_python_name(param['name'])} ({flag}): {text}".rstrip())
        return "\n".join(lines)

    def bind(self, arguments):
        """The wire params for keyword `arguments`; TypeError for unknown or missing names, as a
        Python function would. None means "not given" and is left out."""
        unknown = sorted(set(arguments) - set(self.param_names))
        if unknown:
            raise TypeError(f"{self.name}() got unexpected keyword argument(s): {', '.join(unknown)}")
        missing = sorted(name for name in self.required if arguments.get(name) is None)
        if missing:
            raise TypeError(f"{self.name}() missing required keyword argument(s): {', '.join(missing)}")
        return {self.param_names[name]: value for name, value in arguments.items() if value is not None}


class ApiDescription:
    """Every method of the document by name, grouped by namespace, plus the error kinds."""

    def __init__(self, document):
        self.document = document
        self.methods = {method["name"]: MethodDescription(method) for method in document["methods"]}
        self.namespaces = {}
        for name in self.methods:
            namespace, _, verb = name.rpartition(".")
            self.namespaces.setdefault(namespace, {})[verb] = name
        self.error_kinds = [
            error.get("data", {}).get("kind", key) for key, error in document.get("components", {}).get("errors", {}).items()
        ]
        topics = set()
        for notification in document.get("x-notifications", []):
            for param in notification.get("params", []):
                if param["name"] == "topic":
                    topics.update(param["schema"].get("enum", []))
        self.topics = sorted(topics)


class Namespace:
    """`client.rules`, `client.system`...: one bound callable per method in that namespace."""

    def __init__(self, client, namespace, verbs, api):
        self._namespace = namespace
        for verb, method_name in verbs.items():
            function = _make_method(client, api.methods[method_name])
            setattr(self, verb, function)
            alias = _python_name(snake_case(verb))  # `rules.import` is also `rules.import_`
            if alias != verb and not hasattr(self, alias):
                setattr(self, alias, function)

    def __repr__(self):
        verbs = sorted(name for name in vars(self) if not name.startswith("_"))
        return f"<socd namespace {self._namespace}: {', '.join(verbs)}>"


def _make_method(client, description):
    if description.name == "events.subscribe":
        # Events need a connection of their own (see Client.subscribe); calling it on the shared
        # connection would mix notifications into the replies of later calls.
        def method(**arguments):
            return client.subscribe(**description.bind(arguments))
    else:
        def method(**arguments):
            return client._call_described(description, description.bind(arguments))

    method.__name__ = snake_case(description.name.rpartition(".")[2])
    method.__qualname__ = description.name
    method.__doc__ = description.docstring()
    method.__signature__ = description.signature()
    return method
