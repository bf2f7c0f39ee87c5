#pragma once
// Bumped together with the project version; network plugins must match it exactly.
#define IMNN_CORE_VERSION "0.1.0"
