"""Incident records (``itsm/incident.h``): status history with instants, assignment-group
history, reopenings, severity declarations on the 0 / 0+ / 1 / 2 / 3 scale, priority
matrices, JSON Lines streams and conversion from a pandas DataFrame of status changes."""

import collections
from collections.abc import Mapping

from . import itsm_native as _native
from ._base import Document, ImmutableDocument, LabeledEnum, enum_attr, read_jsonl, set_from_json, set_to_json
from ._convert import to_instant

__all__ = [
    "Incident",
    "IncidentStatus",
    "SeverityLevel",
    "StatusChange",
    "Assignment",
    "SeverityDeclaration",
    "PriorityMatrix",
    "read_incidents_jsonl",
    "incidents_from_json",
    "incidents_to_json",
    "incidents_from_dataframe",
    "severity_max_declared",
    "priority_of",
]


class IncidentStatus(LabeledEnum):
    """Status of an incident after a change; also accepted as its name (``"on_hold"``).
    ``.label`` is "new", "active", "on_hold", "resolved" or "closed"."""

    NEW = _native.INCIDENT_NEW
    ACTIVE = _native.INCIDENT_ACTIVE
    ON_HOLD = _native.INCIDENT_ON_HOLD
    RESOLVED = _native.INCIDENT_RESOLVED
    CLOSED = _native.INCIDENT_CLOSED

    _label_of = staticmethod(_native.incident_status_name)
    _what = enum_attr("a status")


class SeverityLevel(LabeledEnum):
    """Severity of seed B Case 9-11, in order: ``.label`` "0", "0+", "1", "2", "3" (also
    accepted by :meth:`coerce`)."""

    S0 = _native.SEVERITY_0
    S0_PLUS = _native.SEVERITY_0_PLUS
    S1 = _native.SEVERITY_1
    S2 = _native.SEVERITY_2
    S3 = _native.SEVERITY_3

    _label_of = staticmethod(_native.severity_level_name)
    _what = enum_attr("a severity level")
    _by_name = enum_attr(False)

    def __str__(self):
        # The scale's own name: str(SeverityLevel.S1) is "1", although its value is 2.
        return self.label


#: One status change: ``at`` (int epoch seconds), ``status`` (:class:`IncidentStatus`),
#: ``group`` and ``by`` (str or None).
StatusChange = collections.namedtuple("StatusChange", "at status group by")
#: One assignment to a group at ``at``.
Assignment = collections.namedtuple("Assignment", "at group")
#: One severity declaration: ``level`` (:class:`SeverityLevel`) declared by ``by`` at ``at``.
SeverityDeclaration = collections.namedtuple("SeverityDeclaration", "at level by")

_TEXT_FIELDS = {
    "service": _native.INCIDENT_SERVICE,
    "ci": _native.INCIDENT_CI,
    "category": _native.INCIDENT_CATEGORY,
}
_LEVEL_FIELDS = {
    "impact": _native.INCIDENT_IMPACT,
    "urgency": _native.INCIDENT_URGENCY,
    "priority": _native.INCIDENT_PRIORITY,
}


def _parse(text):
    return _native.instant_parse_n(text, None)


class PriorityMatrix(ImmutableDocument):
    """An impact x urgency -> priority table (``itsm_priority_matrix``), immutable.

    ``PriorityMatrix([[1, 2, 3], [2, 3, 4], [3, 4, 5]])`` from rows (row i-1 is impact i,
    column u-1 urgency u; priorities 1 .. 1000), with optional level names
    ``impact_levels``, ``urgency_levels`` (one per row / column) and ``priority_levels``
    (one per priority up to the highest in the cells); ``PriorityMatrix()`` or
    :meth:`default` is ITIL's 3 x 3 -> 5 (priority = impact + urgency - 1, "critical" ..
    "planning"). :meth:`from_json` reads a document ``{"itsm_schema": 1, "type":
    "priority_matrix", "cells": [...], ...}`` (``docs/schema/priority_matrix.schema.json``);
    errors name the JSON path (``$.cells[1][2]``).
    """

    __slots__ = ()
    _to_json = staticmethod(_native.priority_matrix_to_json)
    _from_json = staticmethod(_native.priority_matrix_from_json)

    def __init__(self, rows=None, *, impact_levels=None, urgency_levels=None, priority_levels=None):
        if isinstance(rows, (str, bytes, bytearray, Mapping)):
            super().__init__(rows)  # a document
            return
        doc = {"itsm_schema": 1, "type": "priority_matrix"}
        if rows is not None:
            doc["cells"] = [[int(x) for x in row] for row in rows]
        for key, names in (("impact_levels", impact_levels), ("urgency_levels", urgency_levels),
                           ("priority_levels", priority_levels)):
            if names is not None:
                doc[key] = [str(name) for name in names]
        super().__init__(doc)

    @classmethod
    def default(cls):
        """ITIL's 3 x 3 -> 5 matrix with its level names (``itsm_priority_matrix_default``)."""
        return cls._wrap(_native.priority_matrix_default())

    @property
    def rows(self):
        """The cells as a tuple of rows (impact 1 first)."""
        return tuple(tuple(row) for row in self.to_dict()["cells"])

    @property
    def impact_levels(self):
        """The names of the impact levels (a tuple), or None."""
        return self._names("impact_levels")

    @property
    def urgency_levels(self):
        """The names of the urgency levels (a tuple), or None."""
        return self._names("urgency_levels")

    @property
    def priority_levels(self):
        """The names of the priorities 1, 2, ... (a tuple), or None."""
        return self._names("priority_levels")

    def _names(self, key):
        names = self.to_dict().get(key)
        return None if names is None else tuple(names)

    def lookup(self, impact, urgency):
        """The priority of (impact, urgency), both 1-based."""
        return _native.priority_matrix_lookup(self._handle, impact, urgency)

    def __repr__(self):
        return f"itsm.PriorityMatrix({[list(r) for r in self.rows]!r})"


