"""Configuration items, pending items (懸案) and what expires or falls due within N days
(``itsm/lifecycle.h``)."""

import collections
import datetime
from collections.abc import Mapping

from . import itsm_native as _native
from ._base import Document, LabeledEnum, enum_attr, set_from_json, set_to_json
from ._convert import from_date, to_date, to_instant

__all__ = [
    "ConfigurationItem",
    "PendingItem",
    "PendingStatus",
    "PendingChange",
    "DueKind",
    "Due",
    "expiring",
    "configuration_items_from_json",
    "configuration_items_to_json",
    "pending_items_from_json",
    "pending_items_to_json",
]


class PendingStatus(LabeledEnum):
    """Status of a pending item; also accepted as its name (``"in_progress"``). ``.label``
    is the document's name: "open", "in_progress", "on_hold", "closed"."""

    OPEN = _native.PENDING_OPEN
    IN_PROGRESS = _native.PENDING_IN_PROGRESS
    ON_HOLD = _native.PENDING_ON_HOLD
    CLOSED = _native.PENDING_CLOSED

    _label_of = staticmethod(_native.pending_status_name)
    _what = enum_attr("a status")


class DueKind(LabeledEnum):
    """What falls due (``itsm_due_kind``); ``.label`` is "warranty", "parts_supply", ...,
    "pending_event"."""

    WARRANTY = _native.DUE_WARRANTY
    PARTS_SUPPLY = _native.DUE_PARTS_SUPPLY
    PRODUCT_LIFE = _native.DUE_PRODUCT_LIFE
    SUPPORT_END = _native.DUE_SUPPORT_END
    CONTRACT_END = _native.DUE_CONTRACT_END
    PENDING_DATE = _native.DUE_PENDING_DATE
    PENDING_EVENT = _native.DUE_PENDING_EVENT

    _label_of = staticmethod(_native.due_kind_name)
    _what = enum_attr("a due kind")


#: One history entry of a pending item: owner and status after a change at ``at`` (int
#: epoch seconds), with an optional note.
PendingChange = collections.namedtuple("PendingChange", "at owner status note")

#: One result of :func:`expiring`: ``subject`` is the CI's or pending item's id or the
#: contract end's label; ``detail`` the trigger event or the pending item's title (else
#: None); ``days_left`` is negative when ``overdue``.
Due = collections.namedtuple("Due", "kind subject detail date days_left overdue")

_TEXT_FIELDS = {
    "name": _native.CI_NAME,
    "model": _native.CI_MODEL,
    "serial": _native.CI_SERIAL,
    "location": _native.CI_LOCATION,
    "maintenance_contract": _native.CI_MAINTENANCE_CONTRACT,
}
_DATE_FIELDS = {
    "warranty_end": _native.CI_WARRANTY_END,
    "parts_supply_end": _native.CI_PARTS_SUPPLY_END,
    "product_life_end": _native.CI_PRODUCT_LIFE_END,
    "support_end": _native.CI_SUPPORT_END,
}


class ConfigurationItem(Document):
    """A configuration item (``itsm_ci``): an id, text fields (``name``, ``model``,
    ``serial``, ``location``, ``maintenance_contract``) and lifecycle dates
    (``warranty_end``, ``parts_supply_end``, ``product_life_end``, ``support_end``, each the
    last day covered). Every field but ``id`` is optional (None) and may be assigned.

    ``ConfigurationItem("srv-01", model="PX-2000", warranty_end="2025-03-31")``, or
    :meth:`from_json` for a document ``{"itsm_schema": 1, "type": "configuration_item", ...}``
    (``docs/schema/configuration_item.schema.json``).
    """

    __slots__ = ()
    _to_json = staticmethod(_native.ci_to_json)
    _from_json = staticmethod(_native.ci_from_json)
    _clone = staticmethod(_native.ci_clone)

    def __init__(self, id, **fields):
        self._handle = _native.ci_new(id)
        for key, value in fields.items():
            if key not in _TEXT_FIELDS and key not in _DATE_FIELDS:
                raise TypeError(f"ConfigurationItem() got an unexpected field {key!r}")
            setattr(self, key, value)

    @property
    def id(self):
        return _native.ci_id(self._handle)

    def __repr__(self):
        return f"<itsm.ConfigurationItem {self.id!r}>"


