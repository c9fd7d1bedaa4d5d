#include "CSocShims_BuildInfo.h"

// `make` writes socd_revision.h (untracked) beside this file; a plain `swift build` has none.
#if __has_include("socd_revision.h")
#include "socd_revision.h"
#endif

#ifndef SOCD_REVISION
#define SOCD_REVISION "unknown"
#endif

const char *CSocShims_build_revision(void) { return SOCD_REVISION; }
