/**
 * @file itsm.h
 * @brief libitsm umbrella header: includes every public module header.
 */
#ifndef ITSM_H
#define ITSM_H

#include "itsm/common.h"
#include "itsm/version.h"
#include "itsm/alloc.h"
#include "itsm/time.h"
#include "itsm/tz.h"
#include "itsm/holidays.h"
#include "itsm/calendar.h"
#include "itsm/maint.h"
#include "itsm/lifecycle.h"
#include "itsm/agreement.h"
#include "itsm/service.h"
#include "itsm/incident.h"
#include "itsm/records.h"
#include "itsm/clock.h"
#include "itsm/sla.h"
#include "itsm/metrics.h"
#include "itsm/report.h"
#include "itsm/kpi.h"
#include "itsm/timeseries.h"
#include "itsm/maturity.h"

#endif /* ITSM_H */
