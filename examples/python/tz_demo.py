#!/usr/bin/env python3
"""When did it happen for them? Time zones with libitsm's Python package.

An incident was logged at 2024-03-31T01:30:00Z, the night Europe moved its clocks
forward. This prints the local time the incident happened for the support teams in
Tokyo, Amsterdam and New York, the 2024 DST transitions of those zones, and what a
"02:30 local" maintenance window in Amsterdam means on the two DST nights.

Run from a build tree:
    PYTHONPATH=build/bindings/python python3 examples/python/tz_demo.py
"""

import numpy as np

import itsm

ZONES = ["Asia/Tokyo", "Europe/Amsterdam", "America/New_York"]


def transitions(zone, start, end):
    """The instants in [start, end) at which the zone's offset or DST flag changes."""
    t = zone.next_transition(start - 1)
    while t is not None and t < end:
        yield t
        t = zone.next_transition(t)


def main():
    incident = itsm.parse_instant("2024-03-31T01:30:00Z")
    zones = [itsm.TimeZone(name) for name in ZONES]

    print(f"libitsm {itsm.__version__}")
    print(f"Incident logged at {itsm.format_instant(incident)}")
    for zone in zones:
        local = zone.to_local(incident)
        print(f"  {zone.name:<18} {itsm.format_instant(incident, zone)}  "
              f"({local:%A %H:%M} {local.tzname()})")

    print("\nDST transitions in 2024")
    year_start = itsm.parse_instant("2024-01-01T00:00:00Z")
    year_end = itsm.parse_instant("2025-01-01T00:00:00Z")
    for zone in zones:
        changes = list(transitions(zone, year_start, year_end))
        if not changes:
            print(f"  {zone.name:<18} none")
        for t in changes:
            before, after = zone.info(t - 1), zone.info(t)
            print(f"  {zone.name:<18} {itsm.format_instant(t, zone)}  "
                  f"{before.abbreviation} -> {after.abbreviation}")

    print("\nA 02:30 maintenance window in Amsterdam on the DST nights")
    amsterdam = zones[1]
    for day, what in ((31, "does not exist"), (27, "happens twice")):
        month = 3 if day == 31 else 10
        print(f"  2024-{month:02}-{day} 02:30 {what}:")
        for policy in ("shift:earlier", "next:later", "strict"):
            try:
                t = amsterdam.from_local(2024, month, day, 2, 30, policy=policy)
                result = itsm.format_instant(t, amsterdam)
            except (itsm.NonexistentTimeError, itsm.AmbiguousTimeError) as exc:
                result = f"raises itsm.{type(exc).__name__}"
            print(f"    policy {policy:<14} -> {result}")

    print("\nUTC offsets at noon UTC on each day of 2024 (one batch call per zone)")
    days = np.arange(year_start + 43200, year_end, 86400, dtype=np.int64)
    for zone in zones:
        offsets = zone.utc_offsets(days)
        summary = ", ".join(f"{int(o) / 3600:+g} h on {int(n)} days"
                            for o, n in zip(*np.unique(offsets, return_counts=True)))
        print(f"  {zone.name:<18} {summary}")

if __name__ == "__main__":
    main()
