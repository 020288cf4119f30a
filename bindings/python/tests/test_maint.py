"""Maintenance judgments through Python: types, Table 10, the civil code, investigation
cost, customization classes, FOSS (itsm/maint.h, docs/maintenance.md)."""

import dataclasses
import datetime
import itertools
import pickle

import pytest

import itsm
from itsm import itsm_native

D = datetime.date
MT = itsm.MaintenanceType
V = itsm.Verdict
R = itsm.Reason
O = itsm.Origin

CORRECTIONS = [MT.CORRECTIVE, MT.EMERGENCY, MT.PREVENTIVE]
ENHANCEMENTS = [MT.ADAPTIVE, MT.PERFECTIVE, MT.ADDITIVE]
KNOWN_ORIGINS = [O.USER, O.VENDOR, O.THIRD_PARTY]


# ---- enums mirror the C enums ---------------------------------------------------------------

ENUM_PREFIXES = [
    (itsm.MaintenanceType, "MAINT_", ["CORRECTIVE", "EMERGENCY", "PREVENTIVE", "ADAPTIVE", "PERFECTIVE", "ADDITIVE"]),
    (itsm.MaintenanceClass, "MAINT_CLASS_", None),
    (itsm.MaintenanceStandard, "MAINT_STD_", None),
    (itsm.Trigger, "MR_", None),
    (itsm.Language, "MAINT_LANG_", None),
    (itsm.Reason, "MAINT_R_", None),
    (itsm.CivilRegime, "CIVIL_REGIME_", None),
    (itsm.ContractKind, "CONTRACT_", None),
    (itsm.Origin, "MR_ORIGIN_", None),
    (itsm.DocCoverage, "DOC_", None),
    (itsm.Investigation, "INVESTIGATION_", None),
    (itsm.Verdict, "VERDICT_", None),
    (itsm.CostBearer, "COST_", None),
    (itsm.CustomizationClass, "CUSTOM_", None),
    (itsm.VersionUpEase, "VERSIONUP_", None),
    (itsm.FossSelector, "FOSS_SELECTED_BY_", None),
    (itsm.FossDuty, "FOSS_DUTY_", None),
    (itsm.FossFault, "FOSS_FAULT_", None),
]


@pytest.mark.parametrize("cls, prefix, names", ENUM_PREFIXES, ids=[c.__name__ for c, _, _ in ENUM_PREFIXES])
def test_enum_values_are_the_c_values(cls, prefix, names):
    for member in cls:
        assert int(member) == getattr(itsm_native, prefix + member.name), member
    assert [m.value for m in cls] == list(range(len(cls)))  # dense, from 0, none missing
    if names is not None:
        assert [m.name for m in cls] == names
    assert cls.__module__ == "itsm"
    assert cls.__name__ in itsm.__all__


def test_reason_enum_is_complete():
    native = sorted(getattr(itsm_native, n) for n in dir(itsm_native) if n.startswith("MAINT_R_"))
    assert native == [int(r) for r in R]
    for r in R:
        assert r.text and r.source
        assert r.text == itsm_native.maint_reason_text(int(r))


# ---- classification ----------------------------------------------------------------------------

CLASSIFY = [
    ("fault_found", MT.CORRECTIVE, MT.CORRECTIVE),
    ("temporary_fix", MT.EMERGENCY, MT.EMERGENCY),
    ("latent_fault", MT.PREVENTIVE, MT.PREVENTIVE),
    ("environment_change", MT.ADAPTIVE, MT.ADAPTIVE),
    ("improvement", MT.PERFECTIVE, MT.PERFECTIVE),
    ("new_function", MT.PERFECTIVE, MT.ADDITIVE),
]


