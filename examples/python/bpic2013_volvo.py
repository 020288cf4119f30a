"""Response and resolution clocks on the Volvo IT incident log (docs/real-data.md).

Data: BPI Challenge 2013, Volvo IT Belgium incident management log (Steeman 2013,
4TU.ResearchData doi:10.4121/uuid:500573e6-accc-4b0c-9576-aa5468b10cee), the variant of
IBM/processmining (Apache-2.0); shipped as data/bpic2013-volvo-incidents/VINST-new.csv.gz
(see data/README.md).

- Instants carry a +01:00 offset all year (also in summer, when Belgium is on +02:00):
  they are read as the instants they state, so durations are exact whatever the offset
  means; months are UTC months.
- Each SR's clocks start at its first event (the log has no "opened" row).
- Response: stops at the first Accepted / In Progress. Resolution: stops at Completed
  (Resolved, In Call or Closed), cancelled by Completed / Cancelled; a later event reopens it
  (CONTINUE: the completed stretch counts as paused). Both are paused while the sub status
  is Wait - User / Vendor / Implementation / Customer (a bare "Wait" is not a pause), 24x7.
- The log records no SLA. The targets below are illustrative, not Volvo's: resolution
  within 4 h (Major), 1 day (High), 5 days (Medium), 10 days (Low), 24x7.

Run: PYTHONPATH=build/bindings/python /usr/bin/python3 examples/python/bpic2013_volvo.py [DATA_DIR [OUT_DIR]]
"""
import os

import numpy as np
import pandas as pd

import itsm
from realdata import arguments, calendar_24x7, markdown, pct

FILE = os.path.join("bpic2013-volvo-incidents", "VINST-new.csv.gz")
AS_OF = pd.Timestamp("2012-06-01T00:00:00Z")
IMPACTS = {"Major": 1, "High": 2, "Medium": 3, "Low": 4}
TARGETS = {1: "4 h elapsed", 2: "24 h elapsed", 3: "120 h elapsed", 4: "240 h elapsed"}
PAUSES = ["Wait - User", "Wait - Vendor", "Wait - Implementation", "Wait - Customer"]
CODES = {"Queued-Awaiting Assignment": 0, "Accepted-In Progress": 1, "Completed-Resolved": 3, "Completed-In Call": 3,
         "Completed-Closed": 4, "Accepted-Assigned": 5, "Accepted-In Call": 6, "Accepted-Wait": 7,
         "Completed-Cancelled": 8, "Unmatched-Unmatched": 9,
         **{f"Accepted-{name}": 10 + k for k, name in enumerate(PAUSES)}}
OPENED = 20  # the SR's first event, inserted before it: the clocks' start
PAUSE = [10, 11, 12, 13]


def prepare(data_dir):
    """(events, n): one row per event (sr, t, code, priority) in time order, an "opened"
    event first; the impact is the SR's latest impact as priority 1 (Major) .. 4 (Low);
    n the number of rows in the log."""
    log = pd.read_csv(os.path.join(data_dir, FILE), encoding="utf-8-sig")
    unknown = set(log["Activity"]) - set(CODES)
    if unknown:
        raise ValueError(f"Activity: unknown values {sorted(unknown)}")
    rows = pd.DataFrame({"sr": log["SR Number"], "t": pd.to_datetime(log["Change Date+Time"], utc=True),
                         "code": log["Activity"].map(CODES).astype(np.int32),
                         "priority": log["SR Latest Impact"].map(IMPACTS).astype(np.int32)})
    first = rows.loc[rows.groupby("sr", sort=False)["t"].idxmin()].assign(code=np.int32(OPENED))
    events = pd.concat([first, rows]).sort_values(["sr", "t"], kind="stable", ignore_index=True)
    return events, len(rows)


def clocks(events):
    """(response, resolution) DataFrames indexed by SR."""
    cal = calendar_24x7()
    response = itsm.ClockDefinition(start=[OPENED], stop=[1], pause=PAUSE, reopen="never", calendar=cal,
                                    target="24 h elapsed")
    resolution = itsm.ClockDefinition(start=[OPENED], stop=[3, 4], cancel=[8], pause=PAUSE, reopen="continue",
                                      calendar=cal, target="240 h elapsed", priority_targets=TARGETS)
    kw = dict(record="sr", time="t", status="code", priority="priority", as_of=AS_OF.to_pydatetime())
    return response.evaluate_frame(events, **kw), resolution.evaluate_frame(events, **kw)


def cell(seconds):
    """'median / p90 h (n)' by nearest rank, or '-'."""
    if len(seconds) == 0:
        return "-"
    p = itsm.percentiles(seconds.to_numpy(np.int64), [0.5, 0.9])
    return f"{p[0] / 3600:.1f} / {p[1] / 3600:.1f} ({len(seconds)})"


def monthly(response, resolution):
    """Per month of resolution (the resolution clock's stop): response and resolution per
    impact, over the SRs resolved that month."""
    frame = resolution.join(response[["state", "elapsed_business"]], rsuffix="_response")
    frame = frame[frame["state"].isin(["met", "breached"])].copy()
    frame["month"] = frame["stop"].dt.strftime("%Y-%m")
    rows = []
    for month, done in frame.groupby("month"):
        answered = done[done["state_response"] == "met"]
        cells = [cell(answered[answered["priority"] == p]["elapsed_business_response"]) for p in IMPACTS.values()]
        cells += [cell(done[done["priority"] == p]["elapsed_business"]) for p in IMPACTS.values()]
        within = itsm.Rate(int((done["state"] == "met").sum()), len(done))
        rows.append([month, len(done), *cells, pct(within)])
    heads = [f"response {k}" for k in IMPACTS] + [f"resolution {k}" for k in IMPACTS]
    return markdown(rows, ["resolved in", "SRs", *heads, "resolved within target"])


def main():
    data_dir, out_dir = arguments(__doc__.splitlines()[0])
    events, n = prepare(data_dir)
    response, resolution = clocks(events)
    print(f"BPIC 2013 Volvo: {n} events, {len(resolution)} SRs; resolution "
          + ", ".join(f"{k} {v}" for k, v in resolution["state"].value_counts().sort_index().items()))
    print(f"response: {int((response['state'] == 'met').sum())} SRs reached Accepted / In Progress, "
          f"{int((response['elapsed_business'] == 0).sum())} of them at their first event; "
          f"paused (Wait - ...) in {int((resolution['paused_actual'] > 0).sum())} resolutions")
    print("\n## Monthly report: median / p90 hours (SRs), 24x7, Wait - ... paused\n")
    print(monthly(response, resolution))
    resolution.to_csv(os.path.join(out_dir, "bpic2013-resolution.csv.gz"))


if __name__ == "__main__":
    main()
