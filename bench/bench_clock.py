#!/usr/bin/env python3
"""SLA clock throughput from Python: itsm from a pandas DataFrame against pandas/numpy.

usage: PYTHONPATH=build/bindings/python /usr/bin/python3 bench/bench_clock.py [N]

N synthetic incidents (default 1,000,000), numbered in the order they were opened in
2024-2025, with the status histories of bench_clock.c (new, active, on hold, active,
resolved, closed; 5 % reopened), one row per status change in a DataFrame with string
statuses and tz-aware timestamps, as an export from a ticket system looks.

Rows timed:
  * itsm, two metrics (response 4 business h, resolution "next business day" paused on
    hold) on the seed desk calendar (Asia/Tokyo, jp holidays): evaluate_frame (factorize,
    sort, map statuses, one C call per metric) and evaluate_many on ready CSR arrays;
  * the simplest comparable computation both can do: resolution time on 24x7 = resolved
    minus opened minus the on-hold stretches, with a pandas groupby / numpy recipe, and
    with itsm on a 24x7 calendar. The two are checked equal before timings are printed.
"""
import sys
import time

import numpy as np
import pandas as pd

import itsm
from benchutil import best_of

START = itsm.parse_instant("2024-01-01T00:00:00+09:00")
END = itsm.parse_instant("2025-12-31T00:00:00+09:00")
NAMES = np.array(["New", "Active", "On Hold", "Resolved", "Closed"], dtype=object)
CODES = {"New": 0, "Active": 1, "On Hold": 2, "Resolved": 3, "Closed": 4}

