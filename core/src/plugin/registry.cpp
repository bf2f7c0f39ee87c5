// Finding, loading and validating plugins (DESIGN.md §6). Every file that is not a
// valid plugin is recorded in skipped() with its path and the problem; nothing here
// aborts a scan or lets an exception out of it.
#include "imnn/error.h"
#include "imnn/json_reader.h"
#include "imnn/network_plugin.h"
#include "imnn/plugins.h"
#include "imnn/simulator_abi.h"
#include "imnn/version.h"

#include "plugin/shared_library.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>
#include <system_error>

namespace fs = std::filesystem;

namespace imnn {

namespace {

// A reason to refuse a file; load_file prefixes the path.
struct Refusal {
  std::string message;
};

[[noreturn]] void refuse(std::string message) {
  throw Refusal{std::move(message)};
}

bool valid_name(const char *name) {
  if (!name || !*name) return false;
  for (const char *c = name; *c; ++c)
    if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_')) return false;
  return true;
}

std::string quoted(const char *s) {
  return s ? nlohmann::json(std::string(s)).dump() : std::string("NULL");
}

nlohmann::json options_help_json(const char *help, const std::string &what) {
  if (!help) return nlohmann::json::object();
  nlohmann::json j;
  try {
    j = parse_json_text(help, what + " options_help");
  } catch (const Error &e) {
    refuse(std::string(e.what()) + "; it must be a JSON object such as "
                                   "{\"option\": \"meaning (default)\"} or NULL");
  }
  if (!j.is_object())
    refuse(what + " options_help is JSON but not an object; it must be a JSON object such as "
                  "{\"option\": \"meaning (default)\"} or NULL");
  return j;
}

std::string join(const std::vector<std::string> &v) {
  std::string s;
  for (const auto &x : v)
    s += (s.empty() ? "" : ", ") + x;
  return s;
}

std::string shape_string(const std::vector<Index> &shape) {
  std::string s;
  for (auto e : shape)
    s += (s.empty() ? "" : ", ") + std::to_string(e);
  return "(" + s + ")";
}

// "a/b/" -> "a/b", "a/./b/../c" -> "a/c".
fs::path normalised(const fs::path &p) {
  fs::path n = p.lexically_normal();
  if (!n.has_filename() && n.has_parent_path() && n != n.root_path()) n = n.parent_path();
  return n;
}

struct LoadedSimulator {
  std::shared_ptr<SharedLibrary> library;
  const imnn_simulator_plugin *plugin = nullptr;
};

struct LoadedNetwork {
  std::shared_ptr<SharedLibrary> library;
  const NetworkPluginV1 *plugin = nullptr;
};

// Every field of the descriptor, in the order of simulator_abi.h.
SimulatorInfo validate_simulator(const imnn_simulator_plugin *p, const fs::path &file) {
  if (!p) refuse(std::string(IMNN_SIMULATOR_ENTRY_SYMBOL) + " returned NULL");
  if (p->abi_version < IMNN_SIMULATOR_ABI_OLDEST || p->abi_version > IMNN_SIMULATOR_ABI_VERSION)
    refuse("simulator ABI version " + std::to_string(p->abi_version) + " in " + file.string() +
           ", but this IMNN Studio loads versions " + std::to_string(IMNN_SIMULATOR_ABI_OLDEST) +
           " to " + std::to_string(IMNN_SIMULATOR_ABI_VERSION) +
           "; rebuild the plugin against this simulator_abi.h");
  const bool v2 = p->abi_version >= 2u;
  // The optional batch calls at the end of the table came later within ABI 1: a table
  // that ends before them is complete (simulate_batch then reads as absent).
  if (p->struct_size < IMNN_SIMULATOR_PLUGIN_V1_SIZE)
    refuse("struct_size is " + std::to_string(p->struct_size) + " but the plugin table of ABI " +
           std::to_string(IMNN_SIMULATOR_ABI_VERSION) + " has " +
           std::to_string(sizeof(imnn_simulator_plugin)) +
           " bytes; rebuild the plugin against this simulator_abi.h");
  // Larger tables are how a later ABI grows, but a table of this version far larger
  // than ours is a lie (an uninitialised or wrong field), not an extension.
  if (v2 && p->struct_size < sizeof(imnn_simulator_plugin))
    refuse("struct_size is " + std::to_string(p->struct_size) +
           " but the plugin table of ABI 2 has " + std::to_string(sizeof(imnn_simulator_plugin)) +
           " bytes; set struct_size = sizeof(imnn_simulator_plugin)");
  if (p->struct_size > sizeof(imnn_simulator_plugin) + 1024)
    refuse("struct_size is " + std::to_string(p->struct_size) + " but the plugin table of ABI " +
           std::to_string(IMNN_SIMULATOR_ABI_VERSION) + " has " +
           std::to_string(sizeof(imnn_simulator_plugin)) +
           " bytes; set struct_size = sizeof(imnn_simulator_plugin)");
  const imnn_simulator_descriptor *d = p->descriptor;
  if (!d) refuse("descriptor is NULL");

  SimulatorInfo info;
  info.path = file;
  if (!valid_name(d->name))
    refuse("descriptor name " + quoted(d->name) +
           " is not a valid identifier: it must be non-empty and use only [a-z0-9_]");
  info.name = d->name;
  const std::string who = "simulator '" + info.name + "':";
  if (!d->version) refuse(who + " descriptor version is NULL");
  info.version = d->version;
  info.description = d->description ? d->description : "";

  if (d->n_params < 1) refuse(who + " n_params is 0; a simulator needs at least one parameter");
  const std::size_t p_count = d->n_params;
  if (!d->param_names) refuse(who + " param_names is NULL");
  for (std::size_t a = 0; a < p_count; ++a) {
    const char *n = d->param_names[a];
    if (!n || !*n)
      refuse(who + " param_names[" + std::to_string(a) + "] is " + (n ? "empty" : "NULL") +
             "; every parameter needs a name");
    if (std::find(info.param_names.begin(), info.param_names.end(), n) != info.param_names.end())
      refuse(who + " parameter name \"" + std::string(n) + "\" appears twice in param_names");
    info.param_names.emplace_back(n);
  }
  // Version 2 ends the names with NULL, so that n_params can be checked against them.
  if (v2 && d->param_names[p_count] != nullptr)
    refuse(who + " n_params is " + std::to_string(p_count) +
           " but param_names has more names (the next is " + quoted(d->param_names[p_count]) +
           ") or does not end with NULL; ABI 2 needs param_names = {\"name\", ..., NULL} with "
           "exactly n_params names");

  if (d->input_rank < 1 || d->input_rank > IMNN_SIMULATOR_MAX_RANK)
    refuse(who + " input_rank is " + std::to_string(d->input_rank) + "; it must be between 1 and " +
           std::to_string(IMNN_SIMULATOR_MAX_RANK));
  if (!d->default_input_shape) refuse(who + " default_input_shape is NULL");
  for (std::uint32_t a = 0; a < d->input_rank; ++a) {
    const std::int64_t e = d->default_input_shape[a];
    if (e <= 0)
      refuse(who + " default_input_shape has extent " + std::to_string(e) + " on axis " +
             std::to_string(a) + "; every extent must be > 0");
    info.default_input_shape.push_back(static_cast<Index>(e));
  }

  auto read = [&](const double *v, const char *field, std::vector<double> &to) {
    if (!v) refuse(who + " " + field + " is NULL");
    for (std::size_t a = 0; a < p_count; ++a) {
      if (!std::isfinite(v[a]))
        refuse(who + " " + field + " for parameter '" + info.param_names[a] + "' is " +
               nlohmann::json(v[a]).dump() + " (not finite)");
      to.push_back(v[a]);
    }
  };
  read(d->theta_fid, "theta_fid", info.theta_fid);
  read(d->delta_theta, "delta_theta", info.delta_theta);
  read(d->prior_low, "prior_low", info.prior_low);
  read(d->prior_high, "prior_high", info.prior_high);
  for (std::size_t a = 0; a < p_count; ++a) {
    if (!(info.delta_theta[a] > 0))
      refuse(who + " delta_theta for parameter '" + info.param_names[a] + "' is " +
             nlohmann::json(info.delta_theta[a]).dump() + "; finite-difference steps must be > 0");
    if (!(info.prior_high[a] > info.prior_low[a]))
      refuse(who + " prior box for parameter '" + info.param_names[a] + "' is empty: prior_high " +
             nlohmann::json(info.prior_high[a]).dump() + " is not greater than prior_low " +
             nlohmann::json(info.prior_low[a]).dump());
  }
  info.options_help = options_help_json(d->options_help, who);

  const bool with_host = v2 && p->create_with_host != nullptr;
  if (!p->create && !with_host)
    refuse(who + " the create function is NULL" + (v2 ? " (and so is create_with_host)" : ""));
  if (!p->destroy) refuse(who + " the destroy function is NULL");
  if (!p->input_shape) refuse(who + " the input_shape function is NULL");
  if (!p->simulate) refuse(who + " the simulate function is NULL");
  info.has_jacobian = p->simulate_with_jacobian != nullptr;
  info.per_instance =
      p->struct_size >= offsetof(imnn_simulator_plugin, instance_info) + sizeof(p->instance_info) &&
      p->instance_info != nullptr;
  return info;
}

NetworkInfo validate_network(const NetworkPluginV1 *p, const fs::path &file) {
  if (!p) refuse(std::string(IMNN_NETWORK_ENTRY_SYMBOL) + " returned NULL");
  if (p->abi_version != IMNN_NETWORK_ABI_VERSION)
    refuse("network plugin ABI version " + std::to_string(p->abi_version) + " in " + file.string() +
           ", but this IMNN Studio expects version " + std::to_string(IMNN_NETWORK_ABI_VERSION) +
           "; rebuild the plugin against this network_plugin.h");
  if (!p->core_version || std::string(p->core_version) != IMNN_CORE_VERSION)
    refuse("network plugin built against IMNN core " + quoted(p->core_version) +
           " but this is IMNN core \"" IMNN_CORE_VERSION
           "\"; network plugins are C++ and must be built against exactly the same core "
           "version: rebuild the plugin against this IMNN Studio");
  NetworkInfo info;
  info.path = file;
  if (!valid_name(p->name))
    refuse("network name " + quoted(p->name) +
           " is not a valid identifier: it must be non-empty and use only [a-z0-9_]");
  info.name = p->name;
  const std::string who = "network '" + info.name + "':";
  if (!p->version) refuse(who + " version is NULL");
  info.version = p->version;
  info.description = p->description ? p->description : "";
  info.options_help = options_help_json(p->options_help, who);
  if (!p->build) refuse(who + " the build function is NULL");
  return info;
}

} // namespace

struct PluginRegistry::Impl {
  std::vector<SimulatorInfo> simulators;
  std::vector<LoadedSimulator> simulator_code; // parallel to simulators
  std::vector<NetworkInfo> networks;
  std::vector<LoadedNetwork> network_code; // parallel to networks
  std::vector<SkippedPlugin> skipped;
  std::vector<fs::path> searched;
  std::set<fs::path> loaded_files; // canonical paths of the accepted files

