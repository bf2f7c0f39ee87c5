#include "imnn/config.h"

#include "imnn/devices.h"
#include "imnn/error.h"
#include "imnn/fisher.h"
#include "imnn/json_reader.h"
#include "imnn/optimiser.h"
#include "imnn/plugins.h"
#include "imnn/sources.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

namespace imnn {

namespace {

std::string join(const std::vector<std::string> &v) {
  std::string s;
  for (const auto &e : v)
    s += (s.empty() ? "" : ", ") + e;
  return s;
}

// A key's bounds and default come from its row of run_config_specs().
std::string bound_text(const OptionSpec &s) {
  std::ostringstream t;
  if (s.min && s.max)
    t << "must be between " << *s.min << " and " << *s.max;
  else if (s.min)
    t << "must be " << (s.min_exclusive ? "> " : ">= ") << *s.min;
  else if (s.max)
    t << "must be " << (s.max_exclusive ? "< " : "<= ") << *s.max;
  return t.str();
}

bool within(const OptionSpec &s, double x) {
  if (s.min && (s.min_exclusive ? !(x > *s.min) : !(x >= *s.min))) return false;
  if (s.max && (s.max_exclusive ? !(x < *s.max) : !(x <= *s.max))) return false;
  return true;
}

std::int64_t read_integer(JsonReader &r, const std::string &local) {
  const OptionSpec &s = run_config_spec(r.path(local));
  return r.integer(local, s.default_value.get<std::int64_t>(),
                   s.min ? static_cast<std::int64_t>(*s.min) : INT64_MIN,
                   s.max ? static_cast<std::int64_t>(*s.max) : INT64_MAX);
}

double read_number(JsonReader &r, const std::string &local) {
  const OptionSpec &s = run_config_spec(r.path(local));
  const double x =
      r.number(local, s.default_value.is_number() ? s.default_value.get<double>() : 0.0);
  if (r.find(local) && !within(s, x)) {
    std::ostringstream got;
    got << ", got " << x;
    throw ConfigError(s.key, bound_text(s) + got.str());
  }
  return x;
}

PluginChoice read_plugin(JsonReader &top, const std::string &key, const std::string &fallback) {
  PluginChoice c;
  const auto *v = top.find(key);
  if (!v) {
    c.plugin = fallback;
    return c;
  }
  if (v->is_string()) { // shorthand: "simulator": "gaussian_mean_variance"
    c.plugin = v->get<std::string>();
    return c;
  }
  JsonReader r(*v, key);
  c.plugin = r.string("plugin", fallback);
  c.options = r.object("options");
  if (key == "simulator") {
    c.isolate = r.boolean("isolate", false);
    c.timeout = read_number(r, "timeout");
  }
  r.finish();
  return c;
}

std::vector<DeviceSpec> read_devices(JsonReader &top) {
  const auto *v = top.find("devices");
  if (!v) return {DeviceSpec{}};
  if (!v->is_array())
    throw ConfigError("devices", "expected a list of devices such as [{\"kind\": \"cpu\", "
                                 "\"threads\": 0}], got " +
                                     json_type_name(*v));
  if (v->empty())
    throw ConfigError("devices", "the list is empty; give at least one device, e.g. "
                                 "[{\"kind\": \"cpu\"}]");
  std::vector<DeviceSpec> devices;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const std::string key = "devices[" + std::to_string(i) + "]";
    JsonReader d((*v)[i], key);
    DeviceSpec s;
    s.kind = d.string("kind", s.kind);
    if (s.kind == "cuda" || s.kind == "gpu") {
      // No silent CPU fallback: say what this machine offers and how to run.
      const DeviceList found = list_devices();
      const std::string here =
          found.gpus.empty() ? found.no_gpu_reason
                             : std::to_string(found.gpus.size()) +
                                   " GPU(s) found, but the CUDA compute kernels are not built yet";
      throw ConfigError(key + ".kind", "CUDA devices are not supported: this build has no CUDA "
                                       "compute backend (" +
                                           here +
                                           "); use {\"kind\": \"cpu\"} (threads 0: all "
                                           "cores), and see `imnn devices`");
    }
    if (s.kind != "cpu")
      throw ConfigError(key + ".kind",
                        "unknown device kind \"" + s.kind + "\"; the only kind is \"cpu\"");
    s.threads = static_cast<int>(d.integer("threads", s.threads, 0, 4096));
    d.finish();
    devices.push_back(s);
  }
  return devices;
}

} // namespace

