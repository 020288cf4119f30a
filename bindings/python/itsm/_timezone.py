"""Time zones, and instants to and from ISO 8601 text."""

import collections
import datetime
import functools
import operator
import os

from . import itsm_native as _native
from ._convert import as_int64_array, int64_result, to_instant
from ._errors import NotFoundError
from ._policy import LocalPolicy, to_policy

__all__ = ["TimeZone", "TimeZoneInfo", "parse_instant", "format_instant"]

TimeZoneInfo = collections.namedtuple("TimeZoneInfo", ["utc_offset", "is_dst", "abbreviation"])
TimeZoneInfo.__doc__ = """The local time type in force at an instant (``TimeZone.info``).

Fields:
    utc_offset: seconds east of UTC (local = UTC + offset).
    is_dst: True during daylight saving time.
    abbreviation: "JST", "CEST", "+09"...; may be empty.
"""


class TimeZone:
    """An IANA time zone or a fixed UTC offset (an immutable libitsm ``itsm_tz``).

    ``TimeZone(name_or_offset, zoneinfo_dir=None)``:

    * a ``str``: an IANA name (``"Asia/Tokyo"``), ``"UTC"``/``"Z"``, or a fixed offset
      ``"+09:00"``, ``"-0330"``, ``"+09"``. IANA names are read from ``zoneinfo_dir``
      (a path), else from ``$TZDIR``, else ``/usr/share/zoneinfo``;
    * an ``int``: a fixed offset in seconds east of UTC (-86399 .. 86399), named like
      ``"+09:00"``; a :class:`datetime.timedelta` works too.

    Instants are ``int`` epoch seconds; every method that takes one also accepts an aware
    :class:`datetime.datetime`. Batch methods (``utc_offsets``, ``to_local_many``,
    ``from_local_many``) take arrays (see :func:`itsm._convert.as_int64_array`) and return
    numpy int64 arrays of the same shape, computed in one C call without the GIL.

    Zones compare equal when their names are equal, hash by name and pickle as
    ``(name_or_offset, zoneinfo_dir)``, loading the zone again when unpickled.

    Raises:
        NotFoundError: (a LookupError) when no such zone exists; the message names it.
        InvalidArgumentError: for a malformed name or an offset out of range.
        FormatError: for a malformed TZif file; FileError when it cannot be read.
    """

    __slots__ = ("_handle", "_spec", "_zoneinfo_dir", "_name", "__weakref__")

    def __init__(self, name_or_offset, zoneinfo_dir=None):
        if zoneinfo_dir is not None:
            zoneinfo_dir = os.fspath(zoneinfo_dir)
            if isinstance(zoneinfo_dir, bytes):
                zoneinfo_dir = os.fsdecode(zoneinfo_dir)
        spec = name_or_offset
        if isinstance(spec, str):
            handle = _native.tz_load(spec, zoneinfo_dir)
        elif isinstance(spec, bool):
            raise TypeError("TimeZone() takes a zone name or an offset in seconds, not bool")
        elif isinstance(spec, datetime.timedelta):
            if spec.microseconds:
                raise ValueError(f"offset {spec} is not a whole number of seconds")
            spec = spec.days * 86400 + spec.seconds
            handle = _native.tz_fixed(spec)
        else:
            try:
                spec = operator.index(spec)
            except TypeError:
                raise TypeError(
                    "TimeZone() takes a zone name (str) or an offset in seconds east of UTC "
                    f"(int), not {type(name_or_offset).__name__}"
                ) from None
            handle = _native.tz_fixed(spec)
        self._handle = handle  # owns the C zone; freed (itsm_tz_free) with this object
        self._spec = spec
        self._zoneinfo_dir = zoneinfo_dir
        self._name = _native.tz_name(handle)

    # ---- identity -------------------------------------------------------------------------

    @property
    def name(self):
        """The zone's name: as given, or canonical (``"+09:00"``) for fixed offsets."""
        return self._name

    @property
    def zoneinfo_dir(self):
        """The zoneinfo directory given to the constructor, or None."""
        return self._zoneinfo_dir

    def __repr__(self):
        if self._zoneinfo_dir is None:
            return f"itsm.TimeZone({self._spec!r})"
        return f"itsm.TimeZone({self._spec!r}, zoneinfo_dir={self._zoneinfo_dir!r})"

    def __str__(self):
        return self._name

    def __eq__(self, other):
        if not isinstance(other, TimeZone):
            return NotImplemented
        return self._name == other._name

    def __hash__(self):
        return hash(self._name)

    def __reduce__(self):
        return (TimeZone, (self._spec, self._zoneinfo_dir))

    # ---- single instants --------------------------------------------------------------------

    def utc_offset(self, t):
        """Seconds east of UTC at instant ``t`` (int or aware datetime)."""
        return _native.tz_utc_offset(self._handle, to_instant(t, "t"))

    def info(self, t):
        """The :class:`TimeZoneInfo` ``(utc_offset, is_dst, abbreviation)`` at instant ``t``."""
        return TimeZoneInfo(*_native.tz_info_at(self._handle, to_instant(t, "t")))

    def to_local(self, t):
        """The local time at instant ``t`` as an aware :class:`datetime.datetime`.

        Its tzinfo is a fixed :class:`datetime.timezone` with the offset in force at ``t``
        and the zone's abbreviation as its name (None when the abbreviation is empty), so
        ``to_local(t).timestamp() == t``.
        """
        t = to_instant(t, "t")
        offset, _is_dst, abbreviation = _native.tz_info_at(self._handle, t)
        fields = _native.tz_to_local(self._handle, t)
        delta = datetime.timedelta(seconds=offset)
        tzinfo = datetime.timezone(delta, abbreviation) if abbreviation else datetime.timezone(delta)
        return datetime.datetime(*fields, tzinfo=tzinfo)

    def from_local(self, year, month, day, hour=0, minute=0, second=0,
                   policy=LocalPolicy.DEFAULT):
        """The instant (int) of a local civil date and time in this zone.

        ``policy`` says what a local time in a DST gap or overlap becomes: a
        :class:`LocalPolicy`, or ``"default"`` (shift forward by the gap / take the earlier
        occurrence), ``"strict"`` (raise for both), or ``"GAP:OVERLAP"`` with GAP in
        ``shift``/``next``/``raise`` and OVERLAP in ``earlier``/``later``/``raise``.

        Raises:
            NonexistentTimeError / AmbiguousTimeError: when the policy says raise.
            RangeError / InvalidArgumentError: for fields out of range.
        """
        fields = (year, month, day, hour, minute, second)
        return _native.tz_from_local(self._handle, fields, to_policy(policy))

    def start_of_day(self, date):
        """The first existing instant of a local date: 00:00, or the end of a DST gap that
        swallows midnight (historic America/Sao_Paulo).

        ``date`` is a :class:`datetime.date` (not a datetime), a ``(year, month, day)``
        tuple or ``"YYYY-MM-DD"``.
        """
        if isinstance(date, datetime.datetime):
            raise TypeError("start_of_day() takes a date, not a datetime (use value.date())")
        if isinstance(date, datetime.date):
            date = (date.year, date.month, date.day)
        elif isinstance(date, str):
            date = _native.date_parse(date)
        return _native.tz_start_of_day(self._handle, date)

    def next_transition(self, t):
        """The first instant ``u > t`` at which the offset or DST flag changes, or None
        when there is none up to 2200-12-31T23:59:59Z."""
        try:
            return _native.tz_next_transition(self._handle, to_instant(t, "t"))
        except NotFoundError:
            return None

    # ---- arrays -----------------------------------------------------------------------------

    def utc_offsets(self, instants):
        """UTC offsets (seconds) at each instant of ``instants``, as an int64 array of the
        same shape. ``instants``: int64-convertible values or datetime64 (UTC)."""
        array = as_int64_array(instants, "instants")
        return int64_result(_native.tz_utc_offsets(self._handle, array.reshape(-1)), array.shape)

    def to_local_many(self, instants):
        """Local "wall seconds" (``t + offset``: the local civil time counted as seconds
        since 1970-01-01T00:00 local) of each instant, as an int64 array of the same shape.
        ``result.astype('datetime64[s]')`` gives the naive local times."""
        array = as_int64_array(instants, "instants")
        return int64_result(_native.tz_to_local_many(self._handle, array.reshape(-1)), array.shape)

    def from_local_many(self, wall, policy=LocalPolicy.DEFAULT):
        """Instants of local wall seconds (the inverse of :meth:`to_local_many`), as an int64
        array of the same shape. ``wall`` may be a naive ``datetime64`` array of local
        times. ``policy`` as for :meth:`from_local`; with a raising policy the first
        offending element's index is in the message."""
        policy = to_policy(policy)
        array = as_int64_array(wall, "wall")
        return int64_result(
            _native.tz_from_local_many(self._handle, array.reshape(-1), policy), array.shape
        )


