#!/usr/bin/env python3
"""The UCI ServiceNow log end to end, per stage, itsm against plain pandas.

usage: PYTHONPATH=build/bindings/python /usr/bin/python3 bench/bench_uci.py [DATA_DIR]

Stages (examples/python/uci_servicenow.py): read the CSV (141,712 events), prepare
(parse the d/m/yyyy dates, map statuses, add the "opened" events, sort), evaluate the
24x7 resolution clock (Awaiting states paused, reopen CONTINUE) of the 24,918 incidents,
and aggregate per month of resolution and priority. The same elapsed-minus-pauses
computation in plain pandas is checked equal before the timings are printed.
"""
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "examples", "python"))

import uci_servicenow as uci  # noqa: E402
from benchutil import best_of  # noqa: E402


def monthly(clocks):
    """Incidents within target per month of resolution and priority."""
    done = clocks[clocks["state"].isin(["met", "breached"])]
    key = [done["stop"].dt.strftime("%Y-%m"), done["priority"]]
    return (done["state"] == "met").groupby(key).agg(["sum", "count"])


def main():
    data_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "data")
    t_read, log = best_of(lambda: uci.read_log(data_dir))
    t_prep, (events, incidents) = best_of(lambda: uci.prepare(log))
    clock = uci.definition({1: 60, 2: 240, 3: 5400, 4: 19440})
    t_clock, clocks = best_of(lambda: uci.evaluate(events, clock))
    t_month, table = best_of(lambda: monthly(clocks))
    t_pandas, check = best_of(lambda: uci.pandas_resolution(events))
    assert np.array_equal(check["elapsed"].to_numpy(), clocks["elapsed_business"].to_numpy())
    assert np.array_equal(check["stopped"].to_numpy(), clocks["state"].isin(["met", "breached"]).to_numpy())
    n_events, n_records = len(events), len(clocks)
    print(f"UCI ServiceNow log: {n_events - n_records} events + {n_records} opened events, "
          f"{n_records} incidents, {len(table)} month x priority cells; best of 3")
    print("| stage | seconds |\n| --- | ---: |")
    for name, t in (("read CSV (pandas)", t_read), ("prepare (dates, codes, opened events, sort)", t_prep),
                    ("itsm evaluate_frame, 24x7 resolution clock", t_clock),
                    ("monthly aggregation (pandas groupby)", t_month),
                    ("plain pandas elapsed-minus-pauses (same result)", t_pandas)):
        print(f"| {name} | {t:.3f} |")
    print(f"clock: {n_records / t_clock / 1e6:.2f} M incidents/s; pandas recipe {t_pandas / t_clock:.1f}x the clock's time")


if __name__ == "__main__":
    main()
