"""The analyst's guide (docs/analyst-guide.md) on real service-desk data and a simulated
server: KPIs per category, reassignments and reopenings, a one-minute heat map, a disk
trend, a maturity self-assessment.

Run: PYTHONPATH=build/bindings/python /usr/bin/python3 examples/python/analyst.py

Data (data/README.md): the BPI Challenge 2013 Volvo IT incident log (4TU.ResearchData,
doi:10.4121/uuid:500573e6-accc-4b0c-9576-aa5468b10cee) and the UCI incident management
event log (UCI id 498, CC BY 4.0).
"""
import os

import numpy as np
import pandas as pd

import itsm

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data")

# ---- escalation rate per impact (BPIC 2013): escalated = handled at level 2 or 3 ---------
volvo = pd.read_csv(os.path.join(DATA, "bpic2013-volvo-incidents", "VINST-new.csv.gz"), encoding="utf-8-sig")
per_incident = volvo.groupby("SR Number").agg(impact=("SR Latest Impact", "last"),
                                             escalated=("ST Level", lambda s: s.isin(["L2", "L3"]).any()))
escalated = per_incident.loc[per_incident.escalated, "impact"].value_counts()
incidents = per_incident["impact"].value_counts()
by_impact, total = itsm.share_by_category(escalated, incidents)
print("escalation rate by impact (BPIC 2013, Volvo IT):")
for impact, row in by_impact.iterrows():
    print(f"  {impact:<7} {row.numerator:5.0f} / {row.denominator:5.0f} = {row.ratio:6.1%}")
print(f"  all     {total}")
# Independent check: the total is escalated incidents over incidents, not a mean of rates.
assert total.numerator == per_incident.escalated.sum() and total.denominator == len(per_incident)
assert abs(total.ratio - by_impact.ratio.mean()) > 0.01

# ---- reassignments and reopenings from the status log (UCI, ServiceNow) -------------------
log = pd.read_csv(os.path.join(DATA, "uci-incident-event-log", "incident_event_log.csv.gz"), dtype=str,
                  keep_default_na=False)
records = itsm.incidents_from_dataframe(
    log, {"id": "number", "at": "sys_updated_at", "status": "incident_state", "group": "assignment_group",
          "priority": "priority"}, format="%d/%m/%Y %H:%M")
summary = itsm.incident_summary(records)
ours = pd.Series(itsm.reassignments(records), index=[r.id for r in records])
servicenow = log.groupby("number")["reassignment_count"].last().astype(int).reindex(ours.index)
print(f"\nUCI event log: {summary.incidents} incidents")
print(f"  reassigned at least once   {summary.reassigned}")
print(f"  reassignments per incident {summary.reassignments_per_incident.ratio:.2f} "
      f"({summary.reassignments:.0f} / {summary.incidents})")
print(f"  reopen rate                {summary.reopen}")
print(f"  hand-offs seen in the log equal ServiceNow's reassignment_count for {(ours == servicenow).mean():.1%}")
# The log shows a subset of the updates: never more hand-offs than ServiceNow counted.
assert (ours <= servicenow).all()

# ---- Case 9-8: a day's average and peak hide what the one-minute heat map shows ----------
rng = np.random.default_rng(98)
index = pd.date_range("2024-06-03", periods=14 * 1440, freq="1min", tz="Asia/Tokyo")
cpu = pd.Series(6 + 3 * rng.random(len(index)), index=index, name="cpu %")
nightly = (index.hour == 2) & (index.minute < 5)  # a five-minute batch at 02:00
cpu[nightly] = 85 + 10 * rng.random(nightly.sum())
daily = itsm.resample(cpu, "1d", stats=("mean", "max"), percentiles=(99,))
heat = itsm.heatmap(cpu, "1min")
busy = (heat > 50).sum(axis=1)
print(f"\nCPU, 14 days at one minute: daily mean {daily['mean'].mean():.1f} %, daily peak {daily['max'].max():.0f} %,")
print(f"  99th percentile {daily['p99'].max():.1f} %; minutes above 50 %: {', '.join(str(t)[:5] for t in busy[busy > 0].index)}")
assert list(busy[busy > 0].index.map(lambda t: t.strftime("%H:%M"))) == ["02:00", "02:01", "02:02", "02:03", "02:04"]

# ---- Step 3: when will the disk be full? -----------------------------------------------------
days = pd.date_range("2024-01-01", periods=90, freq="1D", tz="Asia/Tokyo")
disk = pd.Series(412 + 1.8 * np.arange(90) + rng.normal(0, 2, 90), index=days, name="GB used")
fit = itsm.trend(disk)
full = fit.crossing(1000)
print(f"\ndisk: +{fit.slope_per_day:.2f} GB/day (r2 {fit.r2:.3f}, residual se {fit.residual_se:.1f} GB); "
      f"1000 GB reached {full.datetime:%Y-%m-%d}")
assert full.reach == itsm.Reach.REACHED_AT and abs(fit.slope_per_day - 1.8) < 0.05

# ---- JIS Q 20000 self-assessment (Table 16) -------------------------------------------------
assessment = itsm.Assessment(levels={"8.2.1": (2, 3), "8.2.2": (3, 3), "8.2.3": (2, 3), "8.2.4": (3, 3),
                                     "9.2.1": (1, 3), "9.2.3": (2, 3)})
incident_mgmt = assessment.process("8.2")
print(f"\nincident management: level L{incident_mgmt.level}, mean {incident_mgmt.mean_level:.2f}, "
      f"{incident_mgmt.below_target} of {incident_mgmt.with_target} items below target")
for item in ("8.2.1", "9.2.1"):
    r = assessment.item(item)
    print(f"  {item} at L{r.level}: next step L{r.next_level} {r.next_step.ja} ({r.next_step.en})")
assert incident_mgmt.level == 2 and incident_mgmt.below_target == 2
