// The engine's side of an isolated simulator plugin (plugin/isolated.h): a pool of
// imnn-simulator-host processes, one call (a chunk of simulations) per round trip
// over a socket, the arrays in shared memory.
#include "plugin/isolated.h"

#include "plugin/isolation_protocol.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char **environ;

namespace imnn {

using namespace isolation;
using Clock = std::chrono::steady_clock;

struct IsolatedSimulator::Worker {
  pid_t pid = -1;
  int socket = -1;
  int control_fd = -1;
  int data_fd = -1;
  Control *control = nullptr;
  void *data = nullptr;
  std::size_t mapped = 0, file_size = 0;
  bool alive = false;

  ~Worker() {
    if (alive && socket >= 0) {
      Request q;
      q.op = kQuit;
      (void)::send(socket, &q, sizeof q, MSG_NOSIGNAL);
    }
    if (socket >= 0) ::close(socket);
    if (pid > 0) reap(std::chrono::milliseconds(1000));
    if (data) ::munmap(data, mapped);
    if (control) ::munmap(control, sizeof(Control));
    if (data_fd >= 0) ::close(data_fd);
    if (control_fd >= 0) ::close(control_fd);
  }

  // Waits up to `wait` for the process to end, then kills it. Returns its status, or
  // -1 when it cannot be known (SIGCHLD ignored by the host).
  int reap(std::chrono::milliseconds wait) {
    if (pid <= 0) return -1;
    int status = 0;
    const auto end = Clock::now() + wait;
    for (;;) {
      const pid_t r = ::waitpid(pid, &status, WNOHANG);
      if (r == pid || (r < 0 && errno != EINTR)) break;
      if (r == 0 && Clock::now() >= end) {
        ::kill(pid, SIGKILL);
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        break;
      }
      if (r == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    pid = -1;
    alive = false;
    return status;
  }
};

namespace {

bool send_all(int fd, const void *data, std::size_t n) {
  const char *p = static_cast<const char *>(data);
  while (n > 0) {
    const ssize_t w = ::send(fd, p, n, MSG_NOSIGNAL);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

bool recv_all(int fd, void *data, std::size_t n) {
  char *p = static_cast<char *>(data);
  while (n > 0) {
    const ssize_t r = ::recv(fd, p, n, 0);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    p += r;
    n -= static_cast<std::size_t>(r);
  }
  return true;
}

std::string how_it_ended(int status) {
  if (status < 0) return "ended";
  if (WIFSIGNALED(status)) {
    const int s = WTERMSIG(status);
    const char *name = ::strsignal(s);
    return "crashed (signal " + std::to_string(s) + ", " + (name ? name : "unknown") + ")";
  }
  if (WIFEXITED(status))
    return "exited with status " + std::to_string(WEXITSTATUS(status)) +
           " (the plugin called exit or abort)";
  return "ended";
}

std::string seconds(double s) {
  char b[32];
  std::snprintf(b, sizeof b, "%g", s);
  return b;
}

} // namespace

IsolatedSimulator::IsolatedSimulator(std::filesystem::path plugin_file, std::string plugin_name,
                                     std::string options_json, std::size_t n_params,
                                     std::size_t input_size, SimulatorIsolation settings,
                                     Describe describe)
    : file_(std::move(plugin_file)), name_(std::move(plugin_name)),
      options_(std::move(options_json)), n_params_(n_params), input_size_(input_size),
      settings_(settings), describe_(std::move(describe)), program_(simulator_host_program()) {
  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  max_workers_ = settings_.max_workers > 0 ? settings_.max_workers : static_cast<int>(hw);
  if (program_.empty())
    throw PluginError("simulator isolation needs the helper program imnn-simulator-host, which "
                      "was not found beside the IMNN Studio libraries or executable; reinstall "
                      "IMNN Studio or set IMNN_SIMULATOR_HOST to its path");
  release(spawn()); // the options are checked in the child process now, not at the first call
}

IsolatedSimulator::~IsolatedSimulator() = default;

std::unique_ptr<IsolatedSimulator::Worker> IsolatedSimulator::spawn() {
  const std::string who = "simulator '" + name_ + "' (" + file_.string() + ")";
  auto w = std::make_unique<Worker>();
  int sv[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
    throw PluginError(who +
                      ": cannot make a socket for its isolated process: " + std::strerror(errno));
  w->socket = sv[0];
  w->control_fd = ::memfd_create("imnn-simulator-control", MFD_CLOEXEC);
  w->data_fd = ::memfd_create("imnn-simulator-data", MFD_CLOEXEC);
  if (w->control_fd < 0 || w->data_fd < 0 || ::ftruncate(w->control_fd, sizeof(Control)) != 0) {
    ::close(sv[1]);
    throw PluginError(
        who + ": cannot make shared memory for its isolated process: " + std::strerror(errno));
  }
  void *c = ::mmap(nullptr, sizeof(Control), PROT_READ | PROT_WRITE, MAP_SHARED, w->control_fd, 0);
  if (c == MAP_FAILED) {
    ::close(sv[1]);
    throw PluginError(who + ": cannot map shared memory: " + std::strerror(errno));
  }
  w->control = new (c) Control();

  // posix_spawn (vfork-like) is safe in a process with threads. dup2 of a descriptor
  // onto itself clears its close-on-exec flag in the child only.
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  for (int fd : {sv[1], w->control_fd, w->data_fd})
    posix_spawn_file_actions_adddup2(&actions, fd, fd);
  const std::string file = file_.string(), s1 = std::to_string(sv[1]),
                    s2 = std::to_string(w->control_fd), s3 = std::to_string(w->data_fd);
  std::vector<char *> argv = {
      const_cast<char *>(program_.c_str()), const_cast<char *>(file.c_str()),
      const_cast<char *>(s1.c_str()),       const_cast<char *>(s2.c_str()),
      const_cast<char *>(s3.c_str()),       nullptr};
  pid_t pid = -1;
  const int rc = ::posix_spawn(&pid, program_.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(sv[1]);
  if (rc != 0)
    throw PluginError(who + ": cannot start " + program_ +
                      " for its isolated process: " + std::strerror(rc));
  w->pid = pid;
  w->alive = true;

  Request init;
  init.op = kInit;
  init.payload = options_.size();
  std::string answer;
  std::int32_t value = 0;
  const Kind kind = (send_all(w->socket, &init, sizeof init) &&
                     send_all(w->socket, options_.data(), options_.size()))
                        ? Kind(0)
                        : kFailed;
  if (kind == 0) {
    Reply r;
    for (;;) {
      if (!recv_all(w->socket, &r, sizeof r)) break;
      answer.assign(r.payload, '\0');
      if (r.payload > 0 && !recv_all(w->socket, answer.data(), answer.size())) break;
      if (r.kind == kLog) {
        plugin_log(name_, r.value, answer);
        continue;
      }
      if (r.kind == kProgress) continue;
      value = r.value;
      if (r.kind == kFailed)
        throw PluginError(who + " refused its options in its isolated process: " +
                          (answer.empty() ? std::string("(the plugin gave no message)") : answer) +
                          " (options given: " + options_ + ")");
      if (r.kind == kDone) {
        if (answer != std::to_string(input_size_))
          throw PluginError(who + ": its isolated process gives " + answer +
                            " values per simulation, this process " + std::to_string(input_size_) +
                            "; the plugin's shape must depend only on its options");
        return w;
      }
    }
  }
  (void)value;
  const int status = w->reap(std::chrono::milliseconds(200));
  throw PluginCrashError(who + " " + how_it_ended(status) +
                         " while creating its instance in its isolated process");
}

std::unique_ptr<IsolatedSimulator::Worker> IsolatedSimulator::acquire() {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    idle_cv_.wait(lock, [&] { return !idle_.empty() || live_ < max_workers_; });
    if (!idle_.empty()) {
      auto w = std::move(idle_.back());
      idle_.pop_back();
      return w;
    }
    ++live_;
  }
  try {
    return spawn();
  } catch (...) {
    std::lock_guard<std::mutex> lock(mutex_);
    --live_;
    idle_cv_.notify_one();
    throw;
  }
}

void IsolatedSimulator::release(std::unique_ptr<Worker> w) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (w && w->alive)
    idle_.push_back(std::move(w));
  else
    --live_;
  idle_cv_.notify_one();
}

void IsolatedSimulator::run(std::size_t n, const std::uint64_t *seeds, const double *thetas,
                            double *out, double *jacobian) {
  if (n == 0) return;
  const std::string who = "simulator '" + name_ + "' (" + file_.string() + ")";
  const bool jac = jacobian != nullptr;
  std::unique_ptr<Worker> w = acquire();
  // Any way out of this function but success or the plugin's own error loses the
  // process: it is killed and reaped by ~Worker, and a new one starts at the next call.
  struct Give {
    IsolatedSimulator *self;
    std::unique_ptr<Worker> &w;
    ~Give() {
      if (w && !w->alive) w.reset();
      self->release(std::move(w));
    }
  } give{this, w};

  const std::size_t bytes = data_bytes(n, n_params_, input_size_, jac);
  if (bytes > w->file_size) {
    if (::ftruncate(w->data_fd, static_cast<off_t>(bytes)) != 0)
      throw PluginError(who + ": cannot size the shared memory for " + std::to_string(n) +
                        " simulations (" + std::to_string(bytes) +
                        " bytes): " + std::strerror(errno));
    w->file_size = bytes;
  }
  if (bytes > w->mapped) {
    if (w->data) ::munmap(w->data, w->mapped);
    w->mapped = 0;
    w->data = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, w->data_fd, 0);
    if (w->data == MAP_FAILED) {
      w->data = nullptr;
      throw PluginError(who + ": cannot map shared memory: " + std::strerror(errno));
    }
    w->mapped = bytes;
  }
  auto *d_seeds = static_cast<std::uint64_t *>(w->data);
  auto *d_thetas = reinterpret_cast<double *>(d_seeds + n);
  double *d_out = d_thetas + n * n_params_;
  double *d_jac = d_out + n * input_size_;
  std::memcpy(d_seeds, seeds, n * sizeof *seeds);
  std::memcpy(d_thetas, thetas, n * n_params_ * sizeof *thetas);
  w->control->current.store(-1);
  w->control->cancelled.store(plugin_cancel_requested() ? 1u : 0u);

  Request r;
  r.op = jac ? kSimulateJacobian : kSimulate;
  r.n = n;
  r.data_bytes = bytes;
  const auto start = Clock::now();
  const bool sent = send_all(w->socket, &r, sizeof r);
  Clock::time_point cancel_seen{};
  std::string text;
  for (bool reading = sent; reading;) {
    pollfd p{w->socket, POLLIN, 0};
    const int ready = ::poll(&p, 1, 100);
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) {
      const auto now = Clock::now();
      const double elapsed = std::chrono::duration<double>(now - start).count();
      const std::int64_t i = w->control->current.load();
      if (settings_.timeout_s > 0 && elapsed > settings_.timeout_s) {
        w->reap(std::chrono::milliseconds(0));
        throw PluginCrashError(who + " did not finish " + describe_(i, n, seeds, thetas) +
                               " within the simulator timeout of " + seconds(settings_.timeout_s) +
                               " s; its isolated process was stopped (fix the plugin, or raise "
                               "\"timeout\" in the config's simulator section or "
                               "--simulator-timeout)");
      }
      if (plugin_cancel_requested()) {
        w->control->cancelled.store(1u);
        if (cancel_seen == Clock::time_point{}) cancel_seen = now;
        if (std::chrono::duration<double>(now - cancel_seen).count() > settings_.cancel_grace_s) {
          w->reap(std::chrono::milliseconds(0));
          throw PluginCrashError(who + " was still running " + describe_(i, n, seeds, thetas) +
                                 " " + seconds(settings_.cancel_grace_s) +
                                 " s after the stop request; its isolated process was stopped");
        }
      }
      continue;
    }
    Reply rep;
    if (!recv_all(w->socket, &rep, sizeof rep)) break;
    text.assign(rep.payload, '\0');
    if (rep.payload > 0 && !recv_all(w->socket, text.data(), text.size())) break;
    if (rep.kind == kLog) {
      plugin_log(name_, rep.value, text);
    } else if (rep.kind == kProgress) {
    } else if (rep.kind == kDone) {
      std::memcpy(out, d_out, n * input_size_ * sizeof *out);
      if (jac) std::memcpy(jacobian, d_jac, n * input_size_ * n_params_ * sizeof *jacobian);
      return;
    } else if (rep.kind == kFailed) {
      throw PluginError(who + " failed " + describe_(rep.value, n, seeds, thetas) + ": " +
                        (text.empty() ? std::string("(the plugin gave no message)") : text));
    } else {
      break;
    }
  }
  // The socket closed or broke: the process ended in the middle of the call.
  const std::int64_t i = w->control->current.load();
  const int status = w->reap(std::chrono::milliseconds(500));
  throw PluginCrashError(who + " " + how_it_ended(status) + " " + describe_(i, n, seeds, thetas) +
                         "; it ran in an isolated process, so only the call was lost: fix the "
                         "plugin, then continue (a fit: --resume)");
}

} // namespace imnn
