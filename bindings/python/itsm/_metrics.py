"""SLA metric kinds (``itsm/metrics.h``): rates with a "no data" state, per-record
durations, call-center rates, availability over a service calendar, MTBF/MTRS, error
budgets and burn-rate alerts, counts, gaps, recovery objectives, report deadlines,
ordinal capabilities and service-hours coverage.

Arrays are numpy arrays (or anything :func:`numpy.asarray` takes): instants as int64 epoch
seconds or ``datetime64``; durations as int64 seconds or ``timedelta64``; masks as bool.
Each function makes one C call with the GIL released.

Fractions (targets, shares, percentile ranks) are exact: give them as text (``"99.9%"``,
``"0.999"``), :class:`fractions.Fraction`, :class:`decimal.Decimal`, ``float`` (read as
its shortest decimal form, ``0.999`` is 999/1000) or ``int`` 0 or 1; the C library takes
parts per billion, and anything finer than that is an error rather than rounded.

Every rate is a :class:`Rate`: numerator, denominator and the ratio, which is ``None``
when the denominator is 0 ("no data": never 0 % and never 100 %). Rates add by volume
(``a + b`` sums numerators and denominators), never as a mean of percentages.
"""

import dataclasses
import decimal
import enum
import fractions

import numpy as np

from . import itsm_native as _native
from ._calendar import Calendar
from ._convert import as_int64_array, as_seconds_array, to_instant, to_seconds
from ._errors import InvalidArgumentError

__all__ = [
    "Rate",
    "rate_sum",
    "parse_fraction",
    "allowed_downtime",
    "DurationStats",
    "duration_stats",
    "percentiles",
    "CallOutcome",
    "CallRate",
    "CallCounts",
    "call_counts",
    "Exclusion",
    "PartialPolicy",
    "ProbeRounding",
    "Availability",
    "Reliability",
    "availability",
    "availability_from_dataframe",
    "availability_series",
    "interval_union",
    "reliability",
    "BudgetStatus",
    "error_budget",
    "burn_rate",
    "BurnAlertPair",
    "default_burn_alert_pairs",
    "burn_alerts",
    "CountResult",
    "count_events",
    "GapEdges",
    "Gap",
    "largest_gap",
    "rpo_achieved",
    "elapsed",
    "DeliveryState",
    "deliveries",
    "OrdinalResult",
    "ordinal_compare",
    "Coverage",
    "service_hours_coverage",
]

_PPB = _native.PPB


# ---- rates ---------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Rate:
    """numerator / denominator, both kept. ``ratio`` is the exact quotient correctly
    rounded to a float, or ``None`` without data (denominator 0). ``Rate(3, 4)`` builds
    one; ``a + b`` aggregates by volume."""

    numerator: int
    denominator: int
    ratio: object = dataclasses.field(default=None, compare=False)

    def __init__(self, numerator, denominator):
        num, den, r = _native.rate_make(numerator, denominator)
        object.__setattr__(self, "numerator", num)
        object.__setattr__(self, "denominator", den)
        object.__setattr__(self, "ratio", r)

    @classmethod
    def _of(cls, fields):
        num, den, ratio = fields
        rate = cls.__new__(cls)
        object.__setattr__(rate, "numerator", num)
        object.__setattr__(rate, "denominator", den)
        object.__setattr__(rate, "ratio", ratio)
        return rate

    @property
    def has_data(self):
        """False when the denominator is 0."""
        return self.denominator > 0

    @property
    def percent(self):
        """The ratio x 100, or ``None`` without data."""
        return None if self.ratio is None else self.ratio * 100.0

    def as_fraction(self):
        """The exact value as a :class:`fractions.Fraction` (``None`` without data)."""
        return fractions.Fraction(self.numerator, self.denominator) if self.has_data else None

    def __add__(self, other):
        if not isinstance(other, Rate):
            return NotImplemented
        return rate_sum([self, other])

    def __repr__(self):
        shown = "no data" if self.ratio is None else f"{self.ratio:.6g}"
        return f"Rate({self.numerator}/{self.denominator} = {shown})"