@functools.lru_cache(maxsize=64)
def _cached_zone(spec):
    # Zones named in parse_instant()/format_instant() calls are loaded once per process
    # (like zoneinfo.ZoneInfo), not once per call.
    return TimeZone(spec)


def _zone_arg(zone):
    """The native handle for a ``zone`` argument: None, a TimeZone, or a name/offset."""
    if zone is None:
        return None
    if isinstance(zone, TimeZone):
        return zone._handle
    if isinstance(zone, (str, int, datetime.timedelta)) and not isinstance(zone, bool):
        return _cached_zone(zone)._handle
    try:
        return _cached_zone(operator.index(zone))._handle
    except TypeError:
        raise TypeError(
            "zone must be None, a TimeZone, a zone name or an offset in seconds, "
            f"not {type(zone).__name__}"
        ) from None


def parse_instant(text, zone=None):
    """Parse an ISO 8601 / RFC 3339 instant into epoch seconds (int).

    ``YYYY-MM-DDTHH:MM[:SS[.000]]`` followed by ``Z`` or an offset (``+09:00``, ``+0900``,
    ``+09``); ``T`` may be ``t`` or a space; ``24:00`` is the end of the day. Fractions
    are accepted only when all zero. Text without an offset is a local time in ``zone``
    (a TimeZone, name or offset; resolved with the default policy) and a ParseError when
    ``zone`` is None.

    Raises:
        ParseError: (a ValueError) with the offset of the bad character in the message.
        RangeError: for fields or results out of range (dates 1900..2200).
    """
    if not isinstance(text, (str, bytes)):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return _native.instant_parse_n(text, _zone_arg(zone))


def format_instant(t, zone=None):
    """ISO 8601 text of an instant (int or aware datetime).

    ``zone`` None gives UTC with ``Z`` (``2024-05-01T00:00:00Z``); a TimeZone, name or
    offset gives the local time with its offset (``2024-05-01T09:00:00+09:00``).
    """
    return _native.instant_format(to_instant(t, "t"), _zone_arg(zone))