  void skip(const fs::path &path, const std::string &message) {
    skipped.push_back({path, path.string() + ": " + message});
  }

  std::size_t simulator_index(const std::string &name) const {
    for (std::size_t i = 0; i < simulators.size(); ++i)
      if (simulators[i].name == name) return i;
    return simulators.size();
  }
  std::size_t network_index(const std::string &name) const {
    for (std::size_t i = 0; i < networks.size(); ++i)
      if (networks[i].name == name) return i;
    return networks.size();
  }

  std::string where() const {
    std::vector<std::string> folders;
    for (const auto &f : searched)
      folders.push_back(f.string());
    std::string s = "searched: " + (folders.empty() ? std::string("no folders") : join(folders));
    if (!skipped.empty())
      s += "; " + std::to_string(skipped.size()) +
           " files or folders were skipped (`imnn plugins` lists them with the reasons)";
    return s;
  }

  [[noreturn]] void unknown(const char *kind, const std::string &name,
                            const std::vector<std::string> &available) const {
    throw PluginError("no " + std::string(kind) + " plugin named '" + name + "' (available: " +
                      (available.empty() ? std::string("none") : join(available)) + "; " + where() +
                      "); pass --plugin-dir or set IMNN_PLUGIN_PATH to the folder "
                      "that holds it");
  }

