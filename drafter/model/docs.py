"""Field descriptions from the attribute docstrings in the model's source.

pydantic can read them itself (use_attribute_docstrings), but that parses the source of every
class at import and costs every command ~30 ms; only `drafter schema` and `drafter new` need
them, so they are read here, on demand.
"""
from __future__ import annotations

import ast
import inspect
from functools import lru_cache

from pydantic import BaseModel


@lru_cache(maxsize=None)
def field_docs(model: type[BaseModel]) -> dict[str, str]:
    """Field name -> the docstring under it, own class first, then its bases."""
    docs: dict[str, str] = {}
    for cls in model.__mro__:
        if not (isinstance(cls, type) and issubclass(cls, BaseModel)) or cls is BaseModel:
            continue
        for name, text in _class_docs(cls).items():
            docs.setdefault(name, text)
    return docs


def _class_docs(cls) -> dict[str, str]:
    try:
        tree = ast.parse(inspect.getsource(cls))
    except (OSError, TypeError, SyntaxError):
        return {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    found = {}
    for node, following in zip(body, body[1:]):
        if (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
                and isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)):
            found[node.target.id] = inspect.cleandoc(following.value.value)
    return found


def json_schema() -> dict:
    """The JSON Schema of a drafter YAML file, with every field described."""
    from . import common, events, genre

    schema = events.Document.model_json_schema()
    classes = {name: obj for module in (common, events, genre) for name, obj in vars(module).items()
               if isinstance(obj, type) and issubclass(obj, BaseModel)}
    for name, definition in schema.get("$defs", {}).items():
        model = classes.get(name)
        if model is None:
            continue
        docs = field_docs(model)
        for field, prop in definition.get("properties", {}).items():
            if field in docs:
                prop["description"] = docs[field]
    return schema
