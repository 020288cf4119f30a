"""SLA metrics (itsm/metrics.h) from Python: rates, fractions, durations, call rates,
availability (with a pandas cross-check on GitHub's status history), budgets and alerts,
events, deadlines, ordinal levels and coverage. Expected values are derived by hand or by
an independent computation (fractions.Fraction, numpy, pandas)."""

import datetime
import fractions
import pathlib
import random

import numpy as np
import pytest

import itsm

REPO = pathlib.Path(__file__).resolve().parents[3]
GITHUB = REPO / "data" / "github-status-outages" / "downtime_windows.csv.gz"
UTC = datetime.timezone.utc


def at(text):
    return itsm.parse_instant(text)


def weekly(zone, days, hours, holidays=()):
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    return itsm.Calendar({
        "itsm_schema": 1, "type": "calendar", "name": "w", "zone": zone,
        "week": {names[d - 1]: [hours] for d in days}, "holidays": list(holidays),
    })


# ---- rates --------------------------------------------------------------------------------------


def test_rate_no_data_is_neither_zero_nor_one():
    r = itsm.Rate(0, 0)
    assert r.ratio is None and r.percent is None and not r.has_data and r.as_fraction() is None
    assert itsm.Rate(3, 4).ratio == 0.75 and itsm.Rate(3, 4).percent == 75.0
    assert itsm.Rate(3, 4) == itsm.Rate(3, 4) and itsm.Rate(3, 4) != itsm.Rate(6, 8)
    with pytest.raises(itsm.InvalidArgumentError, match="numerator -1"):
        itsm.Rate(-1, 2)


def test_results_pickle_as_itsm_values():
    import pickle

    a = itsm.availability([0], [10], 0, 100)
    assert pickle.loads(pickle.dumps(a)) == a and type(a).__module__ == "itsm"
    r = pickle.loads(pickle.dumps(itsm.Rate(1, 3)))
    assert r == itsm.Rate(1, 3) and r.ratio == 1 / 3
    assert pickle.loads(pickle.dumps(itsm.CallRate.BUSY_RATE)).word == "busy_rate"


def test_rates_add_by_volume():
    # 1 of 2 and 3 of 4: 4/6, not the mean of 50 % and 75 %.
    total = itsm.Rate(1, 2) + itsm.Rate(3, 4) + itsm.Rate(0, 0)
    assert (total.numerator, total.denominator) == (4, 6)
    assert itsm.rate_sum([(1, 2), (3, 4)]) == total
    assert not itsm.rate_sum([]).has_data


def test_ratio_is_correctly_rounded():
    # float(Fraction) is correctly rounded in CPython: an independent reference.
    rng = random.Random(5)
    for _ in range(2000):
        num = rng.randrange(0, 2**63)
        den = rng.randrange(1, 2**63)
        assert itsm.Rate(num, den).ratio == float(fractions.Fraction(num, den))
    assert itsm.Rate(2**53 + 1, 1).ratio == 2.0**53


def test_fractions_are_exact():
    assert itsm.parse_fraction("99.9%") == 999_000_000
    assert itsm.parse_fraction("0.9995") == 999_500_000
    with pytest.raises(itsm.InvalidArgumentError, match="% sign"):
        itsm.parse_fraction("95")
    # 0.1 % of 30 days is 43.2 min; of 31 days 44.64 min, exactly.
    assert itsm.allowed_downtime("99.9%", datetime.timedelta(days=30)) == 2592
    assert itsm.allowed_downtime(0.999, 31 * 86400) == fractions.Fraction(267840, 100)
    assert itsm.allowed_downtime(fractions.Fraction(999, 1000), 31 * 86400) * 100 / 60 == 4464
    assert itsm.allowed_downtime(1, 86400) == 0
    with pytest.raises(itsm.InvalidArgumentError, match="at most 9 decimals"):
        itsm.allowed_downtime(0.1234567891, 60)
    with pytest.raises(TypeError):
        itsm.allowed_downtime(True, 60)


# ---- durations ------------------------------------------------------------------------------------