def rate_sum(rates):
    """Volume-weighted aggregate of rates (or of ``(numerator, denominator)`` pairs):
    sum of numerators / sum of denominators; an empty list has no data."""
    pairs = [(r.numerator, r.denominator) if isinstance(r, Rate) else tuple(r) for r in rates]
    num = np.array([p[0] for p in pairs], dtype=np.int64)
    den = np.array([p[1] for p in pairs], dtype=np.int64)
    return Rate._of(_native.rate_sum_arrays(num, den))


# ---- fractions -----------------------------------------------------------------------------


def parse_fraction(text):
    """Parts per billion of ``"99.9%"``, ``"99.95 %"`` or ``"0.999"`` (exact)."""
    return _native.fraction_parse(text)


def _ppb(value, what):
    """Parts per billion of a fraction given as text, Fraction, Decimal, float or 0/1."""
    if isinstance(value, str):
        try:
            return _native.fraction_parse(value)
        except InvalidArgumentError as exc:
            raise InvalidArgumentError(f"{what}: {exc.message}", exc.code) from None
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{what} must be a fraction, not bool")
    if isinstance(value, float):
        value = decimal.Decimal(repr(value))
    if isinstance(value, (int, np.integer, decimal.Decimal, fractions.Fraction)):
        exact = fractions.Fraction(value) * _PPB
        if exact.denominator != 1 or not 0 <= exact <= _PPB:
            raise InvalidArgumentError(f"{what}: {value} is not a fraction in [0, 1] with at most 9 decimals")
        return int(exact)
    raise TypeError(f"{what} must be text ('99.9%'), a Fraction, Decimal or float, not {type(value).__name__}")


def allowed_downtime(target, period):
    """Allowed downtime (1 - target) x period, exactly, as a :class:`fractions.Fraction`
    of seconds: ``allowed_downtime("99.9%", timedelta(days=31))`` is 2678.4 s (44.64 min).
    ``period`` is seconds or a timedelta."""
    ns = _native.allowed_downtime(_ppb(target, "target"), to_seconds(period, "period"))
    return fractions.Fraction(ns, _PPB)


# ---- helpers for arrays ----------------------------------------------------------------------


def _mask(values, n, what):
    """A uint8 array of n flags, or None."""
    if values is None:
        return None
    array = np.asarray(values)
    if array.dtype.kind not in "biu":
        raise TypeError(f"{what} must be booleans, not {array.dtype}")
    array = np.ascontiguousarray(array != 0, dtype=np.uint8).reshape(-1)
    _same_length(array, n, what)
    return array


def _flag_bits(n, **flags):
    """One uint8 array of bits from boolean arrays: name=(values or None, bit)."""
    bits = np.zeros(n, dtype=np.uint8)
    for what, (values, bit) in flags.items():
        m = _mask(values, n, what)
        if m is not None:
            bits |= m * np.uint8(bit)
    return bits


def _same_length(array, n, what):
    if array is not None and len(array) != n:
        raise InvalidArgumentError(f"{what} has {len(array)} elements, expected {n}")


def _instants(values, what):
    return as_int64_array(values, what).reshape(-1)


def _optional_instants(values, n, what):
    if values is None:
        return None
    array = _instants(values, what)
    _same_length(array, n, what)
    return array


def _words(values, enum_cls, n, what):
    """A uint8 array of enum values from ints, members or words; None stays None."""
    if values is None:
        return None
    array = np.asarray(values)
    if array.dtype.kind in "iu":
        out = np.ascontiguousarray(array, dtype=np.uint8).reshape(-1)
        if not np.array_equal(out, array.reshape(-1)):
            raise InvalidArgumentError(f"{what}: values outside 0..255")
    else:
        uniques, inverse = np.unique(array.astype(str), return_inverse=True)
        codes = np.array([enum_cls.coerce(u, what) for u in uniques], dtype=np.uint8)
        out = np.ascontiguousarray(codes[inverse.reshape(-1)])
    _same_length(out, n, what)
    return out


