// The source revision socd was built from. Declared here, defined in build_info.c, so that a new
// revision recompiles one C file and relinks rather than rebuilding every module above this one.
#pragma once

/// The git revision (with `-dirty` for uncommitted changes), or "unknown" for a plain
/// `swift build` outside make.
const char *CSocShims_build_revision(void);