def test_duration_stats_and_percentiles():
    d = np.array([10, 20, -5, 40, 50], dtype=np.int64)
    keep = np.array([True, True, False, True, True])
    s = itsm.duration_stats(d, 30, include=keep)
    assert s.count == 4 and s.min == 10 and s.max == 50
    assert (s.within_target.numerator, s.within_target.denominator) == (2, 4)
    assert s.mean == itsm.Rate(120, 4)
    minutes = np.array([10, 20, 40, 50], dtype="timedelta64[m]")
    assert itsm.duration_stats(minutes, datetime.timedelta(minutes=30)).within_target == itsm.Rate(2, 4)
    with pytest.raises(itsm.InvalidArgumentError, match=r"durations\[2\] = -5"):
        itsm.duration_stats(d, 30)
    assert itsm.duration_stats([], 30).mean.ratio is None
    # N = 4: p50 -> 2nd, p26 -> ceil(1.04) = 2nd, p100 -> 4th, p0 -> 1st.
    assert list(itsm.percentiles([4, 2, 1, 3], [0.5, "26%", 1, 0])) == [2, 2, 4, 1]
    assert itsm.percentiles([1, 2], [0.5], include=[False, False]) is None


def test_percentiles_match_numpy_inverted_cdf():
    # numpy's "inverted_cdf" is the smallest observed x with CDF(x) >= q: the nearest rank.
    rng = np.random.default_rng(3)
    for n in (1, 2, 7, 64, 65, 1000):
        d = rng.integers(0, 10_000, n)
        q = [0.0, 0.125, 0.25, 0.5, 0.75, 0.875, 1.0]
        want = np.percentile(d, [x * 100 for x in q], method="inverted_cdf")
        assert list(itsm.percentiles(d, q)) == list(want.astype(np.int64))


# ---- calls -----------------------------------------------------------------------------------------

# The C suite's example (test_metrics_rates.c), by words: T = 20 s, S = 5 s.
OUTCOME = ["answered"] * 4 + ["abandoned"] * 3 + ["busy"] * 2 + ["answered"] * 2
WAIT = [10, 20, 25, 40, 3, 5, 30, 0, 0, 0, 100]
ON_SPOT = [1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0]
CALLED_BACK = [0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]
REQUESTED = [0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0]
INCLUDE = [1] * 10 + [0]
ARRIVAL = [1000, 173800, 5000, 5000, 177801, 200, 173810, 50, 60, 70, 100]
CALLER = ["ann", "ann", "bob", "bob", "bob", "cid", "ann", "dan", "eve", None, "cid"]


def example_counts(**kw):
    return itsm.call_counts(
        OUTCOME, WAIT, answer_threshold=20, short_abandon=5, on_spot=ON_SPOT, called_back=CALLED_BACK,
        callback_requested=REQUESTED, include=INCLUDE, arrival=ARRIVAL, caller=CALLER, **kw)


def test_call_rates_by_hand():
    c = example_counts(repeat_window=datetime.timedelta(days=2))
    # A = 5, Ab = 3, O = 8, B = 2, A<=T 3, Ab<=T 2, Ab<S 1, waits 95, callbacks 1, requests 2,
    # repeats 2 (the first two calls of "ann").
    assert c == itsm.CallCounts(8, 5, 3, 2, 3, 2, 1, 95, 1, 2, 2)
    want = {
        "service_level": (3, 8), "service_level_with_abandoned": (5, 8),
        "service_level_answered_only": (3, 5), "service_level_excluding_early_abandons": (3, 6),
        "service_level_short_abandons_met": (4, 8), "abandon_rate": (3, 8),
        "abandon_rate_excluding_short": (2, 7), "abandon_rate_with_busy": (3, 10),
        "abandon_rate_excluding_short_with_busy": (2, 9), "busy_rate": (2, 10), "callback_rate": (1, 5),
        "callback_request_rate": (2, 8), "repeat_contact_rate": (2, 5), "average_speed_of_answer": (95, 5),
    }
    assert [k.word for k in itsm.CallRate] == list(want)
    for word, (num, den) in want.items():
        r = c.rate(word)
        assert (r.numerator, r.denominator) == (num, den), word
    assert c.rate(itsm.CallRate.AVERAGE_SPEED_OF_ANSWER).ratio == 19.0
    assert example_counts().repeat_contacts == 0
    with pytest.raises(itsm.InvalidArgumentError, match="'answer_rate' is not one of"):
        c.rate("answer_rate")
    with pytest.raises(itsm.InvalidArgumentError, match="'hung up' is not one of"):
        itsm.call_counts(["hung up"], [1], answer_threshold=20)


