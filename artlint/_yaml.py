"""Safe YAML loading for front matter, with positions, duplicate keys and bomb limits.

PyYAML's SafeLoader never runs code, but it lets a document expand without bound through
aliases ("billion laughs"), recurses without bound on nesting, silently keeps the last of
two equal keys, and turns ``2021-02-30`` into an exception. This loader composes the node
graph first, measures its expanded size, and only then constructs Python values, keeping
dates as strings so that the date rule can judge them.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from artlint.intdigits import is_int_limit_error, is_unprintable_int, too_long_number

MAX_YAML_NODES = 100_000
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class YamlProblem(Exception):
    def __init__(self, reason: str, line: int = 0, column: int = 0):
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.column = column


# libyaml's parser (C) when PyYAML was built with it: the same nodes and marks, several times faster.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_MERGE_TAG = "tag:yaml.org,2002:merge"


class _FrontMatterLoader(_BaseLoader):  # type: ignore[misc, valid-type]  # a base chosen at run time (above)
    """Safe loader that keeps timestamps as strings and records duplicate keys."""

    duplicates: list[tuple[str, int, int, int]]

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        try:
            value = super().construct_object(node, deep=deep)
        except (ValueError, ArithmeticError) as exc:  # an int over Python's limit, !!timestamp 2024-13-45
            raise YamlProblem(_value_problem(node, exc), node.start_mark.line, node.start_mark.column) from None
        if is_unprintable_int(value):
            raise YamlProblem(too_long_number(), node.start_mark.line, node.start_mark.column)
        return value

    def construct_mapping(self, node: Node, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, MappingNode):
            # The mapping's own keys: a key after `<<: *DEFAULT` overrides the merged one, as YAML's
            # merge key says, and is no duplicate of it.
            own = [key_node for key_node, _ in node.value if key_node.tag != _MERGE_TAG]
            self.flatten_mapping(node)
            seen: dict[tuple[type, Any], int] = {}  # by type too: 1 == True, but `1:` and `true:` differ
            for key_node in own:
                key = self.construct_object(key_node, deep=True)
                try:
                    hash(key)
                except TypeError:
                    raise YamlProblem(
                        "a mapping key must be a plain value, not a list or mapping",
                        key_node.start_mark.line,
                        key_node.start_mark.column,
                    ) from None
                line = key_node.start_mark.line
                typed = (type(key), key)
                if typed in seen:
                    self.duplicates.append((str(key), line, key_node.start_mark.column, seen[typed]))
                else:
                    seen[typed] = line
        return super().construct_mapping(node, deep=deep)


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _value_problem(node: Node, exc: Exception) -> str:
    if is_int_limit_error(exc):
        return too_long_number(sum(char.isdigit() for char in str(node.value)))
    kind = node.tag.rpartition(":")[2] or "value"
    value = str(node.value)
    shown = repr(value if len(value) <= 40 else value[:40] + "…")
    return f"invalid {kind} {shown}: {exc}"


def _expanded_size(root: Node, limit: int) -> int:
    """Number of nodes the graph has once every alias is expanded; raises past `limit` or on a cycle."""
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    # Iterative post-order walk: nesting depth must not turn into Python recursion.
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            on_path.discard(key)
            total = 1 + sum(sizes[id(child)] for child in _children(node))
            if total > limit:
                raise YamlProblem(
                    f"the front matter expands to more than {limit:,} values through aliases (an alias bomb?)",
                    root.start_mark.line,
                    root.start_mark.column,
                )
            sizes[key] = total
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise YamlProblem("an alias refers to the value that contains it", node.start_mark.line, node.start_mark.column)
        on_path.add(key)
        stack.append((node, True))
        for child in _children(node):
            if id(child) not in sizes:
                stack.append((child, False))
    return sizes[id(root)]


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def load_yaml(
    raw: str, first_document: bool = False
) -> tuple[Any, dict[str, tuple[int, int, int, int]], list[tuple[str, int, int, int]]]:
    """Load one YAML document: (data, {key: (line, col, value_line, value_col)}, duplicates). 0-based places.
    With `first_document`, the first of a stream of several (`---` after the last key), as Go's
    and Ruby's YAML libraries read a configuration; else more than one is an error."""
    loader = _FrontMatterLoader(raw)
    loader.duplicates = []
    try:
        root = (loader.get_node() if loader.check_node() else None) if first_document else loader.get_single_node()
        if root is None:
            return None, {}, []
        _expanded_size(root, MAX_YAML_NODES)
        data = loader.construct_document(root)
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and (mark is None or mark.index >= len(raw.rstrip())):
            mark = exc.context_mark  # "unexpected end of stream": where the unclosed thing began
        reason = " ".join(part for part in (exc.context, exc.problem) if part)
        raise YamlProblem(reason or "invalid YAML", mark.line if mark else 0, mark.column if mark else 0) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(str(exc)) from None
    except RecursionError:
        raise YamlProblem("nesting is too deep") from None
    finally:
        loader.dispose()
    keys: dict[str, tuple[int, int, int, int]] = {}
    if isinstance(root, MappingNode):
        for key_node, value_node in root.value:
            if isinstance(key_node, ScalarNode):
                keys.setdefault(
                    str(key_node.value),
                    (
                        key_node.start_mark.line,
                        key_node.start_mark.column,
                        value_node.start_mark.line,
                        value_node.start_mark.column,
                    ),
                )
    return data, keys, loader.duplicates