@pytest.mark.parametrize("trigger, jis, iso", CLASSIFY)
def test_classify_maintenance(trigger, jis, iso):
    assert itsm.classify_maintenance(trigger) is jis  # JIS X 0161:2008 by default
    assert itsm.classify_maintenance(trigger, "JIS X 0161:2008") is jis
    assert itsm.classify_maintenance(itsm.Trigger[trigger.upper()], itsm.MaintenanceStandard.JIS_X0161_2008) is jis
    assert itsm.classify_maintenance(trigger, "ISO 14764:2022") is iso
    assert itsm.classify_maintenance(trigger.replace("_", " ").upper(), "ISO/IEC/IEEE 14764:2022") is iso
    assert itsm.classify_maintenance(int(itsm.Trigger[trigger.upper()]), 1) is iso


def test_standard_spellings():
    S = itsm.MaintenanceStandard
    for text in ("JIS X 0161:2008", "jis x 0161:2008", "ISO/IEC 14764:2006", "jis_x0161_2008", "JIS"):
        assert S.coerce(text) is S.JIS_X0161_2008, text
    for text in ("ISO 14764:2022", "ISO/IEC/IEEE 14764:2022", "iso_14764_2022", "2022"):
        assert S.coerce(text) is S.ISO_14764_2022, text
    with pytest.raises(itsm.InvalidArgumentError, match="standard"):
        itsm.classify_maintenance("fault_found", "ISO 9001:2015")


def test_types_classes_and_names():
    C = itsm.MaintenanceClass
    for t in CORRECTIONS:
        assert itsm.maintenance_class(t) is C.CORRECTION and t.maintenance_class is C.CORRECTION
    for t in ENHANCEMENTS:
        assert itsm.maintenance_class(t) is C.ENHANCEMENT
    assert not MT.ADDITIVE.in_standard("JIS X 0161:2008")
    assert MT.ADDITIVE.in_standard("ISO 14764:2022")
    assert all(itsm.maintenance_type_in_standard(t, s) for t in MT if t is not MT.ADDITIVE
               for s in itsm.MaintenanceStandard)
    assert MT.CORRECTIVE.name_en == "corrective" and MT.CORRECTIVE.name_ja == "是正保守"
    assert MT.ADDITIVE.label("ja") == "追加保守" and MT.ADDITIVE.label(itsm.Language.EN) == "additive"
    assert MT.PERFECTIVE.label() == "perfective"
    assert [t.name_ja for t in MT] == ["是正保守", "緊急保守", "予防保守", "適応保守", "完全化保守", "追加保守"]
    assert C.CORRECTION.name_ja == "訂正保守" and C.ENHANCEMENT.name_ja == "改良保守"
    assert MT.coerce("完全化保守") is MT.PERFECTIVE  # Japanese names are accepted too
    assert V.DEFECT.name_en == "defect" and V.DEFECT.name_ja == "瑕疵である"
    assert V.UNDETERMINED.name_en == itsm_native.maint_verdict_name(4, 0)
    with pytest.raises(itsm.InvalidArgumentError, match="lang"):
        MT.CORRECTIVE.label("fr")


# ---- Table 10: every cell ------------------------------------------------------------------


def table10_expected(t, origin, inside):
    """(verdict, reason) of a Table 10 cell, as docs/maintenance.md states it."""
    if t in ENHANCEMENTS:
        return V.NOT_DEFECT, R.ENHANCEMENT
    if origin is O.USER:
        return V.NOT_DEFECT, R.USER_ORIGIN
    if origin is O.VENDOR:
        return (V.DEFECT, R.VENDOR_CORRECTION_IN_WARRANTY) if inside else \
               (V.OUT_OF_WARRANTY, R.VENDOR_CORRECTION_OUT_OF_WARRANTY)
    return (V.DEPENDS_ON_CONTRACT, R.THIRD_PARTY_ORIGIN) if inside else \
           (V.OUT_OF_WARRANTY, R.THIRD_PARTY_OUT_OF_WARRANTY)


TABLE10 = list(itertools.product(MT, KNOWN_ORIGINS, [True, False]))


@pytest.mark.parametrize("t, origin, inside", TABLE10,
                         ids=[f"{t.name}-{o.name}-{'in' if i else 'out'}" for t, o, i in TABLE10])