class _Named(enum.IntEnum):
    """An enum of itsm/metrics.h: ``.word`` is its stable name; :meth:`coerce` takes a
    member, its int value or its word."""

    @property
    def word(self):
        return _WORD_OF[type(self)](int(self))

    @classmethod
    def coerce(cls, value, what="value"):
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            for member in cls:
                if member.word == value:
                    return member
            words = ", ".join(repr(m.word) for m in cls)
            raise InvalidArgumentError(f"{what}: {value!r} is not one of {words}")
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
            raise TypeError(f"{what} must be a {cls.__name__}, its name or its int value")
        try:
            return cls(int(value))
        except ValueError:
            raise InvalidArgumentError(f"{what}: {value} is not a {cls.__name__}") from None


# ---- durations ---------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class DurationStats:
    """Per-record durations against a target: ``count`` records; ``within_target``
    (duration <= target) and ``mean`` (sum / count, seconds) as :class:`Rate`;
    ``min`` / ``max`` (0 when there are no records)."""

    count: int
    within_target: Rate
    mean: Rate
    min: int
    max: int


def duration_stats(durations, target, include=None):
    """Share within ``target`` (seconds or timedelta), mean, min and max of
    ``durations`` (seconds or timedelta64); ``include`` masks records out (cancelled)."""
    d = as_seconds_array(durations, "durations").reshape(-1)
    count, within, mean, lo, hi = _native.durations_summarize(
        d, _mask(include, len(d), "include"), to_seconds(target, "target")
    )
    return DurationStats(count, Rate._of(within), Rate._of(mean), lo, hi)


def percentiles(durations, ranks, include=None):
    """Nearest-rank percentiles: with N values sorted ascending, rank q gives the
    ceil(q N)-th (at least the 1st): an observed value, never interpolated. ``ranks``
    are fractions (``[0.5, "95%", "99.9%"]``). Returns an int64 array, or ``None``
    without data."""
    d = as_seconds_array(durations, "durations").reshape(-1)
    q = np.array([_ppb(r, "ranks") for r in ranks], dtype=np.int64)
    out = np.zeros(len(q), dtype=np.int64)
    count = _native.durations_percentiles(out, d, _mask(include, len(d), "include"), q)
    return out if count > 0 else None


# ---- calls -----------------------------------------------------------------------------------------


class CallOutcome(enum.IntEnum):
    """What became of a call attempt (``"answered"``, ``"abandoned"``, ``"busy"``)."""

    ANSWERED = _native.CALL_ANSWERED
    ABANDONED = _native.CALL_ABANDONED
    BUSY = _native.CALL_BUSY

    @property
    def word(self):
        return self.name.lower()

    coerce = classmethod(_Named.coerce.__func__)


class CallRate(_Named):
    """The call rates and their variants (``itsm_call_rate_kind``); ``.word`` is the
    stable name (``"abandon_rate_excluding_short"``)."""

    SERVICE_LEVEL = _native.CALL_SERVICE_LEVEL
    SERVICE_LEVEL_WITH_ABANDONED = _native.CALL_SERVICE_LEVEL_WITH_ABANDONED
    SERVICE_LEVEL_ANSWERED_ONLY = _native.CALL_SERVICE_LEVEL_ANSWERED_ONLY
    SERVICE_LEVEL_EXCLUDING_EARLY_ABANDONS = _native.CALL_SERVICE_LEVEL_EXCLUDING_EARLY_ABANDONS
    SERVICE_LEVEL_SHORT_ABANDONS_MET = _native.CALL_SERVICE_LEVEL_SHORT_ABANDONS_MET
    ABANDON_RATE = _native.CALL_ABANDON_RATE
    ABANDON_RATE_EXCLUDING_SHORT = _native.CALL_ABANDON_RATE_EXCLUDING_SHORT
    ABANDON_RATE_WITH_BUSY = _native.CALL_ABANDON_RATE_WITH_BUSY
    ABANDON_RATE_EXCLUDING_SHORT_WITH_BUSY = _native.CALL_ABANDON_RATE_EXCLUDING_SHORT_WITH_BUSY
    BUSY_RATE = _native.CALL_BUSY_RATE
    CALLBACK_RATE = _native.CALL_CALLBACK_RATE
    CALLBACK_REQUEST_RATE = _native.CALL_CALLBACK_REQUEST_RATE
    REPEAT_CONTACT_RATE = _native.CALL_REPEAT_CONTACT_RATE
    AVERAGE_SPEED_OF_ANSWER = _native.CALL_AVERAGE_SPEED_OF_ANSWER