  const LoadedNetwork &network(const std::string &name) const {
    const std::size_t i = network_index(name);
    if (i == networks.size()) {
      std::vector<std::string> names;
      for (const auto &n : networks)
        names.push_back(n.name);
      unknown("network", name, names);
    }
    return network_code[i];
  }

  bool load(const fs::path &file);
};

bool PluginRegistry::Impl::load(const fs::path &file) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(fs::absolute(file, ec), ec);
  if (ec) canonical = normalised(file);
  if (loaded_files.count(canonical)) return true; // the same file reached twice

  // dlopen searches the library path for a name without a slash: never let it.
  const fs::path open_path = file.has_parent_path() ? file : fs::path(".") / file;
  std::shared_ptr<SharedLibrary> library;
  try {
    library = std::make_shared<SharedLibrary>(open_path);
  } catch (const PluginError &e) {
    std::string why = e.what();
    const std::string prefix = open_path.string() + ": "; // dlerror repeats the path
    if (why.rfind(prefix, 0) == 0) why = why.substr(prefix.size());
    refuse("cannot be loaded as a shared library: " + why);
  }

  void *sim_entry = library->symbol(IMNN_SIMULATOR_ENTRY_SYMBOL);
  void *net_entry = library->symbol(IMNN_NETWORK_ENTRY_SYMBOL);
  if (!sim_entry && !net_entry)
    refuse("exports neither " IMNN_SIMULATOR_ENTRY_SYMBOL " nor " IMNN_NETWORK_ENTRY_SYMBOL
           ": not an IMNN plugin");
  if (sim_entry && net_entry)
    refuse("exports both " IMNN_SIMULATOR_ENTRY_SYMBOL " and " IMNN_NETWORK_ENTRY_SYMBOL
           "; a plugin must be one kind: split it into two libraries");

