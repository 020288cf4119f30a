"""KPI formulas from Python: rates with both terms, the Reference 9-2/9-3 catalogue,
categories against pandas groupby, effort, incidents, break-even, Heinrich, function
usage inventory."""

import math

import numpy as np
import pytest

import itsm

pd = pytest.importorskip("pandas")


def test_rate_keeps_both_terms_and_no_data():
    r = itsm.self_resolution_rate(450, 500)
    assert r == itsm.KpiRate(450.0, 500.0, 0.9, True)
    assert r.percent == pytest.approx(90.0)
    assert str(r) == "90 % (450/500)"
    empty = itsm.self_resolution_rate(0, 0)
    assert not empty.has_data and math.isnan(empty.ratio) and empty.denominator == 0
    assert str(empty).startswith("no data")


def test_named_rates_have_their_own_formulas():
    assert itsm.self_service_rate(200, 600).ratio == 0.25          # 200 / (200 + 600)
    assert itsm.fcr_gross(700, 1000).ratio == 0.7
    assert itsm.fcr_net(700, 1000, 125) == itsm.KpiRate(700.0, 875.0, 0.8, True)
    assert itsm.escalation_rate(40, 160).ratio == 0.25
    assert itsm.escalation_reduction_rate(120, 150).ratio == -0.25  # escalations grew
    assert itsm.reopen_rate(3, 60).ratio == 0.05
    assert itsm.failure_rate(6, 600).ratio == 0.01
    assert itsm.reduction_rate(80, 68).ratio == pytest.approx(0.15)
    assert itsm.share(1, 4).ratio == 0.25
    with pytest.raises(itsm.InvalidArgumentError, match=r"answered_on_the_spot \(501\) exceeds inquiries \(500\)"):
        itsm.self_resolution_rate(501, 500)
    with pytest.raises(itsm.InvalidArgumentError, match="contacts must be a finite number"):
        itsm.escalation_rate(1, float("nan"))


def test_indicator_catalogue_matches_reference_9_2():
    infos = [itsm.indicator_info(i) for i in itsm.Indicator]
    assert [i.indicator for i in infos] == list(range(1, 17))
    assert infos[0].name_ja == "利用者満足度" and infos[0].unit == "%"
    assert infos[3].kind == itsm.IndicatorKind.REDUCTION and infos[3].unit == "%/year"
    assert infos[15].source == "Reference 9-3"
    assert itsm.indicator_info("cost_saved").operand_b == "cost_after_reform"
    assert itsm.indicator_info(8).operand_b is None
    rng = np.random.default_rng(2)
    for info in infos:
        a, b = (float(x) for x in rng.integers(1, 1000, 2))
        if info.kind == itsm.IndicatorKind.SHARE:
            a, b = min(a, b), max(a, b)
        if info.kind == itsm.IndicatorKind.AMOUNT:
            b = 0.0
        r = itsm.indicator(info.indicator, a, b)
        expected = {
            itsm.IndicatorKind.SHARE: lambda: a / b, itsm.IndicatorKind.AVERAGE: lambda: a / b,
            itsm.IndicatorKind.AMOUNT: lambda: a, itsm.IndicatorKind.DIFFERENCE: lambda: a - b,
            itsm.IndicatorKind.REDUCTION: lambda: (a - b) / a,
        }[info.kind]()
        assert r.ratio == pytest.approx(expected, rel=1e-15), info.key
    with pytest.raises(ValueError, match="not an indicator"):
        itsm.indicator("happiness", 1, 2)
    with pytest.raises(itsm.InvalidArgumentError, match="b must be 0"):
        itsm.indicator(itsm.Indicator.STAFF_COMPLAINTS, 3, 1)