@dataclasses.dataclass(frozen=True)
class CallCounts:
    """Counts over calls, from which every call rate follows (``counts.rate(kind)``);
    ``a + b`` adds the counts of two intervals (volume-weighted rates)."""

    offered: int
    answered: int
    abandoned: int
    busy: int
    answered_within: int
    abandoned_within: int
    abandoned_short: int
    answer_wait_sum: int
    called_back: int
    callback_requests: int
    repeat_contacts: int

    def _fields(self):
        return dataclasses.astuple(self)

    def rate(self, kind=CallRate.SERVICE_LEVEL):
        """The rate ``kind`` (a :class:`CallRate`, its word or value)."""
        return Rate._of(_native.call_rate(self._fields(), int(CallRate.coerce(kind, "kind"))))

    def __add__(self, other):
        if not isinstance(other, CallCounts):
            return NotImplemented
        return CallCounts(*_native.call_counts_add(self._fields(), other._fields()))


def _caller_ids(values, n):
    if values is None:
        return None
    array = np.asarray(values)
    if array.dtype.kind not in "iu":
        # Text or objects: equal values share an id; None and NaN are unknown (-1).
        missing = np.array([v is None or (isinstance(v, float) and v != v) for v in array.reshape(-1)])
        _, ids = np.unique(array.reshape(-1).astype(str), return_inverse=True)
        array = np.where(missing, -1, ids.reshape(-1))
    array = np.ascontiguousarray(array, dtype=np.int64).reshape(-1)
    _same_length(array, n, "caller")
    return array


def call_counts(
    outcome,
    wait,
    *,
    answer_threshold,
    short_abandon=0,
    on_spot=None,
    called_back=None,
    callback_requested=None,
    include=None,
    arrival=None,
    caller=None,
    repeat_window=0,
):
    """Count calls: ``outcome`` (:class:`CallOutcome` values or words), ``wait`` (queue
    seconds or timedelta64), the boolean flags, ``include`` mask, answer threshold T and
    short-abandon S (seconds or timedelta). With ``repeat_window`` (e.g.
    ``timedelta(days=7)``), ``arrival`` instants and ``caller`` ids (ints, or text
    factorized here) count repeat contacts. Returns :class:`CallCounts`."""
    w = as_seconds_array(wait, "wait").reshape(-1)
    n = len(w)
    out = _words(outcome, CallOutcome, n, "outcome")
    bits = _flag_bits(
        n,
        on_spot=(on_spot, _native.CALL_ON_SPOT),
        called_back=(called_back, _native.CALL_CALLED_BACK),
        callback_requested=(callback_requested, _native.CALL_CALLBACK_REQUESTED),
    )
    window = to_seconds(repeat_window, "repeat_window")
    fields = _native.calls_count(
        out,
        w,
        bits,
        _mask(include, n, "include"),
        _optional_instants(arrival, n, "arrival") if window else None,
        _caller_ids(caller, n) if window else None,
        to_seconds(answer_threshold, "answer_threshold"),
        to_seconds(short_abandon, "short_abandon"),
        window,
    )
    return CallCounts(*fields)


# ---- availability ----------------------------------------------------------------------------------


class Exclusion(_Named):
    """Why an outage does not count against the provider."""

    NONE = _native.EXCLUSION_NONE
    FORCE_MAJEURE = _native.EXCLUSION_FORCE_MAJEURE
    CUSTOMER_CAUSED = _native.EXCLUSION_CUSTOMER_CAUSED
    OTHER = _native.EXCLUSION_OTHER


class PartialPolicy(_Named):
    """How partial outages count: ``"full"``, ``"weighted"``, ``"critical_only"``."""

    FULL = _native.PARTIAL_FULL
    WEIGHTED = _native.PARTIAL_WEIGHTED
    CRITICAL_ONLY = _native.PARTIAL_CRITICAL_ONLY