class Incident(Document):
    """An incident record (``itsm_incident``).

    ``Incident("INC-1", service="payroll", impact=2, urgency=1)``, then
    :meth:`add_status`, :meth:`add_assignment` and :meth:`declare_severity`; or
    :meth:`from_json` for a document ``{"itsm_schema": 1, "type": "incident", ...}``
    (``docs/schema/incident.schema.json``; a dict without ``itsm_schema`` and ``type`` is
    accepted too). Text fields ``service``, ``ci``, ``category`` and levels ``impact``,
    ``urgency``, ``priority`` are None when not set and may be assigned.
    """

    __slots__ = ()
    _to_json = staticmethod(_native.incident_to_json)
    _from_json = staticmethod(_native.incident_from_json)
    _clone = staticmethod(_native.incident_clone)

    def __init__(self, id, **fields):
        self._handle = _native.incident_new(id)
        for key, value in fields.items():
            if key not in _TEXT_FIELDS and key not in _LEVEL_FIELDS:
                raise TypeError(f"Incident() got an unexpected field {key!r}")
            setattr(self, key, value)

    @classmethod
    def from_json(cls, document):
        """An incident from its document, a dict or JSON text. Errors name the JSON path."""
        if isinstance(document, Mapping) and "itsm_schema" not in document and "type" not in document:
            document = {"itsm_schema": 1, "type": "incident", **document}
        return super().from_json(document)

    def __repr__(self):
        return f"<itsm.Incident {self.id!r}>"

    # ---- fields ----
    @property
    def id(self):
        return _native.incident_id(self._handle)

    # ---- histories ----
    def add_status(self, at, status, group=None, by=None):
        """Append a status change at ``at`` (int or aware datetime); a group other than the
        current one also appends to the assignment history."""
        _native.incident_add_status(self._handle, to_instant(at, "at"), int(IncidentStatus.coerce(status)), group, by)

    def add_assignment(self, at, group):
        """Append an assignment to ``group`` at ``at``."""
        _native.incident_add_assignment(self._handle, to_instant(at, "at"), group)

    def declare_severity(self, at, level, by):
        """Append a severity declaration (``"0"``, ``"0+"``, ``"1"``, ``"2"``, ``"3"`` or a
        :class:`SeverityLevel`) by ``by`` at ``at``."""
        _native.incident_declare_severity(self._handle, to_instant(at, "at"), int(SeverityLevel.coerce(level)), by)

    def apply_matrix(self, matrix):
        """Set ``priority`` from a :class:`PriorityMatrix` by impact and urgency."""
        _native.incident_apply_matrix(self._handle, matrix._handle)

    @property
    def status_history(self):
        """The status changes, oldest first (a new list of :class:`StatusChange`)."""
        return [
            StatusChange(_parse(e["at"]), IncidentStatus.coerce(e["status"]), e.get("group"), e.get("by"))
            for e in self.to_dict().get("status_history", [])
        ]

    @property
    def assignment_history(self):
        """The assignments, oldest first (a new list of :class:`Assignment`)."""
        return [Assignment(_parse(e["at"]), e["group"]) for e in self.to_dict().get("assignment_history", [])]

    @property
    def severity_declarations(self):
        """The severity declarations, oldest first (:class:`SeverityDeclaration`)."""
        return [
            SeverityDeclaration(_parse(e["at"]), SeverityLevel.coerce(e["level"]), e["by"])
            for e in self.to_dict().get("severity_declarations", [])
        ]

    @property
    def status(self):
        """The current status, or None with an empty history."""
        history = self.to_dict()["status_history"]
        return IncidentStatus.coerce(history[-1]["status"]) if history else None

    @property
    def severity(self):
        """The largest of each declarer's latest declaration (:class:`SeverityLevel`), or None."""
        level = _native.incident_severity(self._handle)
        return None if level is None else SeverityLevel(level)

    @property
    def opened(self):
        """Instant of the first status change, or None."""
        return _native.incident_get_milestones(self._handle)[0]

    @property
    def resolved(self):
        """When the incident last became resolved, or None when it is not resolved or closed now."""
        return _native.incident_get_milestones(self._handle)[1]

    @property
    def closed(self):
        """When the incident last became closed, or None when it is not closed now."""
        return _native.incident_get_milestones(self._handle)[2]

    @property
    def reopen_count(self):
        """Changes from resolved or closed back to new, active or on_hold."""
        return _native.incident_get_milestones(self._handle)[3]


