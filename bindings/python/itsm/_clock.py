"""SLA clocks (``itsm/clock.h``): deadline rules in calendar words, clock definitions, and
the evaluation of one record's event log or of millions of them in one C call.

>>> import itsm
>>> str(itsm.parse_deadline("within 24 h (excluding vendor holidays)"))
'24 h excluding vendor holidays'
"""

import collections
import datetime
import enum

import numpy as np

from . import itsm_native as _native
from ._calendar import Calendar
from ._convert import as_int64_array, to_instant, to_seconds
from ._incident import Incident, IncidentStatus

__all__ = [
    "Deadline",
    "DeadlineKind",
    "parse_deadline",
    "ClockDefinition",
    "ClockResult",
    "ClockState",
    "ReopenPolicy",
    "RetargetPolicy",
    "CLOCK_NO_INSTANT",
]

#: "No such instant" in the int64 columns of :meth:`ClockDefinition.evaluate_many`
#: (numpy's NaT when viewed as ``datetime64``).
CLOCK_NO_INSTANT = -(2**63)

_I64_ROWS = ("start", "stop", "elapsed_business", "elapsed_actual", "paused_business", "paused_actual",
             "target", "remaining", "permille", "deadline")
_I32_ROWS = ("state", "priority", "cycles", "breached_cycles", "reopens", "status")
_U8_ROWS = ("breached", "ever_breached")
_INSTANT_COLUMNS = ("start", "stop", "deadline")


class _Named(enum.IntEnum):
    """An IntEnum also accepted as its lower-case name."""

    @classmethod
    def coerce(cls, value):
        if isinstance(value, str):
            try:
                return cls[value.upper()]
            except KeyError:
                names = ", ".join(m.name.lower() for m in cls)
                raise ValueError(f"{value!r} is not a {cls.__name__} ({names})") from None
        return cls(value)


class DeadlineKind(_Named):
    """What a :class:`Deadline` counts (``itsm_deadline_kind``)."""

    BUSINESS = _native.DEADLINE_BUSINESS
    ELAPSED = _native.DEADLINE_ELAPSED
    SAME_DAY = _native.DEADLINE_SAME_DAY
    NEXT_BUSINESS_DAY = _native.DEADLINE_NEXT_BUSINESS_DAY
    NEXT_DAY = _native.DEADLINE_NEXT_DAY
    HALF_DAY = _native.DEADLINE_HALF_DAY
    BUSINESS_DAYS = _native.DEADLINE_BUSINESS_DAYS
    DAYS = _native.DEADLINE_DAYS
    WEEKS = _native.DEADLINE_WEEKS
    MONTHS = _native.DEADLINE_MONTHS
    NTH_BUSINESS_DAY_NEXT_MONTH = _native.DEADLINE_NTH_BUSINESS_DAY_NEXT_MONTH


class ClockState(_Named):
    """State of a clock at its "as of" instant."""

    NOT_STARTED = _native.CLOCK_NOT_STARTED
    RUNNING = _native.CLOCK_RUNNING
    PAUSED = _native.CLOCK_PAUSED
    MET = _native.CLOCK_MET
    BREACHED = _native.CLOCK_BREACHED
    CANCELLED = _native.CLOCK_CANCELLED

    @property
    def label(self):
        """"not_started", "running", "paused", "met", "breached", "cancelled"."""
        return _native.clock_state_name(int(self))


class ReopenPolicy(_Named):
    """What an event after the stop does: continue the clock (the stopped time counts as
    paused), start a new cycle, or nothing (the first stop is final)."""

    CONTINUE = _native.REOPEN_CONTINUE
    NEW_CYCLE = _native.REOPEN_NEW_CYCLE
    NEVER = _native.REOPEN_NEVER


class RetargetPolicy(_Named):
    """What a priority change does: recompute with the new target from the original
    start, or restart the measurement at the change. Pauses are never dropped."""

    RECOMPUTE = _native.RETARGET_RECOMPUTE
    RESTART = _native.RETARGET_RESTART


