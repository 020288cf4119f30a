"""libitsm for Python: decide whether IT maintenance and operation contracts are kept.

Instants are ``int`` seconds since 1970-01-01T00:00:00Z (no leap seconds); anywhere one is
taken, an aware :class:`datetime.datetime` is accepted too. Supported dates are
1900-01-01 .. 2200-12-31.

>>> import itsm
>>> tokyo = itsm.TimeZone("Asia/Tokyo")
>>> t = itsm.parse_instant("2024-03-31T01:30:00Z")
>>> itsm.format_instant(t, tokyo)
'2024-03-31T10:30:00+09:00'
>>> tokyo.to_local(t)
datetime.datetime(2024, 3, 31, 10, 30, tzinfo=datetime.timezone(datetime.timedelta(seconds=32400), 'JST'))
>>> ams = itsm.TimeZone("Europe/Amsterdam")
>>> itsm.format_instant(ams.from_local(2024, 3, 31, 2, 30), ams)   # in the DST gap
'2024-03-31T03:30:00+02:00'

Public API:

* :func:`parse_instant`, :func:`format_instant` -- ISO 8601 text;
* :class:`TimeZone` -- IANA zones and fixed offsets, with numpy batch methods;
* :class:`LocalPolicy` -- how DST gaps and overlaps resolve;
* :class:`Calendar` -- business calendars from JSON documents or dicts: business seconds,
  deadlines, business days, with numpy batch methods;
* :class:`HolidaySet`, :func:`japan_holidays`, :func:`japan_holiday` -- holiday sets, the
  built-in Japanese national holidays (``jp``) and year-end closing (``jp-year-end``);
* maintenance judgments (``itsm/maint.h``): :func:`classify_maintenance`,
  :func:`defect_determination` (Table 10, returning a :class:`DefectResult`),
  :func:`investigation_cost`, :func:`civil_regime`, :func:`civil_term`,
  :func:`check_claim` (with 民法142条 ``day_shift``; the case-law advisory is
  :attr:`DefectResult.advisory`), :func:`classify_customization`, :func:`versionup_ease`,
  :func:`foss_responsibility` and their enums (:class:`MaintenanceType`,
  :class:`Origin`, :class:`Verdict`, :class:`Reason`, ...), named in English and
  Japanese (``.name_en``, ``.name_ja``, ``.label(lang)``);
* lifecycle (``itsm/lifecycle.h``): :class:`ConfigurationItem`, :class:`PendingItem`
  (with :class:`PendingStatus` and a :class:`PendingChange` history), their set
  documents (:func:`configuration_items_from_json`, :func:`pending_items_from_json` and
  the ``_to_json`` pair) and :func:`expiring` -- what expires or falls due within N days,
  as :class:`Due` (:class:`DueKind`);
* agreements (``itsm/agreement.h``, ``itsm/service.h``): :class:`Agreement` documents,
  :class:`Service` and :class:`Party` documents of their own (read by the agreement's
  tables) and :func:`lint`, the contract lint returning :class:`Finding` (with a
  :class:`Severity`);
* incidents (``itsm/incident.h``): :class:`Incident` records with status, assignment and
  severity histories (:class:`IncidentStatus`, :class:`SeverityLevel`), a
  :class:`PriorityMatrix` (also a document; ITIL's 3 x 3 by default), incident sets
  (:func:`incidents_from_json`, :func:`incidents_to_json`), :func:`read_incidents_jsonl`
  and :func:`incidents_from_dataframe`;
* operational records (``itsm/records.h``): :class:`Record` documents of the
  :class:`RecordType` types (calls, outages, backup runs, monitoring checks, changes,
  effort records, report deliveries), record sets (:func:`records_from_json`,
  :func:`records_to_json`) and :func:`read_records_jsonl`;
* SLA clocks (``itsm/clock.h``): :func:`parse_deadline` and :class:`Deadline` (deadline
  rules in calendar words), :class:`ClockDefinition` with :meth:`ClockDefinition.evaluate`
  (one record, a :class:`ClockResult`), :meth:`ClockDefinition.evaluate_many` (CSR arrays
  in, numpy columns out) and :meth:`ClockDefinition.evaluate_frame` (a pandas DataFrame);
  :class:`ClockState`, :class:`ReopenPolicy`, :class:`RetargetPolicy`, :class:`DeadlineKind`;
* SLA items (``itsm/sla.h``): :class:`SlaItem` with levels L1-L4 and
  :meth:`SlaItem.evaluate_level` returning a :class:`LevelResult` (:class:`Outcome`,
  :class:`Consequence`); the built-in catalogue of the guideline's SLA tables,
  :func:`catalogue` (:class:`CatalogueService`), :func:`catalogue_service` and
  :func:`catalogue_json`;
* SLA metrics (``itsm/metrics.h``): :class:`Rate` (with "no data"), :func:`duration_stats`,
  :func:`percentiles`, call-center rates (:func:`call_counts`, :class:`CallRate`),
  :func:`availability` (also :func:`availability_from_dataframe`), :func:`reliability`
  (MTBF/MTRS), :func:`error_budget`, :func:`burn_alerts`, :func:`allowed_downtime`,
  :func:`count_events`, :func:`largest_gap`, :func:`rpo_achieved`, :func:`deadlines`,
  :func:`ordinal_compare`, :func:`service_hours_coverage`;
* KPIs (``itsm/kpi.h``): the indicators of Reference 9-2 and 9-3 (:class:`Indicator`,
  :func:`indicator`), help-desk rates (:func:`self_resolution_rate`, :func:`fcr_net`, ...),
  :func:`online_usage_rate` by category, :func:`mean_by_category`, :func:`effort_by_group`,
  :func:`incident_summary`, :func:`maintenance_break_even`, :func:`heinrich_ratio`,
  :func:`function_inventory`; every rate a :class:`Rate` with numerator and denominator;
* time series (``itsm/timeseries.h``): :func:`resample`, :func:`heatmap`, :func:`trend`
  (a :class:`Trend` with :meth:`Trend.crossing`), over numpy arrays or pandas objects;
* maturity (``itsm/maturity.h``): :class:`MaturityModel` (the built-in JIS Q 20000 table)
  and :class:`Assessment`;
* :mod:`itsm.plot` (imported on first use; needs matplotlib): heat maps, SLA compliance,
  KPI trends, maturity radar;
* :class:`TimeZoneInfo` -- ``(utc_offset, is_dst, abbreviation)``;
* :class:`Error` and its subclasses, :class:`ErrorCode`;
* ``__version__`` / :data:`version_info` -- of the loaded C library.

The low-level SWIG module is ``itsm.itsm_native`` (a 1:1 view of the C API); everything
above is built on it.
"""

