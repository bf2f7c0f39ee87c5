// Running a simulator plugin's simulate calls in child processes (imnn-simulator-host):
// a crash, exit() or hang there is reported, never fatal (imnn/plugin_host.h).
// Private to the plugin module.
#pragma once
#include "imnn/error.h"
#include "imnn/plugin_host.h"

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace imnn {

class IsolatedSimulator {
public:
  // describe(index, n, seeds, thetas) names simulation `index` of a call (or the
  // call's first when index < 0) for messages: "simulator 'x' (file)" ... seed, theta.
  using Describe = std::function<std::string(std::int64_t index, std::size_t n,
                                             const std::uint64_t *seeds, const double *thetas)>;
  IsolatedSimulator(std::filesystem::path plugin_file, std::string plugin_name,
                    std::string options_json, std::size_t n_params, std::size_t input_size,
                    SimulatorIsolation settings, Describe describe);
  ~IsolatedSimulator();
  IsolatedSimulator(const IsolatedSimulator &) = delete;
  IsolatedSimulator &operator=(const IsolatedSimulator &) = delete;

  // n simulations into out (and jacobian when not null), as the ABI's batch calls.
  // Throws PluginError with the plugin's message, PluginCrashError when its process
  // crashed, exited or ran past the timeout.
  void run(std::size_t n, const std::uint64_t *seeds, const double *thetas, double *out,
           double *jacobian);

private:
  struct Worker;
  std::unique_ptr<Worker> spawn();
  std::unique_ptr<Worker> acquire();
  void release(std::unique_ptr<Worker> w);

  std::filesystem::path file_;
  std::string name_, options_;
  std::size_t n_params_, input_size_;
  SimulatorIsolation settings_;
  Describe describe_;
  std::string program_;
  std::mutex mutex_;
  std::condition_variable idle_cv_;
  std::vector<std::unique_ptr<Worker>> idle_;
  int live_ = 0;
  int max_workers_ = 1;
};

} // namespace imnn