def _text_property(key, field):
    def get(self):
        return _native.ci_get_text(self._handle, field)

    def set(self, value):
        _native.ci_set_text(self._handle, field, value)

    return property(get, set, doc=f"``{key}`` (str or None).")


def _date_property(key, field):
    def get(self):
        text = self.to_dict().get(key)
        return None if text is None else datetime.date.fromisoformat(text)

    def set(self, value):
        if value is None:
            _native.ci_clear_date(self._handle, field)
        else:
            _native.ci_set_date(self._handle, field, to_date(value, key))

    return property(get, set, doc=f"``{key}`` (datetime.date or None; set from a date or 'YYYY-MM-DD').")


for _key, _field in _TEXT_FIELDS.items():
    setattr(ConfigurationItem, _key, _text_property(_key, _field))
for _key, _field in _DATE_FIELDS.items():
    setattr(ConfigurationItem, _key, _date_property(_key, _field))
del _key, _field


class PendingItem(Document):
    """A pending item (懸案, ``itsm_pending_item``): an id, a title, an owner, a status and a
    due date *or* a trigger event ("OS version-up of server X"), with a history of owner
    and status changes that stays with the item when its owner changes.

    ``PendingItem("P-1", "Replace UPS battery", "tanaka", at)`` records the first history
    entry at instant ``at`` (int epoch seconds or an aware datetime); ``due`` or
    ``trigger_event`` may be given as keywords. :meth:`from_json` reads a document
    ``{"itsm_schema": 1, "type": "pending_item", ...}``
    (``docs/schema/pending_item.schema.json``).
    """

    __slots__ = ()
    _to_json = staticmethod(_native.pending_to_json)
    _from_json = staticmethod(_native.pending_from_json)
    _clone = staticmethod(_native.pending_clone)

    def __init__(self, id, title, owner, at, *, due=None, trigger_event=None):
        if due is not None and trigger_event is not None:
            raise ValueError("a pending item is due on a date or at an event, not both")
        self._handle = _native.pending_new(id, title, owner, to_instant(at, "at"))
        if due is not None:
            self.due = due
        if trigger_event is not None:
            self.trigger_event = trigger_event

    @property
    def id(self):
        return _native.pending_id(self._handle)

    @property
    def title(self):
        return _native.pending_title(self._handle)

    @property
    def owner(self):
        """The current owner; change it with :meth:`set_owner`."""
        return _native.pending_owner(self._handle)

    @property
    def status(self):
        """The current :class:`PendingStatus`; change it with :meth:`set_status`."""
        return PendingStatus(_native.pending_get_status(self._handle))

    @property
    def due(self):
        """The due date (datetime.date) or None. Setting one clears the trigger event."""
        text = self.to_dict().get("due")
        return None if text is None else datetime.date.fromisoformat(text)

    @due.setter
    def due(self, value):
        if value is None:
            if self.trigger_event is None:
                _native.pending_set_trigger_event(self._handle, None)
            return
        _native.pending_set_due_date(self._handle, to_date(value, "due"))

    @property
    def trigger_event(self):
        """The trigger event (str) or None. Setting one clears the due date; setting None
        clears both."""
        return _native.pending_trigger_event(self._handle)

    @trigger_event.setter
    def trigger_event(self, value):
        _native.pending_set_trigger_event(self._handle, value)

    @property
    def history(self):
        """Owner and status changes, oldest first: a list of :class:`PendingChange`."""
        return [
            PendingChange(_parse_instant(e["at"]), e["owner"], PendingStatus.coerce(e["status"]), e.get("note"))
            for e in self.to_dict().get("history", [])
        ]

    def set_owner(self, owner, at, note=None):
        """Hand the item to ``owner`` at instant ``at`` (not before the last change)."""
        _native.pending_set_owner(self._handle, owner, to_instant(at, "at"), note)

    def set_status(self, status, at, note=None):
        """Change the status (a :class:`PendingStatus` or its name) at instant ``at``."""
        _native.pending_set_status(self._handle, int(PendingStatus.coerce(status)), to_instant(at, "at"), note)

    def __repr__(self):
        return f"<itsm.PendingItem {self.id!r} {self.status.label} owner={self.owner!r}>"


