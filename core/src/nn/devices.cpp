// Device discovery: dlopen()s libimnn_cuda.so (core/cuda) from the directory of
// libimnn_core itself, then from the loader's search path, and calls its C entry point.
#include "imnn/devices.h"

#include <algorithm>
#include <cstddef>
#include <dlfcn.h>
#include <filesystem>
#include <sstream>
#include <thread>

namespace imnn {
namespace {

using ProbeFn = int (*)(char *, std::size_t);

// The directory holding this library (libimnn_core), or "" when unknown.
std::filesystem::path own_directory() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<const void *>(&own_directory), &info) == 0 ||
      info.dli_fname == nullptr)
    return {};
  return std::filesystem::path(info.dli_fname).parent_path();
}

} // namespace

DeviceList list_devices() {
  DeviceList list;
  list.cpu_threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const char *kLib = "libimnn_cuda.so";
  void *handle = nullptr;
  std::string first_error;
  if (const auto dir = own_directory(); !dir.empty()) {
    handle = dlopen((dir / kLib).c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr && std::filesystem::exists(dir / kLib)) first_error = dlerror();
  }
  if (handle == nullptr) handle = dlopen(kLib, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    list.no_gpu_reason =
        first_error.empty()
            ? std::string("this build has no CUDA backend (libimnn_cuda.so not found: the CUDA "
                          "Toolkit was not found when it was configured)")
            : "cannot load libimnn_cuda.so (is the NVIDIA driver installed?): " + first_error;
    return list;
  }
  auto probe = reinterpret_cast<ProbeFn>(dlsym(handle, "imnn_cuda_probe"));
  if (probe == nullptr) {
    list.no_gpu_reason = "libimnn_cuda.so lacks imnn_cuda_probe (a mismatched build)";
    return list; // the handle stays loaded: the CUDA runtime does not like dlclose
  }
  std::string buf(8192, '\0');
  const int n = probe(buf.data(), buf.size());
  buf.resize(buf.find('\0'));
  if (n < 0) {
    list.no_gpu_reason = "no CUDA device: " + buf;
    return list;
  }
  std::istringstream lines(buf);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream f(line);
    GpuInfo g;
    std::string index, mib;
    if (std::getline(f, index, '\t') && std::getline(f, g.name, '\t') &&
        std::getline(f, mib, '\t') && std::getline(f, g.compute_capability)) {
      g.index = std::stoi(index);
      g.memory_mib = std::stoll(mib);
      list.gpus.push_back(g);
    }
  }
  if (list.gpus.empty()) list.no_gpu_reason = "no CUDA device: the CUDA runtime listed none";
  return list;
}

} // namespace imnn
