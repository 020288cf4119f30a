"""KPI formulas (``itsm/kpi.h``): the indicators of the guidebook's Reference 9-2 and 9-3,
help-desk rates, reassignments and reopenings, failure rate and maintenance break-even,
planned versus actual effort, the Heinrich ratio and the function usage inventory.

Every rate is a :class:`KpiRate` ``(numerator, denominator, ratio, has_data)``: the ratio is a
fraction (``.percent`` is x 100) and 0/0 is "no data" (``has_data`` False, ratio NaN),
never 0 % nor 100 %. Averages are per category (:func:`mean_by_category`); an average that
mixes categories is the explicitly named :func:`mean_mixed`. Functions given pandas objects
return pandas objects (a DataFrame with columns numerator, denominator, ratio, has_data).
"""

import enum
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from . import itsm_native as _native
from ._pandas import codes as _codes
from ._pandas import coerce_enum as _coerce_enum
from ._pandas import float_array as _float_array
from ._pandas import is_pandas as _is_pandas
from ._pandas import pandas as _pandas

__all__ = [
    "KpiRate",
    "Indicator",
    "IndicatorKind",
    "IndicatorInfo",
    "indicator_info",
    "indicator",
    "share",
    "reduction_rate",
    "self_resolution_rate",
    "self_service_rate",
    "fcr_gross",
    "fcr_net",
    "escalation_rate",
    "escalation_reduction_rate",
    "reopen_rate",
    "failure_rate",
    "share_by_category",
    "online_usage_rate",
    "mean_by_category",
    "mean_mixed",
    "Effort",
    "effort_by_group",
    "IncidentSummary",
    "reassignments",
    "incident_summary",
    "Cheaper",
    "BreakEven",
    "maintenance_break_even",
    "HeinrichRatio",
    "heinrich_ratio",
    "UsageAnswer",
    "UsageVerdict",
    "FunctionUsage",
    "function_inventory",
]

_RATE_COLUMNS = ["numerator", "denominator", "ratio", "has_data"]


class KpiRate(NamedTuple):
    """A rate with both its terms (``itsm_kpi_rate``). ``ratio`` is a fraction, NaN when
    there is no data (a denominator of 0)."""

    numerator: float
    denominator: float
    ratio: float
    has_data: bool

    @property
    def percent(self):
        """The ratio x 100 (NaN when there is no data)."""
        return self.ratio * 100.0

    def __str__(self):
        if not self.has_data:
            return f"no data ({self.numerator:g}/{self.denominator:g})"
        return f"{self.percent:.4g} % ({self.numerator:g}/{self.denominator:g})"


def _rate(values):
    return KpiRate(*values)


def _rates_frame(rows, index, name):
    """Rates (n x 4) as a DataFrame indexed by category."""
    pd = _pandas()
    frame = pd.DataFrame(rows, index=pd.Index(index, name=name), columns=_RATE_COLUMNS)
    frame["has_data"] = frame["has_data"].astype(bool)
    return frame


def _rates_dict(rows, index):
    return {label: KpiRate(*(float(x) for x in row[:3]), bool(row[3])) for label, row in zip(index, rows)}


# ---- the indicator catalogue ----------------------------------------------------------------


