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
