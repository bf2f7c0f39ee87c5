// Shared by the fuzz targets (tests/fuzz/README in the top-level README's "Fuzzing"
// section). Each target defines LLVMFuzzerTestOneInput and is built two ways:
//  * with clang's libFuzzer, address and undefined-behaviour sanitizers (the `fuzz`
//    preset, IMNN_FUZZ=ON: the core library is instrumented too), for long runs;
//  * with the project's compiler and replay.cpp as main (the default build), which
//    CTest runs over the seed corpus plus a fixed number of deterministic mutations.
// A target may only end an input by returning or by throwing imnn::Error (the
// readers' documented failure); any other exception escaping is a finding (a bare
// std::bad_alloc or nlohmann message reaching the user) and aborts.
#pragma once

#include "imnn/error.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <typeinfo>
#include <unistd.h>

namespace imnn_fuzz {

// A per-process scratch folder (in /dev/shm when there is one: the readers take paths,
// so every input is written to a file first).
inline const std::filesystem::path &scratch_dir() {
  static const std::filesystem::path dir = [] {
    std::filesystem::path base = "/dev/shm";
    std::error_code ec;
    if (!std::filesystem::is_directory(base, ec)) base = std::filesystem::temp_directory_path();
    std::filesystem::path d = base / ("imnn-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    static struct Cleanup {
      std::filesystem::path d;
      ~Cleanup() {
        std::error_code e;
        std::filesystem::remove_all(d, e);
      }
    } cleanup{d};
    return d;
  }();
  return dir;
}

inline std::string write_scratch(const std::string &name, const std::uint8_t *data,
                                 std::size_t size) {
  const std::string path = (scratch_dir() / name).string();
  std::FILE *f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) std::abort();
  if (size > 0 && std::fwrite(data, 1, size, f) != size) std::abort();
  std::fclose(f);
  return path;
}

// Runs body; imnn::Error is an accepted outcome, anything else aborts with its type.
template <class F>
void run_one(F &&body) {
  try {
    body();
  } catch (const imnn::Error &) {
  } catch (const std::exception &e) {
    std::fprintf(stderr, "fuzz: a %s escaped instead of imnn::Error: %s\n", typeid(e).name(),
                 e.what());
    std::abort();
  }
}

} // namespace imnn_fuzz
