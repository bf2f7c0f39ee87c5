#include "plugin/shared_library.h"

#include "imnn/error.h"

#include <dlfcn.h>

namespace imnn {

std::string last_dl_error(const char *fallback) {
  const char *e = dlerror(); // thread-local in glibc
  return e ? std::string(e) : std::string(fallback);
}

SharedLibrary::SharedLibrary(const std::filesystem::path &path) : path_(path) {
  dlerror(); // clear a stale error
  handle_ = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle_) throw PluginError(last_dl_error("dlopen failed without a message"));
}

SharedLibrary::~SharedLibrary() {
  if (handle_) dlclose(handle_);
}

void *SharedLibrary::symbol(const char *name) const {
  dlerror();
  void *p = dlsym(handle_, name);
  if (dlerror() != nullptr) return nullptr;
  return p;
}

void SharedLibrary::keep_loaded() {
  // Re-opening an already loaded library with RTLD_NOLOAD | RTLD_NODELETE only
  // sets the flag; the extra reference it takes is released at once.
  if (void *h = dlopen(path_.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NOLOAD | RTLD_NODELETE))
    dlclose(h);
}

} // namespace imnn
