#include "interrupt.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace imnn::cli {

namespace {

std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler sets it");

// What a second signal writes: formatted before the handlers are installed, because a
// signal handler may only call async-signal-safe functions (write, _exit).
char g_second_signal_message[2048];
std::size_t g_second_signal_length = 0;

void on_signal(int) {
  if (g_interrupted.exchange(true)) {
    if (g_second_signal_length > 0)
      (void)!::write(STDERR_FILENO, g_second_signal_message, g_second_signal_length);
    ::_exit(130);
  }
}

// A plugin running inside this process that crashes or calls exit() would end it with
// no word; while a guard with a message is alive, the process says what happened, what
// the run keeps and how to continue. Formatted beforehand for the same reason as above.
char g_crash_prefix[256], g_crash_suffix[3072], g_exit_message[3328];
std::size_t g_crash_prefix_length = 0, g_crash_suffix_length = 0, g_exit_length = 0;
std::atomic<bool> g_armed{false};
constexpr int kCrashSignals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};

const char *signal_name(int sig) {
  switch (sig) {
  case SIGSEGV:
    return "SIGSEGV, a bad memory access";
  case SIGBUS:
    return "SIGBUS, a bad memory access";
  case SIGILL:
    return "SIGILL, an illegal instruction";
  case SIGFPE:
    return "SIGFPE, an arithmetic fault";
  default:
    return "SIGABRT, an abort";
  }
}

void write_all(const char *text, std::size_t length) {
  (void)!::write(STDERR_FILENO, text, length);
}

void on_crash(int sig) {
  if (g_armed.exchange(false)) {
    write_all(g_crash_prefix, g_crash_prefix_length);
    const char *name = signal_name(sig);
    write_all(name, std::strlen(name));
    write_all(g_crash_suffix, g_crash_suffix_length);
  }
  ::raise(sig); // SA_RESETHAND: the default action now (the process ends with sig)
}

void on_exit() {
  if (!g_armed.exchange(false)) return;
  write_all(g_exit_message, g_exit_length);
  std::fflush(nullptr);
  ::_exit(1); // never the plugin's status: exit(0) mid-fit must not read as success
}

void copy_text(const std::string &text, char *out, std::size_t capacity, std::size_t &length) {
  length = std::min(text.size(), capacity - 1);
  std::memcpy(out, text.data(), length);
}

} // namespace

struct InterruptGuard::Watch {
  std::mutex mutex;
  std::condition_variable wake;
  bool done = false;
  std::thread thread;
};

InterruptGuard::InterruptGuard(const std::string &abandon_message, double grace_seconds, bool quiet)
    : watch_(std::make_unique<Watch>()) {
  g_interrupted.store(false);
  const std::string second =
      abandon_message.empty() ? std::string()
                              : "\nerror: interrupted again: stopping at once. " + abandon_message;
  g_second_signal_length = std::min(second.size(), sizeof g_second_signal_message - 1);
  std::memcpy(g_second_signal_message, second.data(), g_second_signal_length);
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  if (!abandon_message.empty()) {
    const std::string isolate =
        "a simulator or network plugin, most likely: plugins run inside this process "
        "unless the simulator is isolated (`imnn fit --isolate-simulator`, config "
        "simulator.isolate), which reports a crash and stops cleanly. ";
    copy_text("\nerror: the process crashed (", g_crash_prefix, sizeof g_crash_prefix,
              g_crash_prefix_length);
    copy_text(") during this command: " + isolate + abandon_message, g_crash_suffix,
              sizeof g_crash_suffix, g_crash_suffix_length);
    copy_text("\nerror: exit() was called during this command, so it ended early: " + isolate +
                  abandon_message,
              g_exit_message, sizeof g_exit_message, g_exit_length);
    static const bool registered = std::atexit(on_exit) == 0;
    (void)registered;
    struct sigaction action {};
    action.sa_handler = on_crash;
    action.sa_flags = SA_RESETHAND | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    for (int sig : kCrashSignals)
      ::sigaction(sig, &action, nullptr);
    g_armed.store(true);
  }
  watch_->thread = std::thread([w = watch_.get(), abandon_message, grace_seconds, quiet] {
    using namespace std::chrono;
    std::unique_lock<std::mutex> lock(w->mutex);
    while (!w->done && !g_interrupted.load())
      w->wake.wait_for(lock, milliseconds(20));
    if (w->done) return;
    if (!quiet)
      std::fprintf(stderr,
                   "\ninterrupted: stopping at the next safe point (interrupt again to stop "
                   "at once)\n");
    if (grace_seconds <= 0) return;
    if (w->wake.wait_for(lock, duration<double>(grace_seconds), [w] { return w->done; })) return;
    if (!abandon_message.empty())
      std::fprintf(stderr,
                   "error: the work did not stop within %g s of the interrupt (--stop-grace): a "
                   "simulation that takes longer, or a simulator plugin that hangs and ignores "
                   "cancellation; stopping at once. %s",
                   grace_seconds, abandon_message.c_str());
    std::fflush(stderr);
    std::_Exit(130); // the hung work cannot be joined, so no destructors run
  });
}

InterruptGuard::~InterruptGuard() {
  {
    std::lock_guard<std::mutex> lock(watch_->mutex);
    watch_->done = true;
  }
  watch_->wake.notify_all();
  watch_->thread.join();
  if (g_armed.exchange(false))
    for (int sig : kCrashSignals)
      std::signal(sig, SIG_DFL);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

bool InterruptGuard::interrupted() {
  return g_interrupted.load();
}

std::atomic<bool> *InterruptGuard::flag() {
  return &g_interrupted;
}

} // namespace imnn::cli