class Indicator(enum.IntEnum):
    """The indicators of Reference 9-2 (numbered as there) and the online usage rate of
    Reference 9-3 (``itsm_kpi_indicator``)."""

    USER_SATISFACTION = _native.KPI_USER_SATISFACTION
    DESK_AVERAGE_HANDLING_TIME = _native.KPI_DESK_AVERAGE_HANDLING_TIME
    DESK_RESOLUTION_RATE = _native.KPI_DESK_RESOLUTION_RATE
    ESCALATION_REDUCTION_RATE = _native.KPI_ESCALATION_REDUCTION_RATE
    COUNTER_APPLICATION_COST = _native.KPI_COUNTER_APPLICATION_COST
    ONLINE_APPLICATION_COST = _native.KPI_ONLINE_APPLICATION_COST
    STAFF_SATISFACTION = _native.KPI_STAFF_SATISFACTION
    STAFF_COMPLAINTS = _native.KPI_STAFF_COMPLAINTS
    STAFF_COMPLAINT_RESOLUTION_TIME = _native.KPI_STAFF_COMPLAINT_RESOLUTION_TIME
    PROCESSING_TIME_SAVED = _native.KPI_PROCESSING_TIME_SAVED
    COST_SAVED = _native.KPI_COST_SAVED
    DEVELOPMENT_COST_REDUCTION_RATE = _native.KPI_DEVELOPMENT_COST_REDUCTION_RATE
    OPERATION_COST_REDUCTION_RATE = _native.KPI_OPERATION_COST_REDUCTION_RATE
    MAINTENANCE_COST_REDUCTION_RATE = _native.KPI_MAINTENANCE_COST_REDUCTION_RATE
    OUTSOURCING_COST_REDUCTION_RATE = _native.KPI_OUTSOURCING_COST_REDUCTION_RATE
    ONLINE_USAGE_RATE = _native.KPI_ONLINE_USAGE_RATE

    @classmethod
    def coerce(cls, value):
        """An Indicator from itself, its number or its key (``"user_satisfaction"``)."""
        if isinstance(value, str):
            try:
                return cls[value.upper()]
            except KeyError:
                raise ValueError(f"{value!r} is not an indicator (e.g. 'user_satisfaction')") from None
        return cls(value)


class IndicatorKind(enum.IntEnum):
    """How an indicator is computed from its operands a and b (``itsm_kpi_kind``)."""

    SHARE = _native.KPI_KIND_SHARE
    AVERAGE = _native.KPI_KIND_AVERAGE
    AMOUNT = _native.KPI_KIND_AMOUNT
    DIFFERENCE = _native.KPI_KIND_DIFFERENCE
    REDUCTION = _native.KPI_KIND_REDUCTION


class IndicatorInfo(NamedTuple):
    """What an indicator is (``itsm_kpi_indicator_info``)."""

    indicator: Indicator
    kind: IndicatorKind
    key: str
    name_en: str
    name_ja: str
    formula_en: str
    formula_ja: str
    unit: str
    operand_a: str
    operand_b: object  # str, or None when b is unused
    source: str


def indicator_info(which):
    """The :class:`IndicatorInfo` of an indicator (an :class:`Indicator`, its number or key)."""
    fields = _native.kpi_indicator_get_info(int(Indicator.coerce(which)))
    return IndicatorInfo(Indicator(fields[0]), IndicatorKind(fields[1]), *fields[2:])


def indicator(which, a, b=0.0):
    """Compute an indicator from its operands (see :func:`indicator_info` for their names):
    shares and averages a / b, reduction rates (a - b) / a with a the baseline, amounts a,
    differences a - b. Returns a :class:`KpiRate`."""
    return _rate(_native.kpi_indicator_compute(int(Indicator.coerce(which)), a, b))


# ---- rates by formula ------------------------------------------------------------------------


def share(part, whole):
    """``part / whole`` (0 <= part <= whole)."""
    return _rate(_native.kpi_share(part, whole))


def reduction_rate(baseline, current):
    """``(baseline - current) / baseline`` (Reference 9-2 nos. 4, 12-15); negative when it grew."""
    return _rate(_native.kpi_reduction_rate(baseline, current))


def self_resolution_rate(answered_on_the_spot, inquiries):
    """Self-resolution rate (自己解決率, Case 9-7): inquiries the operator answered on the spot
    / all inquiries."""
    return _rate(_native.kpi_self_resolution_rate(answered_on_the_spot, inquiries))


