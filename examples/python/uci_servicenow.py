"""Resolution SLA on a real ServiceNow audit log (docs/real-data.md).

Data: "Incident management process enriched event log", UCI Machine Learning Repository
id 498 (Amaral, Fantinato, Peres), CC BY 4.0; shipped as
data/uci-incident-event-log/incident_event_log.csv.gz (see data/README.md).

- Dates are ``d/m/yyyy HH:MM`` without zone. They are read as UTC: the export does not
  say its zone, and reading them as one fixed-offset zone keeps every duration equal to
  the difference of the printed wall times (a zone with DST would shift durations that
  cross a change by one hour; the clocks here count 24x7, so the zone matters nowhere
  else).
- The status history of each incident is an "opened" event at opened_at (the clock's
  start, code New) followed by incident_state at sys_updated_at, in the log's order.
- Resolution clock: start New/opened, stop Resolved or Closed, paused while Awaiting User
  Info / Vendor / Problem / Evidence, 24x7. Reopen policy CONTINUE: a resolved incident
  set back to New or Active goes on with the time while resolved counted as paused;
  other states after a stop (an Awaiting state, the unexplained -100) do not reopen.
  The priority in force picks the target (a priority change re-targets retroactively).
- The instance's own SLA definitions are not published; the last made_sla of each
  incident is ServiceNow's verdict. The example finds the whole-minute limit per priority
  that reproduces most verdicts; examples/data/agreement-uci.json states those limits, and
  the monthly SLA report evaluates it (checked against the clocks).

Run: PYTHONPATH=build/bindings/python /usr/bin/python3 examples/python/uci_servicenow.py [DATA_DIR [OUT_DIR]]
"""
import os

import numpy as np
import pandas as pd

import itsm
from realdata import (arguments, calendar_24x7, check_share, counted, item_levels, last_per_record, load_agreement,
                      markdown, month_periods, summary)

FILE = os.path.join("uci-incident-event-log", "incident_event_log.csv.gz")
AS_OF = pd.Timestamp("2017-03-01T00:00:00Z")
FIRST_MONTH, LAST_MONTH = (2016, 2), (2017, 2)
PRIORITIES = {1: "1 - Critical", 2: "2 - High", 3: "3 - Moderate", 4: "4 - Low"}
PAUSES = ["Awaiting User Info", "Awaiting Vendor", "Awaiting Problem", "Awaiting Evidence"]
# Status names -> clock codes: the incident codes of itsm/incident.h where they fit,
# codes of our own for the four waiting states and for -100.
CODES = {"New": 0, "Active": 1, "Resolved": 3, "Closed": 4, "-100": 99,
         **{name: 10 + k for k, name in enumerate(PAUSES)}}
START, STOP, REOPEN = [0], [3, 4], [0, 1]
PAUSE = [CODES[name] for name in PAUSES]
# Measuring only: every priority with its own target, longer than any incident (so that
# priority changes re-target the clock as they do with the fitted targets).
MEASURE = {p: 60000 + p for p in PRIORITIES}
DATE_FORMAT = "%d/%m/%Y %H:%M"  # strptime reads 29/2/2016 and 5/3/2016 alike


def read_log(data_dir):
    """The CSV as text columns (missing values '?' become NaN)."""
    return pd.read_csv(os.path.join(data_dir, FILE), na_values="?", keep_default_na=False, dtype=str)


def parse_dates(log):
    """Instants of the date columns, read as UTC (no zone in the export)."""
    out = log.copy()
    for column in ("opened_at", "sys_updated_at", "resolved_at", "closed_at"):
        out[column] = pd.to_datetime(out[column], format=DATE_FORMAT).dt.tz_localize("UTC")
    return out


def prepare(log):
    """(events, incidents): one row per clock event (number, t, code, priority, seq) in
    record and time order, the "opened" event first; one row per incident with its last
    made_sla, reopen_count and whether its priority ever changed."""
    log = parse_dates(log)
    prio = log["priority"].str[0].astype(np.int32)
    rows = pd.DataFrame({"number": log["number"], "t": log["sys_updated_at"],
                         "code": log["incident_state"].map(CODES).astype(np.int32),
                         "priority": prio, "seq": np.arange(len(log))})
    first = log.groupby("number", sort=False).head(1)
    opened = pd.DataFrame({"number": first["number"], "t": first["opened_at"], "code": np.int32(0),
                           "priority": prio[first.index], "seq": -1})
    events = pd.concat([opened, rows], ignore_index=True)
    events = events.sort_values(["number", "t", "seq"], kind="stable", ignore_index=True)
    by = log.groupby("number", sort=False)
    incidents = pd.DataFrame({"made_sla": by["made_sla"].last() == "true",
                              "reopen_count": by["reopen_count"].last().astype(int),
                              "priority_changed": by["priority"].nunique() > 1,
                              "opened_at": by["opened_at"].first()})
    return events, incidents


