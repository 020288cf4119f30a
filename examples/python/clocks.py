"""SLA clocks on the sample desk calendar (docs/clocks.md): one incident, then a small
DataFrame of status changes evaluated in one call.

Run: PYTHONPATH=build/bindings/python /usr/bin/python3 examples/python/clocks.py
"""
import os

import pandas as pd

import itsm

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
desk = itsm.Calendar.from_file(os.path.join(DATA, "desk-calendar.json"))
tokyo = desk.zone

resolution = itsm.ClockDefinition(
    start="new", pause="on_hold", stop=["resolved", "closed"], calendar=desk,
    target="next business day", priority_targets={1: "4 h"}, reopen="continue")

# Opened Thursday before Golden Week, on hold over the holidays, resolved on Tuesday.
t = itsm.parse_instant
log = [(t("2024-05-02T10:00:00+09:00"), "new"), (t("2024-05-02T17:00:00+09:00"), "on_hold"),
       (t("2024-05-07T10:00:00+09:00"), "active"), (t("2024-05-07T12:00:00+09:00"), "resolved")]
r = resolution.evaluate(log, as_of=t("2024-05-31T00:00:00+09:00"))
print(f"state {r.state.label}, {r.elapsed_business / 3600:g} of {r.target / 3600:g} business hours "
      f"({r.percent:.1f} %), paused {r.paused_business / 3600:g} h, "
      f"deadline {itsm.format_instant(r.deadline, tokyo)}")
# The figures docs/clocks.md quotes; a change in behaviour fails this example.
assert (r.state.label, r.elapsed_business, r.target, r.paused_business) == ("met", 9 * 3600, 17 * 3600, 7200)
assert itsm.format_instant(r.deadline, tokyo) == "2024-05-08T11:00:00+09:00"

df = pd.DataFrame({
    "number": ["INC1", "INC1", "INC2", "INC2", "INC2"],
    "updated": pd.to_datetime(["2024-05-07T09:30+09:00", "2024-05-09T12:00+09:00", "2024-05-07T17:00+09:00",
                               "2024-05-08T09:00+09:00", "2024-05-09T18:00+09:00"], utc=True),
    "state": ["New", "Resolved", "New", "On Hold", "Resolved"],
})
frame = resolution.evaluate_frame(df, record="number", time="updated", status="state",
                                  status_codes={"New": 0, "On Hold": 2, "Resolved": 3},
                                  as_of=t("2024-05-31T00:00:00+09:00"))
print(frame[["state", "elapsed_business", "paused_business", "deadline", "breached"]])
assert frame["state"].tolist() == ["breached", "met"]
