"""The keys a publisher may write, each declared once with its shape and a line of Dutch, and the one walk that
checks a YAML document against such a declaration.

A declaration is a `Block`: its keys, each with a shape (`Text`, `Whole`, `YesNo`, `Choice`, `Identifier`, a `List`
of one shape, another `Block`) that says whether the key must be there and what it means. `Walk` checks a document
against it and records every problem at the path of its value, so each message names the line of that value; it
keeps every value it saw (`Seen`), so that what a declaration cannot say (ids that ascend, one description per
phase) is checked after it by small named functions. `json_schema` gives the same declaration as a JSON Schema.

A shape checks one value (`check`) and names the values inside it (`parts`); a module may add its own shapes.

The messages speak the build's language (`_()`, sitegen/i18n.py). How a message names a value (`label`, "het
model-id"; `item_label`, "element %(n)s"; `named`, "aspect '%(id)s'") is itself a message, a whole noun phrase,
marked with N_() where it is declared and translated when the walk names a value; each sentence that takes it is
one message too ("%(label)s moet tekst zijn"), so English never glues Dutch word order together. The descriptions
(the first argument of every shape) stay Dutch: they are the JSON Schema's hints in an editor.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import KW_ONLY, dataclass
from typing import Any, TypeGuard

from .errors import Problems, either
from .i18n import N_, _
from .yamlfile import Located

Path_ = tuple[Any, ...]  # a path into the data: ("elements", 2, "aspects", 0, "phases")
Finding = tuple[Path_, str]  # a problem with the value at a path
ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]*$")
WEB_ADDRESS = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$")
WORD_SLOT = re.compile(r"⟨(?P<key>\w+)(?::(?P<form>\w+))?⟩")
"""Where a message names one of the document's own words: ⟨part⟩, ⟨stage:plural⟩, ⟨part:the⟩. A declaration
writes labels with slots; the walk fills them with the words the document gives (a model's 'praktijk', 'trede'),
so every message speaks the publisher's words."""
JSON_SCHEMA = "https://json-schema.org/draft/2020-12/schema"


@dataclass(frozen=True)
class At:
    """Where a value is: its path in the data, how messages name it, and the name of the block around it."""

    path: Path_
    label: str  # "'name'", "element 2", "het model-id": translated already
    owner: str = ""  # the block around it, named by its id ("aspect 'e2a'"), for messages about its parts
    dotted: str = ""  # its keys from the top ("words.part"), for blocks whose messages name keys in full


Part = tuple[Any, "Shape", At]  # a value inside another one, with its shape and place


@dataclass(frozen=True)
class Shape:
    """What one key or list item may hold, what it means (one line of Dutch), and whether it must be there."""

    description: str
    _: KW_ONLY
    required: bool = False
    label: str = ""  # how messages name the value, when not by its key: N_("het model-id")

    def check(self, value: Any, at: At) -> list[Finding]:
        """The problems with this value itself (not with the values inside it)."""
        return []

    def parts(self, value: Any, at: At) -> list[Part]:
        """The values inside this one that the walk checks next."""
        return []

    def schema(self) -> dict[str, Any]:
        """This shape as JSON Schema."""
        return {"description": self.description}


@dataclass(frozen=True, kw_only=True)
class Text(Shape):
    """A text; not empty unless `blank`."""

    blank: bool = False
    quote: bool = False  # a wrong value is mostly one YAML read as a number ("1.0"): say to put it in quotes

    def check(self, value: Any, at: At) -> list[Finding]:
        if not isinstance(value, str):
            if self.quote:
                return [(at.path, _("%(label)s moet tekst zijn, zet de waarde tussen aanhalingstekens (gevonden "
                                    "%(kind)s %(value)s)") % {"label": at.label, "kind": kind(value),
                                                              "value": repr(value)})]
            if _sentence_with_colon(value):
                return [(at.path, _("%(label)s moet tekst zijn, maar YAML las '%(words)s: ...' als een sleutel met een "
                                    "waarde, door de ': ' in de tekst; zet de hele tekst tussen aanhalingstekens, of "
                                    "schrijf hem na '>-' op de volgende regel") % {"label": at.label,
                                                                                  "words": next(iter(value))})]
            return [(at.path, _("%(label)s moet tekst zijn (gevonden %(kind)s)") % {"label": at.label,
                                                                                  "kind": kind(value)})]
        if not self.blank and not value.strip():
            return [(at.path, _("%(label)s is leeg; schrijf een tekst") % {"label": at.label})]
        return []

    def schema(self) -> dict[str, Any]:
        return {**super().schema(), "type": "string", **({} if self.blank else {"pattern": r"\S"})}


@dataclass(frozen=True, kw_only=True)
class WebAddress(Shape):
    """The full address of a page on another website: https:// (or http://) and a host. The scan loads nothing
    from it; the page only links to it, marked as leaving the scan."""

    def check(self, value: Any, at: At) -> list[Finding]:
        if isinstance(value, str) and WEB_ADDRESS.match(value):
            return []
        return [(at.path, _("%(label)s moet een volledig webadres zijn dat met https:// begint, zoals "
                            "'https://voorbeeld.nl/model' (gevonden %(value)s)") % {"label": at.label,
                                                                                     "value": repr(value)})]

    def schema(self) -> dict[str, Any]:
        return {**super().schema(), "type": "string", "pattern": WEB_ADDRESS.pattern}


@dataclass(frozen=True, kw_only=True)
class Whole(Shape):
    """A whole number (not true or false)."""

    named: str = N_("een geheel getal")  # what the number is, for the message: N_("een jaartal")

    def check(self, value: Any, at: At) -> list[Finding]:
        if is_whole(value):
            return []
        return [(at.path, _("%(label)s moet %(what)s zijn (gevonden %(value)s)") % {
            "label": at.label, "what": _(self.named), "value": repr(value)})]

    def schema(self) -> dict[str, Any]:
        return {**super().schema(), "type": "integer"}


@dataclass(frozen=True, kw_only=True)
class YesNo(Shape):
    """true or false."""

    def check(self, value: Any, at: At) -> list[Finding]:
        if isinstance(value, bool):
            return []
        return [(at.path, _("%(label)s moet true of false zijn (gevonden %(kind)s %(value)s)") % {
            "label": at.label, "kind": kind(value), "value": repr(value)})]

    def schema(self) -> dict[str, Any]:
        return {**super().schema(), "type": "boolean"}


@dataclass(frozen=True, kw_only=True)
class Choice(Shape):
    """One of a few fixed texts."""

    options: tuple[str, ...]

    def check(self, value: Any, at: At) -> list[Finding]:
        if value in self.options:
            return []
        close = difflib.get_close_matches(str(value), self.options, n=1) if isinstance(value, str) else []
        values = {"label": at.label, "options": either([repr(option) for option in self.options]),
                  "value": repr(value)}
        if close:
            return [(at.path, _("%(label)s moet %(options)s zijn (gevonden %(value)s); bedoel je '%(close)s'?") % {
                **values, "close": close[0]})]
        return [(at.path, _("%(label)s moet %(options)s zijn (gevonden %(value)s)") % values)]

    def schema(self) -> dict[str, Any]:
        return {**super().schema(), "enum": list(self.options)}


@dataclass(frozen=True, kw_only=True)
class Identifier(Shape):
    """A fixed name: small letters, digits and '-', starting with a letter; `unique` if no other may have it."""

    unique: bool = False  # a check after the walk compares it with every other unique id in the file

    def check(self, value: Any, at: At) -> list[Finding]:
        if is_identifier(value):
            return []
        return [(at.path, _("%(label)s mag alleen kleine letters, cijfers en '-' bevatten en moet met een letter "
                            "beginnen (gevonden %(value)s)") % {"label": at.label, "value": repr(value)})]

    def schema(self) -> dict[str, Any]:
        return {**super().schema(), "type": "string", "pattern": ID_PATTERN.pattern}


@dataclass(frozen=True, kw_only=True)
class Block(Shape):
    """A block of keys, each with its own shape; an unknown key is named with the closest declared one."""

    keys: Mapping[str, Shape]
    named: str = ""  # how messages name one such block by its id, for messages about its parts: N_("aspect '%(id)s'")
    qualified: bool = False  # messages name its keys in full: 'words.part.singular', 'colors.brand'

    def check(self, value: Any, at: At) -> list[Finding]:
        if not isinstance(value, dict):
            return [(at.path, _("%(label)s moet een blok met sleutels zijn (gevonden %(kind)s)") % {
                "label": at.label, "kind": kind(value)})]
        unknown = [(at.path + (key,), unknown_key(key, list(self.keys), at.label))
                   for key in value if key not in self.keys]
        missing = [(at.path, _("%(label)s mist de verplichte sleutel '%(key)s'") % {"label": at.label, "key": key})
                   for key, shape in self.keys.items() if shape.required and key not in value]
        return unknown + missing

    def parts(self, value: Any, at: At) -> list[Part]:
        if not isinstance(value, dict):
            return []
        owner = self.owner(value)
        return [(value[key], shape, self._key_at(key, shape, at, owner)) for key, shape in self.keys.items()
                if key in value]

    def owner(self, value: dict[Any, Any]) -> str:
        """How messages name this block by its id, if the declaration says how ("aspect 'e2a'")."""
        return _(self.named) % _Fields(value) if self.named else ""

    def _key_at(self, key: str, shape: Shape, at: At, owner: str) -> At:
        """Where one key's value is, and how messages name it."""
        dotted = f"{at.dotted}.{key}" if at.dotted else key
        label = _(shape.label) if shape.label else f"'{dotted}'" if self.qualified else f"'{key}'"
        return At(at.path + (key,), label, owner, dotted)

    def schema(self) -> dict[str, Any]:
        return {**super().schema(), "type": "object",
                "properties": {key: shape.schema() for key, shape in self.keys.items()},
                "required": [key for key, shape in self.keys.items() if shape.required],
                "additionalProperties": False}


@dataclass(frozen=True, kw_only=True)
class List(Shape):
    """A list of values of one shape: at least one, or exactly `length`."""

    item: Shape
    what: str  # what the items are, for the message: N_("de elementen")
    item_label: str  # how messages name one item: N_("element %(n)s"), N_("aspect %(n)s van %(owner)s")
    length: int | None = None
    nouns: str = ""  # the items' plural, for a list of exactly `length`: N_("assen")

    def __post_init__(self) -> None:
        if "{" in self.item_label:  # the label is a message: its placeholders are %(n)s, %(key)s and %(owner)s
            raise ValueError(f"item_label {self.item_label!r} takes %(n)s, %(key)s or %(owner)s, not {{n}}")

    def check(self, value: Any, at: At) -> list[Finding]:
        if self.length is None:
            if isinstance(value, list) and value:
                return []
            return [(at.path, _("%(label)s moet een lijst met minstens één onderdeel zijn: %(what)s (gevonden "
                                "%(kind)s)") % {"label": at.label, "what": _(self.what), "kind": kind(value)})]
        if isinstance(value, list) and len(value) == self.length:
            return []
        return [(at.path, _("%(label)s moet een lijst van precies %(length)s %(nouns)s zijn: %(what)s (gevonden "
                            "%(kind)s)") % {"label": at.label, "length": self.length, "nouns": _(self.nouns),
                                            "what": _(self.what), "kind": kind(value)})]

    def parts(self, value: Any, at: At) -> list[Part]:
        if not isinstance(value, list) or not value or (self.length is not None and len(value) != self.length):
            return []
        key = at.path[-1] if at.path else ""
        label = _(self.item_label)
        return [(item, self.item, At(at.path + (n,), label % {"n": n + 1, "key": key, "owner": at.owner},
                                     at.owner, at.dotted))
                for n, item in enumerate(value)]

    def schema(self) -> dict[str, Any]:
        size = {"minItems": 1} if self.length is None else {"minItems": self.length, "maxItems": self.length}
        return {**super().schema(), "type": "array", "items": self.item.schema(), **size}


def sentences(description: str, *, required: bool = False) -> List:
    """A list of at least one sentence, such as a phase's characteristics."""
    return List(description, required=required, item=Text("Eén zin."), what=N_("zinnen"),
                item_label=N_("'%(key)s', regel %(n)s"))


@dataclass(frozen=True)
class Seen:
    """A value the walk checked: the value, its shape, where it is, and whether it passed its shape's own check."""

    value: Any
    shape: Shape
    at: At
    ok: bool


class Walk:
    """One walk of a YAML document against its declaration: every value it saw, and every problem at its path.

    The checks after the walk add their problems here too (`error`, `warn`); `write` hands all of them to the
    file's `Problems` in the order of the file.
    """

    def __init__(self, doc: Located, declaration: Block, words: Mapping[str, Mapping[str, str]] | None = None):
        self.doc = doc
        self.data = doc.data
        self.words = words or {}  # the forms of each word, by key ("part") and form ("plural"), for WORD_SLOT
        self.seen: list[Seen] = []
        self._found: list[tuple[Path_, str, bool]] = []
        self._visit(doc.data, declaration, At((), _(declaration.label) if declaration.label else ""))

    def _visit(self, value: Any, shape: Shape, at: At) -> None:
        """Check one value, then the values inside it."""
        found = shape.check(value, at)
        for path, message in found:
            self.error(path, message)
        self.seen.append(Seen(value, shape, at, ok=not found))
        for part, part_shape, part_at in shape.parts(value, at):
            self._visit(part, part_shape, part_at)

    def error(self, path: Path_, message: str) -> None:
        """A mistake in the value at `path`."""
        self._found.append((path, self.say(message), False))

    def warn(self, path: Path_, message: str) -> None:
        """A warning about the value at `path`: the build goes on, except with --strict."""
        self._found.append((path, self.say(message), True))

    def say(self, message: str) -> str:
        """The message with each word slot filled with the document's own word."""
        return WORD_SLOT.sub(lambda slot: self.words[slot["key"]][slot["form"] or "singular"], message)

    def line(self, path: Path_) -> int:
        """The line of the value at `path`."""
        return self.doc.line(path)

    def write(self, problems: Problems) -> None:
        """Record every problem with its line, sorted as the file reads: by line, then by where its value starts."""
        order = {path: n for n, path in enumerate(self.doc.lines)}  # the values in the order of the file

        def place(path: Path_) -> tuple[int, int]:
            while path not in order and path:
                path = path[:-1]
            return self.doc.line(path), order.get(path, 0)

        for path, message, warning in sorted(self._found, key=lambda found: place(found[0])):
            (problems.warn if warning else problems.error)(self.doc.line(path), message)


def _sentence_with_colon(value: Any) -> bool:
    """A block of one key that reads as words ("Let op: er wordt ..."): a text whose ': ' YAML took for a key."""
    return isinstance(value, dict) and len(value) == 1 and isinstance(next(iter(value)), str) \
        and " " in next(iter(value)).strip()


class _Fields(dict):
    """A block's values for `named`, with '?' for a key it lacks: "begrip '%(term)s'"."""

    def __missing__(self, key: str) -> str:
        return "?"


def unknown_key(key: Any, allowed: list[str], where: str) -> str:
    """The message for a key that is not declared: the closest declared key as a hint, else all of them."""
    close = difflib.get_close_matches(str(key), allowed, n=1)
    if close:
        return _("onbekende sleutel '%(key)s' in %(where)s; bedoel je '%(close)s'?") % {
            "key": key, "where": where, "close": close[0]}
    return _("onbekende sleutel '%(key)s' in %(where)s (toegestaan: %(allowed)s)") % {
        "key": key, "where": where, "allowed": ", ".join(allowed)}


def json_schema(declaration: Block) -> dict[str, Any]:
    """A declaration as a JSON Schema document, for an editor's hints and checks."""
    return {"$schema": JSON_SCHEMA, **declaration.schema()}


def is_whole(value: Any) -> TypeGuard[int]:
    """A whole number; YAML's true and false are not numbers here, though Python counts them as 1 and 0."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_identifier(value: Any) -> TypeGuard[str]:
    """Small letters, digits and '-', starting with a letter: a name that is safe in a path and a storage key."""
    return isinstance(value, str) and ID_PATTERN.match(value) is not None


def kind(value: Any) -> str:
    """Describe a YAML value the way a publisher sees it."""
    if value is None:
        return _("niets")
    if isinstance(value, bool):
        return _("ja/nee-waarde")
    if isinstance(value, int):
        return _("een getal")
    if isinstance(value, float):
        return _("een kommagetal")
    if isinstance(value, str):
        return _("tekst") if value.strip() else _("lege tekst")
    if isinstance(value, list):
        return _("een lijst van %(n)s") % {"n": len(value)} if value else _("een lege lijst")
    if isinstance(value, dict):
        return _("een blok met sleutels")
    return type(value).__name__
