"""Business seconds against Perl's Business::Hours (libbusiness-hours-perl, TIME.md section 6).

Both sides use the calendar Mon-Fri 09:00-18:00 with a few holidays, in one zone without
DST changes in the compared years (UTC, Asia/Tokyo): Business::Hours reads local time
through the process's TZ variable, which the test sets for the Perl process only.

Business::Hours counts both end seconds of a span (its sets are inclusive: an End of 18:00
means the last business second is 17:59:59). The library's B(a, b) counts [a, b), so the
span given to Business::Hours is [a, b - 1], which holds exactly the seconds of [a, b).
Its holidays are [local midnight, local midnight + 86400], which is the whole date in a
zone without DST.

The library side comes from tests/tools/business_seconds_dump (path in $ITSM_BH_DUMP).
"""

import datetime
import os
import random
import shutil
import subprocess

import pytest

ZONES = ["UTC", "Asia/Tokyo"]
HOLIDAYS = [
    "2024-01-01", "2024-02-12", "2024-05-03", "2024-06-15", "2024-08-12", "2024-12-31",
    "2025-01-01", "2025-05-05", "2025-11-24",
]
SPANS = 5000
FIRST = int(datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc).timestamp())
LAST = int(datetime.datetime(2025, 12, 1, tzinfo=datetime.timezone.utc).timestamp())

PERL = r"""
use strict;
use warnings;
use Business::Hours;

my %week = (0 => { Name => 'Sunday', Start => undef, End => undef },
            6 => { Name => 'Saturday', Start => undef, End => undef });
$week{$_} = { Name => "day$_", Start => '9:00', End => '18:00' } for 1 .. 5;
my $hours = Business::Hours->new;
$hours->business_hours(%week, holidays => [@ARGV]);
while (my $line = <STDIN>) {
    my ($a, $b) = split ' ', $line;
    # [a, b - 1] inclusive holds the seconds of [a, b).
    print $hours->for_timespan(Start => $a, End => $b - 1)->cardinality, "\n";
}
"""


def _perl_available() -> str:
    perl = shutil.which("perl")
    if perl is None:
        return "perl is not installed"
    probe = subprocess.run([perl, "-MBusiness::Hours", "-e", "1"], capture_output=True, text=True)
    if probe.returncode != 0:
        return "Business::Hours is not installed (Debian: libbusiness-hours-perl)"
    return ""


def _spans(seed: int):
    """Random spans a < b (Business::Hours cannot take an empty span): arbitrary seconds, quarter-hour aligned ones, and spans that
    start or end exactly at an opening or closing around the holidays."""
    rng = random.Random(seed)
    spans = []
    for i in range(SPANS):
        kind = i % 3
        if kind == 0:
            a = rng.randrange(FIRST, LAST)
            b = a + rng.randrange(1, 10 * 86400)
        elif kind == 1:
            a = rng.randrange(FIRST, LAST) // 900 * 900
            b = a + 900 * rng.randrange(1, 20 * 96)
        else:
            day = datetime.date.fromisoformat(rng.choice(HOLIDAYS)) + datetime.timedelta(days=rng.randrange(-3, 4))
            midnight = int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc).timestamp())
            a = midnight + rng.choice([0, 9, 18, 24]) * 3600 + rng.choice([0, -1, 1])
            b = a + rng.choice([2, 3600, 9 * 3600, 86400, 3 * 86400]) + rng.choice([0, -1, 1])
        spans.append((a, b))
    return spans


@pytest.mark.parametrize("zone", ZONES)
def test_business_seconds_match_business_hours(zone):
    why = _perl_available()
    if why:
        pytest.skip(why)
    dump = os.environ.get("ITSM_BH_DUMP")
    if not dump:
        pytest.skip("ITSM_BH_DUMP (path of business_seconds_dump) is not set")
    spans = _spans(20240501 + ZONES.index(zone))
    text = "".join(f"{a} {b}\n" for a, b in spans)
    ours = subprocess.run([dump, zone] + HOLIDAYS, input=text, capture_output=True, text=True)
    assert ours.returncode == 0, ours.stderr
    env = dict(os.environ, TZ=zone)
    theirs = subprocess.run(["perl", "-e", PERL] + HOLIDAYS, input=text, capture_output=True, text=True, env=env)
    assert theirs.returncode == 0, theirs.stderr
    ours_values = [int(x) for x in ours.stdout.split()]
    their_values = [int(x) for x in theirs.stdout.split()]
    assert len(ours_values) == len(spans) == len(their_values)
    mismatches = [(a, b, o, t) for (a, b), o, t in zip(spans, ours_values, their_values) if o != t]
    print(f"{zone}: {len(spans)} spans compared with Business::Hours, {len(mismatches)} mismatches")
    assert not mismatches, "first mismatches (a, b, ours, Business::Hours): " + repr(mismatches[:10])
