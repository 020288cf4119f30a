"""Business calendars: weekly hours in a zone, holidays, closures and extra openings,
answering business-time questions exactly (integer seconds, DST-aware)."""

import json
import os
from collections.abc import Mapping

import numpy as np

from . import itsm_native as _native
from ._convert import as_int64_array, as_seconds_array, int64_result, to_date, to_instant, to_seconds
from ._holidays import HolidaySet, _json_default
from ._timezone import TimeZone

__all__ = ["Calendar"]


def _document_text(definition):
    if isinstance(definition, Mapping):
        return json.dumps(definition, ensure_ascii=False, default=_json_default)
    if isinstance(definition, (str, bytes, bytearray)):
        return bytes(definition) if isinstance(definition, bytearray) else definition
    raise TypeError(
        "Calendar() takes a calendar document as a dict or JSON text (str or bytes), "
        f"not {type(definition).__name__}"
    )


def _set_handles(holiday_sets):
    if holiday_sets is None:
        return [], None
    if isinstance(holiday_sets, (HolidaySet, str, bytes, Mapping)):
        raise TypeError("holiday_sets must be a list of HolidaySet (or set definitions), not a single one")
    sets = [s if isinstance(s, HolidaySet) else HolidaySet(s) for s in holiday_sets]
    # The sets are referenced while the calendar is compiled; the calendar keeps copies.
    return sets, [s._handle for s in sets]