  if (sim_entry) {
    const auto entry = reinterpret_cast<imnn_simulator_entry_fn>(sim_entry);
    const imnn_simulator_plugin *plugin = entry();
    SimulatorInfo info = validate_simulator(plugin, file);
    const std::size_t i = simulator_index(info.name);
    if (i != simulators.size())
      refuse("simulator '" + info.name + "' is already provided by " + simulators[i].path.string() +
             "; this copy is skipped (remove one of them, or order "
             "the plugin folders so that the one you want is first)");
    simulators.push_back(std::move(info));
    simulator_code.push_back({std::move(library), plugin});
  } else {
    const auto entry = reinterpret_cast<NetworkEntryFn>(net_entry);
    const NetworkPluginV1 *plugin = nullptr;
    try {
      plugin = entry();
    } catch (const std::exception &e) {
      refuse(std::string(IMNN_NETWORK_ENTRY_SYMBOL) + " threw: " + e.what());
    } catch (...) {
      refuse(std::string(IMNN_NETWORK_ENTRY_SYMBOL) + " threw an unknown exception");
    }
    NetworkInfo info = validate_network(plugin, file);
    const std::size_t i = network_index(info.name);
    if (i != networks.size())
      refuse("network '" + info.name + "' is already provided by " + networks[i].path.string() +
             "; this copy is skipped (remove one of them, or order the plugin folders so that "
             "the one you want is first)");
    library->keep_loaded();
    networks.push_back(std::move(info));
    network_code.push_back({std::move(library), plugin});
  }
  loaded_files.insert(canonical);
  return true;
}

