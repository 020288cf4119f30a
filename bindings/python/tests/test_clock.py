"""SLA clocks from Python: deadline words, definitions from status names, one record
(arrays or an Incident), many records in CSR arrays and from a pandas DataFrame, agreement
of the batch with the scalar C path on random logs, a numpy reference on a 24x7
calendar, errors naming the record, pickling."""

import datetime
import os
import pickle

import numpy as np
import pytest

import itsm

HERE = os.path.dirname(__file__)
EXAMPLES = os.path.join(HERE, "..", "..", "..", "examples", "data")
UTC = datetime.timezone.utc
JST = datetime.timezone(datetime.timedelta(hours=9))


def calendar(name):
    with open(os.path.join(EXAMPLES, name), encoding="utf-8") as f:
        return itsm.Calendar(f.read())


def office():
    return itsm.Calendar({"itsm_schema": 1, "type": "calendar", "name": "office", "zone": "UTC",
                          "week": {d: ["09:00-17:00"] for d in ("mon", "tue", "wed", "thu", "fri")}})


def round_the_clock():
    return itsm.Calendar({"itsm_schema": 1, "type": "calendar", "name": "24x7", "zone": "UTC",
                          "week": {d: ["00:00-24:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}})


def t(text):
    return itsm.parse_instant(text)


def resolution(cal, target="8 h", **kw):
    return itsm.ClockDefinition(start="new", pause="on_hold", stop=["resolved", "closed"], cancel=99,
                                calendar=cal, target=target, **kw)


# ---- deadlines ---------------------------------------------------------------------------

def test_parse_deadline_words_and_canonical_text():
    assert str(itsm.parse_deadline("within 24 h (excluding vendor holidays)")) == "24 h excluding vendor holidays"
    d = itsm.parse_deadline("within 10 business days from the start of the next month")
    assert d.kind == itsm.DeadlineKind.NTH_BUSINESS_DAY_NEXT_MONTH and d.amount == 10 and d.calendar is None
    assert itsm.parse_deadline("PT4H") == itsm.Deadline("4 h")
    assert itsm.parse_deadline("翌営業日").kind == itsm.DeadlineKind.NEXT_BUSINESS_DAY
    assert itsm.parse_deadline("next day (excluding vendor holidays)").calendar == "vendor"
    assert pickle.loads(pickle.dumps(d)) == d


def test_parse_deadline_errors_quote_the_text():
    with pytest.raises(itsm.InvalidArgumentError, match="'a few days' is not an exact deadline"):
        itsm.parse_deadline("a few days")
    with pytest.raises(itsm.RangeError, match="'0 h'"):
        itsm.parse_deadline("0 h")


def test_deadline_apply_on_the_desk_calendar():
    desk = calendar("desk-calendar.json")
    start = datetime.datetime(2024, 5, 2, 10, tzinfo=JST)  # Thursday before Golden Week
    got = itsm.Deadline("next business day").apply(desk, start)
    assert got == t("2024-05-07T18:00:00+09:00")
    assert itsm.Deadline("within half a day").apply(desk, start) == t("2024-05-02T14:30:00+09:00")


# ---- one record ---------------------------------------------------------------------------

def test_evaluate_pause_over_golden_week():
    desk = calendar("desk-calendar.json")
    d = resolution(desk, "next business day")
    r = d.evaluate([(t("2024-05-02T10:00:00+09:00"), "new"), (t("2024-05-02T17:00:00+09:00"), "on_hold"),
                    (t("2024-05-07T10:00:00+09:00"), "active"), (t("2024-05-07T12:00:00+09:00"), "resolved")],
                   as_of=t("2024-05-10T00:00:00+09:00"))
    assert r.state is itsm.ClockState.MET
    assert (r.elapsed_business, r.paused_business, r.target) == (9 * 3600, 2 * 3600, 17 * 3600)
    assert r.deadline == t("2024-05-08T11:00:00+09:00")
    assert r.percent == pytest.approx(100 * 9 / 17)
    assert r.breached is False and r.cycles == 1


def test_evaluate_incident_and_priorities():
    cal = office()
    d = resolution(cal, datetime.timedelta(hours=8), priority_targets={1: "2 h"})
    inc = itsm.Incident("INC-1")
    inc.priority = 1
    inc.add_status(t("2024-01-08T09:00:00Z"), "new")
    inc.add_status(t("2024-01-08T12:00:00Z"), "resolved")
    r = d.evaluate(inc, as_of=t("2024-01-09T00:00:00Z"))
    assert r.state is itsm.ClockState.BREACHED
    assert r.target == 2 * 3600 and r.priority == 1
    assert r.deadline == t("2024-01-08T11:00:00Z")
    same = d.evaluate([(t("2024-01-08T09:00:00Z"), "new", 1), (t("2024-01-08T12:00:00Z"), "resolved")],
                      as_of=t("2024-01-09T00:00:00Z"))
    assert same == r


def test_reopen_and_retarget_policies_by_name():
    cal = office()
    log = [(t("2024-01-08T09:00:00Z"), "new"), (t("2024-01-08T10:00:00Z"), "resolved"),
           (t("2024-01-09T10:00:00Z"), "active"), (t("2024-01-09T10:20:00Z"), "resolved")]
    cont = resolution(cal, "45 min").evaluate(log, as_of=t("2024-01-10T00:00:00Z"))
    cycle = resolution(cal, "45 min", reopen="new_cycle").evaluate(log, as_of=t("2024-01-10T00:00:00Z"))
    assert cont.state is itsm.ClockState.BREACHED and cont.elapsed_business == 80 * 60
    assert cycle.state is itsm.ClockState.MET and cycle.cycles == 2 and cycle.breached_cycles == 1
    assert cycle.ever_breached
    with pytest.raises(ValueError, match="sometimes"):
        resolution(cal, reopen="sometimes")


def test_definition_errors_and_thresholds():
    cal = office()
    assert resolution(cal, thresholds=[25, 87.5, 150]).thresholds == (25.0, 87.5, 150.0)
    with pytest.raises(ValueError, match="finer than 0.1"):
        resolution(cal, thresholds=[50.05])
    with pytest.raises(itsm.InvalidArgumentError, match="code 3 is in both the pause and the stop set"):
        itsm.ClockDefinition(start="new", pause="resolved", stop="resolved", calendar=cal, target="1 h")
    with pytest.raises(itsm.InvalidArgumentError, match="'vendor' calendar but the clock's calendar is 'office'"):
        resolution(cal, "24 h excluding vendor holidays")
    with pytest.raises(ValueError, match="'waiting' is not a status name"):
        itsm.ClockDefinition(start="new", pause="waiting", stop="resolved", calendar=cal, target="1 h")
    custom = itsm.ClockDefinition(start="opened", stop="done", calendar=cal, target="1 h",
                                  codes={"opened": 100, "done": 200})
    r = custom.evaluate([(t("2024-01-08T09:00:00Z"), "opened"), (t("2024-01-08T09:30:00Z"), "done")],
                        as_of=t("2024-01-08T12:00:00Z"))
    assert r.state is itsm.ClockState.MET and r.elapsed_business == 1800
    assert pickle.loads(pickle.dumps(custom)).evaluate([(t("2024-01-08T09:00:00Z"), 100)],
                                                       as_of=t("2024-01-08T09:15:00Z")).elapsed_business == 900


# ---- many records -----------------------------------------------------------------------

def random_logs(rng, n, with_priorities):
    codes = np.array([0, 0, 1, 1, 2, 2, 3, 4, 99, 42], dtype=np.int32)
    lengths = rng.integers(1, 9, size=n)
    offsets = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
    total = int(offsets[-1])
    steps = rng.integers(0, 24 * 60, size=total) * 60
    steps[rng.random(total) < 0.2] = 0
    starts = t("2024-01-08T00:00:00Z") + rng.integers(0, 5 * 24 * 60, size=n) * 60
    instants = np.empty(total, dtype=np.int64)
    for r in range(n):  # building the test data only
        lo, hi = offsets[r], offsets[r + 1]
        instants[lo:hi] = starts[r] + np.cumsum(steps[lo:hi]) - steps[lo]
    ev_codes = codes[rng.integers(0, len(codes), size=total)]
    prios = np.where(rng.random(total) < 0.25, rng.integers(1, 4, size=total), 0).astype(np.int32) \
        if with_priorities else None
    return offsets, instants, ev_codes, prios


@pytest.mark.parametrize("reopen", ["continue", "new_cycle", "never"])
@pytest.mark.parametrize("retarget", ["recompute", "restart"])
def test_batch_agrees_with_scalar_path(reopen, retarget):
    rng = np.random.default_rng(7)
    desk = calendar("desk-calendar.json")
    d = resolution(desk, "next business day", reopen=reopen, retarget=retarget,
                   priority_targets={1: "2 h", 2: "within half a day"})
    offsets, instants, codes, prios = random_logs(rng, 300, True)
    as_of = t("2024-01-12T12:00:00Z")
    out = d.evaluate_many(offsets, instants, codes, prios, as_of=as_of)
    for r in range(len(offsets) - 1):
        lo, hi = offsets[r], offsets[r + 1]
        x = d.evaluate(list(zip(instants[lo:hi].tolist(), codes[lo:hi].tolist(), prios[lo:hi].tolist())),
                       as_of=as_of)
        none = itsm.CLOCK_NO_INSTANT
        assert out["state"][r] == x.state
        assert out["elapsed_business"][r] == x.elapsed_business
        assert out["paused_actual"][r] == x.paused_actual
        assert out["remaining"][r] == x.remaining
        assert out["deadline"][r] == (none if x.deadline is None else x.deadline)
        assert tuple(out["thresholds"][r]) == tuple(none if v is None else v for v in x.thresholds)
        assert bool(out["ever_breached"][r]) == x.ever_breached
        assert out["cycles"][r] == x.cycles


def test_numpy_reference_on_a_24x7_calendar():
    """On 24x7 the resolution clock is elapsed wall time minus the on-hold stretches."""
    rng = np.random.default_rng(3)
    n = 2000
    opened = t("2024-01-01T00:00:00Z") + rng.integers(0, 300 * 86400, size=n)
    hold = opened + rng.integers(60, 86400, size=n)
    back = hold + rng.integers(0, 3 * 86400, size=n)
    done = back + rng.integers(60, 86400, size=n)
    instants = np.stack([opened, hold, back, done], axis=1).reshape(-1)
    codes = np.tile(np.array([0, 2, 1, 3], dtype=np.int32), n)
    offsets = np.arange(0, 4 * n + 1, 4, dtype=np.int64)
    d = resolution(round_the_clock(), "24 h")
    out = d.evaluate_many(offsets, instants, codes, as_of=t("2025-06-01T00:00:00Z"))
    expected = (done - opened) - (back - hold)
    assert np.array_equal(out["elapsed_business"], expected)
    assert np.array_equal(out["elapsed_actual"], expected)
    assert np.array_equal(out["breached"], expected > 86400)


def test_evaluate_frame_from_a_dataframe():
    pd = pytest.importorskip("pandas")
    cal = office()
    d = resolution(cal, "2 h")
    df = pd.DataFrame({
        "number": ["INC2", "INC1", "INC1", "INC2", "INC1"],
        "at": pd.to_datetime(["2024-01-08T10:00Z", "2024-01-08T09:00Z", "2024-01-08T12:00Z",
                              "2024-01-08T10:30Z", "2024-01-08T10:00Z"], utc=True),
        "state": ["New", "New", "Resolved", "Resolved", "On Hold"],
    })
    mapping = {"New": 0, "On Hold": 2, "Resolved": 3}
    frame = d.evaluate_frame(df, record="number", time="at", status="state", status_codes=mapping,
                             as_of=t("2024-01-09T00:00:00Z"))
    assert list(frame.index) == ["INC2", "INC1"]
    assert frame.loc["INC1", "state"] == "met"
    assert frame.loc["INC1", "elapsed_business"] == 3600   # 9-10 running, 10-12 on hold
    assert frame.loc["INC2", "elapsed_business"] == 1800
    assert frame.loc["INC1", "deadline"] == pd.Timestamp("2024-01-08T13:00Z")
    assert frame["stop"].dtype.kind == "M"
    with pytest.raises(ValueError, match="returns to an earlier record"):
        d.evaluate_frame(df, record="number", time="at", status="state", status_codes=mapping, sort=False,
                         as_of=0)
    with pytest.raises(ValueError, match="'New' has no code"):
        d.evaluate_frame(df, record="number", time="at", status="state", as_of=0)
    raw = d.evaluate_frame(df, record="number", time="at", status="state", status_codes=mapping,
                           as_of=t("2024-01-09T00:00:00Z"), as_frame=False)
    assert list(raw["record"]) == ["INC2", "INC1"] and raw["elapsed_business"].tolist() == [1800, 3600]


def test_batch_errors_name_the_record():
    cal = office()
    d = resolution(cal)
    instants = np.array([t("2024-01-08T10:00:00Z"), t("2024-01-08T11:00:00Z"), t("2024-01-08T10:30:00Z")])
    codes = np.array([0, 2, 1], dtype=np.int32)
    with pytest.raises(itsm.InvalidArgumentError, match="record 1, event 1: instant"):
        d.evaluate_many([0, 1, 3], instants, codes, as_of=t("2024-01-09T00:00:00Z"))
    out = d.evaluate_many([0, 1, 3], instants, codes, as_of=t("2024-01-09T00:00:00Z"), errors="return")
    assert out["status"].tolist() == [0, itsm.ErrorCode.EINVAL]
    with pytest.raises(ValueError, match="codes has 2 elements"):
        d.evaluate_many([0, 1, 3], instants, codes[:2], as_of=0)
    with pytest.raises(TypeError, match="integer codes"):
        d.evaluate_many([0, 3], instants, codes.astype(float), as_of=0)
