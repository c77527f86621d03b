"""What went wrong in a YAML text that cannot be read, said in the build's language, on the line where the
publisher made it.

The YAML reader notices a mistake where the text stops making sense to it, in its own English ("mapping values are
not allowed here", "expected <block end>, but found '<block mapping start>'"). That is often not where the mistake
is, nor what it is: a key that springs in too far reads to it as a ':' inside a text, and a missing space after
a ':' is noticed one line below. `explain` looks at the lines around the mark and names the mistake the way a
publisher would fix it: indentation as indentation, with the counts of spaces that would fit.
"""

from __future__ import annotations

import re

import yaml

from .errors import either
from .i18n import N_, _, ngettext

Explained = tuple[int, str]  # the line of the mistake (0-based, in the text given) and what to do about it

KEY = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[^\s:#'\"\[\]{}-][^:#]*?)\s*:(?P<rest>.*)$")
GLUED_VALUE = re.compile(r"^\s*(-\s+)?(?P<key>[\w-]+):(?P<value>[^\s].*)$")  # 'name:Fase': no space after ':'
QUOTE_IN_VALUE = N_("in deze tekst staat ': ', en dat leest YAML als een nieuwe sleutel; zet de hele tekst tussen "
                    "aanhalingstekens")

# Problems whose words say enough once; the line is the one the reader marks.
PLAIN = {
    "found character '\\t' that cannot start any token": N_("een tab-teken; gebruik spaties om in te springen"),
    "found unexpected end of stream": N_("het bestand houdt onverwacht op; mist er een aanhalingsteken?"),
    "did not find expected key": N_("verwacht een sleutel op deze plek; controleer het inspringen"),
    "did not find expected '-' indicator": N_("verwacht een lijstregel ('- ...'); controleer het inspringen"),
}
# For these the context mark, not the problem mark, is the line where the publisher made the mistake.
STARTS_AT_CONTEXT = ("while scanning a quoted scalar", "while scanning a simple key")
UNKNOWN = N_("hier loopt het lezen vast: controleer op deze regel en de regel erboven het inspringen, de ':' na "
             "elke sleutel en de aanhalingstekens")


def explain(error: yaml.MarkedYAMLError, lines: list[str]) -> Explained:
    """The line and the words (in the build's language) for one syntax error of the YAML reader."""
    lines = [*lines, "", ""]  # the reader may mark the end of the text, after the last line
    problem = (error.problem or "").strip()
    mark = error.problem_mark or error.context_mark
    at = mark.line if mark else 0
    if error.context in STARTS_AT_CONTEXT and error.context_mark:
        at = error.context_mark.line  # where the unclosed quote or the key without ':' starts, not where YAML noticed
    if problem.startswith("mapping values are not allowed here") and mark:
        return colon_in_the_wrong_place(lines, mark.line, mark.column)
    if problem.startswith("expected <block end>") and mark:
        return ended_too_soon(lines, mark.line, mark.column, error.context_mark)
    if (error.context or "").startswith("while parsing a flow") and mark:
        return unclosed_bracket(lines, mark.line)
    if problem.startswith("could not find expected ':'"):
        glued = GLUED_VALUE.match(lines[at])
        if glued:
            return at, no_space(glued)
        return at, _("verwacht 'sleutel: waarde', maar er ontbreekt een ':'; hoort deze regel bij de tekst erboven, "
                     "laat hem dan verder inspringen dan de sleutel van die tekst")
    for reader_words, ours in PLAIN.items():
        if problem.startswith(reader_words):
            return at, _(ours)
    return at, _(UNKNOWN)


def colon_in_the_wrong_place(lines: list[str], line: int, column: int) -> Explained:
    """A ':' the reader did not expect: a ': ' inside a text, or a line `key: ...` that the reader takes for more of
    the text above, because it springs in too far or because the line above misses the space after its ':'."""
    key = KEY.match(lines[line])
    if not key or lines[line].find(":") != column:
        return line, _(QUOTE_IN_VALUE)
    above = previous_line(lines, line)
    if above is None:
        return line, _(QUOTE_IN_VALUE)
    glued = GLUED_VALUE.match(lines[above])
    if glued:
        return above, no_space(glued)
    sibling = KEY.match(lines[above])
    two_up = previous_line(lines, above)
    before = KEY.match(lines[two_up]) if two_up is not None else None
    if sibling and sibling["dash"]:
        item = earlier_item(lines, above, key_indent(key))
        if item is not None and indent_of(lines[item]) != indent_of(lines[above]):
            return above, _("deze lijstregel springt %(here)s in, maar de lijstregel op regel %(line)s uit dezelfde "
                            "lijst springt %(there)s in; zet ze even ver in") % {
                "here": spaces(indent_of(lines[above])), "line": item + 1, "there": spaces(indent_of(lines[item]))}
    if sibling and before and before["rest"].strip() and key_indent(before) == key_indent(key) != key_indent(sibling):
        # The lines around agree with each other; the one between them is the odd one out.
        return above, _("'%(key)s' springt %(here)s in, maar de regels erboven en eronder springen %(around)s in; zet "
                        "'%(key)s' even ver in als zij") % {
            "key": sibling["key"], "here": spaces(key_indent(sibling)), "around": spaces(key_indent(key))}
    if sibling and sibling["rest"].strip():
        return line, _("'%(key)s' springt verder in dan '%(sibling)s' op regel %(line)s, die al een waarde heeft; zet "
                       "'%(key)s' even ver in als '%(sibling)s' (%(where)s), of zet de tekst erboven tussen "
                       "aanhalingstekens als deze regel daarbij hoort") % {
            "key": key["key"], "sibling": sibling["key"], "line": above + 1, "where": where(key_indent(sibling))}
    return line, _("'%(key)s' springt hier te ver in, of de regel erboven mist een ':'; controleer het inspringen") % {
        "key": key["key"]}


def no_space(glued: re.Match[str]) -> str:
    return _("na de ':' van '%(key)s' hoort een spatie: schrijf '%(key)s: %(value)s'") % {
        "key": glued["key"], "value": glued["value"].strip()}


def unclosed_bracket(lines: list[str], line: int) -> Explained:
    """Inside '[ ... ]' or '{ ... }' the reader met what only a block may hold: name where the bracket opens."""
    for at in range(line, -1, -1):
        text = lines[at]
        for opening, closing in (("[", "]"), ("{", "}")):
            if text.count(opening) > text.count(closing):
                return at, _("wat hier met '%(opening)s' begint, wordt niet gesloten met '%(closing)s'") % {
                    "opening": opening, "closing": closing}
    return line, _(UNKNOWN)


def ended_too_soon(lines: list[str], line: int, column: int, block: yaml.Mark | None) -> Explained:
    """The reader found the end of a block it was still reading: a line that springs in less or more than its
    neighbours, or text after a closing quote."""
    text = lines[line]
    if any(quote in text[:column] for quote in "\"'") and not text[:column].strip().startswith("-"):
        return line, _("na het sluitende aanhalingsteken staat nog tekst; zet de hele tekst tussen één paar "
                       "aanhalingstekens")
    indent = indent_of(text)
    fitting = sorted(indents_between(lines, block.line if block else 0, line))
    if indent in fitting:
        return line, _("deze regel past niet bij de regels erboven: een blok heeft alleen regels 'sleutel: waarde' of "
                       "alleen lijstregels ('- ...'); controleer het inspringen en de ':' na de sleutel")
    options = either([str(n) for n in fitting] or ["0"])
    return line, _("deze regel springt %(here)s in, en dat past bij geen blok erboven (de regels erboven springen "
                   "%(options)s spaties in); zet hem even ver in als de regels waar hij bij hoort") % {
        "here": spaces(indent), "options": options}


def indents_between(lines: list[str], first: int, last: int) -> set[int]:
    """The indents of the keys and list items from line `first` up to (not including) line `last`."""
    found = set()
    for text in lines[first:last]:
        key = KEY.match(text)
        if key:
            found.add(key_indent(key))
        if text.lstrip(" ").startswith("- "):
            found.add(indent_of(text))
    return found


def earlier_item(lines: list[str], line: int, key_at: int) -> int | None:
    """The nearest list item above `line` whose key starts at `key_at`: an item of the list `line` belongs to."""
    for above in range(line - 1, -1, -1):
        item = KEY.match(lines[above])
        if item and item["dash"] and key_indent(item) == key_at:
            return above
    return None


def indent_of(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def key_indent(key: re.Match[str]) -> int:
    """Where a key starts: after its indent, and after the '- ' of a list item."""
    return key.start("key")


def previous_line(lines: list[str], line: int) -> int | None:
    """The nearest line above that holds more than a comment or nothing."""
    for above in range(line - 1, -1, -1):
        stripped = lines[above].strip()
        if stripped and not stripped.startswith("#"):
            return above
    return None


def where(indent: int) -> str:
    return _("helemaal vooraan") if indent == 0 else _("%(spaces)s ingesprongen") % {"spaces": spaces(indent)}


def spaces(count: int) -> str:
    """An indent in words: "1 spatie", "4 spaties"."""
    return ngettext("1 spatie", "%(n)s spaties", count) % {"n": count}