class ProbeRounding(_Named):
    """Where an outage lands on the probe grid: ``"detected"`` [ceil(start), ceil(end))
    or ``"outward"`` [floor(start), ceil(end))."""

    DETECTED = _native.PROBE_DETECTED
    OUTWARD = _native.PROBE_OUTWARD


@dataclasses.dataclass(frozen=True)
class Reliability:
    """MTBF, MTRS (MTTR), MTBSI (seconds per failure) and availability, as rates."""

    mtbf: Rate
    mtrs: Rate
    mtbsi: Rate
    availability: Rate


@dataclasses.dataclass(frozen=True)
class Availability:
    """Availability over a period, in seconds of the service calendar."""

    service_seconds: int
    maintenance_seconds: int
    agreed_seconds: int
    downtime_seconds: int
    excluded_seconds: int
    failures: int
    failures_started: int
    availability: Rate

    def reliability(self):
        """MTBF, MTRS, MTBSI and availability over the same window."""
        return reliability(self)


def _outage_inputs(
    start,
    end,
    planned=None,
    notified=None,
    critical=None,
    exclusion=None,
    share=None,
    calendar=None,
    minimum_outage=0,
    probe_interval=0,
    probe_origin=0,
    probe_rounding="detected",
    partial="full",
):
    """The outage arrays and the options as the native availability functions take them."""
    s = _instants(start, "start")
    e = _instants(end, "end")
    n = len(s)
    _same_length(e, n, "end")
    flags = _flag_bits(
        n,
        planned=(planned, _native.OUTAGE_PLANNED),
        notified=(notified, _native.OUTAGE_NOTIFIED),
        critical=(critical, _native.OUTAGE_CRITICAL),
    )
    shares = None
    if share is not None:
        f = np.asarray(share, dtype=np.float64).reshape(-1)
        _same_length(f, n, "share")
        if np.isnan(f).any():
            raise InvalidArgumentError("share: NaN is not a share; use 1.0 for a full outage")
        # Float shares are rounded to the nearest part per billion.
        shares = np.ascontiguousarray(np.rint(f * _PPB), dtype=np.int64)
    if calendar is not None and not isinstance(calendar, Calendar):
        raise TypeError(f"calendar must be an itsm.Calendar or None, not {type(calendar).__name__}")
    arrays = (s, e, flags, _words(exclusion, Exclusion, n, "exclusion"), shares)
    options = (
        calendar._handle if calendar is not None else None,
        to_seconds(minimum_outage, "minimum_outage"),
        to_seconds(probe_interval, "probe_interval"),
        to_instant(probe_origin, "probe_origin"),
        int(ProbeRounding.coerce(probe_rounding, "probe_rounding")),
        int(PartialPolicy.coerce(partial, "partial")),
    )
    return arrays, options


def availability(start, end, period_start, period_end, **outages):
    """Availability over [period_start, period_end) of outages [start[i], end[i])
    (unsorted, overlapping, nested). Keyword arguments, all optional:

    * per-outage arrays: ``planned`` and ``notified`` (both true: maintenance removed from
      both sides), ``critical``, ``exclusion`` (:class:`Exclusion` values or words),
      ``share`` (float 0..1, rounded to the nearest ppb; default full);
    * ``calendar``: an :class:`itsm.Calendar` of service hours (default 24x7);
    * ``minimum_outage``, ``probe_interval`` (seconds or timedelta), ``probe_origin`` (an
      instant on the probe grid), ``probe_rounding`` (:class:`ProbeRounding`, default
      ``"detected"``), ``partial`` (:class:`PartialPolicy`, default ``"full"``).

    The rules are those of ``itsm_availability_compute`` (docs/metrics.md)."""
    arrays, options = _outage_inputs(start, end, **outages)
    fields = _native.availability_compute(
        *arrays, to_instant(period_start, "period_start"), to_instant(period_end, "period_end"), *options
    )
    return Availability(*fields[:7], Rate._of(fields[7]))


