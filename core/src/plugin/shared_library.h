// RAII over dlopen/dlclose (private to the plugin module).
#pragma once

#include <filesystem>
#include <string>

namespace imnn {

class SharedLibrary {
public:
  // dlopen(RTLD_NOW | RTLD_LOCAL). Throws imnn::PluginError whose message is the
  // dlerror() text (without the path: callers prefix it).
  explicit SharedLibrary(const std::filesystem::path &path);
  ~SharedLibrary();
  SharedLibrary(const SharedLibrary &) = delete;
  SharedLibrary &operator=(const SharedLibrary &) = delete;

  const std::filesystem::path &path() const { return path_; }

  // The address of an exported symbol, or nullptr when the library does not export it.
  void *symbol(const char *name) const;

  // Never unload the code, even after the last handle is closed (RTLD_NODELETE).
  // Used for C++ network plugins: a Model they built may run their code (custom
  // layers, vtables) after the registry that loaded them is gone.
  void keep_loaded();

private:
  std::filesystem::path path_;
  void *handle_ = nullptr;
};

// The text of the last dl* error of this thread, or `fallback` when there is none.
std::string last_dl_error(const char *fallback);

} // namespace imnn
