#!/usr/bin/env python3
"""Time-series throughput from Python: itsm against pandas on the same data in one run.

usage: PYTHONPATH=build/bindings/python /usr/bin/python3 bench/bench_timeseries.py [SERVERS] [ZONE]

A year of one-minute samples (525,600 per server, jittered by up to 59 s, 0.1 % missing)
for SERVERS servers (default 500) in ZONE (default Asia/Tokyo), as pandas Series with a
tz-aware DatetimeIndex, through
  - resampling to 1 hour and to 1 day: mean, max and the 95th percentile,
  - the time-of-day x date heat map at one minute (1440 x 365 cells, mean),
each with itsm and with pandas (resample().agg(), resample().quantile(), groupby on
minute of day and date, unstacked). Every itsm result is checked against pandas' before
the timings count. Series are built outside the timed regions.
"""
import sys
import time

import numpy as np
import pandas as pd

import itsm

MINUTES = 365 * 1440


def server_values(rng):
    """CPU %: a low base, a nightly batch peak of six minutes, noise, 0.1 % missing."""
    base = 3 + 7 * rng.random()
    batch = 60 + int(240 * rng.random())
    minute = np.arange(MINUTES) % 1440
    peak = np.where((minute >= batch) & (minute < batch + 6), 70 + 25 * rng.random(MINUTES), 0.0)
    v = base + peak + 4 * rng.random(MINUTES)
    v[rng.random(MINUTES) < 0.001] = np.nan
    return v


def pandas_resample(s, rule):
    r = s.resample(rule)
    out = r.agg(["mean", "max"])
    out["p95"] = r.quantile(0.95)
    return out


def pandas_heat(s):
    idx = s.index
    slot = idx.hour * 60 + idx.minute
    return s.groupby([slot, idx.normalize()]).mean().unstack()


def check(ours, theirs, heat, heat_theirs):
    for o, t in zip(ours, theirs):
        for col in ("mean", "max", "p95"):
            np.testing.assert_allclose(o[col].to_numpy(), t[col].to_numpy(), rtol=1e-12, equal_nan=True)
    np.testing.assert_allclose(heat.to_numpy(), heat_theirs.to_numpy(), rtol=1e-12, equal_nan=True)


def main():
    servers = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    zone = sys.argv[2] if len(sys.argv) > 2 else "Asia/Tokyo"
    start = pd.Timestamp("2023-01-01", tz=zone)
    jitter = np.random.default_rng(42).integers(0, 60, MINUTES)
    index = start + pd.to_timedelta(np.arange(MINUTES) * 60 + jitter, unit="s")
    rng = np.random.default_rng(7)
    times = {"itsm": np.zeros(4), "pandas": np.zeros(4)}
    for k in range(servers):
        s = pd.Series(server_values(rng), index=index, name=f"srv{k}")
        t0 = time.process_time()
        hourly = itsm.resample(s, "1h", stats=("mean", "max"), percentiles=(95,))
        t1 = time.process_time()
        daily = itsm.resample(s, "1d", stats=("mean", "max"), percentiles=(95,))
        t2 = time.process_time()
        heat = itsm.heatmap(s, "1min", start="2023-01-01", days=365)
        t3 = time.process_time()
        times["itsm"] += [t1 - t0, t2 - t1, t3 - t2, 0]
        t0 = time.process_time()
        ph = pandas_resample(s, "1h")
        t1 = time.process_time()
        pdd = pandas_resample(s, "1D")
        t2 = time.process_time()
        pheat = pandas_heat(s)
        t3 = time.process_time()
        times["pandas"] += [t1 - t0, t2 - t1, t3 - t2, 0]
        check((hourly, daily), (ph, pdd), heat, pheat)
    for tool in times:
        times[tool][3] = times[tool][:3].sum()
    print(f"{servers} servers x {MINUTES} one-minute samples in {zone} (Python {sys.version.split()[0]}, "
          f"numpy {np.__version__}, pandas {pd.__version__}); results checked equal to pandas to 1e-12")
    print(f"{'operation':44s} {'itsm s':>8s} {'pandas s':>9s} {'itsm M samples/s':>17s} {'ratio':>7s}")
    names = ["resample 1 h: mean, max, p95", "resample 1 day: mean, max, p95", "heat map 1440 x 365, mean",
             "all three"]
    for i, name in enumerate(names):
        ours, theirs = times["itsm"][i], times["pandas"][i]
        print(f"{name:44s} {ours:8.2f} {theirs:9.2f} {servers * MINUTES / ours / 1e6:17.1f} {theirs / ours:6.1f}x")


if __name__ == "__main__":
    main()
