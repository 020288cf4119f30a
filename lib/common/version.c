#include "itsm/version.h"

const char *itsm_version(void) { return ITSM_VERSION_STRING; }

unsigned int itsm_version_number(void) { return (unsigned int)ITSM_VERSION_NUMBER; }
