// The module is its header's inline functions; SwiftPM needs one source file to build it.
#include "CSocPrefetch.h"
