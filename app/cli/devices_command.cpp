#include "imnn/devices.h"

#include "commands.h"

#include <iostream>

namespace imnn::cli {

void add_devices_command(CLI::App &app) {
  app.add_subcommand("devices", "List the compute devices this build and this machine offer: "
                                "CPU cores, and each NVIDIA GPU (name, memory, compute "
                                "capability) or why there is none.");
}

int run_devices() {
  const DeviceList d = list_devices();
  std::cout << "cpu: " << d.cpu_threads << " hardware threads  (devices: [{\"kind\": \"cpu\", "
            << "\"threads\": 0}])\n";
  if (d.gpus.empty()) {
    std::cout << "cuda: none: " << d.no_gpu_reason << "\n";
    return 0;
  }
  for (const auto &g : d.gpus)
    std::cout << "cuda:" << g.index << ": " << g.name << ", " << g.memory_mib
              << " MiB, compute capability " << g.compute_capability << "\n";
  return 0;
}

} // namespace imnn::cli
