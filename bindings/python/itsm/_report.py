"""Period reports (``itsm/report.h``): every SLA item of an agreement evaluated over a
month, quarter, year or rolling window from operational data, as canonical JSON
(``docs/schema/sla_report.schema.json``), Markdown, a list of dicts or a DataFrame.

The data is a :class:`Dataset`, filled column-wise from numpy arrays or a pandas
DataFrame (one row per status event), from :class:`~itsm.Incident` objects, and with
outages, calls, events, backups and report deliveries. See ``docs/reports.md``."""

import datetime
import json

import numpy as np

from . import itsm_native as _native
from ._agreement import Agreement
from ._calendar import Calendar
from ._clock import _frame_times, _grouped_in_order, _int32_array
from ._convert import as_int64_array, to_date, to_instant
from ._incident import Incident, IncidentStatus
from . import _errors as itsm_errors
from ._records import Record, RecordType
from ._timezone import TimeZone

__all__ = [
    "Period",
    "Dataset",
    "Report",
    "evaluate",
    "evaluate_periods",
    "reports_to_markdown",
]

_UTC = datetime.timezone.utc


def _zone_handle(zone):
    if zone is None:
        return None
    if isinstance(zone, Calendar):
        zone = zone.zone
    if isinstance(zone, str):
        zone = TimeZone(zone)
    if not isinstance(zone, TimeZone):
        raise TypeError(f"zone: expected a TimeZone, Calendar, zone name or None, not {type(zone).__name__}")
    return zone._handle


class Period:
    """A reporting period ``[start, end)`` with a label (``itsm_period``). Build one with
    :meth:`month`, :meth:`quarter`, :meth:`year` or :meth:`rolling`; ``zone`` is a
    :class:`TimeZone`, a zone name, a :class:`Calendar` (its zone) or None (UTC)."""

    __slots__ = ("start", "end", "label")

    def __init__(self, start, end, label=""):
        self.start = to_instant(start, "start")
        self.end = to_instant(end, "end")
        self.label = str(label)
        if self.end <= self.start:
            raise ValueError("Period: end must be after start")

    @classmethod
    def _make(cls, kind, year, index, end_date, zone):
        start, end, label = _native.period_make(kind, year, index, end_date, _zone_handle(zone))
        return cls(start, end, label)

    @classmethod
    def month(cls, year, month, zone=None):
        return cls._make(0, year, month, (year, 1, 1), zone)

    @classmethod
    def quarter(cls, year, quarter, zone=None):
        return cls._make(1, year, quarter, (year, 1, 1), zone)

    @classmethod
    def year(cls, year, zone=None):
        return cls._make(2, year, 0, (year, 1, 1), zone)

    @classmethod
    def rolling(cls, end_date, days, zone=None):
        """The ``days`` local days ending at local midnight of ``end_date`` (exclusive)."""
        return cls._make(3, 2000, days, to_date(end_date, "end_date"), zone)

    @classmethod
    def months(cls, year, zone=None):
        """The twelve months of ``year``."""
        return [cls.month(year, m, zone) for m in range(1, 13)]

    @property
    def start_datetime(self):
        return datetime.datetime.fromtimestamp(self.start, _UTC)

    @property
    def end_datetime(self):
        return datetime.datetime.fromtimestamp(self.end, _UTC)

    def __eq__(self, other):
        return isinstance(other, Period) and (self.start, self.end, self.label) == (other.start, other.end, other.label)

    def __hash__(self):
        return hash((self.start, self.end, self.label))

    def __repr__(self):
        return f"Period({self.start_datetime.isoformat()}, {self.end_datetime.isoformat()}, {self.label!r})"


def _u8(values, n, what):
    if values is None:
        return None
    array = np.ascontiguousarray(np.asarray(values).reshape(-1), dtype=np.uint8)
    if array.size != n:
        raise ValueError(f"{what}: expected {n} values, got {array.size}")
    return array


def _i64(values, n, what):
    if values is None:
        return None
    if hasattr(values, "dt") and hasattr(values, "to_numpy"):  # a pandas Series of times, aware or not
        array = _frame_times(values, what)
    else:
        array = as_int64_array(values, what).reshape(-1)
    if n is not None and array.size != n:
        raise ValueError(f"{what}: expected {n} values, got {array.size}")
    return array


def _lines(values, what):
    texts = [str(v) for v in values]
    for t in texts:
        if "\n" in t:
            raise ValueError(f"{what}: {t!r} holds a newline")
    return "\n".join(texts)


