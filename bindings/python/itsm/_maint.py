"""Maintenance judgments (``itsm/maint.h``): maintenance types, whether a modification
request (MR) is a defect (瑕疵) by Table 10 of the guideline, the civil-code regime and
claim periods behind it, who bears the investigation cost, package customization classes
and the FOSS responsibility of Table 8.

Every enum is an :class:`enum.IntEnum` whose values are the C enum's. Wherever one is
taken, these are accepted too:

* its member name as text, case-insensitive, with spaces or hyphens for underscores
  (``origin="vendor"``, ``"third party"``, ``"third-party"``);
* its English or Japanese name where the library has one (``"是正保守"``);
* its ``int`` value (not ``bool``).

Anything else is an :class:`itsm.InvalidArgumentError` naming the argument and the
accepted values (a value of the wrong type, e.g. a float, is a :class:`TypeError`).
Names come in English and Japanese: ``member.name_en``, ``member.name_ja`` or
``member.label(lang)`` with ``lang`` ``"en"`` / ``"ja"`` (or :class:`Language`).
"""

import dataclasses
import datetime
import enum
import operator
import re
import typing

from . import itsm_native as _native
from ._convert import from_date, to_date
from ._errors import InvalidArgumentError
from ._holidays import HolidaySet

__all__ = [
    "Language",
    "MaintenanceType",
    "MaintenanceClass",
    "MaintenanceStandard",
    "Trigger",
    "Reason",
    "CivilRegime",
    "ContractKind",
    "Origin",
    "DocCoverage",
    "Investigation",
    "Verdict",
    "CostBearer",
    "CustomizationClass",
    "VersionUpEase",
    "FossSelector",
    "FossDuty",
    "FossFault",
    "DefectResult",
    "ClaimResult",
    "FossResponsibility",
    "classify_maintenance",
    "maintenance_class",
    "maintenance_type_in_standard",
    "defect_determination",
    "investigation_cost",
    "civil_regime",
    "civil_term",
    "check_claim",
    "classify_customization",
    "versionup_ease",
    "foss_responsibility",
]


def _norm(text):
    return re.sub(r"[\s_\-]+", "_", text.strip().lower())


class _MaintEnum(enum.IntEnum):
    """Base of the maintenance enums: coercion from text and ints, bilingual names."""

    @classmethod
    def _aliases(cls):
        """Extra accepted texts ({text: member}) besides the member names."""
        return {}

    @classmethod
    def _lookup_table(cls):
        table = cls.__dict__.get("_table_cache")
        if table is None:
            table = {}
            for member in cls:
                table[_norm(member.name)] = member
                for text in member._names():
                    table.setdefault(_norm(text), member)
            for text, member in cls._aliases().items():
                table.setdefault(_norm(text), member)
            type.__setattr__(cls, "_table_cache", table)
        return table

    @classmethod
    def coerce(cls, value, what=None):
        """The member for ``value``: a member, its name (or English / Japanese name) as
        text, or its ``int`` value.

        Raises:
            InvalidArgumentError: for text or an int that names no member, or a member of
                another enum.
            TypeError: for any other type (bool included).
        """
        what = what or cls.__name__
        if isinstance(value, cls):
            return value
        choices = ", ".join(repr(m.name.lower()) for m in cls)
        if isinstance(value, _MaintEnum):
            raise InvalidArgumentError(f"{what}: {value!r} is not a {cls.__name__} (expected one of: {choices})")
        if isinstance(value, str):
            member = cls._lookup_table().get(_norm(value))
            if member is None:
                raise InvalidArgumentError(f"{what}: unknown value {value!r} (expected one of: {choices})")
            return member
        if isinstance(value, bool):
            raise TypeError(f"{what} must be a {cls.__name__}, its name or its int value, not bool")
        try:
            number = operator.index(value)
        except TypeError:
            raise TypeError(
                f"{what} must be a {cls.__name__}, its name (str) or its int value, not {type(value).__name__}"
            ) from None
        try:
            return cls(number)
        except ValueError:
            raise InvalidArgumentError(
                f"{what}: {number} is not a {cls.__name__} value "
                f"({min(cls).value}..{max(cls).value}: {choices})"
            ) from None

    def _names(self):
        """(English, Japanese) names, or () when the library has none."""
        return ()

    @property
    def name_en(self):
        """The English name (the library's where it has one; else the member name)."""
        names = self._names()
        return names[0] if names else self.name.lower().replace("_", " ")

    @property
    def name_ja(self):
        """The Japanese name (UTF-8), or None when there is none."""
        names = self._names()
        return names[1] if names else None

    def label(self, lang="en"):
        """The name in ``lang``: ``"en"`` or ``"ja"`` (or a :class:`Language`)."""
        return self.name_ja if Language.coerce(lang, "lang") is Language.JA else self.name_en