PluginRegistry::PluginRegistry() : impl_(std::make_unique<Impl>()) {}
PluginRegistry::~PluginRegistry() = default;
PluginRegistry::PluginRegistry(PluginRegistry &&) noexcept = default;
PluginRegistry &PluginRegistry::operator=(PluginRegistry &&) noexcept = default;

std::vector<fs::path> PluginRegistry::default_search_paths() {
  std::vector<fs::path> paths;
  auto add = [&](const fs::path &p) {
    if (p.empty()) return;
    std::error_code ec;
    fs::path a = fs::absolute(p, ec);
    if (ec) a = p;
    a = normalised(a);
    if (std::find(paths.begin(), paths.end(), a) == paths.end()) paths.push_back(a);
  };
  if (const char *env = std::getenv("IMNN_PLUGIN_PATH")) {
    std::string s = env;
    std::size_t start = 0;
    while (start <= s.size()) {
      const std::size_t end = std::min(s.find(':', start), s.size());
      add(s.substr(start, end - start));
      start = end + 1;
    }
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec && exe.has_parent_path()) {
    const fs::path dir = exe.parent_path();
    // The build-tree and install folders only when they exist: a user cannot act on
    // "folder does not exist" for a folder they never named. $IMNN_PLUGIN_PATH
    // entries are kept either way so that a typo there is reported.
    for (const fs::path &p :
         {dir / ".." / "plugins", dir / ".." / "lib" / "imnn-studio" / "plugins"})
      if (fs::is_directory(p, ec)) add(p);
  }
  return paths;
}

void PluginRegistry::scan(const std::vector<fs::path> &folders) {
  for (const auto &given : folders) {
    try {
      const fs::path folder = normalised(given);
      if (folder.empty()) continue;
      if (std::find(impl_->searched.begin(), impl_->searched.end(), folder) !=
          impl_->searched.end())
        continue;
      impl_->searched.push_back(folder);
      std::error_code ec;
      if (!fs::exists(folder, ec)) {
        impl_->skip(folder, "folder does not exist");
        continue;
      }
      if (!fs::is_directory(folder, ec)) {
        impl_->skip(folder, "is not a folder");
        continue;
      }
      for (const fs::path &dir : {folder, folder / "simulators", folder / "networks"}) {
        if (!fs::is_directory(dir, ec)) continue;
        std::vector<fs::path> files;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
          std::error_code fe;
          if (it->path().extension() == ".so" && it->is_regular_file(fe))
            files.push_back(it->path());
        }
        if (ec) impl_->skip(dir, "cannot list the folder: " + ec.message());
        std::sort(files.begin(), files.end());
        for (const auto &f : files)
          load_file(f);
      }
    } catch (const std::exception &e) {
      try {
        impl_->skip(given, std::string("scan failed: ") + e.what());
      } catch (...) {
      }
    } catch (...) {
    }
  }
}

void PluginRegistry::add_simulator(const imnn_simulator_plugin *plugin, const std::string &label,
                                   std::shared_ptr<const void> owner) {
  SimulatorInfo info;
  try {
    info = validate_simulator(plugin, label);
  } catch (const Refusal &r) {
    throw PluginError(label + ": " + r.message);
  }
  const std::size_t i = impl_->simulator_index(info.name);
  if (i != impl_->simulators.size())
    throw PluginError(label + ": a simulator named '" + info.name + "' is already provided by " +
                      impl_->simulators[i].path.string() + "; give this one another name");
  // A SharedLibrary pointer that owns `owner` and points at no library: the Simulator
  // keeps the table's owner alive exactly as it keeps a plugin file loaded.
  std::shared_ptr<SharedLibrary> keep(owner, static_cast<SharedLibrary *>(nullptr));
  impl_->simulators.push_back(std::move(info));
  impl_->simulator_code.push_back({std::move(keep), plugin});
}

bool PluginRegistry::load_file(const fs::path &file) {
  try {
    return impl_->load(file);
  } catch (const Refusal &r) {
    impl_->skip(file, r.message);
  } catch (const std::exception &e) {
    impl_->skip(file, std::string("could not be loaded: ") + e.what());
  } catch (...) {
    impl_->skip(file, "could not be loaded: the plugin threw an unknown exception");
  }
  return false;
}