class Calendar:
    """A compiled business calendar (an immutable libitsm ``itsm_calendar``).

    ``Calendar(definition, holiday_sets=None)``: ``definition`` is a calendar document,
    as a dict or as JSON text (``docs/schema/calendar.schema.json``)::

        itsm.Calendar({
            "itsm_schema": 1, "type": "calendar", "name": "desk", "zone": "Asia/Tokyo",
            "week": {"mon": ["09:00-18:00"], "tue": ["09:00-18:00"], "wed": ["09:00-18:00"],
                     "thu": ["09:00-18:00"], "fri": ["09:00-18:00"],
                     "sat": ["09:00-12:00", "13:00-17:00"], "sun": []},
            "holidays": ["jp", "jp-year-end"],
            "closed": ["2024-08-13", {"date": "2024-11-30", "from": "22:00", "to": "24:00"}],
            "open": [{"date": "2024-12-28", "intervals": ["09:00-12:00"]}]})

    Names in ``"holidays"`` resolve first against ``holiday_sets`` (a list of
    :class:`HolidaySet`, or of set definitions), then against the built-in sets.

    Instants are ``int`` epoch seconds; every method that takes one also accepts an aware
    :class:`datetime.datetime`, and returns ``int`` (:meth:`to_local` turns one into an
    aware datetime in the calendar's zone). Dates are :class:`datetime.date` objects or
    ``"YYYY-MM-DD"``. Business seconds B(a, b) count the open seconds in [a, b).

    Calendars compare equal (and hash) by their canonical JSON (:meth:`to_json`) and
    pickle through it, so they can be sent to worker processes.

    Raises:
        ParseError: for malformed JSON (with line and column).
        InvalidArgumentError / RangeError: for a bad value, naming its JSON path
            (``$.week.mon[1]``).
        NotFoundError: for an unknown zone or holiday set.
        VersionError: for a document newer than this library (``"itsm_schema"``).
    """

    __slots__ = ("_handle", "_name", "_json", "_zone", "__weakref__")

    def __init__(self, definition, holiday_sets=None):
        text = _document_text(definition)
        _sets, handles = _set_handles(holiday_sets)
        self._handle = _native.calendar_from_json(text, handles)  # owns the C calendar
        self._name = _native.calendar_name(self._handle)
        self._json = None
        self._zone = None

    @classmethod
    def from_file(cls, path, holiday_sets=None):
        """A calendar from a JSON file."""
        with open(os.fspath(path), "rb") as f:
            return cls(f.read(), holiday_sets)

    # ---- identity -----------------------------------------------------------------------------

    @property
    def name(self):
        """The calendar's name."""
        return self._name

    @property
    def zone(self):
        """The calendar's zone, a :class:`TimeZone`."""
        if self._zone is None:
            self._zone = TimeZone(_native.calendar_zone_name(self._handle), self.to_dict().get("zoneinfo_dir"))
        return self._zone

    def to_json(self):
        """The calendar's canonical JSON document (str). Loading it gives an equal calendar;
        built-in holiday sets are written by name, custom ones inline."""
        if self._json is None:
            self._json = _native.calendar_to_json(self._handle)
        return self._json

    def to_dict(self):
        """The canonical document as a dict (a new one each time)."""
        return json.loads(self.to_json())

    def __repr__(self):
        return f"<itsm.Calendar {self._name!r} in {_native.calendar_zone_name(self._handle)}>"

    def __eq__(self, other):
        if not isinstance(other, Calendar):
            return NotImplemented
        return self is other or self.to_json() == other.to_json()

    def __hash__(self):
        return hash(self.to_json())

    def __reduce__(self):
        return (Calendar, (self.to_json(),))

    def to_local(self, t):
        """Instant ``t`` as an aware :class:`datetime.datetime` in the calendar's zone."""
        return self.zone.to_local(t)

    # ---- instants -----------------------------------------------------------------------------

    def is_open(self, t):
        """True when instant ``t`` lies inside an open interval."""
        return _native.calendar_is_open(self._handle, to_instant(t, "t"))

    def next_open(self, t):
        """``t`` if open, else the first open instant after ``t``."""
        return _native.calendar_next_open(self._handle, to_instant(t, "t"))

    def next_close(self, t):
        """The end of the open interval containing ``t``, or of the next one."""
        return _native.calendar_next_close(self._handle, to_instant(t, "t"))

    def business_seconds(self, a, b):
        """B(a, b): business seconds in [a, b); negative when ``a > b``."""
        return _native.calendar_business_seconds(self._handle, to_instant(a, "a"), to_instant(b, "b"))

    def add_business(self, t, seconds):
        """The smallest instant ``u >= t`` with B(t, u) = ``seconds`` (an int >= 0 or a
        timedelta). A deadline exactly at a closing time is that closing instant unless the
        calendar's ``snap_deadline_to_open`` option is set."""
        return _native.calendar_add_business(self._handle, to_instant(t, "t"), to_seconds(seconds))

    def sub_business(self, t, seconds):
        """The largest instant ``u <= t`` with B(u, t) = ``seconds`` (>= 0)."""
        return _native.calendar_sub_business(self._handle, to_instant(t, "t"), to_seconds(seconds))

    def add_business_days(self, t, n, end_of_day=False):
        """The ``n``-th business date after ``t``'s local date: at the same local time of day
        (moved forward into open time if closed), or with ``end_of_day=True`` at the close
        of that business day."""
        mode = _native.END_OF_DAY if end_of_day else _native.KEEP_TIME
        return _native.calendar_add_business_days(self._handle, to_instant(t, "t"), n, mode)

    def end_of_business_day(self, t, k=0):
        """Close of the ``k``-th business day counted from the one containing ``t`` (or the
        next one when ``t``'s date has no open time left): ``k=0`` "same day" (当日),
        ``k=1`` "next business day" (翌営業日)."""
        return _native.calendar_end_of_business_day(self._handle, to_instant(t, "t"), k)

    def half_business_day(self, t):
        """"Within half a day" (半日以内) from ``t``: half of the open time of the business day
        the clock starts on, or the calendar's fixed ``half_day``, added in business time."""
        return _native.calendar_half_business_day(self._handle, to_instant(t, "t"))

    def nth_business_day(self, year, month, n):
        """Close of the ``n``-th (>= 1) business day of a month: "within 10 business days
        from the start of next month" is ``nth_business_day(y, m + 1, 10)``."""
        return _native.calendar_nth_business_day(self._handle, year, month, n)

    # ---- dates --------------------------------------------------------------------------------

    def is_business_day(self, date):
        """True when the local ``date`` has any open time."""
        return _native.calendar_is_business_day(self._handle, to_date(date))

    def business_days(self, date_a, date_b):
        """Number of dates in [date_a, date_b) with open time (negative when a > b)."""
        return _native.calendar_business_days(self._handle, to_date(date_a, "date_a"), to_date(date_b, "date_b"))

    # ---- arrays -------------------------------------------------------------------------------

    def business_seconds_many(self, a, b):
        """B(a[i], b[i]) for arrays of instants (int64 epoch seconds or datetime64), as an
        int64 array of their broadcast shape; one C call without the GIL. A bad element
        raises, naming its index."""
        a, b = np.broadcast_arrays(as_int64_array(a, "a"), as_int64_array(b, "b"))
        shape = a.shape
        a = np.ascontiguousarray(a).reshape(-1)
        b = np.ascontiguousarray(b).reshape(-1)
        return int64_result(_native.calendar_business_seconds_many(self._handle, a, b), shape)

    def add_business_many(self, t, seconds):
        """add_business(t[i], seconds[i]) for an array of instants; ``seconds`` is an array of
        the same (or a broadcastable) shape or a scalar (int seconds or timedelta). Returns an
        int64 array of instants; one C call without the GIL."""
        if np.ndim(seconds) == 0 and not isinstance(seconds, np.ndarray):
            seconds = np.int64(to_seconds(seconds))
        t, s = np.broadcast_arrays(as_int64_array(t, "t"), as_seconds_array(seconds, "seconds"))
        shape = t.shape
        t = np.ascontiguousarray(t).reshape(-1)
        s = np.ascontiguousarray(s).reshape(-1)
        return int64_result(_native.calendar_add_business_many(self._handle, t, s), shape)