def _native_names(fn, value):
    return (fn(value, _native.MAINT_LANG_EN), fn(value, _native.MAINT_LANG_JA))


class Language(_MaintEnum):
    """Language of a returned name (``itsm_maint_lang``)."""

    EN = _native.MAINT_LANG_EN
    JA = _native.MAINT_LANG_JA

    @classmethod
    def _aliases(cls):
        return {"english": cls.EN, "japanese": cls.JA, "jp": cls.JA, "日本語": cls.JA, "英語": cls.EN}


# ---- maintenance types ------------------------------------------------------------------------


class MaintenanceType(_MaintEnum):
    """Maintenance type (保守のタイプ, ``itsm_maint_type``)."""

    CORRECTIVE = _native.MAINT_CORRECTIVE
    EMERGENCY = _native.MAINT_EMERGENCY
    PREVENTIVE = _native.MAINT_PREVENTIVE
    ADAPTIVE = _native.MAINT_ADAPTIVE
    PERFECTIVE = _native.MAINT_PERFECTIVE
    ADDITIVE = _native.MAINT_ADDITIVE

    def _names(self):
        return _native_names(_native.maint_type_name, int(self))

    @property
    def maintenance_class(self):
        """Its :class:`MaintenanceClass`: correction or enhancement."""
        return maintenance_class(self)

    def in_standard(self, standard):
        """Whether the type exists in ``standard`` (additive only in the 2022 edition)."""
        return maintenance_type_in_standard(self, standard)


class MaintenanceClass(_MaintEnum):
    """The two maintenance classes (保守分類, ``itsm_maint_class``)."""

    CORRECTION = _native.MAINT_CLASS_CORRECTION
    ENHANCEMENT = _native.MAINT_CLASS_ENHANCEMENT

    def _names(self):
        # The C library has no name function for classes; these are the header's terms.
        return (("correction", "訂正保守"), ("enhancement", "改良保守"))[int(self)]


class MaintenanceStandard(_MaintEnum):
    """Edition of the maintenance standard a classification follows."""

    JIS_X0161_2008 = _native.MAINT_STD_JIS_X0161_2008
    ISO_14764_2022 = _native.MAINT_STD_ISO_14764_2022

    def _names(self):
        return (("JIS X 0161:2008", "JIS X 0161:2008"),
                ("ISO/IEC/IEEE 14764:2022", "ISO/IEC/IEEE 14764:2022"))[int(self)]

    @classmethod
    def _aliases(cls):
        return {
            "JIS X 0161": cls.JIS_X0161_2008,
            "JIS": cls.JIS_X0161_2008,
            "ISO/IEC 14764:2006": cls.JIS_X0161_2008,
            "ISO 14764:2006": cls.JIS_X0161_2008,
            "2008": cls.JIS_X0161_2008,
            "ISO 14764:2022": cls.ISO_14764_2022,
            "ISO/IEC 14764:2022": cls.ISO_14764_2022,
            "2022": cls.ISO_14764_2022,
        }


