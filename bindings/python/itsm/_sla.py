"""SLA items, level evaluation and the built-in catalogue of the guideline's SLA tables
(``itsm/sla.h``)."""

import collections
import fractions
import functools
import json
import numbers

from . import itsm_native as _native
from ._base import ImmutableDocument, LabeledEnum

__all__ = [
    "SlaItem",
    "LevelResult",
    "Outcome",
    "Consequence",
    "CatalogueService",
    "catalogue",
    "catalogue_service",
    "catalogue_json",
]

_LEVELS = ("L1", "L2", "L3", "L4")


def _words(which, count):
    return {_native.sla_name(which, v): v for v in range(count) if _native.sla_name(which, v)}


_UNITS = _words(_native.SLA_ENUM_UNIT, _native.SLA_UNIT_TEXT + 1)


class Outcome(LabeledEnum):
    """What one level says about a measured value (``itsm_sla_outcome``); ``.label`` is
    "met", "missed", "no_requirement", ..."""

    ABSENT = _native.SLA_OUTCOME_ABSENT
    MET = _native.SLA_OUTCOME_MET
    MISSED = _native.SLA_OUTCOME_MISSED
    NO_REQUIREMENT = _native.SLA_OUTCOME_NO_REQUIREMENT
    NOT_SUPPORTED = _native.SLA_OUTCOME_NOT_SUPPORTED
    NO_DATA = _native.SLA_OUTCOME_NO_DATA
    CONTRACT_VALUE_MISSING = _native.SLA_OUTCOME_CONTRACT_VALUE_MISSING

    _label_of = staticmethod(functools.partial(_native.sla_name, _native.SLA_ENUM_OUTCOME))


class Consequence(LabeledEnum):
    """What a result means for the contract (``itsm_sla_consequence``); ``.label`` is
    "none", "finding", "breach" or "undetermined"."""

    NONE = _native.SLA_CONSEQUENCE_NONE
    FINDING = _native.SLA_CONSEQUENCE_FINDING
    BREACH = _native.SLA_CONSEQUENCE_BREACH
    UNDETERMINED = _native.SLA_CONSEQUENCE_UNDETERMINED

    _label_of = staticmethod(functools.partial(_native.sla_name, _native.SLA_ENUM_CONSEQUENCE))


def _level_name(number):
    if number == _native.SLA_CUSTOM:
        return "custom"
    return _LEVELS[number - 1] if 1 <= number <= 4 else None


class LevelResult:
    """The evaluation of a measured value against an item's levels.

    ``outcomes`` maps "L1".."L4" to an :class:`Outcome`; ``agreed_level`` is "L1".."L4",
    "custom" or None and ``agreed`` its outcome; ``met`` says whether the agreed level is
    met; ``achieved_level`` is the highest level met ("agreed L3, achieved L2") or None;
    ``margin`` is how much better (> 0) or worse (< 0) than the agreed threshold the value
    is, in the item's unit (positions for ordinals), or None; ``credit`` is the percent of
    the monthly fee credited (guarantees with credit bands), or None; ``finding`` (a
    target missed) and ``breach`` (a guarantee missed) follow ``consequence``; ``reason``
    says why in words ("per contract value missing").
    """

    __slots__ = ("outcomes", "agreed_level", "agreed", "met", "achieved_level", "margin", "credit",
                 "consequence", "reason")

    def __init__(self, raw):
        levels, agreed_level, agreed, met, achieved, has_margin, margin, has_credit, credit, consequence, reason = raw
        self.outcomes = {name: Outcome(o) for name, o in zip(_LEVELS, levels)}
        self.agreed_level = _level_name(agreed_level)
        self.agreed = Outcome(agreed)
        self.met = bool(met)
        self.achieved_level = _level_name(achieved)
        self.margin = margin if has_margin else None
        self.credit = credit if has_credit else None
        self.consequence = Consequence(consequence)
        self.reason = reason

    @property
    def finding(self):
        """A target missed."""
        return self.consequence is Consequence.FINDING

    @property
    def breach(self):
        """A guarantee missed: a breach of contract."""
        return self.consequence is Consequence.BREACH

    def __repr__(self):
        return (f"<itsm.LevelResult agreed {self.agreed_level} {self.agreed.label}, achieved "
                f"{self.achieved_level}, {self.consequence.label}: {self.reason}>")


_VERDICTS = {None: _native.SLA_VERDICT_UNKNOWN, True: _native.SLA_VERDICT_MET, False: _native.SLA_VERDICT_MISSED}


def _verdict_args(verdicts):
    verdicts = dict(verdicts or {})
    unknown = set(verdicts) - set(_LEVELS)
    if unknown:
        raise ValueError(f"verdicts: unknown levels {sorted(unknown)} (expected L1..L4)")
    out = []
    for name in _LEVELS:
        v = verdicts.get(name)
        if v not in _VERDICTS:
            raise TypeError(f"verdicts[{name!r}] must be True, False or None, not {v!r}")
        out.append(_VERDICTS[v])
    return out


def _measure_args(value, unit):
    """(kind, number, numerator, denominator, ordinal) for the C measure."""
    if value is None:
        return _native.SLA_MEASURE_NONE, 0.0, 0, 1, None
    if isinstance(value, bool):
        raise TypeError("a measured value must be a number, a Fraction or an ordinal name, not a bool")
    if isinstance(value, str):
        if unit is not None:
            raise ValueError("an ordinal value has no unit")
        return _native.SLA_MEASURE_ORDINAL, 0.0, 0, 1, value
    if isinstance(value, numbers.Integral):
        return _native.SLA_MEASURE_FRACTION, 0.0, int(value), 1, None
    if isinstance(value, (fractions.Fraction, numbers.Rational)):
        return _native.SLA_MEASURE_FRACTION, 0.0, int(value.numerator), int(value.denominator), None
    if isinstance(value, numbers.Real):
        return _native.SLA_MEASURE_NUMBER, float(value), 0, 1, None
    raise TypeError(f"a measured value must be a number, a Fraction or an ordinal name, not {type(value).__name__}")