DESK = {
    "itsm_schema": 1, "type": "calendar", "name": "desk", "zone": "Asia/Tokyo",
    "week": {d: ["09:00-18:00"] for d in ("mon", "tue", "wed", "thu", "fri")}
    | {"sat": ["09:00-12:00", "13:00-17:00"], "sun": []},
    "holidays": ["jp", "jp-year-end"],
}
ALWAYS = {"itsm_schema": 1, "type": "calendar", "name": "24x7", "zone": "Asia/Tokyo",
          "week": {d: ["00:00-24:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}}


def generate(n, seed=1):
    """Vectorized: every incident gets the same 8 slots; unused slots are dropped."""
    rng = np.random.default_rng(seed)
    slot = (END - START) // n
    opened = START + np.arange(n) * slot + rng.integers(0, max(slot, 1), size=n)
    gaps = np.stack([np.zeros(n, dtype=np.int64), rng.integers(60, 6 * 3600, n), rng.integers(600, 8 * 3600, n),
                     rng.integers(3600, 3 * 86400, n), rng.integers(600, 2 * 86400, n),
                     rng.integers(3600, 86400, n), rng.integers(600, 86400, n), rng.integers(86400, 3 * 86400, n)],
                    axis=1)
    codes = np.tile(np.array([0, 1, 2, 1, 3, 1, 3, 4]), (n, 1))
    keep = np.ones((n, 8), dtype=bool)
    held = rng.random(n) < 0.6
    reopened = rng.random(n) < 0.05
    keep[~held, 2:4] = False
    keep[~reopened, 5:7] = False
    times = opened[:, None] + np.cumsum(np.where(keep, gaps, 0), axis=1)
    ids = np.repeat(np.arange(n), 8).reshape(n, 8)
    df = pd.DataFrame({
        "number": ids[keep],
        "sys_updated_on": pd.to_datetime(times[keep], unit="s", utc=True).tz_convert("Asia/Tokyo"),
        "incident_state": NAMES[codes[keep]],
    })
    return df


def definitions(cal):
    response = itsm.ClockDefinition(start="new", stop=["active", "resolved", "closed"], reopen="never",
                                    calendar=cal, target="4 h")
    resolution = itsm.ClockDefinition(start="new", pause="on_hold", stop=["resolved", "closed"], calendar=cal,
                                      target="next business day")
    return response, resolution


def pandas_resolution_24x7(df):
    """Resolution time on 24x7 with pandas/numpy only: first 'Resolved' or 'Closed' minus
    the first row, minus the on-hold stretches before it (rows sorted by record and time;
    a reopening continues the clock, as itsm's CONTINUE policy)."""
    t = df["sys_updated_on"].dt.tz_convert("UTC").dt.tz_localize(None).to_numpy().astype("datetime64[s]")
    t = t.view(np.int64)
    rec = df["number"].to_numpy()
    state = df["incident_state"].to_numpy()
    nxt = np.append(t[1:], t[-1])
    same = np.append(rec[1:] == rec[:-1], False)
    span = np.where(same, nxt - t, 0)
    stop = (state == "Resolved") | (state == "Closed")
    # After the last stop nothing counts; stretches while resolved count as paused.
    last_stop_t = pd.Series(np.where(stop, t, np.iinfo(np.int64).min)).groupby(rec).transform("max").to_numpy()
    counted = (state != "On Hold") & ~stop & (t < last_stop_t)
    return pd.Series(np.where(counted, span, 0)).groupby(rec).sum().to_numpy()


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    t0 = time.perf_counter()
    df = generate(n)
    print(f"bench_clock.py: {n} incidents, {len(df)} rows, generated in {time.perf_counter() - t0:.1f} s")
    as_of = END + 60 * 86400
    desk, always = itsm.Calendar(DESK), itsm.Calendar(ALWAYS)
    response, resolution = definitions(desk)
    frame_args = dict(record="number", time="sys_updated_on", status="incident_state", status_codes=CODES,
                      as_of=as_of, as_frame=False)

    def itsm_frame():
        return [d.evaluate_frame(df, **frame_args) for d in (response, resolution)]

    ids = df["number"].to_numpy()
    offsets = np.concatenate(([0], np.cumsum(np.bincount(ids)))).astype(np.int64)
    instants = df["sys_updated_on"].dt.tz_convert("UTC").dt.tz_localize(None).to_numpy().astype("datetime64[s]")
    instants = instants.astype(np.int64)
    codes = df["incident_state"].map(CODES).to_numpy().astype(np.int32)

    def itsm_arrays():
        return [d.evaluate_many(offsets, instants, codes, as_of=as_of, thresholds=False)
                for d in (response, resolution)]

    t_frame, frames = best_of(itsm_frame)
    t_arrays, arrays = best_of(itsm_arrays)
    assert np.array_equal(frames[1]["elapsed_business"], arrays[1]["elapsed_business"])

    simple = itsm.ClockDefinition(start="new", pause="on_hold", stop=["resolved", "closed"], calendar=always,
                                  target="24 h")
    t_itsm24, res24 = best_of(lambda: simple.evaluate_many(offsets, instants, codes, as_of=as_of,
                                                           thresholds=False))
    t_pandas, ref = best_of(lambda: pandas_resolution_24x7(df))
    if not np.array_equal(res24["elapsed_actual"], ref):
        bad = int(np.flatnonzero(res24["elapsed_actual"] != ref)[0])
        raise SystemExit(f"24x7 results differ at record {bad}: itsm {res24['elapsed_actual'][bad]}, "
                         f"pandas {ref[bad]}")
    print(f"{'itsm, 2 metrics, desk calendar, evaluate_frame (DataFrame in)':64s} {t_frame:7.3f} s  "
          f"{2 * n / t_frame / 1e6:6.2f} M records/s")
    print(f"{'itsm, 2 metrics, desk calendar, evaluate_many (CSR arrays in)':64s} {t_arrays:7.3f} s  "
          f"{2 * n / t_arrays / 1e6:6.2f} M records/s")
    print(f"{'24x7 resolution minus pauses, itsm evaluate_many':64s} {t_itsm24:7.3f} s  "
          f"{n / t_itsm24 / 1e6:6.2f} M records/s")
    print(f"{'24x7 resolution minus pauses, pandas/numpy':64s} {t_pandas:7.3f} s  "
          f"{n / t_pandas / 1e6:6.2f} M records/s  (itsm {t_pandas / t_itsm24:.1f}x faster; results equal)")


if __name__ == "__main__":
    main()
