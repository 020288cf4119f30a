#!/usr/bin/env python3
"""Business-time throughput from Python: itsm against the numpy recipe and Business::Hours.

usage: PYTHONPATH=build/bindings/python /usr/bin/python3 bench/bench_calendar.py [N]

Calendar: Asia/Tokyo, Mon-Fri 09:00-18:00, closed on Japanese national holidays (the
part numpy.busday_count can express). N random spans (default 10 million) over
2024-2025. Every tool's results are checked against itsm's before timings are printed.
"""
import os
import shutil
import subprocess
import sys

import numpy as np

import itsm
from benchutil import best_of

TOKYO = 9 * 3600
OPEN, CLOSE = 9 * 3600, 18 * 3600
START = itsm.parse_instant("2024-01-01T00:00:00+09:00")
END = itsm.parse_instant("2026-01-01T00:00:00+09:00")

CALENDAR = {
    "itsm_schema": 1, "type": "calendar", "name": "weekdays", "zone": "Asia/Tokyo",
    "week": {d: ["09:00-18:00"] for d in ("mon", "tue", "wed", "thu", "fri")} | {"sat": [], "sun": []},
    "holidays": ["jp"],
}


def numpy_business_seconds(a, b, holidays):
    """The vectorized recipe: whole business days by busday_count, partial first and last
    days by clipping the time of day to the opening hours. Fixed +09:00, no DST."""
    la, lb = a + TOKYO, b + TOKYO
    da, db = la // 86400, lb // 86400
    ta = np.clip(la - da * 86400, OPEN, CLOSE)
    tb = np.clip(lb - db * 86400, OPEN, CLOSE)
    dda, ddb = da.astype("datetime64[D]"), db.astype("datetime64[D]")
    whole = np.busday_count(dda + 1, ddb, holidays=holidays)
    bus_a = np.is_busday(dda, holidays=holidays)
    bus_b = np.is_busday(ddb, holidays=holidays)
    same = da == db
    first = np.where(bus_a, CLOSE - ta, 0)
    last = np.where(bus_b, tb - OPEN, 0)
    inside = np.where(bus_a, tb - ta, 0)
    return np.where(same, inside, np.maximum(whole, 0) * (CLOSE - OPEN) + first + last)


PERL = r"""
use strict; use warnings; use Business::Hours; use Time::HiRes qw(time);
my @hol = split /,/, shift @ARGV;
my (@a, @b);
while (<STDIN>) { my ($x, $y) = split; push @a, $x; push @b, $y; }
my $t0 = time;
my @out;
for my $i (0 .. $#a) {
    my $h = Business::Hours->new;
    $h->holidays(@hol);
    $h->for_timespan(Start => $a[$i], End => $b[$i]);
    # between() counts both end seconds: [a, b-1] is [a, b).
    push @out, $a[$i] == $b[$i] ? 0 : $h->between($a[$i], $b[$i] - 1);
}
printf STDERR "%.6f\n", time - $t0;
print join("\n", @out), "\n";
"""


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    rng = np.random.default_rng(20241121)
    a = rng.integers(START, END, size=n, dtype=np.int64)
    b = np.minimum(a + rng.integers(0, 30 * 86400, size=n, dtype=np.int64), END)
    cal = itsm.Calendar(CALENDAR)
    holidays = np.array([d for d, _ in itsm.japan_holidays(2023, 2026)], dtype="datetime64[D]")
    print(f"itsm {itsm.__version__}: {n} random spans over 2024-2025, Asia/Tokyo Mon-Fri 09-18 + jp holidays")
    print(f"  {'tool':<44} {'M spans/s':>10}")

    s_itsm, got = best_of(lambda: cal.business_seconds_many(a, b))
    print(f"  {'itsm Calendar.business_seconds_many':<44} {n / s_itsm / 1e6:10.2f}")
    s_np, want = best_of(lambda: numpy_business_seconds(a, b, holidays))
    assert np.array_equal(got, want), f"numpy recipe disagrees on {(got != want).sum()} spans"
    print(f"  {'numpy busday_count recipe':<44} {n / s_np / 1e6:10.2f}   itsm is {s_np / s_itsm:.1f}x")

    d = rng.integers(0, 40 * 3600, size=n, dtype=np.int64)
    s_add, _ = best_of(lambda: cal.add_business_many(a, d))
    print(f"  {'itsm Calendar.add_business_many':<44} {n / s_add / 1e6:10.2f}")

    # The seed's desk calendar (Saturday hours, year-end closing), as bench_calendar.c
    # measures it in C: Python's batch call should run at nearly the C speed.
    desk_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "data",
                             "desk-calendar.json")
    desk = itsm.Calendar.from_file(desk_path)
    s_desk, _ = best_of(lambda: desk.business_seconds_many(a, b))
    print(f"  {'itsm desk calendar business_seconds_many':<44} {n / s_desk / 1e6:10.2f}   (compare bench_calendar)")
    s_desk_add, _ = best_of(lambda: desk.add_business_many(a, d))
    print(f"  {'itsm desk calendar add_business_many':<44} {n / s_desk_add / 1e6:10.2f}")

    perl = shutil.which("perl")
    if perl is None or subprocess.run([perl, "-MBusiness::Hours", "-e1"]).returncode != 0:
        print("  Business::Hours: not installed (apt install libbusiness-hours-perl); skipped")
        return
    m = min(n, 20_000)
    hol = ",".join(str(h) for h in holidays)
    spans = "".join(f"{x} {y}\n" for x, y in zip(a[:m], b[:m]))
    proc = subprocess.run([perl, "-e", PERL, hol], input=spans, capture_output=True, text=True,
                          env=dict(os.environ, TZ="Asia/Tokyo"), check=True)
    s_perl = float(proc.stderr.strip().splitlines()[-1])
    perl_out = np.array([int(x) for x in proc.stdout.split()], dtype=np.int64)
    assert np.array_equal(perl_out, got[:m]), f"Business::Hours disagrees on {(perl_out != got[:m]).sum()} spans"
    rate_perl = m / s_perl
    print(f"  {'Business::Hours (Perl), ' + str(m) + ' spans':<44} {rate_perl / 1e6:10.4f}   "
          f"itsm is {n / s_itsm / rate_perl:.0f}x")


if __name__ == "__main__":
    main()