class Deadline:
    """A deadline rule in calendar words: ``Deadline("next business day")``.

    Accepts what :func:`parse_deadline` accepts; ``str()`` is the canonical text, equality
    compares it. :meth:`apply` gives the deadline of a clock started at an instant.
    """

    __slots__ = ("_text", "_kind", "_amount", "_calendar")

    def __init__(self, text):
        if isinstance(text, Deadline):
            text = text._text
        kind, amount, calendar = _native.deadline_parse(text)
        self._kind = DeadlineKind(kind)
        self._amount = amount
        self._calendar = calendar or None
        self._text = _native.deadline_text(text)

    kind = property(lambda self: self._kind, doc="The :class:`DeadlineKind`.")
    amount = property(lambda self: self._amount, doc="Seconds (BUSINESS, ELAPSED) or a count (days, ...), else 0.")
    calendar = property(lambda self: self._calendar,
                        doc='The party whose calendar it runs on ("vendor"), or None.')

    def apply(self, calendar, start):
        """The deadline (``int`` epoch seconds) of a clock started at ``start`` with no
        pause, on ``calendar`` (a :class:`Calendar`)."""
        return _native.deadline_apply(self._text, calendar._handle, to_instant(start, "start"))

    def __str__(self):
        return self._text

    def __repr__(self):
        return f"Deadline({self._text!r})"

    def __eq__(self, other):
        return isinstance(other, Deadline) and other._text == self._text

    def __hash__(self):
        return hash(self._text)

    def __reduce__(self):
        return (Deadline, (self._text,))


def parse_deadline(text):
    """A :class:`Deadline` from English calendar words ("4 h", "same day", "next day",
    "next business day", "within half a day", "within 3 business days", "within 1 week",
    "within 2 months", "within 10 business days from the start of the next month", any of
    them followed by "excluding vendor holidays"), "4 h elapsed" for wall time, ISO 8601
    durations ("PT4H", "P1W") or 当日 / 翌日 / 翌営業日 / 半日以内.

    Raises:
        InvalidArgumentError: quoting the text that has no exact meaning ("a few days").
        RangeError: for a zero or too large amount.
    """
    return Deadline(text)


def _target_text(value, what):
    if isinstance(value, Deadline):
        return str(value)
    if isinstance(value, str):
        return value
    if isinstance(value, (int, np.integer, datetime.timedelta, np.timedelta64)):
        return f"PT{to_seconds(value, what)}S"
    raise TypeError(f"{what} must be deadline text, a Deadline, int seconds or a timedelta, "
                    f"not {type(value).__name__}")


def _code(value, names, what):
    if isinstance(value, str):
        if names is not None and value in names:
            return int(names[value])
        try:
            return int(IncidentStatus.coerce(value))
        except ValueError:
            raise ValueError(f"{what}: {value!r} is not a status name (new, active, on_hold, resolved, "
                             "closed) nor a key of codes=") from None
    return int(value)


def _codes(values, names, what):
    if values is None:
        return None
    if isinstance(values, (str, int, np.integer)):
        values = [values]
    codes = [_code(v, names, what) for v in values]
    return np.array(codes, dtype=np.int32) if codes else None


def _per_mille(percent):
    value = round(float(percent) * 10)
    if abs(value - float(percent) * 10) > 1e-9:
        raise ValueError(f"thresholds: {percent} is finer than 0.1 %")
    return value


class ClockResult(collections.namedtuple(
        "ClockResult",
        "state priority start stop elapsed_business elapsed_actual paused_business paused_actual target "
        "remaining permille deadline thresholds breached ever_breached cycles breached_cycles reopens")):
    """The clock of one record (``itsm_clock_result``).

    Instants (``start``, ``stop``, ``deadline``, the ``thresholds`` tuple) are ``int`` epoch
    seconds or None; durations are ``int`` seconds; ``target``, ``remaining`` and
    ``permille`` (``floor(1000 x elapsed / target)``) count business seconds, or wall
    seconds for an elapsed target. ``state`` is a :class:`ClockState`.
    """

    __slots__ = ()

    @property
    def percent(self):
        """``100 x elapsed / target`` as a float (may exceed 100)."""
        return 100.0 * (self.target - self.remaining) / self.target if self.target else 0.0


