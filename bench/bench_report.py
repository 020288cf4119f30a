#!/usr/bin/env python3
"""SLA report from Python: a pandas DataFrame of status changes in, a report out.

usage: PYTHONPATH=build/bindings/python /usr/bin/python3 bench/bench_report.py [N]

N synthetic incidents (default 1,000,000) from bench_clock.py's generator (one row per
status change, string statuses, tz-aware timestamps), the two items of bench_report.c
(response within 4 business hours, resolution by the next business day paused on hold,
90 % each) on the seed desk calendar (Asia/Tokyo, jp holidays).

Rows timed (best of 3): Dataset.from_frame (factorize, sort check, map statuses, copy
into C), Agreement.evaluate on the ready Dataset, and the whole DataFrame -> report ->
JSON path in one call.
"""
import sys

import itsm
from bench_clock import CODES, DESK, generate
from benchutil import best_of

AGREEMENT = {
    "itsm_schema": 1, "type": "agreement", "id": "BENCH", "name": "bench",
    "sla_items": [
        {"id": "response", "unit": "hour", "kind": "target", "calendar": "desk",
         "metric": {"kind": "duration", "start": ["new"], "stop": ["active"], "aggregate": "share_within",
                    "required_percent": 90},
         "level": "L3", "levels": {"L1": {"op": "<=", "value": 8}, "L3": {"op": "<=", "value": 4}}},
        {"id": "resolution", "unit": "day", "kind": "guarantee", "calendar": "desk",
         "metric": {"kind": "duration", "start": ["new"], "pause": ["on_hold"], "stop": ["resolved", "closed"],
                    "reopen": "continue", "aggregate": "share_within", "required_percent": 90},
         "level": "L3", "levels": {"L3": {"deadline": "next business day"}}},
    ],
}
MAPPING = dict(record="number", time="sys_updated_on", status="incident_state")
STATUS = {"New": 0, "Active": 1, "On Hold": 2, "Resolved": 3, "Closed": 4}


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    assert STATUS == CODES
    df = generate(n)
    agreement = itsm.Agreement(AGREEMENT)
    calendars = {"desk": itsm.Calendar(DESK)}
    period = itsm.Period(itsm.parse_instant("2024-01-01T00:00:00+09:00"), itsm.parse_instant("2026-02-01T00:00:00+09:00"),
                         "2024-01 .. 2026-01")
    t_data, ds = best_of(lambda: itsm.Dataset.from_frame(df, status_codes=STATUS, **MAPPING))
    t_eval, report = best_of(lambda: agreement.evaluate(ds, period, calendars=calendars, max_breaches=100))
    t_all, text = best_of(lambda: agreement.evaluate(df, period, calendars=calendars, max_breaches=100,
                                                     status_codes=STATUS, **MAPPING).to_json())
    print(f"bench_report.py: {n} incidents, {len(df)} rows, 2 duration items, calendar desk (Asia/Tokyo, jp)")
    print(f"{'Dataset.from_frame':44s} {t_data:8.3f} s")
    print(f"{'Agreement.evaluate (Dataset ready)':44s} {t_eval:8.3f} s")
    print(f"{'DataFrame -> report -> JSON':44s} {t_all:8.3f} s")
    for it in report.items:
        print(f"  {it['id']:10s} {it['numerator']} of {it['denominator']} within, {it['verdict']}, "
              f"achieved L{it['achieved_level']}, {it['breaches_total']} breaches")
    assert text == report.to_json()


if __name__ == "__main__":
    main()
