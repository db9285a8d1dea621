"""`drafter templates check`: parse templates and check the data fields they use, without rendering.

A small type walk over Jinja's syntax tree: names bound to `event`, or to parts of it by
`{% set %}` and `{% for %}`, are followed through the pydantic model; an attribute the model
does not have is reported with the template line and the closest real field.
"""
from __future__ import annotations

import difflib
from pathlib import Path

import jinja2
from jinja2 import meta, nodes
from .directives import check_source
from ..errors import DrafterError, Issue, pack
from ..model import KINDS
from .template_rules import check_rules
from ..compose.templating import BUILTIN_DIR, environment
from ..model.validate import _model_in
from ..compose.words import problems as words_problems

PROVIDED = {"event", "persons", "people", "report", "resolution", "photos", "table", "pick", "out_of_scope", "range",
            "dict", "lipsum", "cycler", "joiner", "namespace", "loop", "super", "self", "varargs", "kwargs", "caller"}


def check_templates(folders: tuple[str, ...], include_builtin: bool = True, rules: bool = False) -> list[Issue]:
    """The problems of every template (errors); with RULES, template_rules' warnings as well."""
    search = tuple(folders)
    env = environment(search)
    roots = [Path(f) for f in folders] + ([BUILTIN_DIR] if include_builtin else [])
    issues: list[Issue] = []
    for index, root in enumerate(roots):
        for path in sorted(root.rglob("*.j2")):
            name = path.relative_to(root).as_posix()
            issues.extend(check_one(env, name, path, index))
        if rules:
            issues.extend(check_rules(env, root))
    return issues + words_problems(search)  # the office's words.yaml is checked with its templates


def check_one(env: jinja2.Environment, name: str, path: Path, index: int = 0) -> list[Issue]:
    # Read through the loader so "extends the same name" points down the search path.
    try:
        source = env.loader.get_source(env, f"@{index}/{name}")[0]
    except DrafterError as exc:  # a link out of the folder: reported, not read
        return exc.issues
    try:
        tree = env.parse(source, name, str(path))
        env.compile(source, name, str(path))  # unknown filters and tests show up here
    except jinja2.TemplateSyntaxError as exc:
        return [Issue(str(path), exc.lineno, None, "", "template_syntax", pack({"detail": exc.message}))]
    kind = name.split("/")[0]
    models = [KINDS[kind]] if kind in KINDS else list(KINDS.values())
    issues = _unknown_names(env, tree, path) + check_source(env, source, str(path))
    scope = {"event": tuple(models)}
    quiet = _Walker(path)  # the parents' own problems are reported with the parents
    for ancestor in reversed(list(_ancestors(env, tree))):
        for node in ancestor.body:
            if isinstance(node, nodes.Assign):
                quiet.visit(node, scope)
    walker = _Walker(path)
    walker.visit(tree, scope)
    return issues + walker.issues


def _unknown_names(env, tree, path: Path) -> list[Issue]:
    declared = set(PROVIDED) | set(env.globals)
    for ancestor in _ancestors(env, tree):
        declared |= _top_level_names(ancestor)
    declared |= _top_level_names(tree)
    missing = sorted(meta.find_undeclared_variables(tree) - declared)
    return [Issue(str(path), _first_line(tree, n), None, "", "template_unknown_name", pack({"name": n}))
            for n in missing]


def _ancestors(env, tree):
    """The templates this one extends, parsed (statically named parents only)."""
    seen = set()
    while True:
        parent = next((n.template.value for n in tree.find_all(nodes.Extends)
                       if isinstance(n.template, nodes.Const)), None)
        if parent is None or parent in seen:
            return
        seen.add(parent)
        source, filename, _ = env.loader.get_source(env, parent)
        tree = env.parse(source, parent, filename)
        yield tree


def _top_level_names(tree) -> set[str]:
    names = set()
    for node in tree.find_all((nodes.Assign, nodes.Import, nodes.FromImport, nodes.Macro, nodes.For)):
        if isinstance(node, nodes.Macro):
            names.add(node.name)
            names.update(a.name for a in node.args)
        elif isinstance(node, nodes.Import):
            names.add(node.target)
        elif isinstance(node, nodes.FromImport):
            names.update(n if isinstance(n, str) else n[1] for n in node.names)
        else:  # a target is a Name or a tuple of Names; find_all skips the node itself
            target = node.target
            names.update([target.name] if isinstance(target, nodes.Name)
                         else [n.name for n in target.find_all(nodes.Name)])
    return names


def _first_line(tree, name: str) -> int | None:
    return next((n.lineno for n in tree.find_all(nodes.Name) if n.name == name), None)


class _Walker:
    """Follows names through the model; a type is a tuple of candidate model classes."""

    def __init__(self, path: Path):
        self.path = path
        self.issues: list[Issue] = []

    def visit(self, node, scope: dict) -> None:
        if isinstance(node, nodes.Assign) and isinstance(node.target, nodes.Name):
            self.visit(node.node, scope)
            scope[node.target.name] = self.type_of(node.node, scope)
            return
        if isinstance(node, nodes.For):
            self.visit(node.iter, scope)
            inner = dict(scope)
            if isinstance(node.target, nodes.Name):
                inner[node.target.name] = self.type_of(node.iter, scope)  # list element model
            for child in node.body + node.else_ + ([node.test] if node.test else []):
                self.visit(child, inner)
            return
        if isinstance(node, nodes.Macro):
            inner = {k: v for k, v in scope.items() if k not in {a.name for a in node.args}}
            if "event" in {a.name for a in node.args}:
                inner["event"] = scope.get("event", ())
            for child in node.body:
                self.visit(child, inner)
            return
        if isinstance(node, nodes.Getattr):
            self.type_of(node, scope)
            return
        for child in node.iter_child_nodes():
            self.visit(child, scope)

    def type_of(self, node, scope) -> tuple:
        """The candidate model classes an expression evaluates to; () when unknown."""
        if isinstance(node, nodes.Name):
            return scope.get(node.name, ())
        if isinstance(node, (nodes.Getattr, nodes.Getitem)):
            attr = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
            base = self.type_of(node.node, scope)
            if isinstance(node, nodes.Getitem):
                self.visit(node.arg, scope)
            if not isinstance(attr, str) or not base:
                return base if isinstance(node, nodes.Getitem) and not isinstance(attr, str) else ()
            return self._attribute(base, attr, node.lineno)
        for child in node.iter_child_nodes():
            self.visit(child, scope)
        return ()

    def _attribute(self, models: tuple, attr: str, line: int) -> tuple:
        found = []
        known = False
        for model in models:
            fields = getattr(model, "model_fields", {})
            if attr in fields:
                known = True
                inner = _model_in(fields[attr].annotation)
                if inner is not None:
                    found.append(inner)
            elif hasattr(model, attr):
                known = True  # a property or method such as short_name
        if not known and models:
            names = sorted({f for m in models for f in getattr(m, "model_fields", {})}
                           | {a for m in models for a in dir(m) if not a.startswith("_")
                              and isinstance(getattr(m, a, None), property)})
            close = difflib.get_close_matches(attr, names, n=1, cutoff=0.6)
            args = {"name": attr, **({"suggest": close[0]} if close else {})}
            self.issues.append(Issue(str(self.path), line, None, "", "template_unknown_field", pack(args)))
        return tuple(dict.fromkeys(found))