def availability_series(start, end, series_start, step, n, **outages):
    """Downtime and agreed seconds per slice [series_start + i step, + step), i < n, with
    the keyword arguments of :func:`availability`: the time-based series for
    :func:`burn_alerts`. Returns ``(downtime, agreed)`` int64 arrays."""
    arrays, options = _outage_inputs(start, end, **outages)
    down = np.zeros(n, dtype=np.int64)
    agreed = np.zeros(n, dtype=np.int64)
    _native.availability_series(
        down, agreed, *arrays, to_instant(series_start, "series_start"), to_seconds(step, "step"), *options
    )
    return down, agreed


_ROLES = ("start", "end", "planned", "notified", "critical", "exclusion", "share")


def _frame_instants(column, what):
    """Epoch seconds of a DataFrame column: datetimes (aware ones converted to UTC, naive
    ones read as UTC), integers, or ISO 8601 text with an offset."""
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(column.dtype):
        if getattr(column.dt, "tz", None) is not None:
            column = column.dt.tz_convert("UTC").dt.tz_localize(None)
        return as_int64_array(column.to_numpy(dtype="datetime64[ns]"), what)
    if pd.api.types.is_integer_dtype(column.dtype):
        return as_int64_array(column.to_numpy(), what)
    return np.array([_native.instant_parse_n(str(v), None) for v in column], dtype=np.int64)


def availability_from_dataframe(frame, period_start, period_end, *, columns=None, **options):
    """:func:`availability` of the outages in a :class:`pandas.DataFrame`.

    ``columns`` maps the roles ``start``, ``end``, ``planned``, ``notified``,
    ``critical``, ``exclusion``, ``share`` to column names (default: the role names);
    optional roles whose column is absent are not used. ``options`` are those of
    :func:`availability` (calendar, minimum_outage, probe_interval, partial, ...)."""
    names = {role: role for role in _ROLES}
    unknown = set(columns or {}) - set(_ROLES)
    if unknown:
        raise InvalidArgumentError(f"columns: unknown roles {sorted(unknown)}; roles are {list(_ROLES)}")
    names.update(columns or {})
    for role in ("start", "end"):
        if names[role] not in frame.columns:
            raise InvalidArgumentError(f"the frame has no column {names[role]!r} for {role}")
    data = {role: frame[names[role]] for role in _ROLES[2:] if names[role] in frame.columns}
    if "share" in data:
        data["share"] = data["share"].to_numpy(dtype=np.float64)
    return availability(
        _frame_instants(frame[names["start"]], names["start"]),
        _frame_instants(frame[names["end"]], names["end"]),
        period_start,
        period_end,
        **{role: np.asarray(v) for role, v in data.items()},
        **options,
    )


def interval_union(start, end):
    """The union of intervals [start[i], end[i]) as sorted, disjoint ``(start, end)``
    int64 arrays (touching intervals merged, empty ones dropped)."""
    s = _instants(start, "start")
    e = _instants(end, "end")
    _same_length(e, len(s), "end")
    os_ = np.zeros(len(s), dtype=np.int64)
    oe = np.zeros(len(s), dtype=np.int64)
    n = _native.interval_union(os_, oe, s, e)
    return os_[:n].copy(), oe[:n].copy()


def reliability(result):
    """MTBF, MTRS, MTBSI and availability from an :class:`Availability`."""
    rates = _native.reliability(result.agreed_seconds, result.downtime_seconds, result.failures)
    return Reliability(*(Rate._of(r) for r in rates))


# ---- budgets and burn rates ----------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class BudgetStatus:
    """Where an error budget stands: ``error_ratio`` so far (a :class:`Rate`);
    ``consumed`` share of the whole window's budget; ``projected`` share at the window's
    end at the current burn (the burn rate so far); ``remaining`` = 1 - consumed. The
    three are ``None`` without data."""

    error_ratio: Rate
    consumed: object
    projected: object
    remaining: object


