#!/usr/bin/env python3
"""SLA metrics from Python: itsm against a pandas implementation of the same computation.

usage: PYTHONPATH=build/bindings/python /usr/bin/python3 bench/bench_metrics.py [N]

Availability: N outages (default 1 million) over 2000-2099, 1 s .. 5 min each, 2 % of
them notified maintenance; 24x7 over the whole century and per 30-day slice. The pandas
version is the usual one: union by sort + cumulative max, maintenance subtracted through a
cumulative-measure look-up (searchsorted), clipped to the period. Call rates: 10 N calls,
service level, abandon rate excluding short abandons and average speed of answer, against
numpy boolean sums. Every result is checked equal to itsm's before timings are printed.
"""
import sys

import numpy as np
import pandas as pd

import itsm
from benchutil import best_of

START = itsm.parse_instant("2000-01-01T00:00:00Z")
SPAN = 36525 * 86400
SLICE = 30 * 86400
SLICES = SPAN // SLICE


# ---- pandas ----------------------------------------------------------------------------------


def pandas_union(start, end):
    frame = pd.DataFrame({"start": start, "end": end})
    frame = frame[frame.end > frame.start].sort_values("start", kind="stable")
    group = (frame.start > frame.end.cummax().shift()).cumsum()
    united = frame.groupby(group).agg(start=("start", "min"), end=("end", "max"))
    return united.start.to_numpy(), united.end.to_numpy()


def covered_before(us, ue, t):
    """Measure of the sorted disjoint union (us, ue) before each instant of t."""
    if len(us) == 0:
        return np.zeros(len(t), dtype=np.int64)
    cum = np.concatenate(([0], np.cumsum(ue - us)))
    k = np.searchsorted(us, t, side="right")
    inside = np.clip(t - us[np.maximum(k - 1, 0)], 0, (ue - us)[np.maximum(k - 1, 0)])
    return cum[np.maximum(k - 1, 0)] + np.where(k > 0, inside, 0)


def pandas_availability(start, end, planned, lo, hi):
    ms, me = pandas_union(start[planned], end[planned])
    ds, de = pandas_union(start[~planned], end[~planned])
    ms, me = np.clip(ms, lo, hi), np.clip(me, lo, hi)
    ds, de = np.clip(ds, lo, hi), np.clip(de, lo, hi)
    maintenance = int((me - ms).sum())
    down = (de - ds) - (covered_before(ms, me, de) - covered_before(ms, me, ds))
    agreed = (hi - lo) - maintenance
    return agreed, int(down.sum()), int((down > 0).sum())


def pandas_series(start, end, planned):
    """Downtime and agreed seconds per 30-day slice: |D \\ M| and |slice \\ M| before each
    slice edge, differenced (D the united outages, M the united maintenance)."""
    ms, me = pandas_union(start[planned], end[planned])
    ds, de = pandas_union(start[~planned], end[~planned])
    both_s, both_e = intersect(ds, de, ms, me)
    edges = START + SLICE * np.arange(SLICES + 1)
    down_before = covered_before(ds, de, edges) - covered_before(both_s, both_e, edges)
    return np.diff(down_before), SLICE - np.diff(covered_before(ms, me, edges))


def intersect(as_, ae, bs, be):
    """Intersection of two sorted disjoint interval lists (vectorized through the
    boundaries: an instant is in both when covered by each)."""
    points = np.unique(np.concatenate((as_, ae, bs, be)))
    lo, hi = points[:-1], points[1:]
    in_a = (covered_before(as_, ae, hi) - covered_before(as_, ae, lo)) == hi - lo
    in_b = (covered_before(bs, be, hi) - covered_before(bs, be, lo)) == hi - lo
    keep = in_a & in_b
    return lo[keep], hi[keep]


# ---- itsm --------------------------------------------------------------------------------------


def itsm_availability(start, end, planned, lo, hi):
    a = itsm.availability(start, end, lo, hi, planned=planned, notified=planned)
    return a.agreed_seconds, a.downtime_seconds, a.failures


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    rng = np.random.default_rng(20241122)
    start = START + rng.integers(0, SPAN - 300, n)
    end = start + 1 + rng.integers(0, 300, n)
    planned = rng.random(n) < 0.02
    lo, hi = START, START + SPAN

    print(f"bench_metrics.py: {n:,} outages over 2000-2099, {10 * n:,} calls "
          f"(itsm {itsm.__version__}, numpy {np.__version__}, pandas {pd.__version__})")
    t_itsm, got = best_of(lambda: itsm_availability(start, end, planned, lo, hi))
    t_pd, want = best_of(lambda: pandas_availability(start, end, planned, lo, hi))
    assert got == want, (got, want)
    print(f"availability over the century     itsm {n / t_itsm / 1e6:6.2f} M/s   pandas {n / t_pd / 1e6:6.2f} M/s"
          f"   itsm {t_pd / t_itsm:5.1f}x faster   (agreed {got[0]} s, down {got[1]} s, {got[2]} failures)")

    t_itsm, got = best_of(lambda: itsm.availability_series(start, end, lo, SLICE, SLICES, planned=planned,
                                                           notified=planned))
    t_pd, want = best_of(lambda: pandas_series(start, end, planned))
    assert (got[0] == want[0]).all() and (got[1] == want[1]).all()
    print(f"downtime per 30-day slice ({SLICES})  itsm {n / t_itsm / 1e6:6.2f} M/s   pandas {n / t_pd / 1e6:6.2f} M/s"
          f"   itsm {t_pd / t_itsm:5.1f}x faster")

    t_itsm, got = best_of(lambda: itsm.interval_union(start, end))
    t_pd, want = best_of(lambda: pandas_union(start, end))
    assert (got[0] == want[0]).all() and (got[1] == want[1]).all()
    print(f"interval union                    itsm {n / t_itsm / 1e6:6.2f} M/s   pandas {n / t_pd / 1e6:6.2f} M/s"
          f"   itsm {t_pd / t_itsm:5.1f}x faster   ({len(got[0]):,} intervals)")

    m = 10 * n
    k = rng.integers(0, 100, m)
    outcome = np.where(k < 80, 0, np.where(k < 95, 1, 2)).astype(np.uint8)
    wait = rng.integers(0, 180, m)

    def itsm_calls():
        c = itsm.call_counts(outcome, wait, answer_threshold=20, short_abandon=5)
        rates = [c.rate(r) for r in ("service_level", "abandon_rate_excluding_short", "average_speed_of_answer")]
        return [(r.numerator, r.denominator) for r in rates]

    def numpy_calls():
        answered, abandoned = outcome == 0, outcome == 1
        offered = int(answered.sum() + abandoned.sum())
        short = int((abandoned & (wait < 5)).sum())
        return [(int((answered & (wait <= 20)).sum()), offered), (int(abandoned.sum()) - short, offered - short),
                (int(wait[answered].sum()), int(answered.sum()))]

    t_itsm, got = best_of(itsm_calls)
    t_np, want = best_of(numpy_calls)
    assert got == want, (got, want)
    print(f"three call rates                  itsm {m / t_itsm / 1e6:6.1f} M/s   numpy  {m / t_np / 1e6:6.1f} M/s"
          f"   itsm {t_np / t_itsm:5.1f}x faster")


if __name__ == "__main__":
    main()
