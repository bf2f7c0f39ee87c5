// Fuzz target: .npz archives (core/src/arrays/npz.cpp). The first byte picks how the
// rest is used, so that mutations reach the member reader and not only libzip's
// checks of the zip structure:
//   0: the rest is the .npz file itself;
//   1: the rest is the .npy member "a.npy" of a valid archive, stored;
//   2: the same, deflated;
//   3: stored as "a.npy" next to a second member "b.npy", read as input.npz:a.
#include "fuzz_arrays.h"

#include <zip.h>

namespace {

// Writes an archive holding payload as a.npy (and a copy as b.npy when two).
bool write_archive(const std::string &path, const std::uint8_t *payload, std::size_t size,
                   bool deflate, bool two) {
  int err = 0;
  zip_t *z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (z == nullptr) return false;
  for (const char *name : {"a.npy", "b.npy"}) {
    if (!two && name[0] == 'b') break;
    zip_source_t *src = zip_source_buffer(z, payload, size, 0);
    const zip_int64_t idx = src == nullptr ? -1 : zip_file_add(z, name, src, ZIP_FL_OVERWRITE);
    if (idx < 0) {
      if (src != nullptr) zip_source_free(src);
      zip_discard(z);
      return false;
    }
    zip_set_file_compression(z, static_cast<zip_uint64_t>(idx),
                             deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
  }
  if (zip_close(z) != 0) {
    zip_discard(z);
    return false;
  }
  return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size == 0) return 0;
  const int mode = data[0] % 4;
  std::string path;
  std::string key;
  if (mode == 0) {
    path = imnn_fuzz::write_scratch("input.npz", data + 1, size - 1);
  } else {
    path = (imnn_fuzz::scratch_dir() / "input.npz").string();
    if (!write_archive(path, data + 1, size - 1, mode == 2, mode == 3)) std::abort();
    if (mode == 3) key = ":a";
  }
  imnn_fuzz::run_one([&] { imnn_fuzz::exercise_array(path + key); });
  return 0;
}
