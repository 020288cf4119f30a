#!/usr/bin/env python3
"""Draw the pictures of docs/analyst-guide.md into docs/img/ with itsm.plot.

usage: PYTHONPATH=build/bindings/python /usr/bin/python3 scripts/analyst_images.py [OUTDIR]

Data: a simulated server (two weeks of one-minute CPU samples with a five-minute nightly
batch, Case 9-8), a simulated disk, GitHub's 2024 status-page outages (data/
github-status-outages, MIT, mrshu/github-statuses) for SLA compliance per month, and a
sample JIS Q 20000 self-assessment. Small figures at 72 dpi keep the PNGs small.
"""
import os
import sys

import numpy as np
import pandas as pd

import itsm
import itsm.plot

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "docs", "img")
DPI = 72


def cpu_heat_map():
    rng = np.random.default_rng(98)
    index = pd.date_range("2024-06-03", periods=14 * 1440, freq="1min", tz="Asia/Tokyo")
    cpu = pd.Series(6 + 3 * rng.random(len(index)), index=index)
    nightly = (index.hour == 2) & (index.minute < 5)
    cpu[nightly] = 85 + 10 * rng.random(nightly.sum())
    daytime = (index.hour >= 9) & (index.hour < 18) & (index.dayofweek < 5)
    cpu[daytime] += 10 * rng.random(daytime.sum())
    heat = itsm.heatmap(cpu, "10min", agg="max")
    itsm.plot.heatmap(heat, os.path.join(OUT, "heatmap.png"), label="CPU % (peak of 10 min)",
                      title="db1, Asia/Tokyo: time of day x date", dpi=DPI)


def sla_compliance():
    """Monthly availability of GitHub in 2024 from major and critical outages (windows
    merged where they overlap), against a 99.9 % target."""
    path = os.path.join(ROOT, "data", "github-status-outages", "downtime_windows.csv.gz")
    w = pd.read_csv(path, parse_dates=["downtime_start", "downtime_end"])
    w = w[w.impact.isin(["major", "critical"])]
    months = pd.period_range("2024-01", "2024-12", freq="M")
    table = {}
    for m in months:
        start = m.start_time.tz_localize("UTC")
        end = (m.end_time + pd.Timedelta(1, "ns")).tz_localize("UTC")
        spans = sorted((max(a, start), min(b, end)) for a, b in zip(w.downtime_start, w.downtime_end)
                       if a < end and b > start)
        down, reach = pd.Timedelta(0), start
        for a, b in spans:  # the union of the windows
            a = max(a, reach)
            if b > a:
                down += b - a
                reach = b
        minutes = (end - start).total_seconds() / 60
        table[str(m)] = itsm.share(minutes - down.total_seconds() / 60, minutes)
    itsm.plot.sla_compliance(table, os.path.join(OUT, "sla-compliance.png"), target=0.999,
                             title="GitHub 2024: availability per month (major and critical outages)", dpi=DPI)


def disk_trend():
    rng = np.random.default_rng(3)
    days = pd.date_range("2024-01-01", periods=90, freq="1D", tz="Asia/Tokyo")
    disk = pd.Series(412 + 1.8 * np.arange(90) + rng.normal(0, 4, 90), index=days, name="GB used")
    itsm.plot.kpi_trend(disk, os.path.join(OUT, "kpi-trend.png"), threshold=1000, ylabel="GB",
                        title="data volume and disk capacity", dpi=DPI)


def maturity_radar():
    levels = {"6.1.1": 3, "6.1.2": 2, "6.1.3": 2, "6.2.1": 3, "6.2.2": 3, "6.3.1": 2, "6.3.2": 1, "6.4.1": 2,
              "6.5.1": 2, "6.5.2": 3, "6.6.1": 3, "6.6.2": 2, "7.2.1": 3, "7.3.1": 3, "8.2.1": 2, "8.2.2": 3,
              "8.2.3": 2, "8.2.4": 3, "8.3.1": 2, "8.3.4": 1, "9.1.1": 2, "9.1.3": 2, "9.2.1": 3, "9.2.3": 2,
              "10.1.1": 2, "10.1.2": 3}
    itsm.plot.maturity_radar(itsm.Assessment(levels=levels), os.path.join(OUT, "maturity-radar.png"), target=3,
                             title="JIS Q 20000 self-assessment", dpi=DPI)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for draw in (cpu_heat_map, sla_compliance, disk_trend, maturity_radar):
        draw()
    for name in sorted(os.listdir(OUT)):
        print(f"{os.path.join(OUT, name)}: {os.path.getsize(os.path.join(OUT, name))} bytes")