def _text_index(values, n, what, names, index_of):
    """int32 indices of texts into `names` (-1 for None / NaN)."""
    if values is None:
        return None
    import pandas as pd

    codes, distinct = pd.factorize(pd.Series(list(values) if not hasattr(values, "to_numpy") else values), sort=False)
    if len(codes) != n:
        raise ValueError(f"{what}: expected {n} values, got {len(codes)}")
    table = np.empty(len(distinct) + 1, dtype=np.int32)
    table[-1] = -1
    for k, value in enumerate(distinct):
        key = str(value)
        if key not in index_of:
            index_of[key] = len(names)
            names.append(key)
        table[k] = index_of[key]
    return table[codes]


class Dataset:
    """Operational data for :func:`evaluate` (``itsm_dataset``), copied into C.

    ``status_codes`` (a dict name -> int code) extends the status-name table through which
    the status names of item metrics (``"start": ["new"]``) become event codes; it starts
    with the :class:`IncidentStatus` names."""

    __slots__ = ("_handle", "_status_codes")

    def __init__(self, status_codes=None):
        self._handle = _native.dataset_new()
        self._status_codes = {s.label: int(s) for s in IncidentStatus}
        for name, code in (status_codes or {}).items():
            self.set_status_code(name, code)

    def set_status_code(self, name, code):
        _native.dataset_set_status_code(self._handle, str(name), int(code))
        self._status_codes[str(name)] = int(code)

    @property
    def status_codes(self):
        """The status-name table (a copy)."""
        return dict(self._status_codes)

    @property
    def incident_count(self):
        return _native.dataset_incident_count(self._handle)

    # ---- incidents ----

    def add_incidents(self, offsets, instants, codes, priorities=None, *, ids=None, priority=None, category=None,
                      service=None, ci=None, opened=None):
        """Append incidents in CSR form: record r's events are ``offsets[r]:offsets[r+1]``
        of ``instants`` (epoch seconds or datetime64) and ``codes`` (int32 status codes);
        per-record ``ids``, ``priority``, ``category``, ``service``, ``ci``, ``opened``."""
        offsets = _i64(offsets, None, "offsets")
        n = offsets.size - 1
        if n < 0:
            raise ValueError("offsets: needs n_records + 1 entries")
        instants = _i64(instants, None, "instants")
        codes = _int32_array(codes, "codes")
        if codes.size != instants.size:
            raise ValueError("codes: expected one per instant")
        prios = None if priorities is None else _int32_array(priorities, "priorities")
        prio = None if priority is None else _int32_array(priority, "priority")
        names, index_of = [], {}
        cat = _text_index(category, n, "category", names, index_of)
        svc = _text_index(service, n, "service", names, index_of)
        cis = _text_index(ci, n, "ci", names, index_of)
        id_text = None if ids is None else _lines(ids, "ids")
        if ids is not None and len(ids) != n:
            raise ValueError(f"ids: expected {n} values, got {len(ids)}")
        _native.dataset_add_incidents(self._handle, offsets, instants, codes, prios, prio, cat, svc, cis,
                                      _lines(names, "names") if names else None, len(names), id_text,
                                      _i64(opened, n, "opened"))
        return self

    def add_frame(self, df, *, record, time, status, priority=None, category=None, service=None, ci=None,
                  status_codes=None, sort=True):
        """Append the incidents of a DataFrame with one row per status event. ``record``,
        ``time``, ``status`` name its columns (and optionally ``priority``, ``category``,
        ``service``, ``ci``: the record's last row counts). Status names map through
        ``status_codes`` (added to the table), the table, or else get new codes from 1000
        in order of appearance (and are added, so item metrics can name them)."""
        import pandas as pd

        for name, code in (status_codes or {}).items():
            self.set_status_code(name, code)
        ids, first = pd.factorize(df[record], sort=False)
        if (ids < 0).any():
            raise ValueError(f"{record}: missing record ids")
        times = _frame_times(df[time], time)
        codes = self._codes(df[status], status)
        order = None
        if sort and not _grouped_in_order(ids, times):
            order = np.lexsort((times, ids))
            ids, times, codes = ids[order], times[order], codes[order]
        elif ids.size and (np.diff(ids) < 0).any():
            raise ValueError(f"{record}: rows return to an earlier record; pass sort=True")
        counts = np.bincount(ids, minlength=len(first))
        offsets = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        last = offsets[1:] - 1

        def per_record(column):
            if column is None:
                return None
            values = df[column].to_numpy()
            if order is not None:
                values = values[order]
            return values[last]

        prio = per_record(priority)
        prio = None if prio is None else np.nan_to_num(prio.astype(float), nan=0).astype(np.int32)
        return self.add_incidents(offsets, times, codes, ids=[str(x) for x in first], priority=prio,
                                  category=per_record(category), service=per_record(service), ci=per_record(ci))

    def _codes(self, column, what):
        values = column.to_numpy()
        if values.dtype.kind in "iu":
            return _int32_array(values, what)
        import pandas as pd

        index, distinct = pd.factorize(values, sort=False)
        if (index < 0).any():
            raise ValueError(f"{what}: missing status values")
        table = np.empty(len(distinct), dtype=np.int32)
        for k, value in enumerate(distinct):
            name = str(value)
            if name not in self._status_codes:
                self.set_status_code(name, 1000 + sum(1 for c in self._status_codes.values() if c >= 1000))
            table[k] = self._status_codes[name]
        return table[index]

    def add_incident_objects(self, incidents):
        """Append :class:`Incident` objects (status history, priority, category, service, CI)."""
        for k, inc in enumerate(incidents):
            if not isinstance(inc, Incident):
                raise TypeError(f"incidents[{k}]: expected an Incident, not {type(inc).__name__}")
            _native.dataset_add_incident(self._handle, inc._handle)
        return self

    # ---- other records ----

    def add_records(self, records, zone=None):
        """Append :class:`Record` documents (outages, backup runs, report deliveries,
        monitoring checks, calls; see ``itsm_dataset_add_records``): a delivery's "due"
        date ends at midnight in ``zone`` (UTC when None). Every record is checked first."""
        records = list(records)
        for k, rec in enumerate(records):
            if not isinstance(rec, Record):
                raise TypeError(f"records[{k}]: expected a Record, not {type(rec).__name__}")
            if rec.type in (RecordType.CHANGE, RecordType.EFFORT):
                raise itsm_errors.InvalidArgumentError(
                    f"records[{k}] ({rec.id!r}) is a {rec.type.name.lower()} record, which no metric kind measures")
        handle = _zone_handle(zone)
        for rec in records:
            _native.dataset_add_record(self._handle, rec._handle, handle)
        return self

    def add_outages(self, start, end, *, flags=None, exclusion=None, share=None, ids=None):
        """Outages ``[start, end)`` with ITSM_OUTAGE_* ``flags`` (1 planned, 2 notified,
        4 critical), ``exclusion`` codes and affected ``share`` in ppb."""
        start = _i64(start, None, "start")
        n = start.size
        _native.dataset_add_outages(self._handle, start, _i64(end, n, "end"), _u8(flags, n, "flags"),
                                    _u8(exclusion, n, "exclusion"), _i64(share, n, "share"),
                                    None if ids is None else _lines(ids, "ids"))
        return self

    def add_events(self, kind, at, record=None):
        """Events of one ``kind``; ``record`` (int ids) ties start and stop events of a span."""
        at = _i64(at, None, "at")
        _native.dataset_add_events(self._handle, str(kind), _i64(record, at.size, "record"), at)
        return self

    def add_calls(self, outcome, wait, arrival, *, flags=None, include=None, caller=None):
        outcome = _u8(outcome, None, "outcome") if outcome is not None else None
        n = outcome.size
        _native.dataset_add_calls(self._handle, outcome, _i64(wait, n, "wait"), _u8(flags, n, "flags"),
                                  _u8(include, n, "include"), _i64(arrival, n, "arrival"), _i64(caller, n, "caller"))
        return self

    def add_backups(self, points, completed=None, succeeded=None):
        points = _i64(points, None, "points")
        n = points.size
        _native.dataset_add_backups(self._handle, points, _i64(completed, n, "completed"), _u8(succeeded, n, "succeeded"))
        return self

    def add_deliveries(self, report, due, delivered, delivered_mask=None):
        due = _i64(due, None, "due")
        n = due.size
        _native.dataset_add_deliveries(self._handle, str(report), due, _i64(delivered, n, "delivered"),
                                       _u8(delivered_mask, n, "delivered_mask"))
        return self

    def declare(self, item, level):
        """The declared capability of an "ordinal" item."""
        _native.dataset_declare(self._handle, str(item), str(level))
        return self

    # ---- builders ----

    @classmethod
    def from_arrays(cls, offsets, instants, codes, priorities=None, *, status_codes=None, **columns):
        return cls(status_codes).add_incidents(offsets, instants, codes, priorities, **columns)

    @classmethod
    def from_frame(cls, df, *, status_codes=None, **mapping):
        return cls().add_frame(df, status_codes=status_codes, **mapping)

    @classmethod
    def from_incidents(cls, incidents, status_codes=None):
        return cls(status_codes).add_incident_objects(incidents)


