// The engine's side of simulator_abi.h version 2's host services: the plugin log
// sink and the stop request (imnn/plugin_host.h).
#include "imnn/plugin_host.h"
#include "imnn/simulator_abi.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <filesystem>
#include <mutex>
#include <system_error>
#include <unistd.h>

namespace imnn {

namespace {

std::mutex g_sink_mutex;
PluginLogSink g_sink;
std::atomic<bool> g_cancel{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from signal handlers");

const char *level_name(int level) {
  switch (level) {
  case IMNN_LOG_DEBUG:
    return "debug";
  case IMNN_LOG_INFO:
    return "info";
  case IMNN_LOG_WARNING:
    return "warning";
  default:
    return "error";
  }
}

} // namespace

PluginLogSink set_plugin_log_sink(PluginLogSink sink) {
  std::lock_guard<std::mutex> lock(g_sink_mutex);
  PluginLogSink old = std::move(g_sink);
  g_sink = std::move(sink);
  return old;
}

void plugin_log(const std::string &plugin, int level, const std::string &message) {
  std::lock_guard<std::mutex> lock(g_sink_mutex);
  if (g_sink) {
    try {
      g_sink(plugin, level, message);
    } catch (...) { // a log line must never end a simulation
    }
    return;
  }
  if (level <= IMNN_LOG_DEBUG && !std::getenv("IMNN_PLUGIN_DEBUG")) return;
  std::fprintf(stderr, "simulator '%s' %s: %s\n", plugin.c_str(), level_name(level),
               message.c_str());
}

void request_plugin_cancel(bool on) noexcept {
  g_cancel.store(on);
}

bool plugin_cancel_requested() noexcept {
  return g_cancel.load(std::memory_order_relaxed);
}

std::string simulator_host_program() {
  namespace fs = std::filesystem;
  if (const char *env = std::getenv("IMNN_SIMULATOR_HOST"); env && *env) return env;
  std::error_code ec;
  std::vector<fs::path> candidates;
  Dl_info info{};
  if (dladdr(reinterpret_cast<void *>(&simulator_host_program), &info) && info.dli_fname) {
    const fs::path lib = fs::weakly_canonical(fs::absolute(info.dli_fname, ec), ec);
    candidates.push_back(lib.parent_path().parent_path() / "bin" / "imnn-simulator-host");
  }
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back(exe.parent_path() / "imnn-simulator-host");
  for (const auto &c : candidates)
    if (::access(c.c_str(), X_OK) == 0) return c.string();
  return "";
}

} // namespace imnn