RunConfig RunConfig::from_json(const nlohmann::json &j) {
  RunConfig c;
  JsonReader r(j, "");
  const std::string format = r.string("format", "imnn-studio-config");
  if (format != "imnn-studio-config")
    throw ConfigError("format", "expected \"imnn-studio-config\", got \"" + format + "\"");
  const auto version = r.integer("version", 1, 1);
  if (version != 1)
    throw ConfigError("version", "this build reads config version 1, the file has version " +
                                     std::to_string(version) + "; upgrade IMNN Studio");
  c.name = r.string("name", c.name);
  // The run directory is runs/<name>-<date>-<time>: a name is a name, not a path.
  if (c.name.empty() || c.name == "." || c.name == ".." ||
      c.name.find_first_of("/\\") != std::string::npos ||
      std::any_of(c.name.begin(), c.name.end(),
                  [](unsigned char ch) { return ch < 0x20 || ch == 0x7f; }))
    throw ConfigError("name", "\"" + c.name +
                                  "\" is not a run name: use letters, digits, '-', '_' or '.' "
                                  "without '/' (to choose the folder, give --run-dir DIR)");
  c.mode = r.string("mode", c.mode);
  c.mode_reason = r.string("mode_reason", "");
  const auto &modes = run_config_spec("mode").choices;
  const bool mode_ok = std::find(modes.begin(), modes.end(), c.mode) != modes.end();
  if (!mode_ok)
    throw ConfigError("mode", "unknown fitting mode \"" + c.mode + "\"; known: " + join(modes));
  c.simulator = read_plugin(r, "simulator", "");
  const nlohmann::json data = r.object("data");
  JsonReader d(data, "data");
  c.data.fiducial = d.string("fiducial", "");
  c.data.derivative = d.string("derivative", "");
  c.data.validation_fiducial = d.string("validation_fiducial", "");
  c.data.validation_derivative = d.string("validation_derivative", "");
  c.data.stream = d.string("stream", c.data.stream);
  const auto &streams = run_config_spec("data.stream").choices;
  if (std::find(streams.begin(), streams.end(), c.data.stream) == streams.end())
    throw ConfigError("data.stream", "got \"" + c.data.stream +
                                         "\"; use \"auto\" (read the arrays a chunk at a time "
                                         "when they do not fit fit.memory_budget_mb), \"on\" or "
                                         "\"off\"");
  d.finish();
  if (c.data.empty() && c.data.stream != "auto")
    throw ConfigError("data.stream", "streaming applies to the array modes only and no arrays "
                                     "are given; remove data.stream or give data.fiducial and "
                                     "data.derivative");
  c.network = read_plugin(r, "network", "mlp");
  c.n_s = read_integer(r, "n_s");
  c.n_d = read_integer(r, "n_d");
  c.n_summaries = read_integer(r, "n_summaries");
  c.theta_fid = r.numbers("theta_fid", {});
  c.delta_theta = r.numbers("delta_theta", {});
  for (std::size_t i = 0; i < c.delta_theta.size(); ++i)
    if (!within(run_config_spec("delta_theta"), c.delta_theta[i]))
      throw ConfigError("delta_theta[" + std::to_string(i) + "]",
                        "finite-difference steps " + bound_text(run_config_spec("delta_theta")));
  c.optimiser = r.object("optimiser");
  if (c.optimiser.empty()) c.optimiser = {{"name", "adam"}};
  c.seed = r.unsigned_integer("seed", c.seed);
  c.threads = static_cast<int>(read_integer(r, "threads"));
  c.plugin_dirs = r.strings("plugin_dirs", {});
  c.devices = read_devices(r);
  c.n_per_device = read_integer(r, "n_per_device");
  c.expected_detF = read_number(r, "expected_detF");

  const nlohmann::json fit = r.object("fit");
  JsonReader f(fit, "fit");
  c.fit.lambda = read_number(f, "lambda");
  c.fit.epsilon = read_number(f, "epsilon");
  c.fit.patience = static_cast<int>(read_integer(f, "patience"));
  c.fit.min_iterations = static_cast<int>(read_integer(f, "min_iterations"));
  c.fit.max_iterations = static_cast<int>(read_integer(f, "max_iterations"));
  c.fit.best = f.boolean("best", c.fit.best);
  c.fit.whiten_init = f.boolean("whiten_init", c.fit.whiten_init);
  c.fit.validation = f.boolean("validation", c.fit.validation);
  c.fit.n_validation = read_integer(f, "n_validation");
  c.fit.n_validation_d = read_integer(f, "n_validation_d");
  c.fit.n_statistics = read_integer(f, "n_statistics");
  try {
    c.fit.checkpoint_every = static_cast<int>(read_integer(f, "checkpoint_every"));
  } catch (const ConfigError &e) {
    throw ConfigError(e.key(), e.message() + " (the number of iterations between checkpoints; 0 "
                                             "disables them)");
  }
  c.fit.memory_budget_mb = read_number(f, "memory_budget_mb");
  f.finish();
  r.finish();

  // Cross-field checks that need no plugin.
  if (c.n_d > c.n_s)
    throw ConfigError("n_d", "n_d (" + std::to_string(c.n_d) + ") must not exceed n_s (" +
                                 std::to_string(c.n_s) +
                                 "): derivatives are taken for the first n_d of the n_s "
                                 "simulations; lower n_d or raise n_s");
  try {
    (void)Regularisation{c.fit.lambda, c.fit.epsilon}.alpha();
  } catch (const Error &e) {
    throw ConfigError("fit.epsilon", e.what());
  }
  if (c.fit.n_validation == 0) c.fit.n_validation = c.n_s;
  if (c.fit.n_statistics == 0) c.fit.n_statistics = c.n_s;
  if (c.fit.n_statistics < 2)
    throw ConfigError("fit.n_statistics", "needs at least 2 simulations for a covariance");
  if (c.fit.n_validation_d == 0) c.fit.n_validation_d = std::min(c.n_d, c.fit.n_validation);
  if (c.fit.n_validation_d > c.fit.n_validation)
    throw ConfigError("fit.n_validation_d", "must not exceed fit.n_validation (" +
                                                std::to_string(c.fit.n_validation) + ")");
  // Validates the optimiser settings now (names the key) rather than at fit time.
  c.optimiser = make_optimiser(c.optimiser, 1)->settings();
  select_mode(c, nullptr);
  return c;
}