def definition(targets, calendar=None, pauses=True):
    """The resolution clock; ``targets`` maps priority -> minutes (24x7 unless ``calendar``)."""
    calendar = calendar or calendar_24x7()
    kind = "" if calendar.name != "24x7" else " elapsed"
    return itsm.ClockDefinition(
        start=START, stop=STOP, pause=PAUSE if pauses else (), reopen_on=REOPEN, reopen="continue",
        retarget="recompute", calendar=calendar, target="1000 h" + kind,
        priority_targets={p: f"{m} min{kind}" for p, m in targets.items()})


def evaluate(events, clock):
    """The clock of every incident (a DataFrame indexed by number)."""
    return clock.evaluate_frame(events, record="number", time="t", status="code", priority="priority",
                                as_of=AS_OF.to_pydatetime(), sort=True)


def pandas_resolution(events, as_of=AS_OF):
    """The same 24x7 elapsed-minus-pauses computation in plain pandas: seconds with the
    clock running, and whether it is stopped. A row's state lasts until the next row (the
    last one until as_of); after a stop, only New/Active reopen."""
    e = events
    nxt = e.groupby("number", sort=False)["t"].shift(-1).fillna(as_of)
    span = (nxt - e["t"]).dt.total_seconds().astype(np.int64)
    started = (e["code"] == 0).astype(int).groupby(e["number"], sort=False).cummax() == 1
    mark = pd.Series(np.where(e["code"].isin(STOP), 1.0, np.where(e["code"].isin(REOPEN), 0.0, np.nan)))
    stopped = mark.groupby(e["number"], sort=False).ffill().fillna(0) == 1
    running = started & ~stopped & ~e["code"].isin(PAUSE)
    elapsed = (span * running).groupby(e["number"], sort=False).sum()
    return pd.DataFrame({"elapsed": elapsed, "stopped": stopped.groupby(e["number"], sort=False).last()})


def best_limit(seconds, verdicts, max_hours=2000):
    """The whole-minute limit L (at least 1 min) reproducing most verdicts (met <=>
    seconds <= L), and the number it reproduces; the smallest such L."""
    d = np.sort(seconds[verdicts]), np.sort(seconds[~verdicts])
    limits = np.arange(1, max_hours * 60 + 1) * 60
    agree = np.searchsorted(d[0], limits, side="right") + (d[1].size - np.searchsorted(d[1], limits, side="right"))
    k = int(np.argmax(agree))
    return k + 1, int(agree[k])


def hm(minutes):
    return f"{minutes // 60}:{minutes % 60:02d} h"


def fit(clocks, incidents):
    """Per priority: (minutes, agreeing, records) over the incidents whose clock stopped."""
    done = stopped_frame(clocks, incidents)
    out = {}
    for p, group in done.groupby("priority"):
        h, agree = best_limit(group["elapsed_business"].to_numpy(), group["made_sla"].to_numpy())
        out[p] = (h, agree, len(group))
    return out


def stopped_frame(clocks, incidents):
    """Incidents with a stopped clock, joined with their verdicts and clock results."""
    frame = incidents.join(clocks)  # priority: the one in force at the end
    frame = frame[frame["state"].isin(["met", "breached"])].copy()
    frame["ours"] = frame["state"] == "met"
    frame["month"] = frame["stop"].dt.strftime("%Y-%m")
    return frame


def monthly_reports(events, agreement):
    """The agreement evaluated over every month of the log (as of AS_OF: each month with
    what has happened since)."""
    ds = itsm.Dataset.from_frame(events, record="number", time="t", status="code", priority="priority",
                                 status_codes=CODES)
    return itsm.evaluate_periods(agreement, ds, month_periods(FIRST_MONTH, LAST_MONTH),
                                 calendars={"24x7": calendar_24x7()}, as_of=AS_OF.to_pydatetime(), max_breaches=3)


def cross_check(reports, events, agreement):
    """Every item's share within its limit, every month, equals the direct count: the
    item's clock (one limit, reopened by any later state: the agreement names no
    reopening states) over the incidents whose last priority is the item's."""
    last = last_per_record(events, "number", "priority")
    for item_id, (p, minutes) in item_levels(agreement).items():
        clock = itsm.ClockDefinition(start=START, stop=STOP, pause=PAUSE, reopen="continue",
                                     calendar=calendar_24x7(), target=f"{minutes} min")
        rows = counted(evaluate(events[last == p], clock))
        for report in reports:
            check_share(report, item_id, rows[rows["month"] == report.period[0]])


def confusion(frame):
    both = pd.crosstab(frame["ours"].map({True: "clock met", False: "clock breached"}),
                       frame["made_sla"].map({True: "made_sla true", False: "made_sla false"}))
    rows = [[k, int(both.loc[k].get("made_sla true", 0)), int(both.loc[k].get("made_sla false", 0))]
            for k in ("clock met", "clock breached")]
    return markdown(rows, ["", "made_sla true", "made_sla false"])


