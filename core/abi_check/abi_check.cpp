// Compiled as C++ with warnings on: simulator_abi.h must also be valid C++.
#include "imnn/simulator_abi.h"

#include <type_traits>

static_assert(std::is_standard_layout_v<imnn_simulator_plugin>);
static_assert(std::is_standard_layout_v<imnn_simulator_descriptor>);

std::size_t imnn_abi_check_cxx_size();
std::size_t imnn_abi_check_cxx_size() {
  return sizeof(imnn_simulator_plugin);
}