def test_online_usage_rate_by_category():
    # Reference 9-3: numerator and denominator from different sources, same categories.
    online = pd.Series({"principal/individual": 120, "agent/individual": 30, "corporation": 300})
    applications = pd.Series({"principal/individual": 400, "agent/individual": 300, "corporation": 500},
                             name="applications")
    applications.index.name = "user category"
    by, total = itsm.online_usage_rate(online, applications)
    assert list(by.index) == list(applications.index)
    assert by.index.name == "user category"
    assert by["ratio"].tolist() == pytest.approx([0.3, 0.1, 0.6])
    assert total == itsm.KpiRate(450.0, 1200.0, 0.375, True)  # not the mean of the three rates
    by, total = itsm.online_usage_rate({"a": 1}, {"a": 2, "b": 0})
    assert by["a"].ratio == 0.5 and not by["b"].has_data
    with pytest.raises(itsm.InvalidArgumentError, match="have a part but no whole"):
        itsm.online_usage_rate({"a": 1, "c": 1}, {"a": 2})
    with pytest.raises(itsm.InvalidArgumentError, match="category 0 has a part of 3 but a whole of 2"):
        itsm.online_usage_rate({"a": 3}, {"a": 2})
    with pytest.raises(TypeError, match="value_counts"):
        itsm.online_usage_rate([1, 2], {"a": 2})


def test_mean_by_category_matches_pandas_groupby():
    rng = np.random.default_rng(4)
    df = pd.DataFrame({"kind": rng.choice(["password", "tax form", "printer"], 5000),
                       "minutes": rng.gamma(2.0, 7.0, 5000)})
    ours = itsm.mean_by_category(df["minutes"], df["kind"])
    theirs = df.groupby("kind")["minutes"].agg(["sum", "count", "mean"])
    for kind in theirs.index:
        assert ours.loc[kind, "denominator"] == theirs.loc[kind, "count"]
        assert ours.loc[kind, "ratio"] == pytest.approx(theirs.loc[kind, "mean"], rel=1e-12)
        assert ours.loc[kind, "numerator"] == pytest.approx(theirs.loc[kind, "sum"], rel=1e-12)
    assert itsm.mean_mixed(df["minutes"]).ratio == pytest.approx(df["minutes"].mean(), rel=1e-12)
    plain = itsm.mean_by_category([3, 30, 5, 50, 4], ["pw", "tax", "pw", "tax", "pw"])
    assert plain == {"pw": itsm.KpiRate(12.0, 3.0, 4.0, True), "tax": itsm.KpiRate(80.0, 2.0, 40.0, True)}
    with pytest.raises(TypeError, match="mean_mixed"):
        itsm.mean_by_category([1, 2], None)
    with pytest.raises(ValueError, match="has no category"):
        itsm.mean_by_category([1, 2], ["a", None])


def test_effort_by_work_item_and_person():
    records = pd.DataFrame({
        "work_item": ["backup", "patching", "backup", "investigation"],
        "person": ["sato", "sato", "suzuki", "suzuki"],
        "planned_hours": [10.0, 4.0, 10.0, 0.0],
        "actual_hours": [8.0, 7.0, 9.0, 5.0],
    })
    by_item = itsm.effort_by_group(records.work_item, records.planned_hours, records.actual_hours)
    assert by_item.loc["backup", ["records", "planned", "actual", "variance"]].tolist() == [2, 20, 17, -3]
    assert by_item.loc["backup", "ratio"] == 0.85
    assert math.isinf(by_item.loc["investigation", "ratio"]) and by_item.loc["investigation", "has_data"]
    by_person = itsm.effort_by_group(records.person, records.planned_hours, records.actual_hours)
    theirs = records.groupby("person")[["planned_hours", "actual_hours"]].sum()
    assert by_person["planned"].tolist() == theirs["planned_hours"].tolist()
    assert by_person["actual"].tolist() == theirs["actual_hours"].tolist()
    plain = itsm.effort_by_group(["a"], [2.0], [3.0])
    assert plain["a"] == itsm.Effort(1, 2.0, 3.0, 1.0, itsm.KpiRate(3.0, 2.0, 1.5, True))
    with pytest.raises(itsm.InvalidArgumentError, match=r"actual\[0\] must not be negative"):
        itsm.effort_by_group(["a"], [2.0], [-3.0])


