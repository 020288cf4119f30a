/* Private to lib/io: what the calendar JSON reader and writer share. */
#ifndef ITSM_IO_CALENDAR_JSON_H
#define ITSM_IO_CALENDAR_JSON_H

/* The "itsm_schema" version this library reads and writes. */
#define ITSM__CALENDAR_SCHEMA 1

#endif