class Trigger(_MaintEnum):
    """What triggered a modification request (``itsm_mr_trigger``)."""

    FAULT_FOUND = _native.MR_FAULT_FOUND
    TEMPORARY_FIX = _native.MR_TEMPORARY_FIX
    LATENT_FAULT = _native.MR_LATENT_FAULT
    ENVIRONMENT_CHANGE = _native.MR_ENVIRONMENT_CHANGE
    IMPROVEMENT = _native.MR_IMPROVEMENT
    NEW_FUNCTION = _native.MR_NEW_FUNCTION


# ---- reasons, regimes, facts ------------------------------------------------------------------


class Reason(_MaintEnum):
    """Why a judgment came out as it did (``itsm_maint_reason``); see :attr:`text` and
    :attr:`source`."""

    VENDOR_CORRECTION_IN_WARRANTY = _native.MAINT_R_VENDOR_CORRECTION_IN_WARRANTY
    VENDOR_CORRECTION_OUT_OF_WARRANTY = _native.MAINT_R_VENDOR_CORRECTION_OUT_OF_WARRANTY
    USER_ORIGIN = _native.MAINT_R_USER_ORIGIN
    THIRD_PARTY_ORIGIN = _native.MAINT_R_THIRD_PARTY_ORIGIN
    THIRD_PARTY_OUT_OF_WARRANTY = _native.MAINT_R_THIRD_PARTY_OUT_OF_WARRANTY
    SECURITY_COUNTERMEASURE = _native.MAINT_R_SECURITY_COUNTERMEASURE
    ENHANCEMENT = _native.MAINT_R_ENHANCEMENT
    SPEC_NOT_REALIZED = _native.MAINT_R_SPEC_NOT_REALIZED
    SPEC_NOT_REALIZED_OUT_OF_WARRANTY = _native.MAINT_R_SPEC_NOT_REALIZED_OUT_OF_WARRANTY
    DOCS_SILENT_OR_AMBIGUOUS = _native.MAINT_R_DOCS_SILENT_OR_AMBIGUOUS
    ORIGIN_UNKNOWN = _native.MAINT_R_ORIGIN_UNKNOWN
    CUSTOMER_MATERIAL = _native.MAINT_R_CUSTOMER_MATERIAL
    QUASI_MANDATE = _native.MAINT_R_QUASI_MANDATE
    CLAIM_OLD_DELIVERY_1Y = _native.MAINT_R_CLAIM_OLD_DELIVERY_1Y
    CLAIM_NOTICE_1Y = _native.MAINT_R_CLAIM_NOTICE_1Y
    CLAIM_KNOWN_5Y = _native.MAINT_R_CLAIM_KNOWN_5Y
    CLAIM_EXERCISABLE_10Y = _native.MAINT_R_CLAIM_EXERCISABLE_10Y
    CLAIM_CONTRACT_PERIOD = _native.MAINT_R_CLAIM_CONTRACT_PERIOD
    CASE_LAW_PROMPT_REPAIR = _native.MAINT_R_CASE_LAW_PROMPT_REPAIR
    CASE_LAW_SERIOUS_BUGS = _native.MAINT_R_CASE_LAW_SERIOUS_BUGS

    @property
    def text(self):
        """The library's English explanation (``itsm_maint_reason_text``)."""
        return _native.maint_reason_text(int(self))

    @property
    def source(self):
        """The seed item or statute it comes from, e.g. ``"seed A 2.10, Table 10 (○)"``."""
        return _native.maint_reason_source(int(self))


class CivilRegime(_MaintEnum):
    """Which civil code governs a contract (``itsm_civil_regime``); the names are the
    regime's terms (``"瑕疵担保責任"``, ``"契約不適合責任"``)."""

    UNKNOWN = _native.CIVIL_REGIME_UNKNOWN
    OLD = _native.CIVIL_REGIME_OLD
    CURRENT = _native.CIVIL_REGIME_CURRENT

    def _names(self):
        return _native_names(_native.maint_civil_term, int(self))

    @property
    def term(self):
        """The regime's Japanese term (``name_ja``)."""
        return self.name_ja