def test_table10_cell(t, origin, inside):
    r = itsm.defect_determination(t, origin, inside)
    assert (r.verdict, r.reason) == table10_expected(t, origin, inside)
    assert r.effective_type is (MT.CORRECTIVE if t is MT.EMERGENCY else t)
    assert r.effective_origin is origin
    assert r.civil_regime is itsm.CivilRegime.UNKNOWN
    assert r.reason_text == r.reason.text and r.reason_source == r.reason.source
    assert r.is_defect == (r.verdict is V.DEFECT)
    # the same cell by names and by ints
    r2 = itsm.defect_determination(t.name.lower(), origin.name.lower().replace("_", " "), int(inside))
    r3 = itsm.defect_determination(int(t), int(origin), inside)
    assert r == r2 == r3


def test_table10_symbols_match_the_doc():
    # ○ / × / △ per row and column, inside the warranty period
    sym = {V.DEFECT: "○", V.NOT_DEFECT: "×", V.DEPENDS_ON_CONTRACT: "△"}
    rows = {t: "".join(sym[itsm.defect_determination(t, o, True).verdict] for o in KNOWN_ORIGINS) for t in MT}
    assert rows == {MT.CORRECTIVE: "×○△", MT.EMERGENCY: "×○△", MT.PREVENTIVE: "×○△",
                    MT.ADAPTIVE: "×××", MT.PERFECTIVE: "×××", MT.ADDITIVE: "×××"}


def test_docs_example():
    r = itsm.defect_determination(MT.EMERGENCY, "vendor", True, contract_date=D(2021, 4, 1))
    assert r.verdict is V.DEFECT and r.reason is R.VENDOR_CORRECTION_IN_WARRANTY
    assert r.effective_type is MT.CORRECTIVE and r.civil_regime is itsm.CivilRegime.CURRENT
    assert r.investigation_cost is itsm.CostBearer.VENDOR
    assert str(r).startswith("defect: ") and r.reason_source in str(r)


# ---- unknown origin -------------------------------------------------------------------------

UNKNOWN = list(itertools.product(MT, itsm.DocCoverage, [True, False]))


@pytest.mark.parametrize("t, coverage, inside", UNKNOWN,
                         ids=[f"{t.name}-{c.name}-{'in' if i else 'out'}" for t, c, i in UNKNOWN])
def test_unknown_origin(t, coverage, inside):
    r = itsm.defect_determination(t, "unknown", inside, coverage=coverage)
    if coverage is itsm.DocCoverage.SPECIFIED_NOT_REALIZED:
        # documented and not realized: corrective maintenance with vendor origin
        assert r.effective_type is MT.CORRECTIVE and r.effective_origin is O.VENDOR
        assert (r.verdict, r.reason) == ((V.DEFECT, R.SPEC_NOT_REALIZED) if inside else
                                         (V.OUT_OF_WARRANTY, R.SPEC_NOT_REALIZED_OUT_OF_WARRANTY))
        return
    assert r.effective_origin is O.UNKNOWN
    if t in ENHANCEMENTS:
        assert (r.verdict, r.reason) == (V.NOT_DEFECT, R.ENHANCEMENT)
    elif coverage is itsm.DocCoverage.NOT_ASSESSED:
        assert (r.verdict, r.reason) == (V.UNDETERMINED, R.ORIGIN_UNKNOWN)
    else:
        assert (r.verdict, r.reason) == (V.UNDETERMINED, R.DOCS_SILENT_OR_AMBIGUOUS)


def test_unknown_origin_strings():
    r = itsm.defect_determination("corrective", "不明", True, coverage="ambiguous")
    assert r.verdict is V.UNDETERMINED and V.UNDETERMINED.name_ja == "特定困難（要協議）"
    assert itsm.defect_determination("preventive", "UNKNOWN", True, coverage="not specified").reason \
        is R.DOCS_SILENT_OR_AMBIGUOUS


# ---- security countermeasures (2.10.1) ---------------------------------------------------------

