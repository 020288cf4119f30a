"""Operational record documents (``itsm/records.h``): calls, outages and maintenance
windows, backup runs, monitoring checks, modification requests and changes, effort records
and report deliveries; record sets and JSON Lines streams of them."""

from . import itsm_native as _native
from ._base import ImmutableDocument, LabeledEnum, enum_attr, read_jsonl, set_from_json, set_to_json

__all__ = [
    "Record",
    "RecordType",
    "records_from_json",
    "records_to_json",
    "read_records_jsonl",
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


def records_from_json(document):
    """The records of a record set ``{"itsm_schema": 1, "type": "record_set", "records":
    [...]}`` (``docs/schema/record_set.schema.json``; a dict or JSON text), each with its
    ``"type"``: a list of :class:`Record`. Errors name the JSON path
    (``$.records[3].closed_at``)."""
    return set_from_json(Record, _native.record_set_from_json, document, "records_from_json")


def records_to_json(records):
    """The canonical record set document (str) of an iterable of :class:`Record`."""
    return set_to_json(Record, _native.record_set_to_json, records, "records_to_json")


def read_records_jsonl(path):
    """Records from a JSON Lines file (one record document of any type a line, blank lines
    skipped), one at a time: a generator, so a file of a million records never sits in
    memory. Errors name the line and JSON path (``line 12: $.closed_at: ...``)."""
    return read_jsonl(Record, _native.record_stream_open, _native.record_stream_next, path)
