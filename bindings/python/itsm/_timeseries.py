"""Time series (``itsm/timeseries.h``): resampling irregular samples to a fixed grain with
count, sum, mean, min, max (the peak) and percentiles; the time-of-day x date heat map of
Case 9-8; linear trends and when they reach a threshold.

Input is a pandas Series (or DataFrame: many series on one time axis) with a tz-aware
DatetimeIndex, or ``(t, values)`` with ``t`` epoch seconds (int64 or datetime64) and
``values`` float. pandas in, pandas out; numpy in, numpy out. NaN values are missing
samples. Buckets follow the wall clock of ``zone`` (default: the index's time zone, UTC
for numpy input): a daily bucket is a local day of 23, 24 or 25 hours; the hour that
repeats when clocks go back falls into one bucket (with twice the samples); the buckets of
the hour skipped when clocks go forward can hold nothing and are left out of pandas
results. Empty buckets are "no data": count 0 and NaN, never 0.

Percentiles are numpy's (``method`` as in :func:`numpy.percentile`, default ``"linear"``),
computed in C with the same arithmetic, so they agree with numpy to the last bit.
"""

import datetime
import enum
import re
from typing import NamedTuple

import numpy as np

from . import itsm_native as _native
from ._convert import as_int64_array, to_date, to_instant
from ._pandas import coerce_enum as _coerce_enum
from ._pandas import float_array as _float_array
from ._pandas import is_pandas as _is_pandas
from ._pandas import pandas as _pandas
from ._policy import LocalPolicy
from ._timezone import TimeZone

__all__ = [
    "QuantileMethod",
    "Aggregation",
    "resample",
    "heatmap",
    "Trend",
    "Reach",
    "Crossing",
    "trend",
]


class QuantileMethod(enum.IntEnum):
    """How a percentile falls between two values: numpy's ``method`` of the same name
    (``itsm_ts_quantile_method``)."""

    LINEAR = _native.TS_LINEAR
    LOWER = _native.TS_LOWER
    HIGHER = _native.TS_HIGHER
    NEAREST = _native.TS_NEAREST
    MIDPOINT = _native.TS_MIDPOINT
    INVERTED_CDF = _native.TS_INVERTED_CDF
    AVERAGED_INVERTED_CDF = _native.TS_AVERAGED_INVERTED_CDF
    CLOSEST_OBSERVATION = _native.TS_CLOSEST_OBSERVATION
    INTERPOLATED_INVERTED_CDF = _native.TS_INTERPOLATED_INVERTED_CDF
    HAZEN = _native.TS_HAZEN
    WEIBULL = _native.TS_WEIBULL
    MEDIAN_UNBIASED = _native.TS_MEDIAN_UNBIASED
    NORMAL_UNBIASED = _native.TS_NORMAL_UNBIASED

    @classmethod
    def coerce(cls, value):
        """From itself, its number or numpy's name ("linear", "hazen", ...)."""
        return _coerce_enum(cls, value, "a percentile method")


class Aggregation(enum.IntEnum):
    """How a heat-map cell combines its samples (``itsm_ts_agg``)."""

    MEAN = _native.TS_AGG_MEAN
    MAX = _native.TS_AGG_MAX
    MIN = _native.TS_AGG_MIN
    SUM = _native.TS_AGG_SUM

    @classmethod
    def coerce(cls, value):
        """From itself, its number or its name ("mean", "max", "min", "sum")."""
        return _coerce_enum(cls, value, "an aggregation")


# ---- inputs ------------------------------------------------------------------------------------

_UNITS = {"s": 1, "sec": 1, "second": 1, "seconds": 1, "min": 60, "t": 60, "minute": 60, "minutes": 60,
          "h": 3600, "hour": 3600, "hours": 3600, "d": 86400, "day": 86400, "days": 86400,
          "w": 604800, "week": 604800, "weeks": 604800}