class ContractKind(_MaintEnum):
    """Contract type of the agreement (``itsm_contract_kind``)."""

    UNSPECIFIED = _native.CONTRACT_UNSPECIFIED
    WORK = _native.CONTRACT_WORK
    QUASI_MANDATE = _native.CONTRACT_QUASI_MANDATE
    QUASI_MANDATE_RESULT = _native.CONTRACT_QUASI_MANDATE_RESULT

    @classmethod
    def _aliases(cls):
        return {"請負": cls.WORK, "準委任": cls.QUASI_MANDATE, "履行割合型": cls.QUASI_MANDATE,
                "成果完成型": cls.QUASI_MANDATE_RESULT}


class Origin(_MaintEnum):
    """Origin (起因) of an MR (``itsm_mr_origin``)."""

    USER = _native.MR_ORIGIN_USER
    VENDOR = _native.MR_ORIGIN_VENDOR
    THIRD_PARTY = _native.MR_ORIGIN_THIRD_PARTY
    UNKNOWN = _native.MR_ORIGIN_UNKNOWN

    @classmethod
    def _aliases(cls):
        return {"ユーザ": cls.USER, "ベンダ": cls.VENDOR, "第三者": cls.THIRD_PARTY, "不明": cls.UNKNOWN}


class DocCoverage(_MaintEnum):
    """What the contract and its documents say about the function (``itsm_doc_coverage``)."""

    NOT_ASSESSED = _native.DOC_NOT_ASSESSED
    SPECIFIED_NOT_REALIZED = _native.DOC_SPECIFIED_NOT_REALIZED
    NOT_SPECIFIED = _native.DOC_NOT_SPECIFIED
    AMBIGUOUS = _native.DOC_AMBIGUOUS


class Investigation(_MaintEnum):
    """Outcome of the defect investigation, 2.10.2 (``itsm_investigation``)."""

    NOT_DONE = _native.INVESTIGATION_NOT_DONE
    FOUND_DEFECT = _native.INVESTIGATION_FOUND_DEFECT
    FOUND_NO_DEFECT = _native.INVESTIGATION_FOUND_NO_DEFECT


class Verdict(_MaintEnum):
    """Is the MR a defect? (``itsm_defect_verdict``): ○ DEFECT, × NOT_DEFECT,
    △ DEPENDS_ON_CONTRACT, OUT_OF_WARRANTY, UNDETERMINED (needs negotiation)."""

    DEFECT = _native.VERDICT_DEFECT
    NOT_DEFECT = _native.VERDICT_NOT_DEFECT
    DEPENDS_ON_CONTRACT = _native.VERDICT_DEPENDS_ON_CONTRACT
    OUT_OF_WARRANTY = _native.VERDICT_OUT_OF_WARRANTY
    UNDETERMINED = _native.VERDICT_UNDETERMINED

    def _names(self):
        return _native_names(_native.maint_verdict_name, int(self))


class CostBearer(_MaintEnum):
    """Likely bearer of the defect investigation cost, 2.10.2 (``itsm_cost_bearer``)."""

    VENDOR = _native.COST_VENDOR
    USER = _native.COST_USER
    DEPENDS_ON_CONTRACT = _native.COST_DEPENDS_ON_CONTRACT


# ---- package customization, FOSS --------------------------------------------------------------


class CustomizationClass(_MaintEnum):
    """Customization class of application software, 2.7.1 (``itsm_custom_class``)."""

    ORDER = _native.CUSTOM_ORDER
    I_PARAMETER = _native.CUSTOM_I_PARAMETER
    II_ADDON = _native.CUSTOM_II_ADDON
    III_MODIFY = _native.CUSTOM_III_MODIFY

    def _names(self):
        return _native_names(_native.maint_custom_name, int(self))

    @property
    def versionup_ease(self):
        """Its :class:`VersionUpEase`."""
        return versionup_ease(self)


class VersionUpEase(_MaintEnum):
    """Ease of a package version-up (``itsm_versionup_ease``): ○ EASY, △ MEDIUM, × HARD."""

    NOT_APPLICABLE = _native.VERSIONUP_NOT_APPLICABLE
    EASY = _native.VERSIONUP_EASY
    MEDIUM = _native.VERSIONUP_MEDIUM
    HARD = _native.VERSIONUP_HARD


