// The CUDA side of device discovery, built into libimnn_cuda.so only when CMake finds
// the CUDA Toolkit. The core dlopen()s this library (core/src/nn/devices.cpp) so that
// libimnn_core and the executables never link libcudart and run without the driver.
// The entry point is plain C: one text line per GPU, or the reason there is none.
#include <cstddef>
#include <cstdio>
#include <cuda_runtime_api.h>
#include <string>

extern "C" {

// Writes into buf (len bytes, NUL-terminated, truncated when too small) one line per
// device, "index<TAB>name<TAB>total MiB<TAB>major.minor", and returns the device count;
// with no usable device returns -1 and writes the reason (the CUDA runtime's message).
__attribute__((visibility("default"))) int imnn_cuda_probe(char *buf, std::size_t len) {
  if (buf == nullptr || len == 0) return -1;
  buf[0] = '\0';
  int count = 0;
  const cudaError_t err = cudaGetDeviceCount(&count);
  if (err != cudaSuccess) {
    std::snprintf(buf, len, "%s (%s)", cudaGetErrorString(err), cudaGetErrorName(err));
    return -1;
  }
  if (count == 0) {
    std::snprintf(buf, len, "the CUDA runtime found no device");
    return -1;
  }
  std::string out;
  for (int i = 0; i < count; ++i) {
    cudaDeviceProp prop{};
    if (cudaGetDeviceProperties(&prop, i) != cudaSuccess) continue;
    out += std::to_string(i) + "\t" + prop.name + "\t" + std::to_string(prop.totalGlobalMem >> 20) +
           "\t" + std::to_string(prop.major) + "." + std::to_string(prop.minor) + "\n";
  }
  std::snprintf(buf, len, "%s", out.c_str());
  return count;
}

} // extern "C"