def self_service_rate(resolved_by_self_service, desk_contacts):
    """End-user self-service rate: issues users solved themselves (portal, FAQ) /
    (those + contacts to the desk)."""
    return _rate(_native.kpi_self_service_rate(resolved_by_self_service, desk_contacts))


def fcr_gross(resolved_at_first_contact, contacts):
    """First-contact resolution, gross: resolved at the first contact / all contacts."""
    return _rate(_native.kpi_fcr_gross(resolved_at_first_contact, contacts))


def fcr_net(resolved_at_first_contact, contacts, not_resolvable_at_first_contact):
    """First-contact resolution, net: resolved at the first contact / (contacts - those that
    could not be resolved at the first contact by their nature)."""
    return _rate(_native.kpi_fcr_net(resolved_at_first_contact, contacts, not_resolvable_at_first_contact))


def escalation_rate(escalated, contacts):
    """Contacts escalated to a second line / all contacts."""
    return _rate(_native.kpi_escalation_rate(escalated, contacts))


def escalation_reduction_rate(previous_year, this_year):
    """(previous year's escalations - this year's) / previous year's (Reference 9-2 no. 4)."""
    return _rate(_native.kpi_escalation_reduction_rate(previous_year, this_year))


def reopen_rate(reopened, resolved):
    """Incidents reopened after resolution / incidents resolved."""
    return _rate(_native.kpi_reopen_rate(reopened, resolved))


def failure_rate(failures, device_years):
    """Failures per device-year (Case 9-6): failures / (devices x years in service)."""
    return _rate(_native.kpi_failure_rate(failures, device_years))


# ---- categories --------------------------------------------------------------------------------


def _counts(source, what):
    """(labels, counts) of a Mapping or a pandas Series of counts per category."""
    if _is_pandas(source):
        return list(source.index), _float_array(source.to_numpy(), what)
    if isinstance(source, Mapping):
        return list(source), _float_array(list(source.values()), what)
    raise TypeError(
        f"{what} must be counts per category: a dict or a pandas Series indexed by category "
        f"(for records, pass records['category'].value_counts()), not {type(source).__name__}"
    )


def share_by_category(part, whole):
    """A share broken down by category, numerator and denominator from different sources
    (Reference 9-3: online applications by user category / all applications by the same
    categories).

    ``part`` and ``whole`` are counts per category: dicts or pandas Series indexed by
    category. Both must use the same categories: a category with a part but no whole, or a
    part above its whole, is an :class:`InvalidArgumentError` naming it.

    Returns ``(by_category, total)``: a DataFrame indexed by category (columns numerator,
    denominator, ratio, has_data) when given pandas, else a dict of :class:`KpiRate`; and the
    total :class:`KpiRate` (sum of parts over sum of wholes, not a mean of the rates).
    """
    part_labels, part_counts = _counts(part, "part")
    whole_labels, whole_counts = _counts(whole, "whole")
    whole_codes, categories = _codes(whole_labels, "whole")
    known = set(categories)
    extra = [label for label in part_labels if label not in known]
    if extra:
        raise _invalid(f"share_by_category: categories {extra!r} have a part but no whole: the two sources "
                       "must use the same categories")
    part_codes, _ = _codes(part_labels, "part", categories)
    rows = np.empty((len(categories), 4))
    total = _native.kpi_share_by_category(rows, part_codes, part_counts, whole_codes, whole_counts)
    if not _is_pandas(part, whole):
        return _rates_dict(rows, categories), _rate(total)
    name = next((s.index.name for s in (whole, part) if _is_pandas(s) and s.index.name), "category")
    return _rates_frame(rows, categories, name), _rate(total)


def online_usage_rate(online, applications):
    """Online usage rate (オンライン利用率, Reference 9-3): online applications / all
    applications, per user category (principal / agent, individual / corporation) and in
    total. See :func:`share_by_category`."""
    return share_by_category(online, applications)


def _invalid(message):
    from ._errors import InvalidArgumentError

    return InvalidArgumentError(message)