class SlaItem(ImmutableDocument):
    """An SLA item (``itsm_sla_item``), immutable: name, process, unit, target or
    guarantee, period, calendar, metric, selector, the level table L1..L4, the agreed
    level and service credits (``docs/sla-items.md``).

    ``SlaItem(document)`` takes a dict or JSON text: a standalone document
    ``{"itsm_schema": 1, "type": "sla_item", "id": ..., ...}``
    (``docs/schema/sla_item.schema.json``), or the members of one as an agreement's
    ``sla_items`` hold them (the header is added). Errors name the JSON path.
    """

    __slots__ = ()
    _to_json = staticmethod(_native.sla_item_to_json)
    _from_json = staticmethod(_native.sla_item_from_json)

    def __init__(self, document):
        if isinstance(document, collections.abc.Mapping) and "itsm_schema" not in document:
            document = {"itsm_schema": 1, "type": "sla_item", **document}
        super().__init__(document)

    def item_dict(self):
        """The members without the header, as an agreement's ``sla_items`` holds them."""
        d = self.to_dict()
        del d["itsm_schema"], d["type"]
        return d

    def _get(self, key):
        return self.to_dict().get(key)

    @property
    def id(self):
        return self._get("id")

    @property
    def name(self):
        return self._get("name")

    @property
    def unit(self):
        """The unit word ("minute", "percent", ...) or None."""
        return self._get("unit")

    @property
    def kind(self):
        """"target", "guarantee" or None."""
        return self._get("kind")

    @property
    def level(self):
        """The agreed level ("L1".."L4", "custom") or None."""
        return self._get("level")

    @property
    def levels(self):
        """The level table as a dict {"L1": {...}, ...} (blank levels are absent)."""
        return self._get("levels") or {}

    @property
    def metric(self):
        """The metric with its parameters (a dict) or None."""
        return self._get("metric")

    def evaluate_level(self, value=None, *, unit=None, verdicts=None):
        """Which levels `value` meets, as a :class:`LevelResult`.

        `value` is a number (int and :class:`fractions.Fraction` are exact; a float is read
        as the decimal it prints as with 15 significant digits) in `unit` (a unit word such
        as "second"; None = the item's unit), or an ordinal name on the item's scale, or
        None. `verdicts` ({"L1": True, "L2": False, ...}) decide levels the value cannot:
        calendar-word deadlines (the clock's verdict) and thresholds of "share_within"
        items. A missing per-contract value is not an error: the result says so.
        """
        kind, number, num, den, ordinal = _measure_args(value, unit)
        if unit is not None and unit not in _UNITS:
            raise ValueError(f"unknown unit {unit!r} (expected one of: {', '.join(_UNITS)})")
        unit_value = _UNITS[unit] if unit is not None else _native.SLA_UNIT_NONE
        raw = _native.sla_item_evaluate(self._handle, kind, number, num, den, unit_value, ordinal,
                                        *_verdict_args(verdicts))
        return LevelResult(raw)

    def share_verdict(self, within, total):
        """For a "share_within" item: True when ``within / total`` reaches the required
        percent (exactly), False below, None when ``total`` is 0 (no data)."""
        v = _native.sla_item_share_verdict(self._handle, within, total)
        return {_native.SLA_VERDICT_MET: True, _native.SLA_VERDICT_MISSED: False}.get(v)

    def __repr__(self):
        return f"<itsm.SlaItem {self.id!r}>"


#: A service of the catalogue: its id ("server_operation_support"), English and Japanese
#: names, the guideline's section ("4.9.2"), the levels its table gives (["L1", "L3"]) and
#: its items (:class:`SlaItem` without an agreed level).
CatalogueService = collections.namedtuple("CatalogueService", "id name name_ja section levels items")


@functools.lru_cache(maxsize=1)
def _builtin():
    return _native.sla_catalogue_new()


def catalogue_json():
    """The built-in catalogue as its canonical document (str, ``type`` "sla_catalogue")."""
    return _native.sla_catalogue_to_json(_builtin())


def catalogue():
    """The built-in catalogue: every SLA table of the guideline (seed A 4.6-4.10) as a list
    of :class:`CatalogueService`."""
    doc = json.loads(catalogue_json())
    return [
        CatalogueService(s["id"], s["name"], s.get("name_ja"), s.get("section"), list(s["levels"]),
                         [SlaItem(item) for item in s["items"]])
        for s in doc["services"]
    ]


def catalogue_service(service, level="L3", overrides=None):
    """The items of catalogue service `service` agreed at `level`, with the contract's
    `overrides` (a dict or JSON text keyed by item id, "*" for every item; each value
    holds item members to replace, "level", "levels" ({"L3": {...}}) or
    "contract_value" for a per-contract agreed level) applied, as a list of
    :class:`SlaItem`. Errors name the item id and the JSON path."""
    if overrides is None:
        text = "{}"
    elif isinstance(overrides, (str, bytes)):
        text = overrides
    else:
        text = json.dumps(overrides, ensure_ascii=False)
    fragment = json.loads(_native.sla_catalogue_instantiate(_builtin(), service, level, text))
    return [SlaItem(item) for item in fragment["sla_items"]]