def _seconds_of(grain, what):
    """Seconds of a grain: int seconds, a timedelta, or text such as "1min", "5min", "1h", "1d"."""
    if isinstance(grain, str):
        m = re.fullmatch(r"\s*(\d*)\s*([A-Za-z]+)\s*", grain)
        unit = _UNITS.get(m.group(2).lower()) if m else None
        if unit is None:
            raise ValueError(f"{what}: {grain!r} is not a grain (e.g. '1min', '5min', '1h', '1d', or seconds)")
        return int(m.group(1) or 1) * unit
    if isinstance(grain, datetime.timedelta):
        return int(grain.total_seconds())
    if isinstance(grain, np.timedelta64):
        return int(grain / np.timedelta64(1, "s"))
    if hasattr(grain, "total_seconds"):  # pandas Timedelta
        return int(grain.total_seconds())
    return int(grain)


def _zone_of_tz(tz):
    """The TimeZone of a tzinfo (zoneinfo, pytz, dateutil or a fixed offset); None for UTC."""
    if tz is None:
        return None
    name = getattr(tz, "key", None) or getattr(tz, "zone", None)
    if name is None and str(tz) in ("UTC", "UTC+00:00", "tzutc()"):
        name = "UTC"
    if name is not None:
        return None if name in ("UTC", "Etc/UTC") else TimeZone(name)
    offset = tz.utcoffset(None)
    if offset is None:
        raise ValueError(f"time zone {tz!r} has no name libitsm can load and no fixed offset")
    return TimeZone(offset)


def _index_seconds(index, what):
    """Epoch seconds of a tz-aware DatetimeIndex (whole seconds), remembered for the index
    object (indexes are immutable and usually shared by many series)."""
    cached = _cache_get(index)
    if cached is not None:
        return cached["seconds"]
    pd = _pandas()
    if not isinstance(index, pd.DatetimeIndex):
        raise TypeError(f"{what}: expected a DatetimeIndex, not {type(index).__name__}")
    if index.tz is None:
        raise TypeError(f"{what}: a naive DatetimeIndex names no instants; localize it first "
                        "(e.g. series.tz_localize('UTC') or tz_localize('Asia/Tokyo'))")
    if index.hasnans:
        raise ValueError(f"{what}: the index has NaT")
    seconds, rest = np.divmod(index.asi8, 1_000_000_000)
    if rest.any():
        raise ValueError(f"{what}: instants are not whole seconds (round the index first)")
    seconds = np.ascontiguousarray(seconds, dtype=np.int64)
    seconds.flags.writeable = False
    _cache_put(index, {"seconds": seconds})
    return seconds


# The conversions of the last few indexes seen, by identity (a weak reference proves the
# object is the same one, not a new object at a reused address).
_CACHE = {}
_CACHE_SIZE = 8


def _cache_get(index):
    entry = _CACHE.get(id(index))
    if entry is None or entry[0]() is not index:
        return None
    return entry[1]


def _cache_put(index, data):
    import weakref

    try:
        ref = weakref.ref(index)
    except TypeError:
        return
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(index)] = (ref, data)


class _Samples(NamedTuple):
    t: np.ndarray        # int64 instants (n), read-only
    index: object        # the pandas index (for the cache), or None
    values: np.ndarray   # float64 (n_series, n)
    names: list          # series names (DataFrame columns), or None for one series
    tz: object           # the index's tz (pandas input), else None
    pandas: bool


def _samples(data):
    if _is_pandas(data):
        pd = _pandas()
        t = _index_seconds(data.index, "data.index")
        if isinstance(data, pd.DataFrame):
            values = _float_array(data.to_numpy().T, "data")
            return _Samples(t, data.index, np.ascontiguousarray(values), list(data.columns), data.index.tz, True)
        return _Samples(t, data.index, _float_array(data.to_numpy(), "data").reshape(1, -1), None, data.index.tz, True)
    try:
        t, values = data
    except (TypeError, ValueError):
        raise TypeError("data must be a pandas Series or DataFrame with a DatetimeIndex, or a pair (t, values)") from None
    t = as_int64_array(t, "t").reshape(-1)
    values = _float_array(values, "values")
    if values.ndim == 1:
        values = values.reshape(1, -1)
    if values.ndim != 2 or values.shape[1] != len(t):
        raise ValueError(f"values must have {len(t)} samples per series (shape (n,) or (n_series, n)), "
                         f"got shape {values.shape}")
    return _Samples(t, None, values, None, None, False)


def _zone(zone, samples):
    if zone is None:
        return _zone_of_tz(samples.tz)
    return zone if isinstance(zone, TimeZone) else TimeZone(zone)


