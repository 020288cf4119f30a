/*
 * itsm_records.i - itsm/records.h in itsm.itsm_native (included by itsm.i after
 * itsm_incident.i, so the typemaps and ITSMPY_* macros of itsm_typemaps.i are in force).
 *
 *   - itsm_record ** / itsm_record_stream ** -> an owning NativeRecord / NativeRecordStream
 *     (destructors call itsm_record_free / itsm_record_stream_close); the Python layer
 *     reads a record through its canonical JSON;
 *   - record_stream_next(stream) -> a NativeRecord, or None at the end;
 *   - record_set_from_json(text) -> [NativeRecord, ...]; record_set_to_json(records) takes
 *     a sequence of NativeRecord.
 */

ITSMPY_HANDLE(itsm_record, NativeRecord, itsm_record_free)
ITSMPY_HANDLE(itsm_record_stream, NativeRecordStream, itsm_record_stream_close)
%ignore itsm_record_stream_open_memory; /* the buffer would have to outlive the call */

ITSMPY_STREAM_NEXT(itsm_record)
ITSMPY_HANDLE_SET_OUT(itsm_record, itsm_record_free, itsm_record_set_free)
ITSMPY_HANDLE_SEQ(itsm_record, records, count, "records")

%include "itsm/records.h"