class FossSelector(_MaintEnum):
    """Who selected the FOSS (``itsm_foss_selector``)."""

    VENDOR = _native.FOSS_SELECTED_BY_VENDOR
    USER = _native.FOSS_SELECTED_BY_USER

    @classmethod
    def _aliases(cls):
        return {"selected by vendor": cls.VENDOR, "selected by user": cls.USER,
                "ベンダ": cls.VENDOR, "ユーザ": cls.USER}


class FossDuty(_MaintEnum):
    """The vendor's duty to explain (``itsm_foss_duty``)."""

    CONTRACTUAL = _native.FOSS_DUTY_CONTRACTUAL
    CERTAIN = _native.FOSS_DUTY_CERTAIN


class FossFault(_MaintEnum):
    """The fault for which the vendor is not exempt when it did not explain
    (``itsm_foss_fault``): 故意重過失 or 悪意重過失."""

    INTENT_OR_GROSS_NEGLIGENCE = _native.FOSS_FAULT_INTENT_OR_GROSS_NEGLIGENCE
    MALICE_OR_GROSS_NEGLIGENCE = _native.FOSS_FAULT_MALICE_OR_GROSS_NEGLIGENCE

    def _names(self):
        return (("intent or gross negligence", "故意重過失"),
                ("malice or gross negligence", "悪意重過失"))[int(self)]


# ---- argument helpers ---------------------------------------------------------------------------


def _flag(value, what):
    """A yes/no argument: bool, an int (non-zero is true) or a numpy bool."""
    if isinstance(value, bool):
        return value
    if type(value).__module__ == "numpy" and type(value).__name__.startswith("bool"):
        return bool(value)
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{what} must be a bool, not {type(value).__name__}")
    try:
        return operator.index(value) != 0
    except TypeError:
        raise TypeError(f"{what} must be a bool, not {type(value).__name__}") from None


def _date_arg(value, what, optional=False):
    """(y, m, d) for the native layer; (0, 0, 0) for None when optional."""
    if value is None:
        if optional:
            return (0, 0, 0)
        raise TypeError(f"{what} is required (a datetime.date or 'YYYY-MM-DD')")
    fields = to_date(value, what)
    if fields == (0, 0, 0):
        raise InvalidArgumentError(f"{what}: (0, 0, 0) is not a date")
    return fields


# ---- maintenance types -----------------------------------------------------------------------


def classify_maintenance(trigger, standard=MaintenanceStandard.JIS_X0161_2008):
    """The :class:`MaintenanceType` of an MR triggered by ``trigger`` (a :class:`Trigger`
    or its name, e.g. ``"new_function"``) under ``standard``
    (``"JIS X 0161:2008"`` (the default, = ISO/IEC 14764:2006) or
    ``"ISO 14764:2022"``, or a :class:`MaintenanceStandard`).

    >>> classify_maintenance("new function")
    <MaintenanceType.PERFECTIVE: 4>
    >>> classify_maintenance("new function", "ISO 14764:2022")
    <MaintenanceType.ADDITIVE: 5>
    """
    trigger = Trigger.coerce(trigger, "trigger")
    standard = MaintenanceStandard.coerce(standard, "standard")
    return MaintenanceType(_native.maint_classify(int(standard), int(trigger)))


def maintenance_class(type):  # noqa: A002 - the C API's name
    """The :class:`MaintenanceClass` of a maintenance type."""
    type = MaintenanceType.coerce(type, "type")
    return MaintenanceClass(_native.maint_type_class(int(type)))


def maintenance_type_in_standard(type, standard):  # noqa: A002
    """Whether a maintenance type exists in ``standard`` (additive only in 2022)."""
    type = MaintenanceType.coerce(type, "type")
    standard = MaintenanceStandard.coerce(standard, "standard")
    return bool(_native.maint_type_in_standard(int(standard), int(type)))