def test_call_rates_against_pandas():
    pd = pytest.importorskip("pandas")
    rng = np.random.default_rng(11)
    n = 5000
    df = pd.DataFrame({
        "day": rng.integers(0, 30, n),
        "outcome": rng.choice(["answered", "abandoned", "busy"], n, p=[0.8, 0.15, 0.05]),
        "wait": rng.integers(0, 120, n),
    })
    t, s = 20, 5
    offered = df.outcome != "busy"
    ab = df.outcome == "abandoned"
    want_sl = ((df.outcome == "answered") & (df.wait <= t)).sum(), offered.sum()
    want_ab_short = (ab & (df.wait >= s)).sum(), (offered & ~(ab & (df.wait < s))).sum()
    total = itsm.call_counts(df.outcome, df.wait, answer_threshold=t, short_abandon=s)
    assert (total.rate("service_level").numerator, total.rate("service_level").denominator) == want_sl
    r = total.rate("abandon_rate_excluding_short")
    assert (r.numerator, r.denominator) == want_ab_short
    # Per day, then added: the same counts (volume-weighted), unlike a mean of daily rates.
    days = [itsm.call_counts(g.outcome, g.wait, answer_threshold=t, short_abandon=s) for _, g in df.groupby("day")]
    acc = days[0]
    for c in days[1:]:
        acc = acc + c
    assert acc == total
    daily = [c.rate().ratio for c in days]
    assert acc.rate().ratio != pytest.approx(sum(daily) / len(daily), abs=1e-12)


# ---- availability ----------------------------------------------------------------------------------


def test_availability_by_hand():
    # [-50, 10) + [100, 300) + [900, 1100) over [0, 1000): 310 s down, 3 failures.
    a = itsm.availability([900, 150, 100, 250, -50], [1100, 300, 200, 260, 10], 0, 1000)
    assert (a.downtime_seconds, a.failures, a.failures_started) == (310, 3, 2)
    assert a.availability == itsm.Rate(690, 1000)
    r = a.reliability()
    assert r.mtbf == itsm.Rate(690, 3) and r.mtrs == itsm.Rate(310, 3) and r.mtbsi == itsm.Rate(1000, 3)
    # Maintenance, exclusions, weighted shares, probes.
    a = itsm.availability(
        [100, 400, 700, 0], [300, 500, 800, 10], 0, 1000,
        planned=[0, 1, 0, 0], notified=[0, 1, 0, 0], exclusion=["none", "none", "force_majeure", "none"],
        share=[1.0, 1.0, 1.0, 1 / 3], partial="weighted")
    # agreed 900; downtime 200 + 10/3 -> 203.33.. rounded up to 204; excluded 100.
    assert (a.agreed_seconds, a.maintenance_seconds, a.downtime_seconds, a.excluded_seconds) == (900, 100, 204, 100)
    a = itsm.availability([61], [179], 0, 1000, probe_interval=60, probe_rounding="outward")
    assert a.downtime_seconds == 120
    with pytest.raises(itsm.InvalidArgumentError, match=r"outages.end\[1\] = 5 is before outages.start\[1\] = 10"):
        itsm.availability([0, 10], [1, 5], 0, 100)
    with pytest.raises(itsm.InvalidArgumentError, match="end has 1 elements, expected 2"):
        itsm.availability([0, 10], [1], 0, 100)
    with pytest.raises(itsm.InvalidArgumentError, match="'half' is not one of"):
        itsm.availability([0], [1], 0, 100, partial="half")


def test_availability_on_a_calendar_and_dst():
    cal = weekly("UTC", range(1, 6), "09:00-17:00")
    a = itsm.availability([at("2024-06-04T16:00:00Z")], [at("2024-06-05T10:00:00Z")],
                          at("2024-06-03T00:00:00Z"), at("2024-06-08T00:00:00Z"), calendar=cal)
    assert (a.service_seconds, a.downtime_seconds) == (144000, 7200)
    ams = weekly("Europe/Amsterdam", range(1, 8), "00:00-24:00")
    day = itsm.availability([], [], at("2024-10-27T00:00:00+02:00"), at("2024-10-28T00:00:00+01:00"), calendar=ams)
    assert day.service_seconds == 25 * 3600