def _result(values):
    fields = list(values)
    fields[0] = ClockState(fields[0])
    fields[13] = bool(fields[13])
    fields[14] = bool(fields[14])
    return ClockResult(*fields)


class ClockDefinition:
    """An SLA clock (an immutable libitsm ``itsm_clock_definition``)::

        resolution = itsm.ClockDefinition(
            start="new", pause="on_hold", stop=["resolved", "closed"], cancel=99,
            calendar=desk, target="next business day",
            priority_targets={1: "2 h", 2: "4 h"},
            reopen="continue", retarget="recompute", thresholds=[50, 75, 90, 100])

    Codes are ints or status names (:class:`IncidentStatus` labels, or keys of
    ``codes``, a mapping of your own names to ints). ``target`` (and the values of
    ``priority_targets``) are deadline text, a :class:`Deadline`, or business seconds as
    an int or timedelta. ``reopen_on`` restricts which codes reopen a stopped clock (by
    default any code that neither stops nor cancels). ``thresholds`` are percentages of
    the target (0.1 % steps). The calendar is kept alive by the definition.

    Raises:
        InvalidArgumentError: naming the option that is wrong (a code in two sets, an
            empty start or stop set, a target naming another calendar, ...).
    """

    __slots__ = ("_handle", "_calendar", "_kwargs", "_n_thresholds")

    def __init__(self, *, start, stop, calendar, target, pause=(), cancel=(), reopen_on=(), reopen="continue",
                 retarget="recompute", retroactive_start=False, retroactive_pause=False, thresholds=None,
                 priority_targets=None, codes=None):
        if not isinstance(calendar, Calendar):
            raise TypeError(f"calendar must be an itsm.Calendar, not {type(calendar).__name__}")
        self._kwargs = dict(start=start, stop=stop, calendar=calendar, target=target, pause=pause, cancel=cancel,
                            reopen_on=reopen_on, reopen=reopen, retarget=retarget,
                            retroactive_start=retroactive_start, retroactive_pause=retroactive_pause,
                            thresholds=thresholds, priority_targets=priority_targets, codes=codes)
        flags = (_native.CLOCK_RETRO_START if retroactive_start else 0) | (
            _native.CLOCK_RETRO_PAUSE if retroactive_pause else 0)
        th = None if thresholds is None else np.array([_per_mille(p) for p in thresholds], dtype=np.int32)
        prio = dict(priority_targets or {})
        if len(prio) > 64:
            raise ValueError(f"priority_targets: {len(prio)} priorities, at most 64")
        prio_codes = np.array(list(prio), dtype=np.int32) if prio else None
        prio_texts = "\n".join(_target_text(v, f"priority_targets[{k}]") for k, v in prio.items())
        target_text = _target_text(target, "target")
        self._calendar = calendar
        self._handle = _native.clock_definition_new(
            calendar._handle, _codes(start, codes, "start"), _codes(pause, codes, "pause"),
            _codes(stop, codes, "stop"), _codes(cancel, codes, "cancel"), _codes(reopen_on, codes, "reopen_on"),
            flags, int(ReopenPolicy.coerce(reopen)), int(RetargetPolicy.coerce(retarget)), th, target_text,
            prio_codes, prio_texts)
        self._n_thresholds = _native.clock_definition_threshold_count(self._handle)

    @property
    def thresholds(self):
        """The thresholds in percent of the target."""
        return tuple(_native.clock_definition_threshold(self._handle, k) / 10 for k in range(self._n_thresholds))

    @property
    def calendar(self):
        return self._calendar

    def __reduce__(self):
        return (_rebuild, (self._kwargs,))

    # ---- one record -------------------------------------------------------------------

    def evaluate(self, events, as_of):
        """The :class:`ClockResult` of one record as of ``as_of``: ``events`` is an
        :class:`Incident` (its status history; its priority applies throughout) or a
        sequence of ``(instant, code)`` or ``(instant, code, priority)`` in log order
        (codes may be status names)."""
        as_of = to_instant(as_of, "as_of")
        if isinstance(events, Incident):
            return _result(_native.clock_evaluate_incident(self._handle, events._handle, as_of))
        rows = list(events)
        names = self._kwargs["codes"]
        t = np.array([to_instant(r[0], f"events[{i}] instant") for i, r in enumerate(rows)], dtype=np.int64)
        c = np.array([_code(r[1], names, f"events[{i}] code") for i, r in enumerate(rows)], dtype=np.int32)
        has_prio = any(len(r) > 2 for r in rows)
        p = np.array([int(r[2]) if len(r) > 2 and r[2] is not None else 0 for r in rows],
                     dtype=np.int32) if has_prio else None
        return _result(_native.clock_evaluate(self._handle, t, c, p, as_of))

    # ---- many records -----------------------------------------------------------------

    def evaluate_many(self, offsets, instants, codes, priorities=None, *, as_of, thresholds=True,
                      errors="raise"):
        """Evaluate many records in one C call (the GIL released, no Python loop).

        Record ``r``'s events are ``offsets[r] : offsets[r + 1]`` of the flat arrays
        ``instants`` (int64 epoch seconds or datetime64), ``codes`` (int32) and
        ``priorities`` (int32, optional; <= 0 means unchanged). Returns a dict of numpy
        arrays, one element per record: ``state``, ``priority``, ``start``, ``stop``,
        ``deadline`` (int64 epoch seconds, :data:`CLOCK_NO_INSTANT` when absent),
        ``elapsed_business``, ``elapsed_actual``, ``paused_business``, ``paused_actual``,
        ``target``, ``remaining``, ``permille``, ``cycles``, ``breached_cycles``,
        ``reopens``, ``breached`` and ``ever_breached`` (bool), and ``thresholds``
        (records x thresholds) unless ``thresholds=False``.

        ``errors="raise"`` raises at the first record that cannot be evaluated, naming
        the record and event; ``errors="return"`` adds a ``status`` column (0 or the
        error code) and evaluates the rest.
        """
        if errors not in ("raise", "return"):
            raise ValueError("errors must be 'raise' or 'return'")
        offsets = as_int64_array(offsets, "offsets").reshape(-1)
        instants = as_int64_array(instants, "instants").reshape(-1)
        codes = _int32_array(codes, "codes")
        if offsets.size == 0:
            raise ValueError("offsets: needs n_records + 1 entries (at least [0])")
        if codes.size != instants.size:
            raise ValueError(f"codes has {codes.size} elements, instants {instants.size}")
        if priorities is not None:
            priorities = _int32_array(priorities, "priorities")
            if priorities.size != instants.size:
                raise ValueError(f"priorities has {priorities.size} elements, instants {instants.size}")
        n = offsets.size - 1
        i64 = np.empty((len(_I64_ROWS), n), dtype=np.int64)
        i32 = np.empty((len(_I32_ROWS), n), dtype=np.int32)
        u8 = np.empty((len(_U8_ROWS), n), dtype=np.uint8)
        th = np.empty((n, self._n_thresholds), dtype=np.int64) if thresholds else None
        _native.clock_evaluate_many(self._handle, offsets, instants, codes, priorities, to_instant(as_of, "as_of"),
                                    i64, i32, u8, th, 1 if errors == "return" else 0)
        out = {name: i64[k] for k, name in enumerate(_I64_ROWS)}
        out.update({name: i32[k] for k, name in enumerate(_I32_ROWS) if name != "status" or errors == "return"})
        out.update({name: u8[k].view(np.bool_) for k, name in enumerate(_U8_ROWS)})
        if th is not None:
            out["thresholds"] = th
        return out

    def evaluate_frame(self, df, *, record, time, status, as_of, priority=None, status_codes=None, sort=True,
                       as_frame=True, thresholds=False, errors="raise"):
        """Evaluate every record of a pandas DataFrame with one row per event.

        ``record``, ``time``, ``status`` (and optionally ``priority``) name its columns.
        ``time`` holds datetime64 values (naive ones are read as UTC) or int epoch seconds.
        ``status`` holds int codes, or names mapped by ``status_codes`` (a dict) or, by
        default, the :class:`IncidentStatus` labels. With ``sort=True`` rows are ordered
        by record and time (stable: equal instants keep their row order); with
        ``sort=False`` each record's rows must already be together and in time order.

        Returns a DataFrame indexed by record id (instants as UTC ``datetime64`` with NaT
        for none, ``state`` as its label), or with ``as_frame=False`` the dict of
        :meth:`evaluate_many` plus ``record`` (the ids).
        """
        import pandas as pd

        ids, first = pd.factorize(df[record], sort=False)
        if (ids < 0).any():
            raise ValueError(f"{record}: missing record ids")
        times = _frame_times(df[time], time)
        codes = _frame_codes(df[status], status, status_codes)
        prios = None if priority is None else _int32_array(df[priority].to_numpy(), priority)
        if sort and not _grouped_in_order(ids, times):
            order = np.lexsort((times, ids))
            ids, times, codes = ids[order], times[order], codes[order]
            prios = None if prios is None else prios[order]
        elif ids.size and (np.diff(ids) < 0).any():
            bad = int(np.flatnonzero(np.diff(ids) < 0)[0]) + 1
            raise ValueError(f"{record}: row {bad} returns to an earlier record; pass sort=True")
        counts = np.bincount(ids, minlength=len(first))
        offsets = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        out = self.evaluate_many(offsets, times, codes, prios, as_of=as_of, thresholds=thresholds, errors=errors)
        if not as_frame:
            out["record"] = np.asarray(first)
            return out
        return _to_frame(out, first, record)


