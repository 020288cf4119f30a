"""Operational record documents (``itsm/records.h``): calls, outages and maintenance
windows, backup runs, monitoring checks, modification requests and changes, effort records
and report deliveries."""

from . import itsm_native as _native
from ._base import ImmutableDocument, LabeledEnum, enum_attr

__all__ = [
    "Record",
    "RecordType",
]


class RecordType(LabeledEnum):
    """The type of a record (``itsm_record_type``); ``.label`` is its "type" word."""

    CALL = _native.RECORD_CALL
    OUTAGE = _native.RECORD_OUTAGE
    BACKUP_RUN = _native.RECORD_BACKUP_RUN
    MONITORING_CHECK = _native.RECORD_MONITORING_CHECK
    CHANGE = _native.RECORD_CHANGE
    EFFORT = _native.RECORD_EFFORT
    REPORT_DELIVERY = _native.RECORD_REPORT_DELIVERY

    _label_of = staticmethod(_native.record_type_name)
    _what = enum_attr("a record type")


class Record(ImmutableDocument):
    """An operational record document (``itsm_record``), immutable.

    ``Record(document)`` or :meth:`from_json` takes a dict or JSON text
    ``{"itsm_schema": 1, "type": "<type>", "id": ..., ...}`` where the type is one of
    :class:`RecordType` (``docs/schema/<type>.schema.json``); errors name the JSON path.
    """

    __slots__ = ()
    _to_json = staticmethod(_native.record_to_json)
    _from_json = staticmethod(_native.record_from_json)

    @property
    def type(self):
        """The :class:`RecordType`."""
        return RecordType(_native.record_get_type(self._handle))

    @property
    def id(self):
        return _native.record_id(self._handle)

    def __repr__(self):
        return f"<itsm.Record {self.type.label} {self.id!r}>"