# ---- defect determination -----------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class DefectResult:
    """Outcome of :func:`defect_determination` (``itsm_defect_result``), with the reason's
    text and source copied in. Immutable, comparable, picklable."""

    verdict: Verdict
    reason: Reason
    reason_text: str
    reason_source: str
    effective_type: MaintenanceType
    effective_origin: Origin
    investigation_cost: CostBearer
    civil_regime: CivilRegime
    #: The case-law advisory (:attr:`Reason.CASE_LAW_PROMPT_REPAIR` or
    #: :attr:`Reason.CASE_LAW_SERIOUS_BUGS`) that goes with the verdict without changing
    #: it, or None.
    advisory: typing.Optional[Reason] = None

    @property
    def is_defect(self):
        """True for :attr:`Verdict.DEFECT` (○)."""
        return self.verdict is Verdict.DEFECT

    def __str__(self):
        text = f"{self.verdict.name_en}: {self.reason_text} [{self.reason_source}]"
        if self.advisory is not None:
            text += f"; {self.advisory.text} [{self.advisory.source}]"
        return text


def defect_determination(
    type,  # noqa: A002 - the C field's name
    origin,
    inside_warranty,
    coverage=DocCoverage.NOT_ASSESSED,
    security_countermeasure=False,
    has_application_maintenance_contract=False,
    investigation=Investigation.NOT_DONE,
    contract_date=None,
    contract_kind=ContractKind.UNSPECIFIED,
    customer_material=False,
    vendor_knew_unsuitable=False,
    fixed_promptly=False,
    workaround_agreed=False,
    serious_bugs=False,
):
    """Is the MR a defect? Table 10 (seed A 2.10), then the statute (DOMAIN 1.5).

    Args:
        type: the :class:`MaintenanceType` (emergency counts as corrective), or its name.
        origin: the :class:`Origin` (``"user"``, ``"vendor"``, ``"third_party"``,
            ``"unknown"``).
        inside_warranty: the MR arose inside the defect warranty period (瑕疵担保期間).
        coverage: what the documents say (:class:`DocCoverage`); used when the origin is
            unknown.
        security_countermeasure: the MR is a vulnerability countermeasure (2.10.1): never ○.
        has_application_maintenance_contract: an application maintenance contract is in
            force (2.10.2, investigation cost).
        investigation: the defect investigation's outcome (:class:`Investigation`).
        contract_date: when the contract was concluded (:class:`datetime.date` or
            ``"YYYY-MM-DD"``), selecting the :class:`CivilRegime`; None = not given.
        contract_kind: :class:`ContractKind`; a quasi-mandate turns ○ into △.
        customer_material: caused by material or instructions the customer supplied (636条).
        vendor_knew_unsuitable: ... and the vendor knew they were unsuitable.
        fixed_promptly: the vendor repaired the bug without delay after the user's notice
            (遅滞なく補修).
        workaround_agreed: the vendor agreed a reasonable workaround with the user.
        serious_bugs: the bugs are not minor, cannot be repaired promptly, or are so
            numerous and recurring that operation is impaired.

    The last three feed the case-law advisory of DOMAIN 1.5 (東京地判平成9年2月18日):
    :attr:`DefectResult.advisory` is :attr:`Reason.CASE_LAW_SERIOUS_BUGS` with
    ``serious_bugs``, else :attr:`Reason.CASE_LAW_PROMPT_REPAIR` with ``fixed_promptly``
    or ``workaround_agreed`` ("may not be judged 瑕疵"), for a verdict that could be a
    defect (DEFECT, DEPENDS_ON_CONTRACT, UNDETERMINED). The verdict itself never changes.

    Returns:
        DefectResult

    Raises:
        InvalidArgumentError: an unknown enum value or name, a bad contract date.
        ParseError / RangeError: contract_date text that is no date, or outside 1900..2200.
        TypeError: an argument of the wrong type.
    """
    args = (
        int(MaintenanceType.coerce(type, "type")),
        int(Origin.coerce(origin, "origin")),
        int(_flag(inside_warranty, "inside_warranty")),
        int(DocCoverage.coerce(coverage, "coverage")),
        int(_flag(security_countermeasure, "security_countermeasure")),
        int(_flag(has_application_maintenance_contract, "has_application_maintenance_contract")),
        int(Investigation.coerce(investigation, "investigation")),
        _date_arg(contract_date, "contract_date", optional=True),
        int(ContractKind.coerce(contract_kind, "contract_kind")),
        int(_flag(customer_material, "customer_material")),
        int(_flag(vendor_knew_unsuitable, "vendor_knew_unsuitable")),
        int(_flag(fixed_promptly, "fixed_promptly")),
        int(_flag(workaround_agreed, "workaround_agreed")),
        int(_flag(serious_bugs, "serious_bugs")),
    )
    (verdict, reason, eff_type, eff_origin, cost, regime), advisory = _native.maint_defect_determine_ex(*args)
    reason = Reason(reason)
    return DefectResult(
        verdict=Verdict(verdict),
        reason=reason,
        reason_text=reason.text,
        reason_source=reason.source,
        effective_type=MaintenanceType(eff_type),
        effective_origin=Origin(eff_origin),
        investigation_cost=CostBearer(cost),
        civil_regime=CivilRegime(regime),
        advisory=None if advisory is None else Reason(advisory),
    )


