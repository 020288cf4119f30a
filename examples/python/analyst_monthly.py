"""Monthly KPI reports on the shipped real data (docs/analyst-guide.md, "Monthly KPIs on
real data"): escalation, reassignments, reopenings and self-service per month and per
category from the UCI ServiceNow log, escalation by support level per month from BPIC 2013,
and GitHub's monthly availability with its linear trend.

Definitions (each incident is counted once, by its last row in the log):

- UCI month: the month of ``opened_at``; category: the ``category`` column, the five
  largest categories by volume and "other".
- Escalation: the incident was reassigned at least once (``reassignment_count`` > 0, i.e.
  handed from its first assignment group to another) / all incidents.
- Reassignments per incident: the sum of ``reassignment_count`` / incidents.
- Reopen rate: incidents with ``reopen_count`` > 0 / incidents resolved at least once
  (every incident of the log reached Resolved or Closed).
- Self-service rate: incidents with ``contact_type`` "Self service" / all incidents
  (itsm.self_service_rate(self-service, other contacts)).
- BPIC 2013 month: the UTC month of an SR's first event. An SR reached L2 (L3) when any of
  its events has ``ST Level`` L2 (L3) or "L2/L3"; escalated = reached L2 or L3.
- GitHub: monthly availability, 24x7, scheduled maintenance excluded, windows of impact
  "none" excluded, minimum outage 5 minutes (as examples/python/github_outages.py).

Every total is volume-weighted (sum of numerators / sum of denominators), never a mean of
the monthly or per-category percentages; the script asserts it.

Run: PYTHONPATH=build/bindings/python /usr/bin/python3 examples/python/analyst_monthly.py [DATA_DIR [OUT_DIR]]

It writes the report to OUT_DIR/analyst-monthly.md and, with matplotlib importable, uci-kpi-per-month.png, bpic-escalation-per-month.png,
github-availability-per-month.png and github-availability-trend.png into OUT_DIR.
"""
import builtins
import io
import os

import pandas as pd

import itsm
from realdata import arguments, markdown

UCI = os.path.join("uci-incident-event-log", "incident_event_log.csv.gz")
BPIC = os.path.join("bpic2013-volvo-incidents", "VINST-new.csv.gz")
GITHUB = os.path.join("github-status-outages", "downtime_windows.csv.gz")
TOP_CATEGORIES = 5
MINIMUM_OUTAGE = 300
REPORT = io.StringIO()  # the Markdown report, also written to OUT_DIR/analyst-monthly.md


def print(*args, **kwargs):  # noqa: A001 - every report line goes to stdout and the report file
    builtins.print(*args, **kwargs)
    builtins.print(*args, **kwargs, file=REPORT)


def pc(rate):
    """A KpiRate as 'p.p % (num/den)'; '-' without data."""
    return "-" if not rate.has_data else f"{rate.percent:.1f} % ({rate.numerator:g}/{rate.denominator:g})"


def check_total(label, by_group, total):
    """The total is sum of numerators / sum of denominators of the groups (volume-weighted)."""
    num = sum(r.numerator for r in by_group.values())
    den = sum(r.denominator for r in by_group.values())
    assert (total.numerator, total.denominator) == (num, den), (label, total, num, den)
    assert abs(total.ratio - num / den) < 1e-12, (label, total)


# ---- 1. UCI: escalation, reassignments, reopenings, self-service -----------------------------

def uci_incidents(data_dir):
    log = pd.read_csv(os.path.join(data_dir, UCI), dtype=str, keep_default_na=False)
    resolved = log.groupby("number", sort=False)["incident_state"].agg(lambda s: s.isin(["Resolved", "Closed"]).any())
    inc = log.groupby("number", sort=False).last()
    inc = pd.DataFrame({
        "month": pd.to_datetime(inc["opened_at"], format="%d/%m/%Y %H:%M").dt.strftime("%Y-%m"),
        "category": inc["category"],
        "reassignments": inc["reassignment_count"].astype(int),
        "reopened": inc["reopen_count"].astype(int) > 0,
        "self_service": inc["contact_type"] == "Self service",
        "resolved": resolved,
    })
    inc["escalated"] = inc["reassignments"] > 0
    top = inc["category"].value_counts().index[:TOP_CATEGORIES]
    inc["group"] = inc["category"].where(inc["category"].isin(top), "other")
    return inc, list(top) + ["other"]


def uci_rates(frame):
    """The four KPIs of a set of incidents, by the library's KPI functions."""
    n = len(frame)
    ss = int(frame["self_service"].sum())
    per_incident = itsm.mean_mixed(frame["reassignments"].to_numpy(dtype=float))
    return {
        "escalation": itsm.escalation_rate(int(frame["escalated"].sum()), n),
        "reassignments": per_incident,
        "reopen": itsm.reopen_rate(int(frame["reopened"].sum()), int(frame["resolved"].sum())),
        "self_service": itsm.self_service_rate(ss, n - ss),
    }


