// One instance of a simulator plugin: the C calls wrapped into C++ with errors as
// exceptions. The wrapper keeps no mutable state, so simulate* may run on many
// threads at once (the ABI's [any-thread] contract does the rest).
#include "imnn/error.h"
#include "imnn/json_reader.h"
#include "imnn/plugins.h"
#include "imnn/simulator_abi.h"

#include "plugin/isolated.h"
#include "plugin/shared_library.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <filesystem>

namespace imnn {

nlohmann::json SimulatorInfo::to_json() const {
  return {{"name", name},
          {"version", version},
          {"description", description},
          {"path", path.string()},
          {"param_names", param_names},
          {"default_input_shape", default_input_shape},
          {"theta_fid", theta_fid},
          {"delta_theta", delta_theta},
          {"prior_low", prior_low},
          {"prior_high", prior_high},
          {"options_help", options_help},
          {"has_jacobian", has_jacobian}};
}

nlohmann::json NetworkInfo::to_json() const {
  return {{"name", name},
          {"version", version},
          {"description", description},
          {"path", path.string()},
          {"options_help", options_help}};
}

namespace {

constexpr std::size_t kErrorSize = 2048;

std::string plugin_message(const char *buffer) {
  std::string m(buffer);
  return m.empty() ? std::string("(the plugin gave no message)") : m;
}

std::string label(const SimulatorInfo &info) {
  return "simulator '" + info.name + "' (" + info.path.string() + ")";
}

bool covers(const imnn_simulator_plugin *p, std::size_t end_of_field) {
  return p->struct_size >= end_of_field;
}

} // namespace

// simulator_abi.h's imnn_host_services for one instance: host_data points here.
struct SimulatorHost {
  imnn_host_services services{};
  std::string plugin;
  std::atomic<double> progress{0.0};
};

namespace {

void host_log(const imnn_host_services *host, int level, const char *message) {
  if (!host || !host->host_data) return;
  plugin_log(static_cast<const SimulatorHost *>(host->host_data)->plugin, level,
             message ? message : "");
}
void host_progress(const imnn_host_services *host, double fraction) {
  if (!host || !host->host_data || !std::isfinite(fraction)) return;
  static_cast<SimulatorHost *>(host->host_data)->progress.store(std::clamp(fraction, 0.0, 1.0));
}
int host_is_cancelled(const imnn_host_services *) {
  return plugin_cancel_requested() ? 1 : 0;
}

} // namespace

double Simulator::progress() const {
  return host_ ? host_->progress.load() : 0.0;
}

Simulator::Simulator(std::shared_ptr<SharedLibrary> library, const imnn_simulator_plugin *plugin,
                     SimulatorInfo info, const nlohmann::json &options,
                     const SimulatorIsolation &isolation)
    : library_(std::move(library)), plugin_(plugin), info_(std::move(info)),
      options_(options.is_null() ? nlohmann::json::object() : options) {
  if (!plugin_) throw PluginError(label(info_) + ": internal: no plugin table");
  if (!options_.is_object())
    throw PluginError(label(info_) + ": options must be a JSON object such as {}, not " +
                      options_.dump());
  std::array<char, kErrorSize> error{};
  const std::string json = options_.dump();
  host_ = std::make_unique<SimulatorHost>();
  host_->plugin = info_.name;
  host_->services.struct_size = sizeof(imnn_host_services);
  host_->services.host_data = host_.get();
  host_->services.log = host_log;
  host_->services.progress = host_progress;
  host_->services.is_cancelled = host_is_cancelled;
  const bool with_host = plugin_->abi_version >= 2u &&
                         covers(plugin_, offsetof(imnn_simulator_plugin, create_with_host) +
                                             sizeof(plugin_->create_with_host)) &&
                         plugin_->create_with_host != nullptr;
  instance_ = with_host ? plugin_->create_with_host(&host_->services, json.c_str(), error.data(),
                                                    error.size())
                        : plugin_->create(json.c_str(), error.data(), error.size());
  error.back() = '\0';
  if (!instance_)
    throw PluginError(label(info_) + " refused its options: " + plugin_message(error.data()) +
                      " (options given: " + json + ")");

  // The instance's own shape (options may change it), checked before any use.
  std::array<std::int64_t, IMNN_SIMULATOR_MAX_RANK> shape{};
  const std::uint32_t rank = plugin_->input_shape(instance_, shape.data(), IMNN_SIMULATOR_MAX_RANK);
  std::string problem;
  if (rank == 0) {
    problem = "input_shape returned rank 0 (an error) for options " + json;
  } else if (rank > IMNN_SIMULATOR_MAX_RANK) {
    problem = "input_shape returned rank " + std::to_string(rank) + ", more than the maximum " +
              std::to_string(IMNN_SIMULATOR_MAX_RANK);
  } else {
    Index size = 1;
    for (std::uint32_t a = 0; a < rank && problem.empty(); ++a) {
      const std::int64_t extent = shape[a];
      if (extent <= 0)
        problem = "input_shape gives extent " + std::to_string(extent) + " on axis " +
                  std::to_string(a) + " for options " + json + "; every extent must be > 0";
      else if (__builtin_mul_overflow(size, static_cast<Index>(extent), &size))
        problem = "input_shape is too large (the number of elements overflows)";
      else
        input_shape_.push_back(static_cast<Index>(extent));
    }
    input_size_ = size;
  }
  if (problem.empty()) problem = apply_instance_info();
  if (problem.empty() && isolation.isolate) {
    if (!library_ || info_.path.empty() || !std::filesystem::is_regular_file(info_.path))
      problem = "cannot be isolated: it does not come from a plugin file (a simulator given to "
                "the Python module runs in the Python process); run it without isolation";
    else
      try {
        isolated_ = std::make_unique<IsolatedSimulator>(
            info_.path, info_.name, json, info_.param_names.size(),
            static_cast<std::size_t>(input_size_), isolation,
            [this](std::int64_t i, std::size_t n, const std::uint64_t *seeds,
                   const double *thetas) { return describe(i, n, seeds, thetas); });
      } catch (const PluginError &e) {
        plugin_->destroy(instance_);
        instance_ = nullptr;
        throw;
      }
  }
  if (!problem.empty()) {
    plugin_->destroy(instance_);
    instance_ = nullptr;
    throw PluginError(label(info_) + ": " + problem);
  }
}

// The instance's own parameter facts (simulator_abi.h instance_info), checked as the
// registry checks a descriptor's. Returns the problem, or "" when all is well.
std::string Simulator::apply_instance_info() {
  if (!info_.per_instance) return "";
  const char *text = plugin_->instance_info(instance_);
  if (!text || !*text) return "";
  nlohmann::json j;
  try {
    j = parse_json_text(text, "instance_info");
  } catch (const std::exception &e) {
    return e.what();
  }
  if (!j.is_object()) return "instance_info is not a JSON object";
  try {
    if (j.contains("param_names")) {
      info_.param_names = j["param_names"].get<std::vector<std::string>>();
      if (info_.param_names.empty()) return "instance_info gives no parameter names";
    }
    const std::size_t p = info_.param_names.size();
    for (auto [key, to] :
         {std::pair<const char *, std::vector<double> *>{"theta_fid", &info_.theta_fid},
          {"delta_theta", &info_.delta_theta},
          {"prior_low", &info_.prior_low},
          {"prior_high", &info_.prior_high}}) {
      if (j.contains(key)) *to = j[key].get<std::vector<double>>();
      if (to->size() != p)
        return "instance_info: " + std::string(key) + " has " + std::to_string(to->size()) +
               " values for " + std::to_string(p) + " parameters";
      for (double v : *to)
        if (!std::isfinite(v)) return "instance_info: " + std::string(key) + " is not finite";
    }
    for (std::size_t a = 0; a < p; ++a) {
      if (!(info_.delta_theta[a] > 0))
        return "instance_info: delta_theta for parameter '" + info_.param_names[a] +
               "' must be > 0";
      if (!(info_.prior_high[a] > info_.prior_low[a]))
        return "instance_info: the prior box for parameter '" + info_.param_names[a] +
               "' is empty (prior_high <= prior_low)";
    }
    if (j.contains("has_jacobian")) info_.has_jacobian = j["has_jacobian"].get<bool>();
  } catch (const nlohmann::json::exception &e) {
    return std::string("instance_info has a value of the wrong type: ") + e.what();
  }
  return "";
}

Simulator::~Simulator() {
  isolated_.reset();
  if (instance_) plugin_->destroy(instance_);
}

namespace {

std::string failure(const SimulatorInfo &info, std::uint64_t seed, const double *theta,
                    const char *message) {
  std::string t;
  for (std::size_t i = 0; i < info.param_names.size(); ++i)
    t += (i ? ", " : "") + nlohmann::json(theta[i]).dump();
  return "simulator '" + info.name + "' failed for seed " + std::to_string(seed) + " at theta (" +
         t + "): " + plugin_message(message);
}

std::string theta_text(const double *theta, std::size_t p) {
  std::string t;
  for (std::size_t i = 0; i < p; ++i)
    t += (i ? ", " : "") + nlohmann::json(theta[i]).dump();
  return "(" + t + ")";
}

} // namespace

std::string Simulator::describe(std::int64_t index, std::size_t n, const std::uint64_t *seeds,
                                const double *thetas) const {
  const std::size_t p = info_.param_names.size();
  if (n == 1) index = 0;
  if (index >= 0 && static_cast<std::size_t>(index) < n) {
    const auto i = static_cast<std::size_t>(index);
    std::string s = "in the simulation with seed " + std::to_string(seeds[i]) + " at theta " +
                    theta_text(thetas + i * p, p);
    if (n > 1)
      s += " (simulation " + std::to_string(i) + " of a call of " + std::to_string(n) + ")";
    return s;
  }
  return "in a batch call of " + std::to_string(n) + " simulations (the first: seed " +
         std::to_string(seeds[0]) + " at theta " + theta_text(thetas, p) + ")";
}

void Simulator::simulate(std::uint64_t seed, const double *theta, double *out) const {
  if (isolated_) {
    isolated_->run(1, &seed, theta, out, nullptr);
    return;
  }
  std::array<char, kErrorSize> error{};
  const int rc = plugin_->simulate(instance_, seed, theta, out, error.data(), error.size());
  error.back() = '\0';
  if (rc != IMNN_OK) throw PluginError(failure(info_, seed, theta, error.data()));
}

void Simulator::simulate_with_jacobian(std::uint64_t seed, const double *theta, double *out,
                                       double *jacobian) const {
  if (!plugin_->simulate_with_jacobian && !(isolated_ && has_jacobian()))
    throw PluginError(label(info_) +
                      " provides no Jacobian (it has no simulate_with_jacobian); use mode "
                      "\"simulator-numerical\" (finite differences of simulations) or a simulator "
                      "plugin that provides simulate_with_jacobian");
  if (isolated_) {
    isolated_->run(1, &seed, theta, out, jacobian);
    return;
  }
  std::array<char, kErrorSize> error{};
  const int rc = plugin_->simulate_with_jacobian(instance_, seed, theta, out, jacobian,
                                                 error.data(), error.size());
  error.back() = '\0';
  if (rc != IMNN_OK) throw PluginError(failure(info_, seed, theta, error.data()));
}

namespace {

bool table_has(const imnn_simulator_plugin *p, std::size_t end_of_field) {
  return p->struct_size >= end_of_field;
}

std::string batch_failure(const SimulatorInfo &info, std::size_t n, const std::uint64_t *seeds,
                          const double *thetas, const char *message) {
  std::string m = failure(info, seeds[0], thetas, message);
  if (n > 1)
    m = "simulator '" + info.name + "' failed in a batch of " + std::to_string(n) +
        " simulations starting " + m.substr(m.find("for seed"));
  return m;
}

} // namespace

bool Simulator::has_batch() const {
  if (isolated_) return true; // the child process loops over the chunk
  return table_has(plugin_, offsetof(imnn_simulator_plugin, simulate_batch) +
                                sizeof(plugin_->simulate_batch)) &&
         plugin_->simulate_batch != nullptr;
}

bool Simulator::has_batch_jacobian() const {
  if (isolated_) return has_jacobian();
  return table_has(plugin_, offsetof(imnn_simulator_plugin, simulate_batch_with_jacobian) +
                                sizeof(plugin_->simulate_batch_with_jacobian)) &&
         plugin_->simulate_batch_with_jacobian != nullptr;
}

void Simulator::simulate_batch(std::size_t n, const std::uint64_t *seeds, const double *thetas,
                               double *out) const {
  if (n == 0) return;
  if (isolated_) {
    isolated_->run(n, seeds, thetas, out, nullptr);
    return;
  }
  if (!has_batch()) {
    const auto p = static_cast<std::size_t>(n_params());
    const auto size = static_cast<std::size_t>(input_size());
    for (std::size_t i = 0; i < n; ++i)
      simulate(seeds[i], thetas + i * p, out + i * size);
    return;
  }
  std::array<char, kErrorSize> error{};
  const int rc =
      plugin_->simulate_batch(instance_, n, seeds, thetas, out, error.data(), error.size());
  error.back() = '\0';
  if (rc != IMNN_OK) throw PluginError(batch_failure(info_, n, seeds, thetas, error.data()));
}

void Simulator::simulate_batch_with_jacobian(std::size_t n, const std::uint64_t *seeds,
                                             const double *thetas, double *out,
                                             double *jacobian) const {
  if (n == 0) return;
  if (isolated_) {
    if (!has_jacobian())
      simulate_with_jacobian(seeds[0], thetas, out, jacobian); // throws: no Jacobian
    isolated_->run(n, seeds, thetas, out, jacobian);
    return;
  }
  if (!has_batch_jacobian()) {
    const auto p = static_cast<std::size_t>(n_params());
    const auto size = static_cast<std::size_t>(input_size());
    for (std::size_t i = 0; i < n; ++i)
      simulate_with_jacobian(seeds[i], thetas + i * p, out + i * size, jacobian + i * size * p);
    return;
  }
  std::array<char, kErrorSize> error{};
  const int rc = plugin_->simulate_batch_with_jacobian(instance_, n, seeds, thetas, out, jacobian,
                                                       error.data(), error.size());
  error.back() = '\0';
  if (rc != IMNN_OK) throw PluginError(batch_failure(info_, n, seeds, thetas, error.data()));
}

} // namespace imnn