void set_config_key(nlohmann::json &config, const std::string &key, const nlohmann::json &value) {
  nlohmann::json *v = &config;
  std::size_t begin = 0;
  while (true) {
    if (!v->is_object()) *v = nlohmann::json::object();
    const std::size_t dot = key.find('.', begin);
    const std::string part = key.substr(begin, dot == std::string::npos ? dot : dot - begin);
    if (dot == std::string::npos) {
      (*v)[part] = value;
      return;
    }
    nlohmann::json &next = (*v)[part];
    if (next.is_string()) next = {{"plugin", next}}; // "simulator": "name"
    v = &next;
    begin = dot + 1;
  }
}

RunConfig RunConfig::load(const std::filesystem::path &file,
                          const std::vector<std::pair<std::string, nlohmann::json>> &overrides) {
  std::ifstream in(file);
  if (!in) throw Error("cannot open config file " + file.string() + ": check the path");
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  nlohmann::json j = parse_json_text(text, "config file " + file.string(), /*comments=*/true);
  for (const auto &[key, value] : overrides)
    set_config_key(j, key, value);
  try {
    // Relative plugin folders, like array paths, are relative to the config's folder.
    if (j.is_object() && j.contains("plugin_dirs") && j["plugin_dirs"].is_array())
      for (auto &d : j["plugin_dirs"])
        if (d.is_string() && !d.get<std::string>().empty() && d.get<std::string>().front() != '/')
          d = (file.parent_path() / d.get<std::string>()).lexically_normal().string();
    // The python simulator plugin's sys_path entries too (a config names the folder
    // of its Python module next to it; `imnn fit` may start in any folder).
    if (j.is_object() && j.contains("simulator") && j["simulator"].is_object() &&
        j["simulator"].contains("plugin") && j["simulator"]["plugin"] == "python" &&
        j["simulator"].contains("options") && j["simulator"]["options"].is_object() &&
        j["simulator"]["options"].contains("sys_path")) {
      auto resolve = [&](nlohmann::json &d) {
        if (d.is_string() && !d.get<std::string>().empty() && d.get<std::string>().front() != '/')
          d = (file.parent_path() / d.get<std::string>()).lexically_normal().string();
      };
      nlohmann::json &sys_path = j["simulator"]["options"]["sys_path"];
      if (sys_path.is_array())
        for (auto &d : sys_path)
          resolve(d);
      else
        resolve(sys_path);
    }
    // Array paths are relative to the config file's folder.
    if (j.is_object() && j.contains("data") && j["data"].is_object())
      for (auto &[key, value] : j["data"].items())
        if (key != "stream" && value.is_string() && !value.get<std::string>().empty() &&
            value.get<std::string>().front() != '/')
          value = (file.parent_path() / value.get<std::string>()).lexically_normal().string();
    return from_json(j);
  } catch (const ConfigError &e) {
    throw ConfigError(e.key(), e.message() + " (in " + file.string() + ")");
  }
}