def uci_table(inc, key, order, header):
    rates = {label: uci_rates(inc[inc[key] == label]) for label in order}
    total = uci_rates(inc)
    for kpi in total:
        check_total(f"{key} {kpi}", {k: v[kpi] for k, v in rates.items()}, total[kpi])
    rows = [[label, int(r["escalation"].denominator), pc(r["escalation"]), f"{r['reassignments'].ratio:.2f}",
             pc(r["reopen"]), pc(r["self_service"])] for label, r in rates.items()]
    t = total
    rows.append(["all", int(t["escalation"].denominator), pc(t["escalation"]), f"{t['reassignments'].ratio:.2f}",
                 pc(t["reopen"]), pc(t["self_service"])])
    table = markdown(rows, [header, "incidents", "escalation", "reassignments / incident", "reopen", "self-service"])
    return table, rates, total


def uci_report(data_dir):
    inc, groups = uci_incidents(data_dir)
    months = sorted(inc["month"].unique())
    print(f"## UCI ServiceNow log: {len(inc)} incidents, opened {months[0]} .. {months[-1]}\n")
    print("Escalation = reassignment_count > 0, reopen = reopen_count > 0 over incidents resolved, "
          "self-service = contact_type 'Self service' / all incidents.\n")
    month_table, by_month, total = uci_table(inc, "month", months, "month opened")
    print(month_table)
    category_table, by_category, total_c = uci_table(inc, "group", groups, "category")
    print(f"\nBy category (top {TOP_CATEGORIES} by volume, the rest as 'other'):\n")
    print(category_table)
    assert total == total_c
    # Independent check of the category breakdown by share_by_category (parts / wholes).
    shares, share_total = itsm.share_by_category(inc.loc[inc["escalated"], "group"].value_counts(),
                                                 inc["group"].value_counts())
    assert (share_total.numerator, share_total.denominator) == (total["escalation"].numerator, len(inc))
    for g in groups:
        assert shares.loc[g, "numerator"] == by_category[g]["escalation"].numerator
    # A mean of the monthly percentages is not the rate: the sparse late months (portal
    # contacts from 2016-09) weigh as much as March 2016's 8995 incidents.
    mean_of_months = sum(r["self_service"].ratio for r in by_month.values()) / len(by_month)
    assert abs(mean_of_months - total["self_service"].ratio) > 0.1, mean_of_months
    print(f"\nUCI totals (volume-weighted): escalation {total['escalation']}, "
          f"reassignments per incident {total['reassignments'].ratio:.2f} ({total['reassignments'].numerator:g} / "
          f"{total['reassignments'].denominator:g}), reopen {total['reopen']}, self-service {total['self_service']}. "
          f"A mean of the monthly self-service percentages would say {100 * mean_of_months:.1f} %.")
    return by_month


# ---- 2. BPIC 2013: escalation by support level ---------------------------------------------------

def bpic_report(data_dir):
    ev = pd.read_csv(os.path.join(data_dir, BPIC), encoding="utf-8-sig")
    ev["at"] = pd.to_datetime(ev["Change Date+Time"], utc=True)
    level = ev["ST Level"]
    ev["l2"], ev["l3"] = level.isin(["L2", "L2/L3"]), level.isin(["L3", "L2/L3"])
    sr = ev.groupby("SR Number").agg(first=("at", "min"), l2=("l2", "any"), l3=("l3", "any"))
    sr["escalated"] = sr["l2"] | sr["l3"]
    sr["month"] = sr["first"].dt.tz_localize(None).dt.strftime("%Y-%m")
    whole = sr["month"].value_counts().sort_index()
    columns, totals = {}, {}
    for kpi in ("l2", "l3", "escalated"):
        by_month, total = itsm.share_by_category(sr.loc[sr[kpi], "month"].value_counts(), whole)
        assert (total.numerator, total.denominator) == (sr[kpi].sum(), len(sr))
        columns[kpi], totals[kpi] = by_month, total
    print(f"\n## BPIC 2013 (Volvo IT): {len(sr)} SRs, escalation by support level per month of the first event\n")
    rows = []
    for m in whole.index:
        r = [columns[k].loc[m] for k in ("l2", "l3", "escalated")]
        rows.append([m, int(whole[m]), *(f"{100 * x.ratio:.1f} % ({x.numerator:g}/{x.denominator:g})" for x in r)])
    rows.append(["all", len(sr), *(pc(totals[k]) for k in ("l2", "l3", "escalated"))])
    print(markdown(rows, ["month", "SRs", "reached L2", "reached L3", "escalated (L2 or L3)"]))
    esc = columns["escalated"]
    mean_of_months = esc["ratio"].mean()
    assert abs(mean_of_months - totals["escalated"].ratio) > 0.01, mean_of_months
    print(f"\nBPIC totals (volume-weighted): reached L2 {totals['l2']}, reached L3 {totals['l3']}, "
          f"escalated {totals['escalated']}. A mean of the monthly percentages would say {100 * mean_of_months:.1f} %.")
    return esc