from . import (
    _agreement,
    _base,
    _calendar,
    _clock,
    _errors,
    _holidays,
    _incident,
    _kpi,
    _lifecycle,
    _maint,
    _maturity,
    _metrics,
    _policy,
    _records,
    _report,
    _sla,
    _timeseries,
    _timezone,
)
from . import itsm_native as _native
from ._agreement import *  # noqa: F401,F403
from ._calendar import *  # noqa: F401,F403 -- each module's __all__ is its public part
from ._clock import *  # noqa: F401,F403
from ._errors import *  # noqa: F401,F403
from ._holidays import *  # noqa: F401,F403
from ._incident import *  # noqa: F401,F403
from ._kpi import *  # noqa: F401,F403
from ._lifecycle import *  # noqa: F401,F403
from ._maint import *  # noqa: F401,F403
from ._maturity import *  # noqa: F401,F403
from ._metrics import *  # noqa: F401,F403
from ._policy import *  # noqa: F401,F403
from ._records import *  # noqa: F401,F403
from ._report import *  # noqa: F401,F403
from ._sla import *  # noqa: F401,F403
from ._timeseries import *  # noqa: F401,F403
from ._timezone import *  # noqa: F401,F403

#: Version string of the loaded C library (``itsm_version()``), e.g. "0.1.0".
__version__ = _native.version()

#: ``(major, minor, patch)`` of the loaded C library (from ``itsm_version_number()``).
version_info = (
    _native.version_number() // 10000,
    _native.version_number() // 100 % 100,
    _native.version_number() % 100,
)

#: First and last supported instants: 1900-01-01T00:00:00Z and 2200-12-31T23:59:59Z.
INSTANT_MIN = _native.INSTANT_MIN
INSTANT_MAX = _native.INSTANT_MAX

__all__ = ["__version__", "version_info", "INSTANT_MIN", "INSTANT_MAX"]
for _module in (
    _timezone, _policy, _calendar, _holidays, _maint, _lifecycle, _agreement, _incident, _records, _clock,
    _sla, _metrics, _report, _kpi, _timeseries, _maturity, _errors, _base
):
    __all__ += _module.__all__
    # Public classes print and pickle as itsm.X, not as the private module they live in.
    for _name in _module.__all__:
        _obj = getattr(_module, _name)
        if isinstance(_obj, type):
            _obj.__module__ = __name__
del _module, _name, _obj


def __getattr__(name):
    # itsm.plot is imported on first use, so that "import itsm" never loads matplotlib.
    if name == "plot":
        import importlib

        return importlib.import_module(".plot", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