def mean_by_category(values, categories):
    """The mean of ``values`` per category (``categories[i]`` is the category of
    ``values[i]``): numerator the sum, denominator the count. Different kinds of things are
    not averaged together (Step 2-2); :func:`mean_mixed` does that when asked to.

    Returns a DataFrame indexed by category (pandas input) or a dict of :class:`KpiRate`."""
    if categories is None:
        raise TypeError("mean_by_category needs the categories; to average everything together, call mean_mixed()")
    vals = _float_array(values, "values").reshape(-1)
    cat_codes, labels = _codes(categories, "categories")
    if len(cat_codes) != len(vals):
        raise ValueError(f"values and categories differ in length ({len(vals)} and {len(cat_codes)})")
    rows = np.empty((len(labels), 4))
    _native.kpi_mean_by_category(rows, cat_codes, vals)
    if _is_pandas(values, categories):
        return _rates_frame(rows, labels, getattr(categories, "name", None) or "category")
    return _rates_dict(rows, labels)


def mean_mixed(values):
    """The mean of all ``values`` whatever kinds they are, as a :class:`KpiRate` (sum / count)."""
    rows = np.empty((1, 4))
    _native.kpi_mean_by_category(rows, None, _float_array(values, "values").reshape(-1))
    return KpiRate(float(rows[0, 0]), float(rows[0, 1]), float(rows[0, 2]), bool(rows[0, 3]))


# ---- effort ---------------------------------------------------------------------------------------


class Effort(NamedTuple):
    """Planned versus actual effort of one group (``itsm_kpi_effort``)."""

    records: int
    planned: float
    actual: float
    variance: float  # actual - planned
    ratio: KpiRate      # actual / planned; +inf for work without a plan


def effort_by_group(groups, planned, actual):
    """Planned versus actual hours per work item or per person (Case 9-4): ``groups[i]`` is
    the group of the record with ``planned[i]`` and ``actual[i]`` hours.

    Returns a DataFrame indexed by group with columns records, planned, actual, variance,
    ratio (actual / planned), has_data (pandas input), else a dict of :class:`Effort`."""
    group_codes, labels = _codes(groups, "groups")
    plan = _float_array(planned, "planned").reshape(-1)
    act = _float_array(actual, "actual").reshape(-1)
    rows = np.empty((len(labels), 8))
    _native.kpi_effort_by_group(rows, group_codes, plan, act)
    if _is_pandas(groups, planned, actual):
        pd = _pandas()
        frame = pd.DataFrame(rows[:, [0, 1, 2, 3, 6, 7]], index=pd.Index(labels, name=getattr(groups, "name", None)),
                             columns=["records", "planned", "actual", "variance", "ratio", "has_data"])
        return frame.astype({"records": np.int64, "has_data": bool})
    return {
        label: Effort(int(r[0]), float(r[1]), float(r[2]), float(r[3]), KpiRate(*(float(x) for x in r[4:7]), bool(r[7])))
        for label, r in zip(labels, rows)
    }


# ---- incidents ------------------------------------------------------------------------------------


class IncidentSummary(NamedTuple):
    """Reassignments and reopenings over a set of incidents (``itsm_kpi_incident_summary``)."""

    incidents: int
    reassignments: int
    max_reassignments: int
    reassigned: KpiRate                  # incidents with >= 1 reassignment / incidents
    reassignments_per_incident: KpiRate
    reopen: KpiRate                      # reopened / resolved at least once


def _handles(incidents):
    from ._incident import Incident

    for k, i in enumerate(incidents):
        if not isinstance(i, Incident):
            raise TypeError(f"incidents[{k}] must be an itsm.Incident, not {type(i).__name__}")
    return [i._handle for i in incidents]


