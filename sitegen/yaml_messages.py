"""What went wrong in a YAML text that cannot be read, said in Dutch, on the line where the publisher made it.

The YAML reader notices a mistake where the text stops making sense to it, in its own English ("mapping values are
not allowed here", "expected <block end>, but found '<block mapping start>'"). That is often not where the mistake
is, nor what it is: a key that springs in too far reads to it as a ':' inside a text, and a missing space after
a ':' is noticed one line below. `explain` looks at the lines around the mark and names the mistake the way a
publisher would fix it: indentation as indentation, with the counts of spaces that would fit.
"""

from __future__ import annotations

import re

import yaml

Explained = tuple[int, str]  # the line of the mistake (0-based, in the text given) and what to do about it

KEY = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[^\s:#'\"\[\]{}-][^:#]*?)\s*:(?P<rest>.*)$")
GLUED_VALUE = re.compile(r"^\s*(-\s+)?(?P<key>[\w-]+):(?P<value>[^\s].*)$")  # 'name:Fase': no space after ':'
QUOTE_IN_VALUE = "in deze tekst staat ': ', en dat leest YAML als een nieuwe sleutel; zet de hele tekst tussen " \
                 "aanhalingstekens"

# Problems whose words say enough once in Dutch; the line is the one the reader marks.
PLAIN = {
    "found character '\\t' that cannot start any token": "een tab-teken; gebruik spaties om in te springen",
    "found unexpected end of stream": "het bestand houdt onverwacht op; mist er een aanhalingsteken?",
    "did not find expected key": "verwacht een sleutel op deze plek; controleer het inspringen",
    "did not find expected '-' indicator": "verwacht een lijstregel ('- ...'); controleer het inspringen",
}
# For these the context mark, not the problem mark, is the line where the publisher made the mistake.
STARTS_AT_CONTEXT = ("while scanning a quoted scalar", "while scanning a simple key")
UNKNOWN = "hier loopt het lezen vast: controleer op deze regel en de regel erboven het inspringen, de ':' na elke " \
          "sleutel en de aanhalingstekens"


def explain(error: yaml.MarkedYAMLError, lines: list[str]) -> Explained:
    """The line and the Dutch words for one syntax error of the YAML reader."""
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
        return at, ("verwacht 'sleutel: waarde', maar er ontbreekt een ':'; hoort deze regel bij de tekst erboven, "
                    "laat hem dan verder inspringen dan de sleutel van die tekst")
    for english, dutch in PLAIN.items():
        if problem.startswith(english):
            return at, dutch
    return at, UNKNOWN


def colon_in_the_wrong_place(lines: list[str], line: int, column: int) -> Explained:
    """A ':' the reader did not expect: a ': ' inside a text, or a line `key: ...` that the reader takes for more of
    the text above, because it springs in too far or because the line above misses the space after its ':'."""
    key = KEY.match(lines[line])
    if not key or lines[line].find(":") != column:
        return line, QUOTE_IN_VALUE
    above = previous_line(lines, line)
    if above is None:
        return line, QUOTE_IN_VALUE
    glued = GLUED_VALUE.match(lines[above])
    if glued:
        return above, no_space(glued)
    sibling = KEY.match(lines[above])
    two_up = previous_line(lines, above)
    before = KEY.match(lines[two_up]) if two_up is not None else None
    if sibling and sibling["dash"]:
        item = earlier_item(lines, above, key_indent(key))
        if item is not None and indent_of(lines[item]) != indent_of(lines[above]):
            here, there = indent_of(lines[above]), indent_of(lines[item])
            return above, (f"deze lijstregel springt {here} {spaces(here)} in, maar de lijstregel op regel {item + 1} "
                           f"uit dezelfde lijst springt {there} {spaces(there)} in; zet ze even ver in")
    if sibling and before and before["rest"].strip() and key_indent(before) == key_indent(key) != key_indent(sibling):
        # The lines around agree with each other; the one between them is the odd one out.
        here, around = key_indent(sibling), key_indent(key)
        return above, (f"'{sibling['key']}' springt {here} {spaces(here)} in, maar de regels erboven en eronder "
                       f"springen {around} {spaces(around)} in; zet '{sibling['key']}' even ver in als zij")
    if sibling and sibling["rest"].strip():
        return line, (f"'{key['key']}' springt verder in dan '{sibling['key']}' op regel {above + 1}, die al een "
                      f"waarde heeft; zet '{key['key']}' even ver in als '{sibling['key']}' "
                      f"({where(key_indent(sibling))}), of zet de tekst erboven tussen "
                      "aanhalingstekens als deze regel daarbij hoort")
    return line, (f"'{key['key']}' springt hier te ver in, of de regel erboven mist een ':'; controleer het "
                  "inspringen")


def no_space(glued: re.Match[str]) -> str:
    return f"na de ':' van '{glued['key']}' hoort een spatie: schrijf '{glued['key']}: {glued['value'].strip()}'"


def unclosed_bracket(lines: list[str], line: int) -> Explained:
    """Inside '[ ... ]' or '{ ... }' the reader met what only a block may hold: name where the bracket opens."""
    for at in range(line, -1, -1):
        text = lines[at]
        for opening, closing in (("[", "]"), ("{", "}")):
            if text.count(opening) > text.count(closing):
                return at, f"wat hier met '{opening}' begint, wordt niet gesloten met '{closing}'"
    return line, UNKNOWN


def ended_too_soon(lines: list[str], line: int, column: int, block: yaml.Mark | None) -> Explained:
    """The reader found the end of a block it was still reading: a line that springs in less or more than its
    neighbours, or text after a closing quote."""
    text = lines[line]
    if any(quote in text[:column] for quote in "\"'") and not text[:column].strip().startswith("-"):
        return line, ("na het sluitende aanhalingsteken staat nog tekst; zet de hele tekst tussen één paar "
                      "aanhalingstekens")
    indent = indent_of(text)
    fitting = sorted(indents_between(lines, block.line if block else 0, line))
    if indent in fitting:
        return line, ("deze regel past niet bij de regels erboven: een blok heeft alleen regels 'sleutel: waarde' of "
                      "alleen lijstregels ('- ...'); controleer het inspringen en de ':' na de sleutel")
    options = " of ".join([", ".join(str(n) for n in fitting[:-1]), str(fitting[-1])]) if len(fitting) > 1 else (
        str(fitting[0]) if fitting else "0")
    return line, (f"deze regel springt {indent} {spaces(indent)} in, en dat past bij geen blok erboven (de regels "
                  f"erboven springen {options} spaties in); zet hem even ver in als de regels waar hij bij hoort")


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
    return "helemaal vooraan" if indent == 0 else f"{indent} {spaces(indent)} ingesprongen"


def spaces(count: int) -> str:
    return "spatie" if count == 1 else "spaties"