def investigation_cost(inside_warranty, has_application_maintenance_contract, investigation):
    """Likely bearer of the defect investigation cost (2.10.2), a :class:`CostBearer`:
    inside the warranty period the vendor, except that without an application
    maintenance contract an investigation that found no defect may be billed to the user;
    outside the period the contract decides."""
    return CostBearer(
        _native.maint_investigation_cost(
            int(_flag(inside_warranty, "inside_warranty")),
            int(_flag(has_application_maintenance_contract, "has_application_maintenance_contract")),
            int(Investigation.coerce(investigation, "investigation")),
        )
    )


# ---- civil code ---------------------------------------------------------------------------------


def civil_regime(contract_date):
    """The :class:`CivilRegime` of a contract concluded on ``contract_date``
    (:class:`datetime.date` or ``"YYYY-MM-DD"``): OLD (瑕疵担保責任) before 2020-04-01,
    CURRENT (契約不適合責任) from then on."""
    fields = _date_arg(contract_date, "contract_date")
    return CivilRegime(_native.maint_civil_regime(fields))


def civil_term(regime, lang="ja"):
    """The regime's term in ``lang`` (``"瑕疵担保責任"`` / ``"契約不適合責任"``, or English)."""
    regime = CivilRegime.coerce(regime, "regime")
    return regime.label(lang)


@dataclasses.dataclass(frozen=True)
class ClaimResult:
    """Outcome of :func:`check_claim` (``itsm_claim_result``). Immutable, picklable."""

    regime: CivilRegime
    in_time: bool
    #: The last day to claim (inclusive): the binding period's last day, moved off days
    #: without business with ``day_shift`` (民法142条).
    deadline: datetime.date
    reason: Reason  #: which period binds (the earliest one)
    reason_text: str
    reason_source: str
    #: The binding period's own last day (equal to ``deadline`` without ``day_shift``).
    period_end: typing.Optional[datetime.date] = None
    #: Days 民法142条 moved the deadline past ``period_end``.
    shift_days: int = 0