class Report:
    """The result of :func:`evaluate` (``itsm_report``): ``items`` (a list of dicts, the
    JSON's items), :meth:`to_json` (canonical: same inputs, same bytes),
    :meth:`to_markdown` and :meth:`to_frame`."""

    __slots__ = ("_handle", "_doc")

    def __init__(self, handle):
        self._handle = handle
        self._doc = None

    def to_json(self):
        return _native.report_to_json(self._handle)

    def to_dict(self):
        if self._doc is None:
            self._doc = json.loads(self.to_json())
        return json.loads(json.dumps(self._doc))

    def to_markdown(self):
        return _native.report_markdown(self._handle)

    @property
    def items(self):
        return self.to_dict()["items"]

    @property
    def period(self):
        doc = self.to_dict()
        return doc["period"], doc["from"], doc["to"]

    def item(self, item_id):
        for it in self.items:
            if it["id"] == item_id:
                return it
        raise KeyError(item_id)

    def to_frame(self):
        """One row per item (breaches as their count), indexed by item id."""
        import pandas as pd

        rows = [{k: v for k, v in it.items() if k != "breaches"} for it in self.items]
        return pd.DataFrame(rows).set_index("id") if rows else pd.DataFrame()

    def __repr__(self):
        doc = self.to_dict()
        return f"<Report {doc['agreement']} {doc['period']}: {len(doc['items'])} items>"