def _text_property(key, field):
    def get(self):
        return _native.incident_get_text(self._handle, field)

    def set(self, value):
        _native.incident_set_text(self._handle, field, value)

    return property(get, set, doc=f"``{key}`` (str or None).")


def _level_property(key, field):
    def get(self):
        value = _native.incident_get_level(self._handle, field)
        return None if value == 0 else value

    def set(self, value):
        _native.incident_set_level(self._handle, field, 0 if value is None else int(value))

    return property(get, set, doc=f"``{key}`` (int 1 .. 1000 or None).")


for _key, _field in _TEXT_FIELDS.items():
    setattr(Incident, _key, _text_property(_key, _field))
for _key, _field in _LEVEL_FIELDS.items():
    setattr(Incident, _key, _level_property(_key, _field))
del _key, _field


def severity_max_declared(declarations):
    """The severity of Case 9-11 from declarations alone: the largest of each declarer's
    latest declaration. ``declarations`` are :class:`SeverityDeclaration` values or
    ``(at, level, by)`` tuples (``at`` an instant, ``level`` "0".."3" or a
    :class:`SeverityLevel`); the result is a :class:`SeverityLevel`, or None without any.
    The rule is the C library's (``itsm_incident_severity``)."""
    holder = Incident("severity")
    for at, level, by in sorted(declarations, key=lambda d: to_instant(d[0], "at")):
        holder.declare_severity(at, level, by)
    return holder.severity


def priority_of(matrix, impact, urgency):
    """The priority of (impact, urgency) in ``matrix`` (a :class:`PriorityMatrix` or its
    rows, row i-1 for impact i)."""
    if not isinstance(matrix, PriorityMatrix):
        matrix = PriorityMatrix(matrix)
    return matrix.lookup(impact, urgency)


def read_incidents_jsonl(path):
    """Incidents from a JSON Lines file (one incident document a line), one at a time: a
    generator, so a file of a million records never sits in memory. Errors name the line
    and JSON path (``line 12: $.status_history[3].at: ...``)."""
    return read_jsonl(Incident, _native.incident_stream_open, _native.incident_stream_next, path)


def incidents_from_json(document):
    """The incidents of a record set ``{"itsm_schema": 1, "type": "incident_set",
    "records": [...]}`` (``docs/schema/incident_set.schema.json``; a dict or JSON text): a
    list of :class:`Incident`. Errors name the JSON path (``$.records[12].status_history[3].at``)."""
    return set_from_json(Incident, _native.incident_set_from_json, document, "incidents_from_json")


def incidents_to_json(incidents):
    """The canonical incident set document (str) of an iterable of :class:`Incident`."""
    return set_to_json(Incident, _native.incident_set_to_json, incidents, "incidents_to_json")


# ---- pandas ------------------------------------------------------------------------------------

#: Status words of ServiceNow-style logs (the UCI incident event log), lower-cased.
DEFAULT_STATUS_MAP = {
    "new": "new",
    "active": "active",
    "in progress": "active",
    "awaiting user info": "on_hold",
    "awaiting problem": "on_hold",
    "awaiting vendor": "on_hold",
    "awaiting evidence": "on_hold",
    "on hold": "on_hold",
    "resolved": "resolved",
    "closed": "closed",
}

_MAPPING_KEYS = {"id", "at", "status", "group", "by", "service", "ci", "category", "impact", "urgency", "priority"}


def _missing(value):
    import pandas as pd

    return value is None or (not isinstance(value, str) and pd.isna(value))


