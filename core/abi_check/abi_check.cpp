// Compiled as C++ with warnings on: simulator_abi.h and simulator_rng.h must also be valid C++.
#include "imnn/simulator_abi.h"
#include "imnn/simulator_rng.h"

#include <type_traits>

static_assert(std::is_standard_layout_v<imnn_simulator_plugin>);
static_assert(std::is_standard_layout_v<imnn_simulator_descriptor>);

std::size_t imnn_abi_check_cxx_size();
std::size_t imnn_abi_check_cxx_size() {
  return sizeof(imnn_simulator_plugin);
}

double imnn_abi_check_cxx_normal();
double imnn_abi_check_cxx_normal() {
  double z0 = 0.0, z1 = 0.0;
  imnn_rng_normal_pair(1u, 0u, &z0, &z1);
  return z0 + z1;
}
