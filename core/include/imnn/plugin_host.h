// What the engine offers simulator plugins at run time (simulator_abi.h version 2's
// imnn_host_services) and how it runs them: in this process, or isolated in a child
// process that may crash or hang without taking the host down.
#pragma once
#include <functional>
#include <string>

namespace imnn {

// Where a plugin's log lines go (host->log): the CLI prints them on stderr (the
// default), the app shows them in its log. level is IMNN_LOG_DEBUG..IMNN_LOG_ERROR.
using PluginLogSink =
    std::function<void(const std::string &plugin, int level, const std::string &message)>;
// Replaces the sink (an empty function restores the default); returns the previous one.
PluginLogSink set_plugin_log_sink(PluginLogSink sink);
// Sends one line to the sink ([any-thread]; the sink is called under a lock).
void plugin_log(const std::string &plugin, int level, const std::string &message);

// The stop request that plugins see through host->is_cancelled(). Set by Ctrl-C and
// SIGTERM in the CLI (async-signal-safe), by BackgroundFit::cancel and the app's
// Stop; cleared when a new job starts.
void request_plugin_cancel(bool on = true) noexcept;
bool plugin_cancel_requested() noexcept;

// How a Simulator runs its plugin's simulate calls (config "simulator": {"isolate":
// true, "timeout": s}; `--isolate-simulator`, `--simulator-timeout`).
struct SimulatorIsolation {
  bool isolate = false;       // in child processes (imnn-simulator-host), one per thread
  double timeout_s = 0;       // isolated only: a call (one chunk) that takes longer is
                              // stopped and reported; 0 = no limit
  int max_workers = 0;        // child processes at most; 0 = the hardware threads
  double cancel_grace_s = 10; // isolated only: after a stop request, a call still
                              // running this long is stopped (its process killed)
};

// The helper program that hosts an isolated plugin: $IMNN_SIMULATOR_HOST, else
// imnn-simulator-host in <folder of libimnn_core>/../bin or beside the executable.
// Empty when none is found.
std::string simulator_host_program();

} // namespace imnn