namespace {

// Why a file that looks like the plugin asked for was skipped ("; mysim.so was
// skipped: ..."), or "" when no skipped file is named like it.
std::string skipped_like(const PluginRegistry &registry, const std::string &name) {
  std::string out;
  for (const SkippedPlugin &s : registry.skipped()) {
    std::string stem = s.path.stem().string();
    if (stem.rfind("lib", 0) == 0) stem = stem.substr(3);
    if (stem == name) out += "; " + s.path.filename().string() + " was skipped: " + s.reason;
  }
  return out;
}

} // namespace

void RunConfig::check_network(const PluginRegistry &registry) const {
  if (!registry.find_network(network.plugin)) {
    std::vector<std::string> names;
    for (const auto &n : registry.networks())
      names.push_back(n.name);
    throw ConfigError("network.plugin",
                      "no network plugin named \"" + network.plugin +
                          "\" (available: " + (names.empty() ? std::string("none") : join(names)) +
                          ")" + skipped_like(registry, network.plugin) +
                          "; install it or pass --plugin-dir");
  }
}

void RunConfig::resolve_array_mode(const PluginRegistry &registry) {
  select_mode(*this, nullptr);
  check_network(registry);
  if (theta_fid.empty())
    throw ConfigError("theta_fid", "mode \"" + mode +
                                       "\" has no simulator to take the fiducial parameters "
                                       "from; set theta_fid to the parameters the arrays were "
                                       "simulated at");
  const auto p = theta_fid.size();
  if (mode == "numerical" && delta_theta.size() != p)
    throw ConfigError("delta_theta", "has " + std::to_string(delta_theta.size()) +
                                         " values but theta_fid has " + std::to_string(p) +
                                         "; give one separation per parameter");
  if (n_summaries == 0) n_summaries = static_cast<Index>(p);
  if (n_summaries >= n_s)
    throw ConfigError("n_summaries", "must be smaller than n_s (" + std::to_string(n_s) +
                                         ") for the covariance of the summaries to be invertible");
  const ArrayDataShape shape = inspect_array_data(*this);
  if (shape.validation.n > 0) {
    fit.n_validation = shape.validation.n;
    fit.n_validation_d = shape.validation.n_d;
    fit.n_statistics = shape.validation.n;
  } else {
    fit.validation = false; // the reference validates only with both validation arrays
    fit.n_validation = n_s;
    fit.n_validation_d = n_d;
    fit.n_statistics = n_s;
  }
}