# ---- 3. GitHub: monthly availability and its trend -------------------------------------------------

def github_report(data_dir):
    df = pd.read_csv(os.path.join(data_dir, GITHUB), parse_dates=["downtime_start", "downtime_end"])
    df["planned"] = df["notified"] = df["impact"] == "maintenance"
    df["exclusion"] = df["impact"].map(lambda i: "other" if i == "none" else "none")
    months = pd.date_range("2022-03-01", "2026-08-01", freq="MS", tz="UTC")
    rates = {}
    for start in months:
        a = itsm.availability_from_dataframe(df, start.to_pydatetime(), (start + pd.offsets.MonthBegin()).to_pydatetime(),
                                             minimum_outage=MINIMUM_OUTAGE,
                                             columns={"start": "downtime_start", "end": "downtime_end"})
        rates[start] = a.availability
    num = sum(r.numerator for r in rates.values())
    den = sum(r.denominator for r in rates.values())
    total = itsm.share(num, den)
    series = pd.Series({m: 100 * r.ratio for m, r in rates.items()}, name="availability %")
    fit = itsm.trend(series)
    per_year = fit.slope_per_day * 365.25
    print(f"\n## GitHub status history: availability per month (24x7, maintenance excluded, "
          f"minimum outage {MINIMUM_OUTAGE // 60} min)\n")
    rows = [[m.strftime("%Y-%m"), f"{100 * r.ratio:.3f} %", f"{(r.denominator - r.numerator) / 3600:.1f} h"]
            for m, r in rates.items()]
    print(markdown(rows, ["month", "availability", "downtime"]))
    assert abs(total.ratio - series.mean() / 100) > 1e-4  # a mean of months is not the total
    print(f"\nGitHub: availability {100 * total.ratio:.4f} % ({num:.0f}/{den:.0f} s) by volume over {len(rates)} months, "
          f"trend {per_year:+.2f} points/year (r2 {fit.r2:.3f}, n {fit.n})")
    return series, rates, per_year, fit


# ---- 4. plots ----------------------------------------------------------------------------------------

def plots(out_dir, uci_by_month, bpic_esc, gh_series, gh_rates):
    try:
        import matplotlib
    except ImportError:
        builtins.print("\nmatplotlib is not installed: no plots written.")
        return

    matplotlib.use("Agg")
    from itsm import plot

    def month_index(labels):
        return pd.DatetimeIndex([pd.Timestamp(m + "-01", tz="UTC") for m in labels])

    uci = pd.DataFrame({
        "escalation %": [r["escalation"].percent for r in uci_by_month.values()],
        "reopen %": [r["reopen"].percent for r in uci_by_month.values()],
        "self-service %": [r["self_service"].percent for r in uci_by_month.values()],
    }, index=month_index(list(uci_by_month)))
    files = {
        "uci-kpi-per-month.png": lambda p: plot.kpi_trend(uci, p, title="UCI ServiceNow: KPIs per month opened",
                                                          ylabel="%"),
        "bpic-escalation-per-month.png": lambda p: plot.kpi_trend(
            pd.Series(100 * bpic_esc["ratio"].to_numpy(), index=month_index(bpic_esc.index), name="escalated %"), p,
            title="BPIC 2013: SRs escalated to L2 or L3 per month", ylabel="%"),
        "github-availability-per-month.png": lambda p: plot.sla_compliance(
            {m.strftime("%Y-%m"): r for m, r in gh_rates.items()}, p, target=0.95,
            title="GitHub availability per month (24x7, maintenance excluded)"),
        "github-availability-trend.png": lambda p: plot.kpi_trend(gh_series, p, title="GitHub availability trend",
                                                                  ylabel="%"),
    }
    builtins.print()
    for name, draw in files.items():
        path = os.path.join(out_dir, name)
        if os.path.exists(path):
            os.remove(path)
        draw(path)
        assert os.path.getsize(path) > 0, path
        builtins.print(f"plot written: {name}")


def main():
    data_dir, out_dir = arguments(__doc__.splitlines()[0])
    uci_by_month = uci_report(data_dir)
    bpic_esc = bpic_report(data_dir)
    gh_series, gh_rates, _, _ = github_report(data_dir)
    with open(os.path.join(out_dir, "analyst-monthly.md"), "w", encoding="utf-8") as f:
        f.write(REPORT.getvalue())
    plots(out_dir, uci_by_month, bpic_esc, gh_series, gh_rates)
    builtins.print("report written: analyst-monthly.md. Monthly KPI reports done.")


if __name__ == "__main__":
    main()