const std::vector<SimulatorInfo> &PluginRegistry::simulators() const {
  return impl_->simulators;
}
const std::vector<NetworkInfo> &PluginRegistry::networks() const {
  return impl_->networks;
}
const std::vector<SkippedPlugin> &PluginRegistry::skipped() const {
  return impl_->skipped;
}
const std::vector<fs::path> &PluginRegistry::searched() const {
  return impl_->searched;
}

const SimulatorInfo *PluginRegistry::find_simulator(const std::string &name) const {
  const std::size_t i = impl_->simulator_index(name);
  return i == impl_->simulators.size() ? nullptr : &impl_->simulators[i];
}

const NetworkInfo *PluginRegistry::find_network(const std::string &name) const {
  const std::size_t i = impl_->network_index(name);
  return i == impl_->networks.size() ? nullptr : &impl_->networks[i];
}

std::shared_ptr<Simulator>
PluginRegistry::create_simulator(const std::string &name, const nlohmann::json &options,
                                 const SimulatorIsolation &isolation) const {
  const std::size_t i = impl_->simulator_index(name);
  if (i == impl_->simulators.size()) {
    std::vector<std::string> names;
    for (const auto &s : impl_->simulators)
      names.push_back(s.name);
    impl_->unknown("simulator", name, names);
  }
  const LoadedSimulator &code = impl_->simulator_code[i];
  return std::make_shared<Simulator>(code.library, code.plugin, impl_->simulators[i], options,
                                     isolation);
}

namespace {

// Calls into a C++ network plugin: imnn::Error (ConfigError included) passes through
// unchanged, anything else becomes a PluginError naming the plugin.
template <typename F>
auto call_network(const NetworkInfo &info, const char *what, F &&f) -> decltype(f()) {
  try {
    return f();
  } catch (const Error &) {
    throw;
  } catch (const std::exception &e) {
    throw PluginError("network '" + info.name + "' (" + info.path.string() + ") failed in " + what +
                      ": " + e.what());
  } catch (...) {
    throw PluginError("network '" + info.name + "' (" + info.path.string() + ") failed in " + what +
                      ": it threw an unknown exception");
  }
}

} // namespace

Model PluginRegistry::build_network(const std::string &name, const nlohmann::json &options,
                                    const std::vector<Index> &input_shape,
                                    Index n_summaries) const {
  const LoadedNetwork &code = impl_->network(name);
  const NetworkInfo &info = impl_->networks[impl_->network_index(name)];
  const nlohmann::json opts = options.is_null() ? nlohmann::json::object() : options;
  Model model = call_network(info, "build",
                             [&] { return code.plugin->build(opts, input_shape, n_summaries); });
  Index size = 1;
  for (auto e : input_shape)
    size *= e;
  const std::string who = "network '" + info.name + "' (" + info.path.string() + ")";
  if (model.input_size() != size)
    throw PluginError(who + " built a model with input size " + std::to_string(model.input_size()) +
                      " but one simulation has " + std::to_string(size) + " values (input shape " +
                      shape_string(input_shape) + "); this is a bug in the network plugin");
  if (model.output_size() != n_summaries)
    throw PluginError(who + " built a model with output size " +
                      std::to_string(model.output_size()) + " but n_summaries is " +
                      std::to_string(n_summaries) + "; this is a bug in the network plugin");
  return model;
}

nlohmann::json PluginRegistry::resolve_network_options(const std::string &name,
                                                       const nlohmann::json &options,
                                                       Index n_summaries) const {
  const LoadedNetwork &code = impl_->network(name);
  const NetworkInfo &info = impl_->networks[impl_->network_index(name)];
  if (!code.plugin->resolve_options) return options;
  const nlohmann::json opts = options.is_null() ? nlohmann::json::object() : options;
  return call_network(info, "resolve_options",
                      [&] { return code.plugin->resolve_options(opts, n_summaries); });
}

} // namespace imnn
