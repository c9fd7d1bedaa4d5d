// The source revision socd was built from. `make` writes socd_revision.h (untracked) with the
// git revision; a plain `swift build` without it reports "unknown".
#pragma once

#if __has_include("socd_revision.h")
#include "socd_revision.h"
#endif

#ifndef SOCD_REVISION
#define SOCD_REVISION "unknown"
#endif

static inline const char *CSocShims_build_revision(void) { return SOCD_REVISION; }
