"""Small units stay anonymous: which units of a team session may show figures of their own.

A unit (`respondent.unit`, "Team of afdeling") with fewer respondents than a minimum would give its people away: a
unit of one shows that one person's stage per part. So a unit below the minimum gets no column of its own anywhere
(team page, presentation, printed report, CLI report). The small units together make one column, "Overige
afdelingen", when they reach the minimum (and some unit is large enough, or that column would be everyone again);
otherwise they are left out. Everyone still counts in the team's own figures.
The minimum is a site setting (site.yaml `team.min_unit_size`, declared in sitegen/siteconfig.py) that can never be
below SMALLEST_MINIMUM; the engine refuses a lower one too, so no page can ask for less.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import InputError
from .i18n import N_, _, ngettext
from .record import describe

SMALLEST_MINIMUM = 3
"""No site may show a unit of fewer respondents than this (survey practice: never below 3)."""
DEFAULT_MINIMUM = SMALLEST_MINIMUM
OTHER_UNITS = N_("Overige afdelingen")
"""The column of the small units together."""
NO_UNIT = N_("Zonder afdeling")
"""The column of the respondents who gave no unit."""

Unit = str | None  # a unit's name; None for the respondents who gave none


@dataclass(frozen=True)
class UnitSplit:
    """The units of a session split by the minimum: the ones shown on their own, and the small ones."""

    minimum: int
    shown: list[Unit]  # in the order they are shown: by name, "Zonder afdeling" last
    small: list[Unit]
    small_people: int  # how many respondents are in the small units together

    @property
    def combined(self) -> bool:
        """Do the small units together reach the minimum, so they get one column between them? Not when every unit
        is small: that column would be everyone, the team's own column again."""
        return bool(self.small) and bool(self.shown) and self.small_people >= self.minimum


def minimum_problems(minimum: Any) -> list[str]:
    """What is wrong with a minimum unit size, in Dutch; nothing when it may be used."""
    if isinstance(minimum, int) and not isinstance(minimum, bool) and minimum >= SMALLEST_MINIMUM:
        return []
    return [_("de kleinste afdeling met eigen cijfers moet een geheel getal van minstens %(smallest)s zijn "
              "(gevonden: %(found)s); met minder deelnemers is te zien wat één persoon heeft ingevuld")
            % {"smallest": SMALLEST_MINIMUM, "found": describe(minimum)}]


def split_units(sizes: dict[Unit, int], minimum: int = DEFAULT_MINIMUM) -> UnitSplit:
    """Which units are large enough to show on their own, given how many respondents each has."""
    problems = minimum_problems(minimum)
    if problems:
        raise InputError(problems)
    order = sorted(sizes, key=lambda unit: (unit is None, unit or ""))
    shown = [unit for unit in order if sizes[unit] >= minimum]
    small = [unit for unit in order if sizes[unit] < minimum]
    return UnitSplit(minimum, shown, small, sum(sizes[unit] for unit in small))


def unit_label(unit: Unit) -> str:
    """How a unit's column is headed: its name, or "Zonder afdeling"."""
    return _(NO_UNIT) if unit is None else unit


def other_units_label() -> str:
    """How the column of the small units together is headed."""
    return _(OTHER_UNITS)


def small_units_note(split: UnitSplit) -> str | None:
    """Why units are missing from the table, for the facilitator, in plain Dutch; None when all are shown."""
    if not split.small:
        return None
    minimum = split.minimum
    people = ngettext("%(n)s deelnemer", "%(n)s deelnemers", split.small_people) % {"n": split.small_people}
    rule = _("Een afdeling met minder dan %(minimum)s deelnemers krijgt geen eigen cijfers: zo is niet te zien wat "
             "één persoon heeft ingevuld.") % {"minimum": minimum}
    units = sum(1 for unit in split.small if unit is not None)
    named = ngettext("%(n)s afdeling", "%(n)s afdelingen", units) % {"n": units}
    which = ((_("de groep zonder afdeling") if len(split.small) == 1 else
              _("%(units)s en de groep zonder afdeling") % {"units": named}) if None in split.small else named)
    parts = {"rule": rule, "which": which, "people": people, "minimum": minimum, "other": other_units_label()}
    if split.combined:
        return _("%(rule)s Dat geldt hier voor %(which)s. Samen zijn dat %(people)s: ze staan samen onder "
                 "‘%(other)s’.") % parts
    if not split.shown and split.small_people >= minimum:
        return _("%(rule)s Dat geldt hier voor %(which)s, dus geen afdeling staat apart. Iedereen samen is de uitslag "
                 "van het team.") % parts
    if len(split.small) == 1:
        counts = ngettext("Die deelnemer telt", "Die deelnemers tellen", split.small_people)
        return _("%(rule)s Dat geldt hier voor %(which)s, met %(people)s. %(counts)s wel mee in de uitslag van het "
                 "team.") % {**parts, "counts": counts}
    return _("%(rule)s Dat geldt hier voor %(which)s, samen %(people)s. Dat zijn er minder dan %(minimum)s, dus ze "
             "staan ook niet samen in één kolom. Ze tellen wel mee in de uitslag van het team.") % parts
