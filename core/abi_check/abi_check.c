/* Compiled as C11 with warnings on: keeps simulator_abi.h and simulator_rng.h plain C. */
#include "imnn/simulator_abi.h"
#include "imnn/simulator_rng.h"

_Static_assert(IMNN_SIMULATOR_ABI_VERSION >= 1u, "ABI version must be positive");

size_t imnn_abi_check_c_size(void);
size_t imnn_abi_check_c_size(void) {
  return sizeof(imnn_simulator_plugin);
}

double imnn_abi_check_c_normal(void);
double imnn_abi_check_c_normal(void) {
  double z[3];
  imnn_rng_normals(1u, z, 3);
  return z[0] + z[1] + z[2] + imnn_rng_normal(1u, 0u);
}