def check_claim(contract_date, delivery_date, notice_date, known_date=None, contract_warranty_days=0,
                vendor_knew=False, *, day_shift=False, saturday_closed=False, other_holidays=None):
    """Whether a defect / nonconformity claim was made in time (DOMAIN 1.5).

    Old regime (contract before 2020-04-01): within 1 year of delivery (旧637条). Current
    regime: the earliest of known + 1 year (637条1項; not when ``vendor_knew``), known + 5
    years and delivery + 10 years (166条); ``known_date`` is then required.
    ``contract_warranty_days`` > 0 replaces the statute (e.g. 365 for "検収後1年").

    With ``day_shift`` a deadline on a day without business moves to the next day that is
    not one (民法142条): Sundays and Japanese national holidays (振替休日 and 国民の休日
    included), Saturdays with ``saturday_closed``, and the days of ``other_holidays`` (a
    :class:`HolidaySet` or a built-in set's name, e.g. ``"jp-year-end"`` for Dec 29 ..
    Jan 3). Without it the deadline is the period's last day, whatever day that is.

    Dates are :class:`datetime.date` or ``"YYYY-MM-DD"``. Returns a :class:`ClaimResult`.

    Raises:
        InvalidArgumentError: a missing known_date under the current regime, known_date
            before delivery_date, notice_date before known_date, negative days.
        ParseError / RangeError: bad date text, dates or deadlines outside 1900..2200.
    """
    if isinstance(contract_warranty_days, bool):
        raise TypeError("contract_warranty_days must be an integer, not bool")
    if isinstance(contract_warranty_days, datetime.timedelta):
        if contract_warranty_days % datetime.timedelta(days=1):
            raise InvalidArgumentError("contract_warranty_days: not a whole number of days")
        contract_warranty_days = contract_warranty_days.days
    if other_holidays is not None and not isinstance(other_holidays, HolidaySet):
        other_holidays = HolidaySet(other_holidays)
    (regime, in_time, deadline, reason), (period_end, shift_days) = _native.maint_claim_check_ex(
        _date_arg(contract_date, "contract_date"),
        _date_arg(delivery_date, "delivery_date"),
        _date_arg(known_date, "known_date", optional=True),
        _date_arg(notice_date, "notice_date"),
        operator.index(contract_warranty_days),
        int(_flag(vendor_knew, "vendor_knew")),
        int(not _flag(day_shift, "day_shift")),
        int(_flag(saturday_closed, "saturday_closed")),
        None if other_holidays is None else other_holidays._handle,
    )
    reason = Reason(reason)
    return ClaimResult(CivilRegime(regime), bool(in_time), from_date(deadline), reason, reason.text, reason.source,
                       from_date(period_end), shift_days)


# ---- package customization, FOSS ---------------------------------------------------------------


def classify_customization(is_package, source_modified=False, tightly_coupled_addon=False):
    """The :class:`CustomizationClass` of an application (2.7.1, Figure 7): not a package
    → ORDER; package source modified → III_MODIFY; an add-on tightly coupled to the
    package's own files or tables → II_ADDON; otherwise I_PARAMETER."""
    return CustomizationClass(
        _native.maint_custom_classify(
            int(_flag(is_package, "is_package")),
            int(_flag(source_modified, "source_modified")),
            int(_flag(tightly_coupled_addon, "tightly_coupled_addon")),
        )
    )


def versionup_ease(customization_class):
    """The :class:`VersionUpEase` of a customization class: I ○, II △, III ×, order
    software not applicable."""
    cls = CustomizationClass.coerce(customization_class, "customization_class")
    return VersionUpEase(_native.maint_custom_versionup(int(cls)))


@dataclasses.dataclass(frozen=True)
class FossResponsibility:
    """One row of Table 8 (``itsm_foss_responsibility``). Immutable, picklable."""

    selector: FossSelector
    duty: FossDuty
    not_exempt_for: FossFault
    text_en: str
    text_ja: str

    def text(self, lang="en"):
        """The row in ``lang`` (``"en"`` or ``"ja"``)."""
        return self.text_ja if Language.coerce(lang, "lang") is Language.JA else self.text_en


def foss_responsibility(selector):
    """The vendor's responsibility for FOSS selected by ``selector`` (a
    :class:`FossSelector`, ``"vendor"`` or ``"user"``), Table 8 of seed A 2.7.2."""
    selector = FossSelector.coerce(selector, "selector")
    duty, fault, text_en, text_ja = _native.maint_foss_responsibility(int(selector))
    return FossResponsibility(selector, FossDuty(duty), FossFault(fault), text_en, text_ja)
