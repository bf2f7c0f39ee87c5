// The compute devices this build and this machine offer: CPU cores always, NVIDIA GPUs
// through libimnn_cuda.so, which is loaded at run time (dlopen) so that the core runs
// on machines without the CUDA driver.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace imnn {

struct GpuInfo {
  int index = 0;
  std::string name;
  std::int64_t memory_mib = 0;
  std::string compute_capability; // "9.0"
};

struct DeviceList {
  int cpu_threads = 0;       // hardware threads
  std::vector<GpuInfo> gpus; // empty: see no_gpu_reason
  std::string no_gpu_reason; // why there is no GPU ("" when gpus is not empty)
};

// Probes once per call (cheap: no context is created beyond the CUDA runtime's own).
DeviceList list_devices();

} // namespace imnn
