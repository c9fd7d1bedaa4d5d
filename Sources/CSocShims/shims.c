#include "CSocShims.h"