def _dataset_of(records, mapping, status_codes):
    if isinstance(records, Dataset):
        if mapping:
            raise TypeError("a column mapping applies to a DataFrame, not a Dataset")
        return records
    if hasattr(records, "columns") and hasattr(records, "to_numpy"):
        return Dataset.from_frame(records, status_codes=status_codes, **mapping)
    return Dataset.from_incidents(list(records), status_codes)


def _calendar_set(calendars):
    handle = _native.calendar_set_new()
    for name, cal in (calendars or {}).items():
        if not isinstance(cal, Calendar):
            raise TypeError(f"calendars[{name!r}]: expected a Calendar, not {type(cal).__name__}")
        _native.calendar_set_add(handle, str(name), cal._handle)
    return handle


_COUNTING = {"stop": 0, "start": 1}


def evaluate(agreement, records, period, *, calendars=None, as_of=None, counting="stop", max_breaches=0,
             status_codes=None, **mapping):
    """Evaluate every SLA item of ``agreement`` over ``period`` (a :class:`Period`).

    ``records`` is a :class:`Dataset`, a DataFrame of status events with its column
    ``mapping`` (``record=``, ``time=``, ``status=``, ``priority=``, ``category=`` ...),
    or a list of :class:`Incident`. ``calendars`` maps the agreement's calendar names to
    :class:`Calendar` objects. ``as_of`` defaults to the period's end; ``counting`` is
    ``"stop"`` (default) or ``"start"``; ``max_breaches`` caps the breaching records
    listed per item (0: all)."""
    if not isinstance(agreement, Agreement):
        raise TypeError(f"agreement: expected an Agreement, not {type(agreement).__name__}")
    if not isinstance(period, Period):
        raise TypeError(f"period: expected a Period, not {type(period).__name__}")
    if counting not in _COUNTING:
        raise ValueError(f"counting: expected 'stop' or 'start', not {counting!r}")
    dataset = _dataset_of(records, mapping, status_codes)
    cals = _calendar_set(calendars)
    at = None if as_of is None else to_instant(as_of, "as_of")
    handle = _native.report_evaluate(agreement._handle, cals, dataset._handle, period.start, period.end,
                                     period.label, _COUNTING[counting], at, int(max_breaches))
    return Report(handle)


def evaluate_periods(agreement, records, periods, **kwargs):
    """:func:`evaluate` for each period (the records are copied into C once)."""
    dataset = _dataset_of(records, {k: kwargs.pop(k) for k in list(kwargs) if k in _MAPPING_KEYS},
                          kwargs.pop("status_codes", None))
    return [evaluate(agreement, dataset, p, **kwargs) for p in periods]


_MAPPING_KEYS = ("record", "time", "status", "priority", "category", "service", "ci", "sort")


def reports_to_markdown(reports):
    """The Markdown of several reports, as ``itsm_report_to_markdown`` writes them."""
    return "\n".join(r.to_markdown() for r in reports)