def error_budget(bad, total, elapsed, window, target):
    """The error-budget status after ``bad`` of ``total`` events (or downtime of agreed
    seconds), ``elapsed`` into a ``window`` (seconds or timedelta) at ``target``."""
    ratio, consumed, projected, remaining = _native.error_budget_status(
        bad, total, to_seconds(elapsed, "elapsed"), to_seconds(window, "window"), _ppb(target, "target")
    )
    return BudgetStatus(Rate._of(ratio), consumed, projected, remaining)


def burn_rate(bad, total, target):
    """(bad / total) / (1 - target), or ``None`` when total is 0."""
    return _native.burn_rate(bad, total, _ppb(target, "target"))


@dataclasses.dataclass(frozen=True)
class BurnAlertPair:
    """A multiwindow alert: fires when the burn rate over both windows exceeds
    ``factor_milli`` / 1000."""

    long_window: int
    short_window: int
    factor_milli: int

    @property
    def factor(self):
        return fractions.Fraction(self.factor_milli, 1000)


def default_burn_alert_pairs(slo_window=30 * 86400):
    """The default pairs for an SLO window: 2 % of the budget in 1 h (5 min), 5 % in 6 h
    (30 min), 10 % in 3 days (6 h); for 30 days the factors 14.4, 6 and 1."""
    return [BurnAlertPair(*p) for p in _native.burn_alert_default_pairs(to_seconds(slo_window, "slo_window"))]


def burn_alerts(bad, total, step, target, pairs=None):
    """Evaluate alert pairs over slices of ``step`` seconds: a bool array of shape
    (n, len(pairs)), True where the pair fires at the end of the slice. ``pairs``
    defaults to :func:`default_burn_alert_pairs` for 30 days."""
    pairs = default_burn_alert_pairs() if pairs is None else list(pairs)
    b = as_int64_array(bad, "bad").reshape(-1)
    t = as_int64_array(total, "total").reshape(-1)
    _same_length(t, len(b), "total")
    out = np.zeros(len(b), dtype=np.uint8)
    raw = [(p.long_window, p.short_window, p.factor_milli) for p in pairs]
    _native.burn_alerts(out, b, t, to_seconds(step, "step"), _ppb(target, "target"), raw)
    bits = np.array([1 << k for k in range(len(raw))], dtype=np.uint8)
    return (out[:, None] & bits[None, :]) != 0


# ---- events ----------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class CountResult:
    """Events in a period against a minimum and a maximum."""

    count: int
    meets_minimum: bool
    meets_maximum: bool
    met: bool


def count_events(events, period_start, period_end, minimum=0, maximum=None, include=None):
    """Count the (included) events in [period_start, period_end); ``maximum`` None is
    no maximum."""
    ev = _instants(events, "events")
    return CountResult(
        *_native.events_count(
            ev,
            _mask(include, len(ev), "include"),
            to_instant(period_start, "period_start"),
            to_instant(period_end, "period_end"),
            minimum,
            -1 if maximum is None else maximum,
        )
    )


class GapEdges(_Named):
    """What bounds the gaps: ``"period_edges"``, ``"inner"`` or ``"neighbours"``."""

    PERIOD_EDGES = _native.GAP_PERIOD_EDGES
    INNER = _native.GAP_INNER
    NEIGHBOURS = _native.GAP_NEIGHBOURS


@dataclasses.dataclass(frozen=True)
class Gap:
    """The largest gap ``[start, end)`` (``largest`` seconds; ``None`` without data)
    and the number of events in the period."""

    largest: object
    start: object
    end: object
    events: int


def largest_gap(events, period_start, period_end, edges="period_edges", include=None):
    """The largest interval between consecutive events around a period (see
    :class:`GapEdges`)."""
    ev = _instants(events, "events")
    largest, s, e, count, has = _native.events_largest_gap(
        ev,
        _mask(include, len(ev), "include"),
        to_instant(period_start, "period_start"),
        to_instant(period_end, "period_end"),
        int(GapEdges.coerce(edges, "edges")),
    )
    return Gap(largest, s, e, count) if has else Gap(None, None, None, count)