def test_availability_from_dataframe_and_series():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({
        "from": pd.to_datetime(["2024-01-01T00:10:00Z", "2024-01-01T00:30:00Z"], utc=True),
        "to": ["2024-01-01T00:20:00+00:00", "2024-01-01T01:30:00+01:00"],
        "kind": ["x", "y"],
    })
    df["maintenance"] = df.kind == "y"
    a = itsm.availability_from_dataframe(
        df, at("2024-01-01T00:00:00Z"), at("2024-01-01T01:00:00Z"),
        columns={"start": "from", "end": "to", "planned": "maintenance", "notified": "maintenance"})
    # [00:10, 00:20) down; [00:30, 00:30) (01:30+01:00 is 00:30Z) empty maintenance.
    assert (a.downtime_seconds, a.maintenance_seconds, a.agreed_seconds) == (600, 0, 3600)
    with pytest.raises(itsm.InvalidArgumentError, match="no column 'start'"):
        itsm.availability_from_dataframe(df, 0, 1)
    with pytest.raises(itsm.InvalidArgumentError, match="unknown roles"):
        itsm.availability_from_dataframe(df, 0, 1, columns={"begin": "from"})
    down, agreed = itsm.availability_series([0, 250], [150, 260], 0, 100, 3)
    assert list(down) == [100, 50, 10] and list(agreed) == [100, 100, 100]


def test_interval_union_against_marking():
    rng = np.random.default_rng(2)
    for _ in range(100):
        s = rng.integers(0, 1000, 30)
        e = s + rng.integers(0, 60, 30)
        us, ue = itsm.interval_union(s, e)
        want = np.zeros(1100, bool)
        for a, b in zip(s, e):
            want[a:b] = True
        got = np.zeros(1100, bool)
        for a, b in zip(us, ue):
            got[a:b] = True
        assert (got == want).all()
        assert (us[1:] > ue[:-1]).all() and (ue > us).all()


def _pandas_union(frame):
    """Union of [start, end) rows by sort + cumulative max (touching rows merge)."""
    frame = frame[frame.end > frame.start].sort_values("start")
    prev_end = frame.end.cummax().shift()
    group = (frame.start > prev_end).cumsum()
    return frame.groupby(group).agg(start=("start", "min"), end=("end", "max")).reset_index(drop=True)