def test_incidents():
    def incident(id, groups, resolved=False, reopened=False):
        inc = itsm.Incident(id)
        inc.add_status(1_700_000_000, "new")
        for k, g in enumerate(groups):
            inc.add_assignment(1_700_000_000 + k, g)
        if resolved:
            inc.add_status(1_700_000_100, "resolved")
        if reopened:
            inc.add_status(1_700_000_200, "active")
        return inc

    incidents = [incident("A", ["desk", "network", "desk"], resolved=True), incident("B", ["desk", "desk"]),
                 incident("C", []), incident("D", ["desk", "server"], resolved=True, reopened=True)]
    assert itsm.reassignments(incidents).tolist() == [2, 0, 0, 1]
    s = itsm.incident_summary(incidents)
    assert (s.incidents, s.reassignments, s.max_reassignments) == (4, 3, 2)
    assert s.reassigned.ratio == 0.5 and s.reassignments_per_incident.ratio == 0.75
    assert s.reopen == itsm.KpiRate(1.0, 2.0, 0.5, True)
    series = pd.Series(incidents, index=[i.id for i in incidents])
    assert itsm.reassignments(series).to_dict() == {"A": 2, "B": 0, "C": 0, "D": 1}
    with pytest.raises(TypeError, match="incidents"):
        itsm.incident_summary([object()])


def test_break_even_and_heinrich():
    # Case 9-6: 300 PCs at 0.01 failures per device-year: 3 a year; spot at 50,000 yen a call
    # beats a 1.2 M yen fixed contract until 24 failures a year.
    rate = itsm.failure_rate(6, 600)
    b = itsm.maintenance_break_even(rate.ratio * 300, 1.2e6, 5e4)
    assert b == itsm.BreakEven(1.2e6, 1.5e5, 24.0, itsm.Cheaper.SPOT)
    assert itsm.maintenance_break_even(30, 1.2e6, 5e4, 2e5).cheaper == itsm.Cheaper.FIXED
    with pytest.raises(itsm.InvalidArgumentError, match="no break-even"):
        itsm.maintenance_break_even(3, 1.2e6, 0)
    h = itsm.heinrich_ratio(2, 40, 900)
    assert (h.minor_per_major.ratio, h.near_misses_per_major.ratio, h.near_misses_per_minor.ratio) == (20, 450, 22.5)
    assert not itsm.heinrich_ratio(0, 5, 50).minor_per_major.has_data


def test_function_inventory_from_the_survey_matrix_and_logs():
    # Case 9-10: rows functions, columns ministries, cells the three answers; NaN: no answer.
    survey = pd.DataFrame(
        {"MOF": ["業務を全て遂行", "業務を全て遂行", "全く利用していない", "not_used", None],
         "MHLW": ["all_work", "他の手段も併用", "全く利用していない", "not_used", None],
         "MIC": ["all_work", "全く利用していない", "not_used", "not_used", None]},
        index=pd.Index(["search", "report", "fax export", "old batch", "new api"], name="function"))
    logs = pd.Series({"search": 5000, "report": 800, "fax export": 0, "old batch": 42, "new api": 7, "help": 3})
    inv = itsm.function_inventory(survey, logs)
    assert inv["verdict"].to_dict() == {"search": "keep", "report": "improve", "fax export": "retire",
                                        "old batch": "check", "new api": "no_answers", "help": "no_answers"}
    assert inv.loc["report", ["all_work", "also_other", "not_used"]].tolist() == [1, 1, 1]
    assert inv.loc["old batch", "log_uses"] == 42
    assert inv.loc["report", "not_used_share"] == pytest.approx(1 / 3)
    assert itsm.function_inventory(survey, logs, retire_max_uses=50).loc["old batch", "verdict"] == "retire"
    # The long form and plain pairs give the same.
    long = survey.stack().rename("answer").reset_index().rename(columns={"level_1": "ministry"})
    assert itsm.function_inventory(long, logs)["verdict"].to_dict() == inv["verdict"].to_dict()
    pairs = itsm.function_inventory([("a", "not_used"), ("a", itsm.UsageAnswer.NOT_USED), ("b", "all_work")])
    assert pairs["a"].verdict == itsm.UsageVerdict.RETIRE and pairs["b"].verdict == itsm.UsageVerdict.KEEP
    with pytest.raises(ValueError, match="not a usage answer"):
        itsm.function_inventory([("a", "sometimes")])