SECURITY = list(itertools.product(MT, KNOWN_ORIGINS, [True, False], itsm.ContractKind))


@pytest.mark.parametrize("t, origin, inside, kind", SECURITY,
                         ids=[f"{t.name}-{o.name}-{'in' if i else 'out'}-{k.name}" for t, o, i, k in SECURITY])
def test_security_countermeasure_never_defect(t, origin, inside, kind):
    r = itsm.defect_determination(t, origin, inside, security_countermeasure=True, contract_kind=kind)
    assert r.verdict is not V.DEFECT
    if t in CORRECTIONS and origin is not O.USER and inside:
        assert (r.verdict, r.reason) == (V.DEPENDS_ON_CONTRACT, R.SECURITY_COUNTERMEASURE)


def test_security_countermeasure_unknown_origin_specified():
    # The unknown-origin rule makes the MR vendor-corrective, but 2.10.1 still holds.
    r = itsm.defect_determination("corrective", "unknown", True, coverage="specified_not_realized",
                                  security_countermeasure=True)
    assert r.verdict is V.DEPENDS_ON_CONTRACT


# ---- the statute -------------------------------------------------------------------------------


def test_customer_material_and_quasi_mandate():
    base = dict(type="corrective", origin="vendor", inside_warranty=True)
    r = itsm.defect_determination(**base, customer_material=True)
    assert (r.verdict, r.reason) == (V.NOT_DEFECT, R.CUSTOMER_MATERIAL)
    r = itsm.defect_determination(**base, customer_material=True, vendor_knew_unsuitable=True)
    assert r.verdict is V.DEFECT
    r = itsm.defect_determination(**base, contract_kind="quasi_mandate")
    assert (r.verdict, r.reason) == (V.DEPENDS_ON_CONTRACT, R.QUASI_MANDATE)
    for kind in ("work", "quasi_mandate_result", "unspecified", "請負"):
        assert itsm.defect_determination(**base, contract_kind=kind).verdict is V.DEFECT
    # the statute only takes a ○ away
    r = itsm.defect_determination("corrective", "third_party", True, customer_material=True,
                                  contract_kind="quasi_mandate")
    assert r.reason is R.THIRD_PARTY_ORIGIN


# ---- investigation cost (2.10.2) --------------------------------------------------------------

COST = list(itertools.product([True, False], [True, False], itsm.Investigation))


@pytest.mark.parametrize("inside, contract, investigation", COST)
def test_investigation_cost(inside, contract, investigation):
    expected = (itsm.CostBearer.DEPENDS_ON_CONTRACT if not inside else
                itsm.CostBearer.USER if not contract and investigation is itsm.Investigation.FOUND_NO_DEFECT else
                itsm.CostBearer.VENDOR)
    assert itsm.investigation_cost(inside, contract, investigation) is expected
    assert itsm.investigation_cost(int(inside), int(contract), investigation.name.lower()) is expected


def test_investigation_cost_in_result():
    r = itsm.defect_determination("corrective", "user", True, investigation="found_no_defect")
    assert r.investigation_cost is itsm.CostBearer.USER
    r = itsm.defect_determination("corrective", "user", True, investigation="found_no_defect",
                                  has_application_maintenance_contract=True)
    assert r.investigation_cost is itsm.CostBearer.VENDOR
    assert itsm.defect_determination("corrective", "vendor", False).investigation_cost \
        is itsm.CostBearer.DEPENDS_ON_CONTRACT


# ---- civil-code regime and claims (DOMAIN 1.5) --------------------------------------------------


@pytest.mark.parametrize("date, regime", [
    (D(2020, 3, 31), itsm.CivilRegime.OLD),
    ("2020-03-31", itsm.CivilRegime.OLD),
    (D(2020, 4, 1), itsm.CivilRegime.CURRENT),
    ("2020-04-01", itsm.CivilRegime.CURRENT),
    (D(1900, 1, 1), itsm.CivilRegime.OLD),
    (D(2200, 12, 31), itsm.CivilRegime.CURRENT),
])
def test_civil_regime_boundary(date, regime):
    assert itsm.civil_regime(date) is regime
    r = itsm.defect_determination("corrective", "vendor", True, contract_date=date)
    assert r.civil_regime is regime


