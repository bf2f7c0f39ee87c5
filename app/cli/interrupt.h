// Ctrl-C and SIGTERM for the long commands (fit, refit).
//
// The first signal asks the work to stop at its next safe point (the fit checkpoints
// and keeps its run; the caller polls interrupted()). Work that does not stop, such
// as a simulator plugin hanging in simulate() without isolation, would otherwise leave
// Ctrl-C and a scheduler's SIGTERM without effect: a second signal, or the grace
// period passing, ends the process at once with exit status 130 and a message that
// says what is kept and how to continue.
//
// While a guard with a message lives, a crash (SIGSEGV, SIGBUS, SIGILL, SIGFPE,
// SIGABRT) or an exit() called from a plugin inside this process is reported with the
// same message and a pointer to simulator isolation; the crash then ends the process
// with its signal, the exit with status 1 (never the plugin's status).
#pragma once

#include <atomic>
#include <memory>
#include <string>

namespace imnn::cli {

class InterruptGuard {
public:
  // abandon_message: printed when the process is ended without stopping cleanly
  // (say what the run keeps and how to continue; empty: print nothing, as on the
  // ranks other than 0). grace_seconds <= 0: no time limit (only a second signal ends
  // it). Installs the SIGINT and SIGTERM handlers.
  InterruptGuard(const std::string &abandon_message, double grace_seconds, bool quiet);
  ~InterruptGuard(); // restores the default handlers
  InterruptGuard(const InterruptGuard &) = delete;
  InterruptGuard &operator=(const InterruptGuard &) = delete;

  static bool interrupted();
  // The flag the engine's cancellable calls poll (refit, inference).
  static std::atomic<bool> *flag();

private:
  struct Watch;
  std::unique_ptr<Watch> watch_;
};

// The default of --stop-grace: below Slurm's default KillWait (30 s), so the message
// still comes out before the scheduler's SIGKILL.
inline constexpr double default_stop_grace_seconds = 20.0;

} // namespace imnn::cli
