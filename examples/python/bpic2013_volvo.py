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
- The log records no SLA. examples/data/agreement-bpic2013.json states illustrative
  targets, not Volvo's: response (90th percentile) within 1 h (Major), 4 h (High), 24 h
  (Medium), 48 h (Low); resolution within 4 h, 1 day, 5 days, 10 days, 80 % of the month's
  SRs, 24x7. The clocks below take their targets from it; the monthly report evaluates it
  with itsm.evaluate_periods, and every figure is checked against the clocks.

Run: PYTHONPATH=build/bindings/python /usr/bin/python3 examples/python/bpic2013_volvo.py [DATA_DIR [OUT_DIR]]
"""
import os

import numpy as np
import pandas as pd

import itsm
from realdata import (arguments, calendar_24x7, check_share, counted, item_levels, load_agreement, month_periods,
                      summary)

FILE = os.path.join("bpic2013-volvo-incidents", "VINST-new.csv.gz")
AS_OF = pd.Timestamp("2012-06-01T00:00:00Z")
IMPACTS = {"Major": 1, "High": 2, "Medium": 3, "Low": 4}
FIRST_MONTH, LAST_MONTH = (2012, 4), (2012, 5)
PAUSES = ["Wait - User", "Wait - Vendor", "Wait - Implementation", "Wait - Customer"]
CODES = {"Queued-Awaiting Assignment": 0, "Accepted-In Progress": 1, "Completed-Resolved": 3, "Completed-In Call": 3,
         "Completed-Closed": 4, "Accepted-Assigned": 5, "Accepted-In Call": 6, "Accepted-Wait": 7,
         "Completed-Cancelled": 8, "Unmatched-Unmatched": 9,
         **{f"Accepted-{name}": 10 + k for k, name in enumerate(PAUSES)}}
OPENED = 20  # the SR's first event, inserted before it: the clocks' start
PAUSE = [10, 11, 12, 13]
STATUS_CODES = {"opened": OPENED, **CODES}  # the status names the agreement's items use


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


def targets(agreement, kind):
    """{impact: "N h"} of the agreement's items "<kind>-<impact>"."""
    return {p: f"{hours} h" for item, (p, hours) in item_levels(agreement).items() if item.startswith(kind + "-")}


def clocks(events, agreement):
    """(response, resolution) DataFrames indexed by SR, with the agreement's targets."""
    cal = calendar_24x7()
    response = itsm.ClockDefinition(start=[OPENED], stop=[1], pause=PAUSE, reopen="never", calendar=cal,
                                    target="1000 h", priority_targets=targets(agreement, "response"))
    resolution = itsm.ClockDefinition(start=[OPENED], stop=[3, 4], cancel=[8], pause=PAUSE, reopen="continue",
                                      calendar=cal, target="1000 h", priority_targets=targets(agreement, "resolution"))
    kw = dict(record="sr", time="t", status="code", priority="priority", as_of=AS_OF.to_pydatetime())
    return response.evaluate_frame(events, **kw), resolution.evaluate_frame(events, **kw)


def monthly_reports(events, agreement):
    """The agreement evaluated over each month (as of AS_OF)."""
    ds = itsm.Dataset.from_frame(events, record="sr", time="t", status="code", priority="priority",
                                 status_codes=STATUS_CODES)
    return itsm.evaluate_periods(agreement, ds, month_periods(FIRST_MONTH, LAST_MONTH),
                                 calendars={"24x7": calendar_24x7()}, as_of=AS_OF.to_pydatetime(), max_breaches=2)


def check_percentile(report, item_id, rows):
    """The report's 90th percentile of ``item_id`` is the nearest-rank p90 of ``rows``."""
    it = report.item(item_id)
    assert it["records"] == len(rows), (report.period[0], item_id, it["records"], len(rows))
    if len(rows):
        p90 = itsm.percentiles(rows["elapsed"].to_numpy(np.int64), [0.9])[0] / 3600
        assert abs(it["value"] - p90) < 1e-9, (report.period[0], item_id, it["value"], p90)


def cross_check(reports, response, resolution, agreement):
    """Every item's figure, every month, equals the direct one from the clocks: the
    response p90 and the resolution share within target of the SRs of the item's impact."""
    for item_id, (p, _) in item_levels(agreement).items():
        response_item = item_id.startswith("response-")
        frame = response if response_item else resolution
        rows = counted(frame[frame["priority"] == p])
        for report in reports:
            month = rows[rows["month"] == report.period[0]]
            (check_percentile if response_item else check_share)(report, item_id, month)


def main():
    data_dir, out_dir = arguments(__doc__.splitlines()[0])
    events, n = prepare(data_dir)
    agreement = load_agreement("agreement-bpic2013.json")
    response, resolution = clocks(events, agreement)
    print(f"BPIC 2013 Volvo: {n} events, {len(resolution)} SRs; resolution "
          + ", ".join(f"{k} {v}" for k, v in resolution["state"].value_counts().sort_index().items()))
    print(f"response: {int(response['state'].isin(['met', 'breached']).sum())} SRs reached Accepted / In Progress, "
          f"{int((response['elapsed_business'] == 0).sum())} of them at their first event; "
          f"paused (Wait - ...) in {int((resolution['paused_actual'] > 0).sum())} resolutions")
    reports = monthly_reports(events, agreement)
    cross_check(reports, response, resolution, agreement)
    print("\n## Monthly SLA report (agreement-bpic2013.json): response p90, resolution within target\n")
    print(summary(reports))
    print(f"\nEvery month's figures equal the direct clock results. The report of {reports[-1].period[0]}:\n")
    print(reports[-1].to_markdown())
    resolution.to_csv(os.path.join(out_dir, "bpic2013-resolution.csv.gz"))


if __name__ == "__main__":
    main()