def _rebuild(kwargs):
    return ClockDefinition(**kwargs)


def _int32_array(values, what):
    array = np.asarray(values)
    if array.size == 0:
        return np.zeros(0, dtype=np.int32)
    if array.dtype.kind not in "iu":
        raise TypeError(f"{what}: expected integer codes, got dtype {array.dtype}")
    if array.min() < -(2**31) or array.max() >= 2**31:
        raise ValueError(f"{what}: values outside int32")
    return np.ascontiguousarray(array.reshape(-1), dtype=np.int32)


def _frame_times(column, name):
    import pandas as pd

    if isinstance(column.dtype, pd.DatetimeTZDtype):
        column = column.dt.tz_convert("UTC").dt.tz_localize(None)
    values = column.to_numpy()
    if values.dtype == object:
        raise TypeError(f"{name}: convert the times first (pd.to_datetime), got Python objects")
    return as_int64_array(values, name)


def _grouped_in_order(ids, times):
    """True when each record's rows are together, in record order and time order (then
    no sort is needed; exports usually come so)."""
    step = np.diff(ids)
    return bool((step >= 0).all() and (np.diff(times)[step == 0] >= 0).all())


def _frame_codes(column, name, mapping):
    values = column.to_numpy()
    if values.dtype.kind in "iu":
        return _int32_array(values, name)
    import pandas as pd

    names = {str(k): int(v) for k, v in (mapping or {}).items()}
    if not names:
        names = {s.label: int(s) for s in IncidentStatus}
    # Map the few distinct names, not every row.
    index, distinct = pd.factorize(values, sort=False)
    table = np.empty(len(distinct) + 1, dtype=np.int32)
    for k, value in enumerate(distinct):
        if str(value) not in names:
            raise ValueError(f"{name}: {value!r} has no code (give status_codes=)")
        table[k] = names[str(value)]
    if (index < 0).any():
        raise ValueError(f"{name}: missing status values")
    return table[index]


def _to_frame(out, ids, record):
    import pandas as pd

    columns = {}
    for name, values in out.items():
        if name == "thresholds":
            for k in range(values.shape[1]):
                columns[f"threshold_{k}"] = pd.to_datetime(values[:, k].view("datetime64[s]"), utc=True)
        elif name in _INSTANT_COLUMNS:
            columns[name] = pd.to_datetime(values.view("datetime64[s]"), utc=True)
        elif name == "state":
            labels = np.array([s.label for s in ClockState], dtype=object)
            columns[name] = labels[values]
        else:
            columns[name] = values
    frame = pd.DataFrame(columns, index=pd.Index(ids, name=record))
    return frame
