"""Read YAML into plain data while remembering the line of every value, for messages with file and line."""

from __future__ import annotations

from typing import Any

import yaml

from .errors import Problems
from .i18n import _
from .yaml_messages import UNKNOWN, explain

Path_ = tuple  # a path into the data: ("elements", 2, "aspects", 0, "phases")


class Located:
    """Plain data from a YAML text plus the line (1-based) where each value and key starts."""

    def __init__(self, data: Any, lines: dict[Path_, int]):
        self.data = data
        self.lines = lines

    def line(self, path: Path_) -> int:
        """The line of the value at `path`, or of its nearest parent that has one."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


def parse_yaml(text: str, problems: Problems, first_line: int = 1) -> Located | None:
    """Parse one YAML document; on a syntax error, or an anchor or alias, record it and return None."""
    offset = first_line - 1
    # Refused before composing: expanding nested aliases ("billion laughs") can take minutes and gigabytes, and a
    # text written once and reused elsewhere hides from the publisher what a page will say.
    references, error = _anchors_and_aliases(text)
    for token in references:
        problems.error(token.start_mark.line + 1 + offset, _reference_problem(token))
    if error is not None:
        _report_syntax_error(error, text, problems, first_line)
        return None
    if references:
        return None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        _report_syntax_error(exc, text, problems, first_line)
        return None
    lines: dict[Path_, int] = {}
    if node is None:
        return Located(None, lines)
    constructor = yaml.SafeLoader("")
    data = _build(node, (), lines, problems, constructor, offset)
    return Located(data, lines)


# libyaml's scanner, where PyYAML has it, reads a model in a few milliseconds; PyYAML's own takes ten times longer.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Reference = yaml.AnchorToken | yaml.AliasToken


def _anchors_and_aliases(text: str) -> tuple[list[_Reference], yaml.YAMLError | None]:
    """Every anchor (&name) and alias (*name) in one pass over the tokens, which never expands an alias; and the
    syntax error that stopped the pass, if any, with the anchors and aliases before it."""
    try:
        return [token for token in yaml.scan(text, Loader=_FAST_LOADER) if isinstance(token, _Reference)], None
    except yaml.YAMLError:
        pass  # scan again with PyYAML's scanner, whose messages _PHRASES knows
    found: list[_Reference] = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, _Reference):
                found.append(token)
    except yaml.YAMLError as exc:
        return found, exc
    return found, None


def _reference_problem(token: _Reference) -> str:
    if isinstance(token, yaml.AnchorToken):
        return _("'&%(name)s' is een YAML-anker; ankers (&naam) en verwijzingen (*naam) zijn niet toegestaan: schrijf "
                 "de tekst voluit op elke plek waar hij hoort (is '&' gewoon het begin van je tekst, zet de tekst dan "
                 "tussen aanhalingstekens)") % {"name": token.value}
    return _("'*%(name)s' is een YAML-verwijzing; ankers (&naam) en verwijzingen (*naam) zijn niet toegestaan: "
             "schrijf de tekst hier voluit (is '*' gewoon het begin van je tekst, zet de tekst dan tussen "
             "aanhalingstekens)") % {"name": token.value}


def _report_syntax_error(exc: yaml.YAMLError, text: str, problems: Problems, first_line: int) -> None:
    if not isinstance(exc, yaml.MarkedYAMLError):
        problems.error(first_line, not_yaml(_(UNKNOWN)))
        return
    line, message = explain(exc, text.splitlines() or [""])
    problems.error(line + first_line, not_yaml(message))


def not_yaml(reason: str) -> str:
    return _("dit is geen geldige YAML: %(reason)s") % {"reason": reason}


def _build(node: yaml.Node, path: Path_, lines: dict, problems: Problems, constructor, offset: int) -> Any:
    lines[path] = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1 + offset
            if not isinstance(key_node, yaml.ScalarNode):
                problems.error(key_line, _("een sleutel moet een woord zijn, geen lijst of blok"))
                continue
            key = _scalar(key_node, problems, constructor, key_line)
            if key in result:
                problems.error(key_line, _("sleutel '%(key)s' staat twee keer in hetzelfde blok; elke sleutel mag "
                                           "één keer") % {"key": key})
                continue
            result[key] = _build(value_node, path + (key,), lines, problems, constructor, offset)
            lines[path + (key,)] = key_line  # messages point at the key, where the publisher looks
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), lines, problems, constructor, offset) for i, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)  # the third and last kind of node
    return _scalar(node, problems, constructor, lines[path])


def _scalar(node: yaml.ScalarNode, problems: Problems, constructor, line: int) -> Any:
    """One value; a value YAML cannot read (an impossible date, an unknown '!tag') is a problem, not a crash."""
    try:
        return constructor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError):
        problems.error(line, not_yaml(_unreadable(node)))
        return node.value


def _unreadable(node: yaml.ScalarNode) -> str:
    """Why YAML could not read a value, in words: a date or number that does not exist, or an unknown '!tag'."""
    if not node.tag.startswith("tag:yaml.org,2002:"):
        return _("'%(tag)s' voor %(value)s is geen soort waarde die de scan kent; laat het weg, of zet de tekst tussen "
                 "aanhalingstekens") % {"tag": node.tag, "value": repr(node.value)}
    if node.tag.endswith(":timestamp"):
        return _("YAML leest %(value)s als een datum, maar die bestaat niet; is het tekst, zet het dan tussen "
                 "aanhalingstekens") % {"value": repr(node.value)}
    return _("YAML leest %(value)s als een getal, maar die bestaat niet; is het tekst, zet het dan tussen "
             "aanhalingstekens") % {"value": repr(node.value)}
