// imnn-simulator-host: runs one simulator plugin instance in its own process for the
// engine's isolated mode (imnn/plugin_host.h). A crash, exit() or hang here cannot
// take the engine down: the engine sees the socket close (or its timeout pass) and
// reports the plugin, the simulation, its seed and theta.
//
//   imnn-simulator-host PLUGIN.so SOCKET_FD CONTROL_FD DATA_FD
//
// Not meant to be run by hand. Speaks plugin/isolation_protocol.h on SOCKET_FD.
#include "imnn/simulator_abi.h"

#include "plugin/isolation_protocol.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <mutex>
#include <new>
#include <string>
#include <sys/mman.h>
#include <unistd.h>
#include <vector>

namespace {

using namespace imnn::isolation;

int g_socket = -1;
Control *g_control = nullptr;
std::mutex g_write_mutex; // the plugin may log from many threads

bool write_all(const void *data, std::size_t n) {
  const char *p = static_cast<const char *>(data);
  while (n > 0) {
    const ssize_t w = ::write(g_socket, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

bool read_all(void *data, std::size_t n) {
  char *p = static_cast<char *>(data);
  while (n > 0) {
    const ssize_t r = ::read(g_socket, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    p += r;
    n -= static_cast<std::size_t>(r);
  }
  return true;
}

void reply(Kind kind, std::int32_t value, const void *payload, std::size_t size) {
  std::lock_guard<std::mutex> lock(g_write_mutex);
  Reply r;
  r.kind = kind;
  r.value = value;
  r.payload = size;
  if (!write_all(&r, sizeof r) || (size > 0 && !write_all(payload, size))) std::_Exit(0);
}

void reply_text(Kind kind, std::int32_t value, const std::string &text) {
  reply(kind, value, text.data(), text.size());
}

void host_log(const imnn_host_services *, int level, const char *message) {
  reply_text(kLog, level, message ? message : "");
}
void host_progress(const imnn_host_services *, double fraction) {
  reply(kProgress, 0, &fraction, sizeof fraction);
}
int host_is_cancelled(const imnn_host_services *) {
  return g_control->cancelled.load(std::memory_order_relaxed) != 0;
}

bool covers(const imnn_simulator_plugin *p, std::size_t end) {
  return p->struct_size >= end;
}
#define IMNN_HAS_FIELD(p, field)                                                                   \
  (covers(p, offsetof(imnn_simulator_plugin, field) + sizeof((p)->field)) && (p)->field)

} // namespace

int main(int argc, char **argv) {
  if (argc != 5) {
    std::fprintf(stderr, "imnn-simulator-host is started by IMNN Studio for an isolated "
                         "simulator plugin; it is not meant to be run by hand\n");
    return 2;
  }
  // Whatever the plugin prints must not reach the protocol: stdout goes to stderr.
  ::dup2(2, 1);
  g_socket = std::atoi(argv[2]);
  const int control_fd = std::atoi(argv[3]);
  const int data_fd = std::atoi(argv[4]);
  void *control =
      ::mmap(nullptr, sizeof(Control), PROT_READ | PROT_WRITE, MAP_SHARED, control_fd, 0);
  if (control == MAP_FAILED) return 3;
  g_control = static_cast<Control *>(control);

  Request init;
  if (!read_all(&init, sizeof init) || init.op != kInit) return 4;
  std::string options(init.payload, '\0');
  if (init.payload > 0 && !read_all(options.data(), options.size())) return 4;

  // The engine loaded and checked this file already; only what could differ is checked.
  void *library = ::dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    reply_text(kFailed, 0, std::string("cannot load the plugin: ") + ::dlerror());
    return 0;
  }
  auto entry =
      reinterpret_cast<imnn_simulator_entry_fn>(::dlsym(library, IMNN_SIMULATOR_ENTRY_SYMBOL));
  const imnn_simulator_plugin *p = entry ? entry() : nullptr;
  if (!p || !p->descriptor || p->struct_size < IMNN_SIMULATOR_PLUGIN_V1_SIZE) {
    reply_text(kFailed, 0, "the plugin's entry gave no valid table in the isolated process");
    return 0;
  }
  const std::uint64_t n_params = p->descriptor->n_params;
  imnn_host_services host{};
  host.struct_size = sizeof host;
  host.log = host_log;
  host.progress = host_progress;
  host.is_cancelled = host_is_cancelled;
  std::vector<char> error(2048, '\0');
  imnn_simulator_instance *instance = nullptr;
  if (p->abi_version >= 2u && IMNN_HAS_FIELD(p, create_with_host))
    instance = p->create_with_host(&host, options.c_str(), error.data(), error.size());
  else if (p->create)
    instance = p->create(options.c_str(), error.data(), error.size());
  error.back() = '\0';
  if (!instance) {
    reply_text(kFailed, 0, error.data());
    return 0;
  }
  std::int64_t shape[IMNN_SIMULATOR_MAX_RANK] = {};
  const std::uint32_t rank = p->input_shape(instance, shape, IMNN_SIMULATOR_MAX_RANK);
  std::uint64_t size = rank > 0 && rank <= IMNN_SIMULATOR_MAX_RANK ? 1 : 0;
  for (std::uint32_t a = 0; a < rank && a < IMNN_SIMULATOR_MAX_RANK; ++a)
    size *= shape[a] > 0 ? static_cast<std::uint64_t>(shape[a]) : 0;
  reply_text(kDone, 0, std::to_string(size));
  const bool batch = IMNN_HAS_FIELD(p, simulate_batch);
  const bool batch_jacobian = IMNN_HAS_FIELD(p, simulate_batch_with_jacobian);

  void *data = nullptr;
  std::uint64_t mapped = 0;
  for (;;) {
    Request r;
    if (!read_all(&r, sizeof r) || r.op == kQuit) break;
    const bool jac = r.op == kSimulateJacobian;
    if ((r.op != kSimulate && !jac) || r.data_bytes < data_bytes(r.n, n_params, size, jac)) {
      reply_text(kFailed, 0, "internal: a request the plugin host does not understand");
      continue;
    }
    if (r.data_bytes > mapped) {
      if (data) ::munmap(data, mapped);
      data = ::mmap(nullptr, r.data_bytes, PROT_READ | PROT_WRITE, MAP_SHARED, data_fd, 0);
      if (data == MAP_FAILED) {
        data = nullptr;
        mapped = 0;
        reply_text(kFailed, 0,
                   std::string("cannot map the shared memory: ") + std::strerror(errno));
        continue;
      }
      mapped = r.data_bytes;
    }
    const auto *seeds = static_cast<const std::uint64_t *>(data);
    const auto *thetas = reinterpret_cast<const double *>(seeds + r.n);
    double *out = const_cast<double *>(thetas) + r.n * n_params;
    double *jacobian = out + r.n * size;
    std::fill(error.begin(), error.end(), '\0');
    int rc = IMNN_OK;
    std::int64_t failed = -1;
    if (jac && !p->simulate_with_jacobian && !batch_jacobian) {
      rc = IMNN_ERROR;
      std::snprintf(error.data(), error.size(), "the plugin has no simulate_with_jacobian");
    } else if ((jac && batch_jacobian) || (!jac && batch)) {
      g_control->current.store(-1);
      rc = jac ? p->simulate_batch_with_jacobian(instance, r.n, seeds, thetas, out, jacobian,
                                                 error.data(), error.size())
               : p->simulate_batch(instance, r.n, seeds, thetas, out, error.data(), error.size());
    } else {
      for (std::uint64_t i = 0; i < r.n && rc == IMNN_OK; ++i) {
        g_control->current.store(static_cast<std::int64_t>(i));
        rc = jac ? p->simulate_with_jacobian(instance, seeds[i], thetas + i * n_params,
                                             out + i * size, jacobian + i * size * n_params,
                                             error.data(), error.size())
                 : p->simulate(instance, seeds[i], thetas + i * n_params, out + i * size,
                               error.data(), error.size());
        if (rc != IMNN_OK) failed = static_cast<std::int64_t>(i);
      }
    }
    error.back() = '\0';
    if (rc == IMNN_OK)
      reply(kDone, 0, nullptr, 0);
    else
      reply_text(kFailed, static_cast<std::int32_t>(failed), error.data());
  }
  p->destroy(instance);
  return 0;
}