def disagreements(frame):
    """How the records whose verdicts differ are special (shares, so the causes overlap)."""
    bad = frame[frame["ours"] != frame["made_sla"]]
    good = frame[frame["ours"] == frame["made_sla"]]
    traits = [("paused at least once (Awaiting ...)", lambda f: f["paused_actual"] > 0),
              ("reopened (reopen_count > 0)", lambda f: f["reopen_count"] > 0),
              ("priority changed", lambda f: f["priority_changed"]),
              ("over the limit if pauses were not deducted", lambda f: (f["stop"] - f["start"]).dt.total_seconds() > f["target"]),
              ("within 10 % of the limit", lambda f: (f["elapsed_business"] - f["target"]).abs() <= f["target"] / 10)]
    rows = [[name, f"{100 * test(bad).mean():.1f} %", f"{100 * test(good).mean():.1f} %"] for name, test in traits]
    return markdown(rows, ["trait", f"disagreeing ({len(bad)})", f"agreeing ({len(good)})"])


def business_calendar():
    """Mon-Fri 08:00-17:00 in the log's (UTC) wall time: the 'business hours' variant."""
    day = ["08:00-17:00"]
    return itsm.Calendar({"itsm_schema": 1, "type": "calendar", "name": "weekdays", "zone": "UTC",
                          "week": {**{d: day for d in ("mon", "tue", "wed", "thu", "fri")}, "sat": [], "sun": []}})


def measure(events, incidents, calendar=None, pauses=True):
    """(fitted, frame): the best limit per priority, and every stopped clock run against
    those limits (its verdict in ``ours``). The verdict of a clock whose priority changed
    follows the re-targeting rules, so a few differ from "final duration <= final limit"."""
    fitted = fit(evaluate(events, definition(MEASURE, calendar, pauses)), incidents)
    clocks = evaluate(events, definition({p: v[0] for p, v in fitted.items()}, calendar, pauses))
    return fitted, stopped_frame(clocks, incidents), clocks


def agreement(frame):
    agree = int((frame["ours"] == frame["made_sla"]).sum())
    return f"{agree} / {len(frame)} = {100 * agree / len(frame):.2f} %"


def variants(events, incidents):
    """Agreement with made_sla of the best limits under three readings of the SLA."""
    rows = []
    for name, cal, pauses in (("24x7, Awaiting states paused", None, True),
                              ("24x7, no pauses (opened -> resolved)", None, False),
                              ("Mon-Fri 08-17, Awaiting states paused", business_calendar(), True)):
        fitted, frame, _ = measure(events, incidents, cal, pauses)
        limits = ", ".join(f"P{p} {hm(v[0])}" for p, v in sorted(fitted.items()))
        rows.append([name, limits, agreement(frame)])
    return markdown(rows, ["clock", "best whole-minute limits", "agreement with made_sla"], "lll")


def check_agreement(agreement, fitted):
    """examples/data/agreement-uci.json states the fitted limits as its SLA items."""
    items = dict(item_levels(agreement).values())
    assert items == {p: v[0] for p, v in fitted.items()}, items
    print(f"\nagreement-uci.json: {agreement.sla_count} SLA items with these limits, lint clean")


def main():
    data_dir, out_dir = arguments(__doc__.splitlines()[0])
    events, incidents = prepare(read_log(data_dir))
    print(f"UCI ServiceNow log: {len(events) - len(incidents)} events, {len(incidents)} incidents; "
          f"made_sla true {int(incidents['made_sla'].sum())}, false {int((~incidents['made_sla']).sum())}")

    # The limits that best reproduce ServiceNow's verdicts, then every clock against them.
    fitted, frame, clocks = measure(events, incidents)
    check = pandas_resolution(events)  # the cross-check the benchmark times
    assert (check["elapsed"] == clocks["elapsed_business"]).all()
    assert (check["stopped"] == clocks["state"].isin(["met", "breached"])).all()
    print("\n## Best whole-minute resolution limit per priority (24x7, Awaiting states paused)\n")
    print(markdown([[PRIORITIES[p], hm(m), f"{a} / {n} = {100 * a / n:.1f} %"] for p, (m, a, n) in fitted.items()],
                   ["priority", "limit", "reproduces made_sla"]))
    print(f"\nagreement with made_sla: {agreement(frame)} "
          f"({len(incidents) - len(frame)} incidents never resolved are left out)\n")
    print(confusion(frame))
    sla = load_agreement("agreement-uci.json")
    check_agreement(sla, fitted)
    reports = monthly_reports(events, sla)
    cross_check(reports, events, sla)
    print("\n## Monthly SLA report (agreement-uci.json): resolved within the limit, per priority\n")
    print(summary(reports))
    print(f"\nEvery month's shares equal the direct clock counts. The report of {reports[2].period[0]}:\n")
    print(reports[2].to_markdown())
    print("\n## Where the clock and made_sla disagree\n")
    print(disagreements(frame))
    print("\n## Other readings of the SLA\n")
    print(variants(events, incidents))
    frame.drop(columns=["opened_at"]).to_csv(os.path.join(out_dir, "uci-clocks.csv.gz"))


if __name__ == "__main__":
    main()
