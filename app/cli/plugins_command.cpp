#include "imnn/plugins.h"

#include "commands.h"

#include <iostream>

namespace imnn::cli {

void add_plugins_command(CLI::App &app, PluginsOptions &o) {
  auto *cmd = app.add_subcommand(
      "plugins", "List every simulator and network plugin found, with its descriptor, and every "
                 "file skipped with the reason.");
  cmd->add_option("--plugin-dir", o.plugin_dirs,
                  "Extra plugin folder, searched before $IMNN_PLUGIN_PATH and the default "
                  "folders (repeatable)");
  cmd->add_flag("--json", o.json, "Print one JSON document instead of text");
}

namespace {

std::string join_numbers(const std::vector<double> &v) {
  std::string s;
  for (double d : v)
    s += (s.empty() ? "" : ", ") + nlohmann::json(d).dump();
  return "(" + s + ")";
}

} // namespace

int run_plugins(const PluginsOptions &o) {
  PluginRegistry registry;
  std::vector<std::filesystem::path> folders(o.plugin_dirs.begin(), o.plugin_dirs.end());
  for (auto &p : PluginRegistry::default_search_paths())
    folders.push_back(p);
  registry.scan(folders);
  if (o.json) {
    nlohmann::json j;
    j["searched"] = nlohmann::json::array();
    for (const auto &p : registry.searched())
      j["searched"].push_back(p.string());
    j["simulators"] = nlohmann::json::array();
    for (const auto &s : registry.simulators())
      j["simulators"].push_back(s.to_json());
    j["networks"] = nlohmann::json::array();
    for (const auto &n : registry.networks())
      j["networks"].push_back(n.to_json());
    j["skipped"] = nlohmann::json::array();
    for (const auto &s : registry.skipped())
      j["skipped"].push_back({{"path", s.path.string()}, {"reason", s.reason}});
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  std::cout << "Searched:\n";
  for (const auto &p : registry.searched())
    std::cout << "  " << p.string() << "\n";
  std::cout << "\nSimulators (" << registry.simulators().size() << "):\n";
  for (const auto &s : registry.simulators()) {
    std::cout << "  " << s.name << " " << s.version << "  " << s.path.string() << "\n"
              << "    " << s.description << "\n    parameters:";
    for (const auto &n : s.param_names)
      std::cout << " " << n;
    std::cout << "\n    input shape: (";
    for (std::size_t i = 0; i < s.default_input_shape.size(); ++i)
      std::cout << (i ? ", " : "") << s.default_input_shape[i];
    std::cout << ")  theta_fid " << join_numbers(s.theta_fid) << "  delta_theta "
              << join_numbers(s.delta_theta) << "\n    prior box: low " << join_numbers(s.prior_low)
              << " high " << join_numbers(s.prior_high)
              << "\n    Jacobian: " << (s.has_jacobian ? "yes" : "no (finite differences only)")
              << "\n    options: " << s.options_help.dump() << "\n";
  }
  std::cout << "\nNetworks (" << registry.networks().size() << "):\n";
  for (const auto &n : registry.networks())
    std::cout << "  " << n.name << " " << n.version << "  " << n.path.string() << "\n    "
              << n.description << "\n    options: " << n.options_help.dump() << "\n";
  std::cout << "\nSkipped (" << registry.skipped().size() << "):\n";
  for (const auto &s : registry.skipped())
    std::cout << "  " << s.reason << "\n";
  return 0;
}

} // namespace imnn::cli
