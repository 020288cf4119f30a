/*
 * itsm_records.i - itsm/records.h in itsm.itsm_native (included by itsm.i after
 * itsm_incident.i, so the typemaps and ITSMPY_* macros of itsm_typemaps.i are in force).
 *
 *   - itsm_record ** -> an owning NativeRecord (its destructor calls itsm_record_free);
 *     the Python layer reads the document through its canonical JSON.
 */

%rename(NativeRecord) itsm_record;
%nodefaultctor itsm_record;
struct itsm_record {};
%extend itsm_record {
    ~itsm_record() { itsm_record_free($self); }
}
%ignore itsm_record_free;

ITSMPY_OWNED_OUT(itsm_record)

%include "itsm/records.h"
