#include "registry.h"

#include <dlfcn.h>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace imnn::python {

namespace {

// The folders next to this module that hold the plugins: <build>/plugins from
// <build>/python, <prefix>/lib/imnn-studio/plugins from <prefix>/lib/python3/dist-packages.
std::vector<std::string> module_plugin_dirs() {
  Dl_info info{};
  std::vector<std::string> dirs;
  if (dladdr(reinterpret_cast<void *>(&module_plugin_dirs), &info) == 0 || !info.dli_fname)
    return dirs;
  const fs::path here = fs::absolute(info.dli_fname).parent_path();
  for (const fs::path &candidate :
       {here / ".." / "plugins", here / ".." / ".." / "imnn-studio" / "plugins"}) {
    std::error_code ec;
    if (fs::is_directory(candidate, ec)) dirs.push_back(candidate.lexically_normal().string());
  }
  return dirs;
}

} // namespace

std::shared_ptr<imnn::PluginRegistry> make_registry(std::vector<std::string> dirs,
                                                    const std::shared_ptr<PythonSimulator> &sim) {
  for (auto &d : module_plugin_dirs())
    dirs.push_back(std::move(d));
  // As imnn::scan_plugins, with the Python function first: it takes its name (by
  // default "python") from the plugin of that name, which is then listed as skipped.
  auto registry = std::make_shared<imnn::PluginRegistry>();
  if (sim)
    registry->add_simulator(sim->table(), "Python simulator '" + sim->spec().name + "'", sim);
  std::vector<fs::path> folders(dirs.begin(), dirs.end());
  for (auto &p : imnn::PluginRegistry::default_search_paths())
    folders.push_back(p);
  registry->scan(folders);
  return registry;
}

} // namespace imnn::python
