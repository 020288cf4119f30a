#!/usr/bin/env python3
"""Time-zone throughput from Python: itsm against zoneinfo and pandas, in one run.

usage: PYTHONPATH=build/bindings/python /usr/bin/python3 bench/bench_tz.py [N] [ZONE]

Prints millions of instants per second for each tool and operation and checks that the
tools agree on every value before reporting.
"""
import sys
import time
import zoneinfo
from datetime import datetime, timezone

import numpy as np

import itsm

try:
    import pandas as pd
except ImportError:  # pandas is optional: the comparison column is then left out
    pd = None


def timed(fn, repeat=3):
    best = float("inf")
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def row(label, n, seconds):
    print(f"  {label:<44} {n / seconds / 1e6:10.2f} M/s")


Y2038 = 2145916800  # 2038-01-01T00:00:00Z


def report_disagreement(tool, t, differs):
    """pytz (pandas' zone backend here) stores no rule past 2037, so its DST stops then.
    Report where another tool disagrees with itsm, and fail if any of it is before 2038."""
    bad = t[differs]
    if bad.size == 0:
        print(f"  {tool} agrees on every value")
        return
    early = bad[bad < Y2038]
    print(f"  {tool} disagrees on {bad.size} of {t.size} ({100 * bad.size / t.size:.1f} %), "
          f"first at {itsm.format_instant(int(bad.min()))}; {early.size} before 2038")
    assert early.size == 0, f"{tool} and itsm disagree before 2038"


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    zone = sys.argv[2] if len(sys.argv) > 2 else "Europe/Amsterdam"
    rng = np.random.default_rng(20241121)
    t = rng.integers(0, 4102444800, size=n, dtype=np.int64)  # 1970 .. 2100
    tz = itsm.TimeZone(zone)
    zi = zoneinfo.ZoneInfo(zone)
    print(f"itsm {itsm.__version__}, {n} random instants 1970-2100, zone {zone}")

    print("UTC offsets")
    s_itsm, off_itsm = timed(lambda: tz.utc_offsets(t))
    row("itsm TimeZone.utc_offsets (one call)", n, s_itsm)
    m = min(n, 200_000)  # the per-element loop is slow; time a slice
    s_zi, off_zi = timed(
        lambda: np.array([int(datetime.fromtimestamp(int(x), zi).utcoffset().total_seconds()) for x in t[:m]]),
        repeat=1)
    row("zoneinfo, Python loop", m, s_zi)
    assert np.array_equal(off_itsm[:m], off_zi), "itsm and zoneinfo disagree"
    if pd is not None:
        def pandas_offsets():
            utc = pd.to_datetime(t, unit="s", utc=True)
            local = utc.tz_convert(zone).tz_localize(None)
            return ((local - utc.tz_localize(None)).values // np.timedelta64(1, "s")).astype(np.int64)
        s_pd, off_pd = timed(pandas_offsets)
        row("pandas DatetimeIndex.tz_convert", n, s_pd)
        report_disagreement("pandas", t, off_itsm != off_pd)
        print(f"  itsm is {s_pd / s_itsm:.1f}x pandas, {(s_zi / m) / (s_itsm / n):.0f}x the zoneinfo loop")

    print("local wall time -> UTC (gap: shift forward, overlap: earlier)")
    wall = tz.to_local_many(t)
    s_itsm, back = timed(lambda: tz.from_local_many(wall))
    row("itsm TimeZone.from_local_many (one call)", n, s_itsm)
    if pd is not None:
        def pandas_localize():
            idx = pd.to_datetime(wall, unit="s").tz_localize(zone, ambiguous=np.ones(n, dtype=bool),
                                                               nonexistent="shift_forward")
            return idx.asi8 // 1_000_000_000
        s_pd, back_pd = timed(pandas_localize)
        row("pandas tz_localize(ambiguous=True, shift_forward)", n, s_pd)
        report_disagreement("pandas", t, back != back_pd)
        print(f"  itsm is {s_pd / s_itsm:.1f}x pandas")

    print("ISO 8601 text -> instant (one Python call per string)")
    m = min(n, 200_000)
    texts = [itsm.format_instant(int(x)) for x in t[:m]]
    s_itsm, parsed = timed(lambda: [itsm.parse_instant(s) for s in texts], repeat=1)
    row("itsm.parse_instant", m, s_itsm)
    s_py, parsed_py = timed(
        lambda: [int(datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()) for s in texts], repeat=1)
    row("datetime.fromisoformat().timestamp()", m, s_py)
    assert parsed == parsed_py
    if pd is not None:
        s_pd, parsed_pd = timed(lambda: pd.to_datetime(texts, utc=True).asi8 // 10**9, repeat=1)
        row("pandas.to_datetime(list, utc=True)", m, s_pd)
        assert list(parsed_pd) == parsed


if __name__ == "__main__":
    main()