def reassignments(incidents):
    """Reassignments (hand-offs to another group) of each :class:`Incident`: a numpy int32
    array, or a pandas Series indexed by incident id when given a Series of incidents."""
    items = list(incidents.tolist() if _is_pandas(incidents) else incidents)
    out = np.empty(len(items), np.int32)
    _native.kpi_reassignments(out, _handles(items))
    if _is_pandas(incidents):
        return _pandas().Series(out, index=incidents.index, name="reassignments")
    return out


def incident_summary(incidents):
    """:class:`IncidentSummary` of a sequence of :class:`Incident`."""
    items = list(incidents.tolist() if _is_pandas(incidents) else incidents)
    n, total, most, reassigned, per_incident, reopen = _native.kpi_incident_summary_get(_handles(items))
    return IncidentSummary(n, total, most, _rate(reassigned), _rate(per_incident), _rate(reopen))


# ---- fixed versus spot maintenance, Heinrich ---------------------------------------------------------


class Cheaper(enum.IntEnum):
    """Which maintenance contract costs less (``itsm_kpi_cheaper``)."""

    EQUAL = _native.KPI_CHEAPER_EQUAL
    FIXED = _native.KPI_CHEAPER_FIXED
    SPOT = _native.KPI_CHEAPER_SPOT


class BreakEven(NamedTuple):
    """Fixed versus spot maintenance for a year (``itsm_kpi_break_even``)."""

    fixed_cost: float
    spot_cost: float
    break_even_failures: float
    cheaper: Cheaper


def maintenance_break_even(failures_per_year, fixed_cost_per_year, spot_cost_per_failure, spot_base_cost_per_year=0.0):
    """Compare a fixed maintenance contract with spot maintenance at the expected failures
    per year (Case 9-6: with few failures, spot maintenance costs less)."""
    fixed, spot, even, cheaper = _native.kpi_maintenance_break_even(
        failures_per_year, fixed_cost_per_year, spot_cost_per_failure, spot_base_cost_per_year)
    return BreakEven(fixed, spot, even, Cheaper(cheaper))


class HeinrichRatio(NamedTuple):
    """The observed major : minor : near-miss ratio (Heinrich: 1 : 29 : 300)."""

    minor_per_major: KpiRate
    near_misses_per_major: KpiRate
    near_misses_per_minor: KpiRate


def heinrich_ratio(major, minor, near_misses):
    """:class:`HeinrichRatio` of counts of major incidents, minor incidents and near misses."""
    return HeinrichRatio(*(_rate(r) for r in _native.kpi_heinrich_ratio(major, minor, near_misses)))


# ---- function usage inventory (Case 9-10) ------------------------------------------------------------


class UsageAnswer(enum.IntEnum):
    """An organisation's answer about a function (``itsm_kpi_usage_answer``)."""

    ALL_WORK = _native.KPI_USAGE_ALL_WORK      # 業務を全て遂行
    ALSO_OTHER = _native.KPI_USAGE_ALSO_OTHER  # 他の手段も併用
    NOT_USED = _native.KPI_USAGE_NOT_USED      # 全く利用していない

    @classmethod
    def coerce(cls, value):
        """From itself, its number, its name ("all_work", "also_other", "not_used") or the
        survey's Japanese wording."""
        if isinstance(value, str):
            text = value.strip()
            found = _ANSWER_WORDS.get(text) or _ANSWER_WORDS.get(text.lower())
            if found is None:
                raise ValueError(f"{value!r} is not a usage answer (all_work, also_other, not_used or "
                                 "業務を全て遂行, 他の手段も併用, 全く利用していない)")
            return found
        return cls(value)


_ANSWER_WORDS = {
    "all_work": UsageAnswer.ALL_WORK, "業務を全て遂行": UsageAnswer.ALL_WORK,
    "also_other": UsageAnswer.ALSO_OTHER, "他の手段も併用": UsageAnswer.ALSO_OTHER,
    "not_used": UsageAnswer.NOT_USED, "全く利用していない": UsageAnswer.NOT_USED,
}