def test_civil_terms():
    assert itsm.CivilRegime.OLD.name_ja == "瑕疵担保責任" == itsm.civil_term("old")
    assert itsm.CivilRegime.CURRENT.term == "契約不適合責任" == itsm.civil_term(2, "ja")
    assert itsm.civil_term("current", "en") == itsm_native.maint_civil_term(2, 0)
    assert itsm.civil_regime(D(2020, 3, 31)).label("ja") == "瑕疵担保責任"


def test_check_claim_docs_example():
    c = itsm.check_claim(D(2021, 4, 1), D(2021, 6, 1), D(2024, 2, 10), known_date=D(2023, 2, 10))
    assert c.in_time and c.deadline == D(2024, 2, 10) and c.reason is R.CLAIM_NOTICE_1Y
    assert c.regime is itsm.CivilRegime.CURRENT and c.reason_source == R.CLAIM_NOTICE_1Y.source
    late = itsm.check_claim("2021-04-01", "2021-06-01", "2024-02-11", known_date="2023-02-10")
    assert not late.in_time
    knew = itsm.check_claim("2021-04-01", "2021-06-01", "2024-02-11", known_date="2023-02-10", vendor_knew=True)
    assert knew.in_time and knew.reason is R.CLAIM_KNOWN_5Y and knew.deadline == D(2028, 2, 10)


def test_check_claim_old_regime_and_contract_period():
    c = itsm.check_claim("2020-03-31", "2020-06-01", "2021-06-01")  # known_date not needed
    assert c.regime is itsm.CivilRegime.OLD and c.reason is R.CLAIM_OLD_DELIVERY_1Y
    assert c.in_time and c.deadline == D(2021, 6, 1)
    assert not itsm.check_claim("2020-03-31", "2020-06-01", "2021-06-02").in_time
    c = itsm.check_claim("2021-04-01", "2021-06-01", "2022-06-01", known_date="2022-01-10",
                         contract_warranty_days=datetime.timedelta(days=365))
    assert c.reason is R.CLAIM_CONTRACT_PERIOD and c.deadline == D(2022, 6, 1) and c.in_time
    feb29 = itsm.check_claim("2019-04-01", "2020-02-29", "2021-02-28")
    assert feb29.deadline == D(2021, 2, 28) and feb29.in_time


def test_check_claim_errors():
    with pytest.raises(itsm.InvalidArgumentError, match="known_date"):
        itsm.check_claim("2021-04-01", "2021-06-01", "2024-02-10")
    with pytest.raises(itsm.InvalidArgumentError, match="known_date is before delivery_date"):
        itsm.check_claim("2021-04-01", "2021-06-01", "2024-02-10", known_date="2021-05-01")
    with pytest.raises(itsm.InvalidArgumentError, match="negative"):
        itsm.check_claim("2021-04-01", "2021-06-01", "2022-01-01", known_date="2021-07-01",
                         contract_warranty_days=-1)
    with pytest.raises(TypeError):
        itsm.check_claim(None, "2021-06-01", "2022-01-01")
    with pytest.raises(TypeError):
        itsm.check_claim("2021-04-01", "2021-06-01", "2022-01-01", contract_warranty_days=True)


# ---- 民法142条: deadlines on days without business --------------------------------------------