def rpo_achieved(failures, points, completed=None, succeeded=None):
    """RPO achieved per failure: the failure instant minus the latest recovery point of a
    successful backup completed by then. Returns ``(rpo, usable)``: int64 seconds and a
    bool array (False: no usable backup, rpo 0)."""
    f = _instants(failures, "failures")
    p = _instants(points, "points")
    out = np.zeros(len(f), dtype=np.int64)
    has = np.zeros(len(f), dtype=np.uint8)
    _native.rpo_achieved(
        out,
        has,
        f,
        p,
        _optional_instants(completed, len(p), "completed"),
        _mask(succeeded, len(p), "succeeded"),
    )
    return out, has.astype(bool)


def elapsed(start, end, calendar=None):
    """end - start per record, in wall seconds or business seconds of ``calendar``: RTO
    achieved (failure -> restore), notification delay (detection -> received)."""
    s = _instants(start, "start")
    e = _instants(end, "end")
    _same_length(e, len(s), "end")
    out = np.zeros(len(s), dtype=np.int64)
    _native.elapsed_many(out, calendar._handle if calendar is not None else None, s, e)
    return out


class DeliveryState(_Named):
    """A report against its deadline: met, late, missed, pending."""

    MET = _native.DELIVERY_MET
    LATE = _native.DELIVERY_LATE
    MISSED = _native.DELIVERY_MISSED
    PENDING = _native.DELIVERY_PENDING


def deliveries(delivered, deadline, as_of):
    """States of reports against their deadlines and met / (met + late + missed) as a
    :class:`Rate`. ``delivered`` may hold NaT (datetime64) or None for a report not yet
    delivered. Returns ``(states, rate)``: a uint8 array of :class:`DeliveryState`
    values and the rate."""
    d = np.asarray(delivered)
    if d.dtype.kind == "O":
        given = np.array([v is not None for v in d.reshape(-1)])
        d = np.array([to_instant(v, "delivered") if v is not None else 0 for v in d.reshape(-1)], dtype=np.int64)
    elif d.dtype.kind == "M":
        given = ~np.isnat(d.reshape(-1))
        d = np.where(given, d.reshape(-1), np.datetime64(0, "s").astype(d.dtype))
    else:
        given = None
    d = _instants(d, "delivered")
    dl = _instants(deadline, "deadline")
    _same_length(dl, len(d), "deadline")
    states = np.zeros(len(d), dtype=np.uint8)
    rate = _native.deliveries_check(states, d, _mask(given, len(d), "delivered"), dl, to_instant(as_of, "as_of"))
    return states, Rate._of(rate)


# ---- ordinal capabilities and service hours --------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class OrdinalResult:
    """Declared against required level (indices on the scale, lowest 0)."""

    declared: int
    required: int
    met: bool
    shortfall: int


def ordinal_compare(scale, declared, required):
    """Compare capability levels on an ordered scale (``["FW", "FW+NIDS",
    "FW+NIDS+HIDS"]``, lowest first)."""
    return OrdinalResult(*_native.ordinal_compare(list(scale), declared, required))


@dataclasses.dataclass(frozen=True)
class Coverage:
    """Does a calendar cover a required window: ``covered``, the first required second
    not provided (the period end when covered), required and uncovered seconds."""

    covered: bool
    first_uncovered: int
    required_seconds: int
    uncovered_seconds: int


def service_hours_coverage(provided, required, period_start, period_end):
    """Whether ``provided`` (an :class:`itsm.Calendar`; None = 24x7) covers every open
    second of ``required`` (None = 24x7) in [period_start, period_end)."""
    return Coverage(
        *_native.service_hours_coverage(
            provided._handle if provided is not None else None,
            required._handle if required is not None else None,
            to_instant(period_start, "period_start"),
            to_instant(period_end, "period_end"),
        )
    )


#: The C name function of each enum (the stable words come from the library).
_WORD_OF = {
    CallRate: _native.call_rate_name,
    Exclusion: _native.outage_exclusion_name,
    PartialPolicy: _native.partial_policy_name,
    ProbeRounding: _native.probe_rounding_name,
    GapEdges: _native.gap_edges_name,
    DeliveryState: _native.delivery_state_name,
}