void RunConfig::resolve(const PluginRegistry &registry) {
  if (array_mode()) {
    resolve_array_mode(registry);
    return;
  }
  const SimulatorInfo *sim = registry.find_simulator(simulator.plugin);
  if (!sim) {
    std::vector<std::string> names;
    for (const auto &s : registry.simulators())
      names.push_back(s.name);
    std::string folders;
    for (const auto &p : registry.searched())
      folders += (folders.empty() ? "" : ", ") + p.string();
    throw ConfigError("simulator.plugin",
                      "no simulator plugin named \"" + simulator.plugin +
                          "\" (available: " + (names.empty() ? std::string("none") : join(names)) +
                          "; searched: " + folders + ")" +
                          skipped_like(registry, simulator.plugin) +
                          "; install it or pass --plugin-dir / set IMNN_PLUGIN_PATH");
  }
  // A generic bridge (the python plugin) learns its parameters from its options: an
  // instance tells them.
  std::shared_ptr<Simulator> instance;
  if (sim->per_instance) {
    instance = registry.create_simulator(simulator.plugin, simulator.options);
    sim = &instance->info();
  }
  check_network(registry);
  const auto p = sim->param_names.size();
  if (theta_fid.empty()) theta_fid = sim->theta_fid;
  if (delta_theta.empty()) delta_theta = sim->delta_theta;
  auto check_len = [&](const std::vector<double> &v, const char *key) {
    if (v.size() != p)
      throw ConfigError(key, "has " + std::to_string(v.size()) + " values but simulator \"" +
                                 sim->name + "\" has " + std::to_string(p) + " parameters (" +
                                 join(sim->param_names) + ")");
  };
  check_len(theta_fid, "theta_fid");
  check_len(delta_theta, "delta_theta");
  if (n_summaries == 0) n_summaries = static_cast<Index>(p);
  if (n_summaries >= n_s)
    throw ConfigError("n_summaries", "must be smaller than n_s (" + std::to_string(n_s) +
                                         ") for the covariance of the summaries to be invertible");
  select_mode(*this, sim);
}

nlohmann::json RunConfig::to_json() const {
  nlohmann::json j;
  j["format"] = "imnn-studio-config";
  j["version"] = 1;
  j["name"] = name;
  j["mode"] = mode;
  j["mode_reason"] = mode_reason;
  if (!simulator.plugin.empty()) // absent in the array modes
  {
    j["simulator"] = {{"plugin", simulator.plugin}, {"options", simulator.options}};
    if (simulator.isolate) j["simulator"]["isolate"] = true;
    if (simulator.timeout > 0) j["simulator"]["timeout"] = simulator.timeout;
  }
  j["network"] = {{"plugin", network.plugin}, {"options", network.options}};
  if (!data.empty())
    j["data"] = {{"fiducial", data.fiducial},
                 {"derivative", data.derivative},
                 {"validation_fiducial", data.validation_fiducial},
                 {"validation_derivative", data.validation_derivative},
                 {"stream", data.stream}};
  j["n_s"] = n_s;
  j["n_d"] = n_d;
  j["n_summaries"] = n_summaries;
  j["theta_fid"] = theta_fid;
  j["delta_theta"] = delta_theta;
  j["optimiser"] = optimiser;
  j["fit"] = {{"lambda", fit.lambda},
              {"epsilon", fit.epsilon},
              {"patience", fit.patience},
              {"min_iterations", fit.min_iterations},
              {"max_iterations", fit.max_iterations},
              {"best", fit.best},
              {"whiten_init", fit.whiten_init},
              {"validation", fit.validation},
              {"n_validation", fit.n_validation},
              {"n_validation_d", fit.n_validation_d},
              {"n_statistics", fit.n_statistics},
              {"checkpoint_every", fit.checkpoint_every},
              {"memory_budget_mb", fit.memory_budget_mb}};
  j["seed"] = seed;
  j["threads"] = threads;
  j["devices"] = nlohmann::json::array();
  for (const auto &d : devices)
    j["devices"].push_back({{"kind", d.kind}, {"threads", d.threads}});
  j["n_per_device"] = n_per_device;
  j["plugin_dirs"] = plugin_dirs;
  if (expected_detF > 0) j["expected_detF"] = expected_detF;
  return j;
}

} // namespace imnn