def _level(value, what):
    """An int level from 2, "2" or "2 - Medium"; None when missing."""
    if _missing(value):
        return None
    if isinstance(value, str):
        head = value.strip().split(" ", 1)[0]
        if not head.isdigit():
            return None
        return int(head)
    return int(value)


def incidents_from_dataframe(df, mapping, *, zone="UTC", format=None, status_map=None, missing=("?",),
                             unknown_status="skip", matrix=None):
    """Incident records from a DataFrame with one row per status change (as the UCI
    incident event log), in one call.

    ``mapping`` names the caller's columns: ``id`` and ``at`` (the instant of the change)
    and ``status`` are required; ``group`` (assignment group), ``by``, ``service``, ``ci``,
    ``category``, ``impact``, ``urgency`` and ``priority`` are optional. Rows are grouped
    by ``id`` (in order of first appearance) and sorted by ``at`` (stable). Text values in
    ``missing`` (``"?"`` in the UCI log) count as absent. Levels may be ints or start with
    one ("2 - Medium"); the last row's value of a field is the incident's.

    ``at`` is parsed with pandas (``format``, e.g. ``"%d/%m/%Y %H:%M"``, vectorized); naive
    local times are converted to instants in ``zone`` (an IANA name, a
    :class:`TimeZone`, or "UTC") by :meth:`TimeZone.from_local_many`; aware ones are
    converted as they are.

    ``status_map`` maps the log's status words (compared lower-cased) to
    ``new``/``active``/``on_hold``/``resolved``/``closed``; by default
    ``DEFAULT_STATUS_MAP`` (ServiceNow words). Rows with a status outside the map are
    skipped (``unknown_status="skip"``) or raise ValueError (``"raise"``). Consecutive rows
    with the same status and group are one change. With ``matrix`` (a
    :class:`PriorityMatrix`) the priority is looked up instead of read.

    Returns a list of :class:`Incident`.
    """
    import numpy as np
    import pandas as pd

    from ._timezone import TimeZone

    unknown = set(mapping) - _MAPPING_KEYS
    if unknown:
        raise ValueError(f"incidents_from_dataframe: unknown mapping keys {sorted(unknown)} "
                         f"(expected some of {sorted(_MAPPING_KEYS)})")
    for key in ("id", "at", "status"):
        if key not in mapping:
            raise ValueError(f"incidents_from_dataframe: the mapping must name the {key!r} column")
    if unknown_status not in ("skip", "raise"):
        raise ValueError("unknown_status must be 'skip' or 'raise'")
    smap = {str(k).lower(): IncidentStatus.coerce(v) for k, v in (status_map or DEFAULT_STATUS_MAP).items()}
    missing = set(missing)

    columns = {key: df[name] for key, name in mapping.items()}
    at = pd.to_datetime(columns["at"], format=format)
    if getattr(at.dt, "tz", None) is not None:
        seconds = at.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy(dtype="datetime64[s]").astype(np.int64)
    else:
        wall = at.to_numpy(dtype="datetime64[s]")
        tz = zone if isinstance(zone, TimeZone) else TimeZone(zone)
        seconds = np.asarray(tz.from_local_many(wall), dtype=np.int64)

    ids = columns["id"].to_numpy()
    order = pd.DataFrame({"id": pd.Categorical(ids, categories=pd.unique(ids)), "at": seconds})
    order = order.sort_values(["id", "at"], kind="stable").index.to_numpy()

    def value(key, i):
        if key not in columns:
            return None
        v = columns[key].iat[i]
        if _missing(v) or (isinstance(v, str) and v in missing):
            return None
        return v

    incidents = []
    current = None
    last_change = None
    for i in order:
        ident = str(ids[i])
        if current is None or current.id != ident:
            current = Incident(ident)
            incidents.append(current)
            last_change = None
        word = value("status", i)
        status = smap.get(str(word).lower()) if word is not None else None
        if status is None:
            if unknown_status == "raise":
                raise ValueError(f"incidents_from_dataframe: row {df.index[i]!r}: status {word!r} is not in the "
                                 "status map")
            continue
        group = value("group", i)
        group = None if group is None else str(group)
        by = value("by", i)
        by = None if by is None else str(by)
        if last_change != (status, group):
            current.add_status(int(seconds[i]), status, group, by)
            last_change = (status, group)
        for key in ("service", "ci", "category"):
            v = value(key, i)
            if v is not None:
                setattr(current, key, str(v))
        for key in ("impact", "urgency", "priority"):
            v = _level(value(key, i), key)
            if v is not None:
                setattr(current, key, v)
    if matrix is not None:
        for incident in incidents:
            if incident.impact is not None and incident.urgency is not None:
                incident.apply_matrix(matrix)
    return incidents