@pytest.mark.parametrize(
    "known, period_end, deadline, options",
    [
        # Sunday
        ("2024-06-01", D(2025, 6, 1), D(2025, 6, 2), {}),
        # Sunday 建国記念の日, then Monday 振替休日
        ("2023-02-11", D(2024, 2, 11), D(2024, 2, 13), {}),
        # Golden Week 2025: Sat 憲法記念日 .. Tue 振替休日
        ("2024-05-03", D(2025, 5, 3), D(2025, 5, 7), {}),
        # a plain Saturday counts only when asked for
        ("2024-05-10", D(2025, 5, 10), D(2025, 5, 10), {}),
        ("2024-05-10", D(2025, 5, 10), D(2025, 5, 12), {"saturday_closed": True}),
        # the year-end closing counts only as other holidays
        ("2024-12-29", D(2025, 12, 29), D(2025, 12, 29), {}),
        ("2024-12-29", D(2025, 12, 29), D(2026, 1, 5), {"other_holidays": "jp-year-end"}),
        ("2024-12-29", D(2025, 12, 29), D(2026, 1, 5), {"other_holidays": itsm.HolidaySet("jp-year-end")}),
        # Saturday 2026-01-03 after the closing, with Saturdays closed: Monday 01-05
        ("2025-01-03", D(2026, 1, 3), D(2026, 1, 5), {"saturday_closed": True}),
    ],
)
def test_check_claim_day_shift(known, period_end, deadline, options):
    c = itsm.check_claim("2021-04-01", "2021-06-01", deadline, known_date=known, day_shift=True, **options)
    assert c.period_end == period_end and c.deadline == deadline and c.in_time
    assert c.shift_days == (deadline - period_end).days
    late = itsm.check_claim("2021-04-01", "2021-06-01", deadline + datetime.timedelta(days=1), known_date=known,
                            day_shift=True, **options)
    assert not late.in_time
    plain = itsm.check_claim("2021-04-01", "2021-06-01", deadline, known_date=known)
    assert plain.deadline == plain.period_end == period_end and plain.shift_days == 0
    assert plain.in_time == (deadline == period_end)


def test_check_claim_day_shift_errors():
    with pytest.raises(itsm.RangeError, match="national holiday"):
        itsm.check_claim("2021-04-01", "2150-05-01", "2150-07-01", known_date="2150-06-01", day_shift=True)
    with pytest.raises(itsm.NotFoundError):
        itsm.check_claim("2021-04-01", "2021-06-01", "2022-01-01", known_date="2021-07-01", day_shift=True,
                         other_holidays="nowhere")
    with pytest.raises(TypeError):
        itsm.check_claim("2021-04-01", "2021-06-01", "2022-01-01", known_date="2021-07-01", day_shift="yes")


# ---- case law on bugs found after acceptance ---------------------------------------------------


def test_case_law_advisory():
    r = itsm.defect_determination("corrective", "vendor", True, fixed_promptly=True)
    assert r.verdict is V.DEFECT and r.advisory is R.CASE_LAW_PROMPT_REPAIR
    assert "may not be judged a defect" in r.advisory.text and "平成9年2月18日" in r.advisory.source
    assert r.advisory.text in str(r)
    assert itsm.defect_determination("corrective", "vendor", True, workaround_agreed=True).advisory \
        is R.CASE_LAW_PROMPT_REPAIR
    serious = itsm.defect_determination("corrective", "vendor", True, fixed_promptly=True, serious_bugs=True)
    assert serious.verdict is V.DEFECT and serious.advisory is R.CASE_LAW_SERIOUS_BUGS
    plain = itsm.defect_determination("corrective", "vendor", True)
    assert plain.advisory is None
    # the verdict and everything else is the same with and without the advisory
    assert dataclasses.replace(r, advisory=None) == plain
    assert itsm.defect_determination("corrective", "third_party", True, fixed_promptly=True).advisory \
        is R.CASE_LAW_PROMPT_REPAIR
    assert itsm.defect_determination("corrective", "user", True, fixed_promptly=True).advisory is None
    assert itsm.defect_determination("corrective", "vendor", False, serious_bugs=True).advisory is None
    assert pickle.loads(pickle.dumps(r)) == r
    with pytest.raises(TypeError):
        itsm.defect_determination("corrective", "vendor", True, fixed_promptly="yes")
    assert itsm_native.maint_defect_determine_ex(1, 1, 1, 0, 0, 0, 0, (2021, 4, 1), 0, 0, 0, 1, 0, 0) == \
        ((0, 0, 0, 1, 0, 2), int(R.CASE_LAW_PROMPT_REPAIR))


