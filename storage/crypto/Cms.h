#pragma once
// TEMP: forwards the new folder path to the old flat layout until the storage/ split lands.
#include "../Cms.h"