def _parse_instant(text):
    return _native.instant_parse_n(text, None)


def _labeled(entries, what):
    if entries is None:
        return []
    if isinstance(entries, Mapping):
        entries = entries.items()
    out = []
    for i, entry in enumerate(entries):
        try:
            label, date = entry
        except (TypeError, ValueError):
            raise TypeError(f"{what}[{i}] must be a (label, date) pair") from None
        if not isinstance(label, str):
            raise TypeError(f"{what}[{i}]: the label must be a str, not {type(label).__name__}")
        out.append((label, to_date(date, f"{what}[{i}]")))
    return out


def _as_of_date(value):
    if isinstance(value, datetime.datetime):
        return (value.year, value.month, value.day)
    return to_date(value, "as_of")


def expiring(items, as_of, within_days, *, contract_ends=None, events=None):
    """Everything that expires or falls due no later than ``within_days`` days after
    ``as_of``, overdue entries included, sorted by date, then kind, then subject.

    ``items`` is an iterable of :class:`ConfigurationItem` (their four lifecycle dates) and
    :class:`PendingItem` (not closed; by due date, or by trigger event when that event is
    dated in ``events``), e.g. read from set documents with
    :func:`configuration_items_from_json` and :func:`pending_items_from_json`.
    ``contract_ends`` gives contract end dates as a mapping ``{label: date}`` or
    ``(label, date)`` pairs. ``events`` maps
    event texts to the date they happen or are planned ("OS version-up of server X").
    ``as_of`` is a date, ``"YYYY-MM-DD"``, or a datetime (its own local date).

    Returns a list of :class:`Due`.
    """
    cis, pending = [], []
    for i, item in enumerate(items):
        if isinstance(item, ConfigurationItem):
            cis.append(item._handle)
        elif isinstance(item, PendingItem):
            pending.append(item._handle)
        else:
            raise TypeError(f"items[{i}] must be a ConfigurationItem or PendingItem, not {type(item).__name__}")
    if isinstance(within_days, bool) or not isinstance(within_days, int):
        raise TypeError(f"within_days must be an int, not {type(within_days).__name__}")
    rows = _native.expiring(
        cis, pending, _labeled(contract_ends, "contract_ends"), _labeled(events, "events"),
        _as_of_date(as_of), within_days,
    )
    return [Due(DueKind(k), s, d, from_date(date), left, overdue) for k, s, d, date, left, overdue in rows]


def configuration_items_from_json(document):
    """The items of a configuration item set ``{"itsm_schema": 1, "type":
    "configuration_item_set", "items": [...]}`` (``docs/schema/configuration_item_set.schema.json``;
    a dict or JSON text): a list of :class:`ConfigurationItem`. Errors name the JSON path
    (``$.items[3].warranty_end``)."""
    return set_from_json(ConfigurationItem, _native.ci_set_from_json, document, "configuration_items_from_json")


def configuration_items_to_json(items):
    """The canonical configuration item set document (str) of an iterable of
    :class:`ConfigurationItem`."""
    return set_to_json(ConfigurationItem, _native.ci_set_to_json, items, "configuration_items_to_json")


def pending_items_from_json(document):
    """The items of a pending item set ``{"itsm_schema": 1, "type": "pending_item_set",
    "items": [...]}`` (``docs/schema/pending_item_set.schema.json``; a dict or JSON text): a
    list of :class:`PendingItem`, histories included. Errors name the JSON path
    (``$.items[3].history[1].at``)."""
    return set_from_json(PendingItem, _native.pending_set_from_json, document, "pending_items_from_json")


def pending_items_to_json(items):
    """The canonical pending item set document (str) of an iterable of :class:`PendingItem`."""
    return set_to_json(PendingItem, _native.pending_set_to_json, items, "pending_items_to_json")