# ---- customization and FOSS ------------------------------------------------------------------


def test_customization():
    C = itsm.CustomizationClass
    E = itsm.VersionUpEase
    assert itsm.classify_customization(False) is C.ORDER
    assert itsm.classify_customization(False, True, True) is C.ORDER
    assert itsm.classify_customization(True) is C.I_PARAMETER
    assert itsm.classify_customization(True, tightly_coupled_addon=True) is C.II_ADDON
    assert itsm.classify_customization(True, source_modified=True, tightly_coupled_addon=True) is C.III_MODIFY
    assert [itsm.versionup_ease(c) for c in C] == [E.NOT_APPLICABLE, E.EASY, E.MEDIUM, E.HARD]
    assert C.II_ADDON.versionup_ease is E.MEDIUM and itsm.versionup_ease("iii modify") is E.HARD
    assert C.I_PARAMETER.name_ja == "Ⅰ パラメータ設定" and C.ORDER.name_ja == "オーダソフト"
    assert C.II_ADDON.name_en == itsm_native.maint_custom_name(2, 0)


def test_foss():
    v = itsm.foss_responsibility("vendor")
    assert v.selector is itsm.FossSelector.VENDOR and v.duty is itsm.FossDuty.CONTRACTUAL
    assert v.not_exempt_for is itsm.FossFault.INTENT_OR_GROSS_NEGLIGENCE
    assert "故意重過失" in v.text_ja and v.text("ja") == v.text_ja and v.text() == v.text_en
    u = itsm.foss_responsibility(itsm.FossSelector.USER)
    assert u.duty is itsm.FossDuty.CERTAIN and u.not_exempt_for is itsm.FossFault.MALICE_OR_GROSS_NEGLIGENCE
    assert "悪意重過失" in u.text_ja and u.not_exempt_for.name_ja == "悪意重過失"
    assert itsm.foss_responsibility("ユーザ") == u


# ---- bad inputs ---------------------------------------------------------------------------------

BAD_ENUMS = [
    (dict(type="corrective", origin="martian", inside_warranty=True), "origin"),
    (dict(type="corective", origin="vendor", inside_warranty=True), "type"),
    (dict(type=6, origin="vendor", inside_warranty=True), "type"),
    (dict(type=-1, origin="vendor", inside_warranty=True), "type"),
    (dict(type="corrective", origin=4, inside_warranty=True), "origin"),
    (dict(type="corrective", origin="unknown", inside_warranty=True, coverage="partly"), "coverage"),
    (dict(type="corrective", origin="vendor", inside_warranty=True, investigation="maybe"), "investigation"),
    (dict(type="corrective", origin="vendor", inside_warranty=True, contract_kind="lease"), "contract_kind"),
    (dict(type=V.DEFECT, origin="vendor", inside_warranty=True), "type"),  # another enum's member
    (dict(type="corrective", origin="", inside_warranty=True), "origin"),
]


@pytest.mark.parametrize("kwargs, field", BAD_ENUMS)
def test_bad_enum_values_raise(kwargs, field):
    with pytest.raises(itsm.InvalidArgumentError, match=field) as info:
        itsm.defect_determination(**kwargs)
    assert isinstance(info.value, ValueError) and info.value.code == itsm.ErrorCode.EINVAL


@pytest.mark.parametrize("kwargs", [
    dict(type=True, origin="vendor", inside_warranty=True),
    dict(type=0.0, origin="vendor", inside_warranty=True),
    dict(type=None, origin="vendor", inside_warranty=True),
    dict(type="corrective", origin="vendor", inside_warranty="yes"),
    dict(type="corrective", origin="vendor", inside_warranty=None),
    dict(type="corrective", origin="vendor", inside_warranty=True, security_countermeasure="no"),
    dict(type="corrective", origin="vendor", inside_warranty=True, contract_date=datetime.datetime(2021, 4, 1)),
    dict(type="corrective", origin="vendor", inside_warranty=True, contract_date=20210401),
])
def test_bad_types_raise(kwargs):
    with pytest.raises(TypeError):
        itsm.defect_determination(**kwargs)


