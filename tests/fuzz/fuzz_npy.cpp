// Fuzz target: the .npy header parser and payload reader (core/src/arrays/npy.cpp)
// through the public interface: inspect_array, load_array and ArrayStream.
#include "fuzz_arrays.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string path = imnn_fuzz::write_scratch("input.npy", data, size);
  imnn_fuzz::run_one([&] { imnn_fuzz::exercise_array(path); });
  return 0;
}