class UsageVerdict(enum.IntEnum):
    """What to consider doing with a function (``itsm_kpi_usage_verdict``)."""

    KEEP = _native.KPI_VERDICT_KEEP
    IMPROVE = _native.KPI_VERDICT_IMPROVE
    RETIRE = _native.KPI_VERDICT_RETIRE
    CHECK = _native.KPI_VERDICT_CHECK
    NO_ANSWERS = _native.KPI_VERDICT_NO_ANSWERS


class FunctionUsage(NamedTuple):
    """The inventory of one function (``itsm_kpi_function_usage``)."""

    all_work: int
    also_other: int
    not_used: int
    log_uses: int
    not_used_share: KpiRate
    also_other_share: KpiRate
    verdict: UsageVerdict


def _answer_pairs(answers):
    """(functions, answers) of a long DataFrame (columns function, answer), a wide one
    (rows functions, columns organisations, NaN for no answer) or (function, answer) pairs."""
    if _is_pandas(answers):
        if {"function", "answer"} <= set(answers.columns):
            return list(answers["function"]), list(answers["answer"]), None
        stacked = answers.stack()  # drops NaN: no answer
        return list(stacked.index.get_level_values(0)), list(stacked), list(answers.index)
    pairs = list(answers)
    return [p[0] for p in pairs], [p[1] for p in pairs], None


def function_inventory(answers, log_uses=None, retire_max_uses=0):
    """Summarise a function usage survey with the usage logs (Case 9-10).

    ``answers``: a DataFrame with columns ``function`` and ``answer`` (one row per
    organisation and function), or the survey matrix (rows functions, columns
    organisations, cells answers, NaN where nobody answered), or (function, answer) pairs.
    Answers are :class:`UsageAnswer` values or their words. ``log_uses``: uses per
    function (dict or Series); functions only in the logs are listed too.

    Verdicts: RETIRE when every answer is "not used" and the logs show at most
    ``retire_max_uses`` uses; CHECK when they show more; IMPROVE when anyone also uses other
    means; KEEP otherwise; NO_ANSWERS without answers. Returns a DataFrame indexed by
    function (pandas input) or a dict of :class:`FunctionUsage`.
    """
    functions, words, order = _answer_pairs(answers)
    codes_in = [int(UsageAnswer.coerce(w)) for w in words]
    # Functions in the order of the survey matrix, then of the answers, then of the logs.
    labels = list(dict.fromkeys(list(order or []) + list(functions)))
    if log_uses is not None:
        labels = list(dict.fromkeys(labels + _counts(log_uses, "log_uses")[0]))
    fcodes, labels = _codes(functions, "function", labels)
    logs = None
    if log_uses is not None:
        logs = np.zeros(len(labels), np.int64)
        position = {f: i for i, f in enumerate(labels)}
        for f, uses in (log_uses.items() if hasattr(log_uses, "items") else ()):
            logs[position[f]] = int(uses)
    rows = np.empty((len(labels), 5), np.int64)
    _native.kpi_function_inventory(rows, fcodes, np.asarray(codes_in, np.int32), logs, int(retire_max_uses))
    results = {}
    for label, (all_work, also_other, not_used, uses, verdict) in zip(labels, rows):
        answered = float(all_work + also_other + not_used)
        results[label] = FunctionUsage(int(all_work), int(also_other), int(not_used), int(uses),
                                       share(float(not_used), answered), share(float(also_other), answered),
                                       UsageVerdict(int(verdict)))
    if not _is_pandas(answers, log_uses):
        return results
    pd = _pandas()
    frame = pd.DataFrame.from_records(
        [(u.all_work, u.also_other, u.not_used, u.log_uses, u.not_used_share.ratio, u.also_other_share.ratio,
          u.verdict.name.lower()) for u in results.values()],
        index=pd.Index(labels, name="function"),
        columns=["all_work", "also_other", "not_used", "log_uses", "not_used_share", "also_other_share", "verdict"])
    return frame
