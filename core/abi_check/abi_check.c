/* Compiled as C11 with warnings on: keeps simulator_abi.h plain C. */
#include "imnn/simulator_abi.h"

_Static_assert(IMNN_SIMULATOR_ABI_VERSION >= 1u, "ABI version must be positive");

size_t imnn_abi_check_c_size(void);
size_t imnn_abi_check_c_size(void) {
  return sizeof(imnn_simulator_plugin);
}