def _handle(zone):
    return None if zone is None else zone._handle


def _output_tz(zone):
    """A tz for pandas: the IANA name, a fixed offset, or UTC."""
    if zone is None:
        return "UTC"
    name = zone.name
    if re.fullmatch(r"[+-]\d\d:\d\d(:\d\d)?", name):
        return datetime.timezone(datetime.timedelta(seconds=zone.utc_offset(0)))
    return name


# ---- grids ------------------------------------------------------------------------------------------


def _grid(grain, zone, samples, start, end):
    """(first, n_buckets) covering the samples, or [start, end) when given."""
    if start is not None or end is not None:
        if start is None or end is None:
            raise TypeError("give both start and end, or neither")
        bounds = np.array([to_instant(start, "start"), to_instant(end, "end") - 1], np.int64)
        if bounds[1] < bounds[0]:
            raise ValueError("end must be after start")
        return _native.ts_grid_cover(grain, _handle(zone), bounds)
    cached = _cache_get(samples.index) if samples.index is not None else None
    key = ("grid", grain, None if zone is None else zone.name)
    if cached is not None and key in cached:
        return cached[key]
    grid = _native.ts_grid_cover(grain, _handle(zone), samples.t)
    if cached is not None:
        cached[key] = grid
    return grid


def _bucket_starts(first, n, grain, zone):
    """(instants, exists) of the buckets' wall-clock starts; a start in a DST gap does not
    exist (its instant is where the gap ends)."""
    wall = first + grain * np.arange(n, dtype=np.int64)
    if zone is None:
        return wall, np.ones(n, bool)
    instants = zone.from_local_many(wall, LocalPolicy.GAP_NEXT_VALID | LocalPolicy.OVERLAP_EARLIER)
    return instants, zone.to_local_many(instants) == wall


def _percentile_name(p):
    return f"p{p:g}"


# ---- resampling --------------------------------------------------------------------------------------

_STATS = ("count", "sum", "mean", "min", "max")


def resample(data, grain="1h", *, stats=("mean", "max"), percentiles=(), method="linear", zone=None,
             start=None, end=None):
    """Resample samples to buckets of ``grain`` ("1min", "1h", "1d", a timedelta or seconds;
    it must divide a day or be whole days).

    Args:
        data: a Series or DataFrame with a tz-aware DatetimeIndex, or ``(t, values)``.
        stats: any of "count", "sum", "mean", "min", "max" (the peak).
        percentiles: percentiles in [0, 100], e.g. ``(50, 95, 99)``.
        method: numpy's percentile method (:class:`QuantileMethod`).
        zone: the wall clock of the buckets (a TimeZone or name); default the index's
            time zone, or UTC.
        start, end: the buckets cover [start, end) (instants or aware datetimes); default
            the span of the data. Samples outside are not counted.

    Returns:
        Series input: a DataFrame indexed by bucket start (tz-aware), one column per
        statistic ("mean", "max", "p95", ...). DataFrame input: columns (series, statistic),
        as pandas' ``resample().agg()``. numpy input: a dict of arrays ``"start"`` (bucket
        start instants), ``"wall"`` (their wall-clock seconds) and one array per statistic
        (shape (n_buckets,) or (n_series, n_buckets)).
    """
    samples = _samples(data)
    zone = _zone(zone, samples)
    grain = _seconds_of(grain, "grain")
    unknown = [s for s in stats if s not in _STATS]
    if unknown:
        raise ValueError(f"unknown statistics {unknown!r} (choose from {', '.join(_STATS)})")
    pct = np.ascontiguousarray(np.asarray(percentiles, dtype=np.float64).reshape(-1))
    if ((pct < 0) | (pct > 100) | np.isnan(pct)).any():
        raise ValueError(f"percentiles must be in [0, 100], got {list(pct)}")
    first, n = _grid(grain, zone, samples, start, end)
    n_series = samples.values.shape[0]
    out = {s: np.empty((n_series, n)) for s in _STATS[1:] if s in stats}
    count = np.empty((n_series, n), np.int64)
    quantiles = np.empty((n_series, len(pct), n)) if len(pct) else None
    _native.ts_resample(grain, _handle(zone), int(first), int(n), samples.t, samples.values,
                        np.true_divide(pct, 100) if len(pct) else None, int(QuantileMethod.coerce(method)), count,
                        out.get("sum"), out.get("mean"), out.get("min"), out.get("max"), quantiles)
    columns = {"count": count} if "count" in stats else {}
    columns.update({s: out[s] for s in stats if s in out})
    for j, p in enumerate(pct):
        columns[_percentile_name(p)] = quantiles[:, j, :]
    starts, exists = _bucket_starts(first, n, grain, zone)
    if samples.pandas:
        return _resample_frame(columns, starts, exists, zone, samples)
    result = {"start": starts, "wall": first + grain * np.arange(n, dtype=np.int64)}
    result.update({k: (v[0] if n_series == 1 and np.ndim(data[1]) == 1 else v) for k, v in columns.items()})
    return result