def test_github_status_history_against_pandas():
    pd = pytest.importorskip("pandas")
    df = pd.read_csv(GITHUB)
    df["start"] = pd.to_datetime(df.downtime_start, utc=True)
    df["end"] = pd.to_datetime(df.downtime_end, utc=True)
    df["planned"] = df.impact == "maintenance"  # scheduled maintenance, announced on the status page
    df["notified"] = df.planned
    # Every instant is a whole minute: mark minutes (an independent, brute-force measure).
    base = pd.Timestamp("2022-03-01", tz="UTC")
    minute = lambda ts: ((ts - base) // pd.Timedelta(minutes=1)).to_numpy()  # noqa: E731
    span = int(minute(pd.Series([pd.Timestamp("2026-09-01", tz="UTC")]))[0])
    down_union = _pandas_union(pd.DataFrame({"start": minute(df.start[~df.planned]), "end": minute(df.end[~df.planned])}))
    maint = np.zeros(span, bool)
    for s, e in zip(minute(df.start[df.planned]), minute(df.end[df.planned])):
        maint[s:e] = True
    episode = np.full(span, -1)
    for k, (s, e) in enumerate(zip(down_union.start, down_union.end)):
        episode[s:e] = k
    months = pd.date_range("2022-03-01", "2026-09-01", freq="MS", tz="UTC")
    checked = 0
    for lo, hi in zip(months[:-1], months[1:]):
        a, b = int(minute(pd.Series([lo]))[0]), int(minute(pd.Series([hi]))[0])
        ep, mt = episode[a:b], maint[a:b]
        want_down = int(((ep >= 0) & ~mt).sum()) * 60
        want_maint = int(mt.sum()) * 60
        want_failures = len(np.unique(ep[(ep >= 0) & ~mt]))
        got = itsm.availability_from_dataframe(df, lo.to_pydatetime(), hi.to_pydatetime())
        assert got.service_seconds == (b - a) * 60
        assert (got.downtime_seconds, got.maintenance_seconds, got.failures) == (want_down, want_maint, want_failures)
        assert got.availability == itsm.Rate((b - a) * 60 - want_maint - want_down, (b - a) * 60 - want_maint)
        checked += want_down > 0
    assert checked > 40  # most months had incidents
    whole = itsm.availability_from_dataframe(df, base.to_pydatetime(), months[-1].to_pydatetime())
    assert whole.downtime_seconds == int(((episode >= 0) & ~maint).sum()) * 60
    assert 0.9 < whole.availability.ratio < 1.0


# ---- budgets and alerts --------------------------------------------------------------------------


def test_error_budget_and_burn_alerts():
    s = itsm.error_budget(1296, 864000, datetime.timedelta(days=10), datetime.timedelta(days=30), "99.9%")
    assert (s.consumed, s.projected, s.remaining) == (0.5, 1.5, 0.5)
    assert itsm.error_budget(0, 0, 60, 3600, "99.9%").consumed is None
    assert itsm.burn_rate(144, 10000, "99%") == 1.44 and itsm.burn_rate(0, 0, "99%") is None
    pairs = itsm.default_burn_alert_pairs()
    assert [p.factor for p in pairs] == [fractions.Fraction(72, 5), 6, 1]
    bad = np.array([0] * 12 + [15] * 12)
    fired = itsm.burn_alerts(bad, np.full(24, 1000), 300, "99.9%", pairs)
    assert fired.shape == (24, 3)
    # See test_burn_alerts in test_metrics_availability.c for the derivation.
    assert list(np.nonzero(fired[:, 0])[0]) == [23]
    assert list(np.nonzero(fired[:, 1])[0]) == list(range(20, 24))
    assert list(np.nonzero(fired[:, 2])[0]) == list(range(12, 24))


# ---- events, deadlines, ordinal, coverage -------------------------------------------------------------


def test_events():
    c = itsm.count_events([0, 10, 20, 30, 40, 50], 10, 50, minimum=3, maximum=3, include=[1, 1, 1, 0, 1, 1])
    assert c == itsm.CountResult(3, True, True, True)
    g = itsm.largest_gap([500, 100, 300, 50, 1200], 60, 1000, edges="neighbours")
    assert (g.largest, g.start, g.end, g.events) == (700, 500, 1200, 3)
    assert itsm.largest_gap([], 0, 10, edges=itsm.GapEdges.INNER).largest is None
    rpo, usable = itsm.rpo_achieved([500, 700, 8000], [0, 3600, 7200], completed=[600, 4000, 9000])
    assert list(usable) == [False, True, True] and list(rpo) == [0, 700, 4400]
    cal = weekly("UTC", range(1, 6), "09:00-17:00")
    e = itsm.elapsed(np.array(["2024-06-07T16:00"], dtype="datetime64[s]"),
                     np.array(["2024-06-10T10:00"], dtype="datetime64[s]"), calendar=cal)
    assert list(e) == [7200]


def test_deadlines():
    due = np.array([1000, 1000, 1000, 1000, 5000])
    delivered = np.array([900, 1000, 1001, "NaT", "NaT"], dtype="datetime64[s]")
    states, met = itsm.deliveries(delivered, due, 2000)
    assert [itsm.DeliveryState(s).word for s in states] == ["met", "met", "late", "missed", "pending"]
    assert met == itsm.Rate(2, 4)
    states, met = itsm.deliveries([datetime.datetime(1970, 1, 1, 0, 15, tzinfo=UTC), None], [1000, 1000], 0)
    assert list(states) == [itsm.DeliveryState.MET, itsm.DeliveryState.PENDING]


def test_ordinal_and_coverage():
    r = itsm.ordinal_compare(["FW", "FW+NIDS", "FW+NIDS+HIDS"], "FW+NIDS", "FW+NIDS+HIDS")
    assert r == itsm.OrdinalResult(1, 2, False, 1)
    with pytest.raises(itsm.NotFoundError, match='declared level "IDS"'):
        itsm.ordinal_compare(["FW"], "IDS", "FW")
    desk = weekly("UTC", range(1, 6), "09:00-17:00")
    need = weekly("UTC", range(1, 8), "09:00-20:00")
    c = itsm.service_hours_coverage(desk, need, at("2024-06-03T00:00:00Z"), at("2024-06-10T00:00:00Z"))
    assert not c.covered and c.first_uncovered == at("2024-06-03T17:00:00Z")
    assert (c.required_seconds, c.uncovered_seconds) == (277200, 133200)
    assert itsm.service_hours_coverage(None, need, 0, 86400).covered