def test_bad_dates_raise():
    with pytest.raises(itsm.ParseError, match="contract_date"):
        itsm.defect_determination("corrective", "vendor", True, contract_date="2021/04/01")
    with pytest.raises(ValueError, match="contract_date"):
        itsm.defect_determination("corrective", "vendor", True, contract_date=(2021, 2, 30))
    with pytest.raises(itsm.RangeError):
        itsm.civil_regime("1899-12-31")
    with pytest.raises(itsm.InvalidArgumentError):
        itsm.civil_regime((0, 0, 0))
    with pytest.raises(TypeError):
        itsm.civil_regime(None)


def test_other_bad_inputs():
    with pytest.raises(itsm.InvalidArgumentError, match="trigger"):
        itsm.classify_maintenance("bug")
    with pytest.raises(itsm.InvalidArgumentError, match="investigation"):
        itsm.investigation_cost(True, True, 3)
    with pytest.raises(itsm.InvalidArgumentError, match="selector"):
        itsm.foss_responsibility("community")
    with pytest.raises(itsm.InvalidArgumentError, match="customization_class"):
        itsm.versionup_ease("IV")
    with pytest.raises(TypeError):
        itsm.classify_customization("yes")
    # the native layer validates too (it is the C library's check)
    with pytest.raises(itsm.InvalidArgumentError, match="trigger 9 is out of range"):
        itsm_native.maint_classify(0, 9)
    with pytest.raises(itsm.InvalidArgumentError, match="origin"):
        itsm_native.maint_defect_determine(0, 7, 1, 0, 0, 0, 0, (0, 0, 0), 0, 0, 0)


def test_coerce_accepts_spellings():
    assert O.coerce("Third Party") is O.coerce("third-party") is O.coerce("THIRD_PARTY") is O.THIRD_PARTY
    assert O.coerce(" vendor ") is O.VENDOR and O.coerce("ベンダ") is O.VENDOR
    assert itsm.Language.coerce("japanese") is itsm.Language.JA


# ---- results and pickling ---------------------------------------------------------------------


def test_results_are_frozen_and_pickle():
    r = itsm.defect_determination("emergency", "vendor", True, contract_date="2020-03-31",
                                  investigation="found_defect")
    c = itsm.check_claim("2021-04-01", "2021-06-01", "2024-02-10", known_date="2023-02-10")
    f = itsm.foss_responsibility("vendor")
    for obj in (r, c, f):
        with pytest.raises(dataclasses.FrozenInstanceError):
            obj.reason = None  # type: ignore[misc]
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            back = pickle.loads(pickle.dumps(obj, proto))
            assert back == obj and type(back) is type(obj)
        assert type(obj).__module__ == "itsm" and repr(obj).startswith(type(obj).__name__ + "(")
    back = pickle.loads(pickle.dumps(r))
    assert back.verdict is V.DEFECT and back.civil_regime is itsm.CivilRegime.OLD
    assert hash(r) == hash(back)
    for cls, _, _ in ENUM_PREFIXES:
        for member in cls:
            assert pickle.loads(pickle.dumps(member)) is member


def test_native_tuples():
    assert itsm_native.maint_defect_determine(1, 1, 1, 0, 0, 0, 0, (2021, 4, 1), 0, 0, 0) == (0, 0, 0, 1, 0, 2)
    assert itsm_native.maint_claim_check((2021, 4, 1), (2021, 6, 1), (2023, 2, 10), (2024, 2, 10), 0, 0) == \
        (2, True, (2024, 2, 10), 14)
    duty, fault, en, ja = itsm_native.maint_foss_responsibility(1)
    assert (duty, fault) == (1, 1) and isinstance(en, str) and isinstance(ja, str)
    assert itsm_native.maint_type_in_standard(0, 5) is False