def _resample_frame(columns, starts, exists, zone, samples):
    pd = _pandas()
    utc = pd.DatetimeIndex(starts[exists].astype("datetime64[s]").astype("datetime64[ns]"), tz="UTC")
    index = utc.tz_convert(samples.tz if zone is None and samples.tz is not None else _output_tz(zone))
    index.name = "start"
    if samples.names is None:
        return pd.DataFrame({k: v[0][exists] for k, v in columns.items()}, index=index)
    data = {(name, k): v[s][exists] for s, name in enumerate(samples.names) for k, v in columns.items()}
    return pd.DataFrame(data, index=index)


# ---- heat maps ----------------------------------------------------------------------------------------


def heatmap(data, slot="1min", *, zone=None, agg="mean", start=None, days=None, counts=False):
    """The time-of-day x date heat map of one series (Case 9-8): rows are the local times of
    day (``slot`` apart, e.g. 1440 rows of one minute), columns the local dates from
    ``start`` (a date; default the first date of the data) for ``days`` days (default to
    the last date of the data). A cell combines (``agg``: mean, max, min, sum) the samples
    whose local time falls in that slot of that date; empty cells are NaN. On the day
    clocks go forward the skipped hour's cells are empty; on the day they go back the
    repeated hour's cells combine both occurrences.

    Returns a DataFrame (index "time": :class:`datetime.time`, columns "date":
    :class:`datetime.date`) for pandas input, else a 2-D numpy array; with
    ``counts=True`` a pair (values, samples per cell).
    """
    samples = _samples(data)
    if samples.values.shape[0] != 1:
        raise ValueError("heatmap takes one series; pass one column of a DataFrame")
    zone = _zone(zone, samples)
    slot = _seconds_of(slot, "slot")
    first_date, days = _heatmap_days(samples, zone, start, days)
    if slot <= 0 or 86400 % slot:
        raise ValueError(f"slot: {slot} s does not divide a day")
    rows = 86400 // slot
    by_day = np.empty((days, rows))  # the C layout: one date after the other
    cells = np.empty((days, rows), np.int64) if counts else None
    _native.ts_heatmap(by_day, cells, slot, _handle(zone), first_date, days, int(Aggregation.coerce(agg)),
                       samples.t, samples.values[0])
    values = by_day.T
    cells = cells.T if counts else None
    if not samples.pandas:
        return (values, cells) if counts else values
    pd = _pandas()
    index = pd.Index([datetime.time(s // 3600, s // 60 % 60, s % 60) for s in range(0, 86400, slot)], name="time")
    d0 = datetime.date(*first_date)
    columns = pd.Index([d0 + datetime.timedelta(days=k) for k in range(days)], name="date")
    frame = pd.DataFrame(values, index=index, columns=columns)
    return (frame, pd.DataFrame(cells, index=index, columns=columns)) if counts else frame


def _heatmap_days(samples, zone, start, days):
    """((y, m, d) of the first column, number of columns)."""
    if start is not None:
        first = to_date(start, "start")
        if days is None:
            raise TypeError("give days with start")
        return first, int(days)
    wall, n = _native.ts_grid_cover(86400, _handle(zone), samples.t)
    first = datetime.date(1970, 1, 1) + datetime.timedelta(days=int(wall) // 86400)
    return (first.year, first.month, first.day), int(n if days is None else days)


# ---- trends --------------------------------------------------------------------------------------------


class Reach(enum.IntEnum):
    """When a trend reaches a threshold (``itsm_ts_reach``)."""

    REACHED_AT = _native.TS_REACHED_AT
    ALREADY = _native.TS_ALREADY
    NEVER = _native.TS_NEVER
    BEYOND = _native.TS_BEYOND
    NO_DATA = _native.TS_NO_DATA


class Crossing(NamedTuple):
    """A threshold crossing: ``reach`` and ``at`` (epoch seconds, or None unless reached)."""

    reach: Reach
    at: object

    @property
    def datetime(self):
        """``at`` as an aware UTC datetime (None when not reached)."""
        if self.at is None:
            return None
        return datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(seconds=self.at)


class Trend:
    """A least-squares line through a series (``itsm_ts_trend``): value = intercept +
    slope x (t - origin), with the fit's quality (r2, residual standard error).

    Attributes: ``n`` samples used, ``origin``/``first``/``last`` instants (epoch seconds),
    ``intercept`` (the fitted value at origin), ``slope`` (per second), ``r2``,
    ``residual_se`` (NaN where undefined: fewer than two distinct instants, flat values).
    """

    __slots__ = ("_fit",)

    def __init__(self, fit):
        self._fit = tuple(fit)

    n = property(lambda self: self._fit[0])
    origin = property(lambda self: self._fit[1])
    first = property(lambda self: self._fit[2])
    last = property(lambda self: self._fit[3])
    intercept = property(lambda self: self._fit[4])
    slope = property(lambda self: self._fit[5])
    r2 = property(lambda self: self._fit[6])
    residual_se = property(lambda self: self._fit[7])

    @property
    def slope_per_day(self):
        return self.slope * 86400.0

    def value_at(self, t):
        """The fitted value at instant ``t`` (epoch seconds or an aware datetime)."""
        return _native.ts_trend_value(self._fit, to_instant(t, "t"))

    def crossing(self, threshold, direction="rising", after=None):
        """When the line, looking forward from ``after`` (default the last sample), first
        reaches ``threshold``: rising (>=, e.g. disk use, batch end time) or falling (<=,
        e.g. free space). Returns a :class:`Crossing`."""
        if direction not in ("rising", "falling"):
            raise ValueError(f"direction must be 'rising' or 'falling', not {direction!r}")
        frm = self.last if after is None else to_instant(after, "after")
        code = _native.TS_RISING if direction == "rising" else _native.TS_FALLING
        reach, at = _native.ts_trend_crossing(self._fit, float(threshold), code, frm)
        reach = Reach(reach)
        return Crossing(reach, at if reach in (Reach.REACHED_AT, Reach.ALREADY) else None)

    def __repr__(self):
        return (f"<itsm.Trend n={self.n} slope/day={self.slope_per_day:.6g} r2={self.r2:.4g} "
                f"residual_se={self.residual_se:.4g}>")


def trend(data, threshold=None, direction="rising"):
    """Fit a linear trend (least squares on instants centred on their mean).

    ``data``: a Series (or ``(t, values)``) gives a :class:`Trend`; a DataFrame gives a
    DataFrame indexed by column with n, slope_per_day, intercept, origin, r2, residual_se
    and, when ``threshold`` is given, reach and at (when each column's trend reaches it,
    see :meth:`Trend.crossing`).
    """
    samples = _samples(data)
    fits = [Trend(_native.ts_trend_fit(samples.t, np.ascontiguousarray(v))) for v in samples.values]
    if samples.names is None:
        return fits[0]
    pd = _pandas()
    rows = []
    for f in fits:
        row = {"n": f.n, "slope_per_day": f.slope_per_day, "intercept": f.intercept,
               "origin": pd.Timestamp(f.origin, unit="s", tz="UTC"), "r2": f.r2, "residual_se": f.residual_se}
        if threshold is not None:
            c = f.crossing(threshold, direction)
            row["reach"] = c.reach.name.lower()
            row["at"] = pd.NaT if c.at is None else pd.Timestamp(c.at, unit="s", tz="UTC")
        rows.append(row)
    return pd.DataFrame(rows, index=pd.Index(samples.names, name="series"))
