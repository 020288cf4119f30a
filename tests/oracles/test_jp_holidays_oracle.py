"""The built-in "jp" holidays against independent implementations.

Oracles (TIME.md section 6): python3-holidays (``holidays.JP``, Japanese names: dates and
names are compared) and python3-workalendar (``workalendar.asia.Japan``, English names:
dates only). Each is compared over every year it supports, found by asking it year by
year (python-holidays 0.10.1 raises NotImplementedError outside 1949..2099; workalendar
17 without skyfield reads precomputed equinoxes, 1991..2051).

Every difference is a failure unless an entry of KNOWN_DIVERGENCES, each justified from
the statute as summarised in TIME.md section 7, explains it. An entry that explains
nothing is a failure too when the oracle is the version the table was reviewed against
(an oracle that fixed its bug needs the entry removed); with another version it is only
reported.

The library side comes from tests/tools/jp_holidays_dump (path in $ITSM_JP_DUMP).
"""

import datetime
import os
import subprocess
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Tuple

import pytest

OUR_FIRST_YEAR, OUR_LAST_YEAR = 1900, 2150
SUBSTITUTE = "振替休日"
CITIZENS = "国民の休日"

Holidays = Dict[datetime.date, str]


def _date(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _nth_monday(year: int, month: int, n: int) -> datetime.date:
    first = datetime.date(year, month, 1)
    return first + datetime.timedelta(days=(7 - first.weekday()) % 7 + 7 * (n - 1))


# ---- known divergences ---------------------------------------------------------------------


@dataclass(frozen=True)
class Divergence:
    """Differences of one oracle that one statutory fact explains.

    `applies(date, ours, theirs)` selects them: ours/theirs are the names on that date
    (None = not a holiday there)."""

    oracle: str
    applies: Callable[[datetime.date, Optional[str], Optional[str]], bool]
    why: str


def _missing(dates, ours: Optional[str] = None):
    """We have a holiday (named `ours` when given) on one of `dates`; the oracle has none."""
    dates = frozenset(dates)
    return lambda d, o, t: t is None and d in dates and (ours is None or o == ours)


def _extra(dates):
    """The oracle has a holiday on one of `dates`; we have none."""
    dates = frozenset(dates)
    return lambda d, o, t: o is None and d in dates


def _renamed(dates, ours: str, theirs: str):
    dates = frozenset(dates)
    return lambda d, o, t: d in dates and o == ours and t == theirs


def _years(first: int, last: int):
    return range(first, last + 1)


ONE_OFF_DAYS = {
    datetime.date(1959, 4, 10): "皇太子明仁親王の結婚の儀",
    datetime.date(1989, 2, 24): "昭和天皇の大喪の礼",
    datetime.date(1990, 11, 12): "即位礼正殿の儀",
    datetime.date(1993, 6, 9): "皇太子徳仁親王の結婚の儀",
}

KNOWN_DIVERGENCES: List[Divergence] = [
    # ---- python3-holidays 0.10.1 ----
    Divergence(
        "holidays",
        _extra(datetime.date(y, 2, 11) for y in _years(1949, 1966)),
        "建国記念の日 exists only from 1967: the 1966-06-25 amendment left its date to a cabinet "
        "order, and 昭和41年政令第376号 (1966-12-09) set Feb 11 (TIME.md 7.1). The oracle has it from 1949.",
    ),
    Divergence(
        "holidays",
        lambda d, o, t: t is None and ONE_OFF_DAYS.get(d) == o,
        "One-off holidays made by their own laws (1959, 1989, 1990, 1993; TIME.md 7.2 "
        "'One-off holidays'); the oracle has only the 2019 ones.",
    ),
    Divergence(
        "holidays",
        _missing([datetime.date(1974, 5, 6)], SUBSTITUTE),
        "1974-05-05 (こどもの日) was a Sunday and 5/6 not a national holiday, so 5/6 is a 振替休日 "
        "under art. 3(2) as in force since 1973-04-12 (TIME.md 7.3). The oracle's hard-coded "
        "substitute table omits 1974 from its May 6 row.",
    ),
    Divergence(
        "holidays",
        _renamed([datetime.date(2019, 10, 22)], "即位礼正殿の儀の行われる日", "即位礼正殿の儀が行われる日"),
        "The statutory name: 平成30年法律第99号 is titled 天皇の即位の日及び即位礼正殿の儀の行われる日を"
        "休日とする法律 ('の行われる日', TIME.md 7.2); the oracle writes 'が行われる日'.",
    ),
    Divergence(
        "holidays",
        lambda d, o, t: d.year >= 2020 and o == "スポーツの日" and t == "体育の日",
        "体育の日 is named スポーツの日 from 2020-01-01 (2018 amendment; TIME.md 7.1/7.2); the "
        "oracle keeps the old name.",
    ),
    Divergence(
        "holidays",
        lambda d, o, t: d.year == 2021
        and (
            (d, o, t)
            in {
                (datetime.date(2021, 7, 22), "海の日", None),
                (datetime.date(2021, 7, 23), "スポーツの日", None),
                (datetime.date(2021, 8, 8), "山の日", None),
                (datetime.date(2021, 8, 9), SUBSTITUTE, None),
                (datetime.date(2021, 7, 19), None, "海の日"),
                (datetime.date(2021, 8, 11), None, "山の日"),
                (datetime.date(2021, 10, 11), None, "体育の日"),
            }
        ),
        "The amended Olympic special-measures law (in force 2020-12-28) moved 海の日 to 7/22, "
        "スポーツの日 to 7/23 and 山の日 to 8/8 (a Sunday, so 8/9 is a 振替休日) in 2021 only "
        "(TIME.md 7.1); the oracle predates it and keeps the usual dates.",
    ),
    Divergence(
        "holidays",
        lambda d, o, t: 2021 <= d.year <= 2050 and (d.month, d.day) == (2, 24) and o == SUBSTITUTE and t is None,
        "天皇誕生日 is Feb 23 from 2020; when it falls on a Sunday, Feb 24 is a 振替休日 (art. 3(2), "
        "TIME.md 7.3). The oracle's hard-coded substitute table lists Feb 24 for 2020 only.",
    ),
    Divergence(
        "holidays",
        lambda d, o, t: d.year >= 2051 and o == SUBSTITUTE and t is None,
        "Art. 3(2) applies every year (TIME.md 7.3); the oracle hard-codes substitute holidays "
        "only up to 2050, so it has none from 2051 on.",
    ),
    Divergence(
        "holidays",
        _renamed([datetime.date(2065, 9, 22)], "秋分の日", "国民の休日, 秋分の日"),
        "2065: 敬老の日 is 9/21 (3rd Monday) and the autumnal equinox day 9/22 (TIME.md 7.4), so "
        "no day lies between two national holidays; the oracle's hard-coded list of September "
        "国民の休日 wrongly includes 2065-09-22 and merges the two names. 7.3's computed list "
        "has no 2065 entry.",
    ),
    # ---- python3-workalendar 17.0.0 (dates only; English names) ----
    Divergence(
        "workalendar",
        lambda d, o, t: o == SUBSTITUTE and t is None,
        "Art. 3(2) 振替休日 (since 1973-04-12, TIME.md 7.3): the oracle has no substitute rule; it "
        "hard-codes only the 2019-2021 cases.",
    ),
    Divergence(
        "workalendar",
        lambda d, o, t: o == CITIZENS and t is None and d.year >= 2007 and d.month == 9,
        "Art. 3(3) 国民の休日 between 敬老の日 and 秋分の日 (TIME.md 7.3 lists them); the oracle has "
        "no citizens' holiday rule.",
    ),
    Divergence(
        "workalendar",
        lambda d, o, t: t is None and ONE_OFF_DAYS.get(d) == o,
        "One-off holidays of 1959, 1989, 1990 and 1993 (TIME.md 7.2); the oracle has none before 2019.",
    ),
    Divergence(
        "workalendar",
        lambda d, o, t: (
            (d.year < 2000 and (d.month, d.day) == (1, 15) and o == "成人の日" and t is None)
            or (d.year < 2000 and d == _nth_monday(d.year, 1, 2) and o is None)
        ),
        "成人の日 was Jan 15 until 1999; the 2nd Monday of January only from 2000 (happy Monday I, "
        "TIME.md 7.1/7.2). The oracle applies the Monday rule to every year.",
    ),
    Divergence(
        "workalendar",
        lambda d, o, t: (
            (1966 <= d.year < 2000 and (d.month, d.day) == (10, 10) and o == "体育の日" and t is None)
            or (d.year < 2000 and d == _nth_monday(d.year, 10, 2) and o is None)
        ),
        "体育の日 was Oct 10 from 1966 to 1999; the 2nd Monday of October only from 2000 (happy "
        "Monday I, TIME.md 7.1/7.2). The oracle applies the Monday rule to every year.",
    ),
    Divergence(
        "workalendar",
        lambda d, o, t: (
            (1996 <= d.year < 2003 and (d.month, d.day) == (7, 20) and o == "海の日" and t is None)
            or (d.year < 2003 and d == _nth_monday(d.year, 7, 3) and o is None)
        ),
        "海の日 exists from 1996, on Jul 20 until 2002 and on the 3rd Monday of July from 2003 "
        "(happy Monday II, TIME.md 7.1/7.2). The oracle has the Monday before 1996 too.",
    ),
    Divergence(
        "workalendar",
        lambda d, o, t: (
            (1966 <= d.year < 2003 and (d.month, d.day) == (9, 15) and o == "敬老の日" and t is None)
            or (d.year < 2003 and d == _nth_monday(d.year, 9, 3) and o is None)
        ),
        "敬老の日 was Sep 15 from 1966 to 2002; the 3rd Monday of September only from 2003 (happy "
        "Monday II, TIME.md 7.1/7.2). The oracle applies the Monday rule to every year.",
    ),
    Divergence(
        "workalendar",
        lambda d, o, t: d.year < 2007 and (d.month, d.day) == (5, 4) and o is None,
        "May 4 is みどりの日 only from 2007. From 1988 to 2006 it was a 国民の休日, which art. 3(3) "
        "as then in force excluded on Sundays (1997-05-04, 2003-05-04; TIME.md 7.3). The oracle "
        "has 'Greenery Day' on every May 4.",
    ),
]

# The oracle versions KNOWN_DIVERGENCES was reviewed against.
REVIEWED_VERSIONS = {"holidays": "0.10.1", "workalendar": "17.0.0"}


# ---- the two sides ----------------------------------------------------------------------------


def _ours() -> Holidays:
    dump = os.environ.get("ITSM_JP_DUMP")
    if not dump:
        pytest.fail("ITSM_JP_DUMP is not set (ctest sets it to the jp_holidays_dump executable)")
    out = subprocess.run(
        [dump, str(OUR_FIRST_YEAR), str(OUR_LAST_YEAR)], capture_output=True, text=True, encoding="utf-8", check=True
    ).stdout
    holidays: Holidays = {}
    previous = None
    for line in out.splitlines():
        text, name = line.split("\t")
        d = _date(text)
        assert previous is None or d > previous, f"dump not sorted or not unique at {line!r}"
        assert name, f"unnamed national holiday at {line!r}"
        holidays[d] = name
        previous = d
    return holidays


@pytest.fixture(scope="module")
def ours() -> Holidays:
    return _ours()


@dataclass
class Oracle:
    name: str
    version: str
    years: List[int]
    holidays: Holidays
    compare_names: bool


def _supported_years(holidays_of_year: Callable[[int], Holidays]) -> Tuple[List[int], Holidays]:
    years, found = [], {}
    for year in range(OUR_FIRST_YEAR, OUR_LAST_YEAR + 1):
        try:
            found.update(holidays_of_year(year))
        except (NotImplementedError, KeyError):
            continue
        years.append(year)
    return years, found


def _skip(capsys, reason: str):
    with capsys.disabled():
        print(f"\n[jp oracle] skipped: {reason}")
    pytest.skip(reason)


def _python_holidays(capsys) -> Oracle:
    try:
        import holidays
    except ImportError as e:
        _skip(capsys, f"python3-holidays is not importable ({e})")
    cls = getattr(holidays, "JP", None) or getattr(holidays, "Japan")
    years, found = _supported_years(lambda y: dict(cls(years=[y]).items()))
    return Oracle("holidays", getattr(holidays, "__version__", "?"), years, found, compare_names=True)


def _workalendar(capsys) -> Oracle:
    try:
        from workalendar.asia import Japan
        import importlib.metadata as md

        version = md.version("workalendar")
    except ImportError as e:
        _skip(capsys, f"python3-workalendar is not importable ({e})")
    cal = Japan()
    years, found = _supported_years(lambda y: dict(cal.holidays(y)))
    return Oracle("workalendar", version, years, found, compare_names=False)


# ---- comparison -------------------------------------------------------------------------------


def _compare(oracle: Oracle, ours: Holidays, capsys):
    assert oracle.years, f"{oracle.name} supports none of the years {OUR_FIRST_YEAR}..{OUR_LAST_YEAR}"
    years = set(oracle.years)
    mine = {d: n for d, n in ours.items() if d.year in years}
    entries = [k for k in KNOWN_DIVERGENCES if k.oracle == oracle.name]
    used = {id(k): 0 for k in entries}
    unexplained = []
    dates = sorted(set(mine) | set(oracle.holidays))
    for d in dates:
        o, t = mine.get(d), oracle.holidays.get(d)
        if o is not None and t is not None and (not oracle.compare_names or o == t):
            continue
        entry = next((k for k in entries if k.applies(d, o, t)), None)
        if entry is None:
            unexplained.append(f"{d} ours={o!r} {oracle.name}={t!r}")
        else:
            used[id(entry)] += 1
    stale = [k.why for k in entries if used[id(k)] == 0]
    with capsys.disabled():
        print(
            f"\n[jp oracle] {oracle.name} {oracle.version}: {len(oracle.years)} years "
            f"({min(oracle.years)}..{max(oracle.years)}), {len(dates)} dates compared"
            f"{' with names' if oracle.compare_names else ''}, "
            f"{sum(used.values())} known divergences, {len(unexplained)} unexplained"
        )
        for k in entries:
            print(f"    {used[id(k)]:4d} x {k.why[:110]}")
        for k in stale:
            print(f"    unused entry: {k[:110]}")
    assert not unexplained, f"{len(unexplained)} unexplained differences:\n" + "\n".join(unexplained)
    if oracle.version == REVIEWED_VERSIONS[oracle.name]:
        assert not stale, "KNOWN_DIVERGENCES entries that explain nothing:\n" + "\n".join(stale)


def test_against_python_holidays(ours, capsys):
    _compare(_python_holidays(capsys), ours, capsys)


def test_against_workalendar(ours, capsys):
    _compare(_workalendar(capsys), ours, capsys)


def test_dump_refuses_years_after_2150():
    dump = os.environ.get("ITSM_JP_DUMP")
    if not dump:
        pytest.fail("ITSM_JP_DUMP is not set")
    run = subprocess.run([dump, "2150", "2151"], capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 1
    assert "2150-12-31" in run.stderr
