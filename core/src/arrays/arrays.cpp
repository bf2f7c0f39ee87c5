// Array files: .npy (memory-mapped, npy.cpp), members of .npz archives (libzip,
// npz.cpp) and HDF5 datasets (serial HDF5 C API, hdf5.cpp), read whole or a block of
// leading-axis rows at a time, and .npy written atomically. This file resolves paths,
// detects formats and implements the public interface of imnn/arrays.h.
#include "array_internal.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <filesystem>
#include <new>
#include <stdexcept>
#include <system_error>

namespace imnn {

using namespace array_detail;

namespace {

namespace fs = std::filesystem;

// ------------------------------------------------------------------------------------
// Paths and format detection.

struct Target {
  std::string file;
  std::string key;
};

// "data.npz:key" / "data.h5:/group/ds" / "data.npy". A path that names an existing file
// as a whole is never split, so file names containing ':' work.
Target split_path(const std::string &path) {
  std::error_code ec;
  if (path.empty()) throw Error("empty array path");
  if (fs::exists(path, ec)) return {path, ""};
  for (std::size_t i = path.find(':'); i != std::string::npos; i = path.find(':', i + 1)) {
    const std::string prefix = path.substr(0, i);
    if (!prefix.empty() && fs::is_regular_file(prefix, ec)) return {prefix, path.substr(i + 1)};
  }
  for (const char *ext : {".npz:", ".h5:", ".hdf5:", ".he5:", ".npy:"}) {
    const std::size_t i = path.find(ext);
    if (i != std::string::npos) {
      const std::size_t colon = i + std::strlen(ext) - 1;
      return {path.substr(0, colon), path.substr(colon + 1)};
    }
  }
  return {path, ""};
}

std::string extension(const std::string &file) {
  std::string e = fs::path(file).extension().string();
  std::transform(e.begin(), e.end(), e.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return e;
}

enum class Format { npy, npz, hdf5 };

Format detect_format(const std::string &file) {
  unsigned char head[8] = {};
  ssize_t got = 0;
  {
    Fd fd(open_for_reading(file));
    got = ::pread(fd.get(), head, sizeof head, 0);
    if (got < 0) fail(file, std::string("cannot read: ") + std::strerror(errno));
  }
  const auto n = static_cast<std::size_t>(got);
  static const unsigned char hdf5_sig[8] = {0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
  if (has_npy_magic(head, n)) return Format::npy;
  if (n >= 4 && head[0] == 'P' && head[1] == 'K' &&
      ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6)))
    return Format::npz;
  if (n == 8 && std::memcmp(head, hdf5_sig, 8) == 0) return Format::hdf5;
  const std::string ext = extension(file);
  if (ext == ".npy") return Format::npy; // the reader explains what is wrong
  if (ext == ".npz") return Format::npz;
  if (n == 0) fail(file, "the file is empty");
  if (is_hdf5_file(file)) return Format::hdf5;
  if (ext == ".h5" || ext == ".hdf5" || ext == ".he5")
    fail(file, "not an HDF5 file (no HDF5 signature)");
  fail(file, "unrecognised file format: not a .npy, .npz or HDF5 file (it starts with \"" +
                 quote_bytes(std::string_view(reinterpret_cast<const char *>(head), n)) + "\")");
}

Opened open_array(const std::string &path, bool want_data) {
  const Target t = split_path(path);
  switch (detect_format(t.file)) {
  case Format::npy: {
    if (!t.key.empty())
      fail(t.file, "a .npy file holds a single array; remove ':" + t.key + "' from the path");
    auto m = map_file(t.file);
    NpyLayout layout = npy_layout(m->bytes(), m->len, path);
    Opened o;
    o.info.shape = layout.shape;
    o.info.dtype = layout.dtype;
    o.info.source = path;
    if (want_data) {
      const unsigned char *data = m->bytes() + layout.data_offset;
      o.source = make_npy_source(std::move(m), data, std::move(layout));
    }
    return o;
  }
  case Format::npz:
    return open_npz(t.file, t.key, path, want_data);
  case Format::hdf5:
    return open_hdf5(t.file, t.key, path, want_data);
  }
  fail(path, "unrecognised file format");
}

void check_rows(const ArrayInfo &info, Index begin, Index count, const void *out) {
  const Index rows = rows_of(info.shape);
  if (begin < 0 || count < 0 || begin > rows || count > rows - begin)
    fail(info.source, "cannot read " + std::to_string(count) + " rows starting at row " +
                          std::to_string(begin) + ": out of range, the array has " +
                          std::to_string(rows) + " rows (shape " + info.shape_string() + ")");
  if (out == nullptr && count > 0 && row_size_of(info.shape) > 0)
    fail(info.source, "read_rows was given no output buffer");
}

} // namespace

// ------------------------------------------------------------------------------------
// Public interface.

std::string dtype_name(DType t) {
  switch (t) {
  case DType::f32:
    return "float32";
  case DType::f64:
    return "float64";
  case DType::i32:
    return "int32";
  case DType::i64:
    return "int64";
  case DType::u8:
    return "uint8";
  case DType::boolean:
    return "bool";
  }
  return "unknown";
}

Index ArrayInfo::size() const {
  Index n = 1;
  for (Index e : shape)
    n *= e;
  return n;
}

std::string ArrayInfo::shape_string() const {
  return shape_text(shape);
}

ArrayInfo inspect_array(const std::string &path) {
  return open_array(path, false).info;
}

ArrayD load_array(const std::string &path) {
  Opened o = open_array(path, true);
  ArrayD a;
  try {
    a.data.resize(static_cast<std::size_t>(o.info.size()));
  } catch (const std::bad_alloc &) {
    fail(path, "the array " + o.info.shape_string() + " does not fit in memory; stream it");
  } catch (const std::length_error &) {
    fail(path, "the array " + o.info.shape_string() + " does not fit in memory; stream it");
  }
  if (!a.data.empty()) o.source->read(0, rows_of(o.info.shape), a.data.data());
  a.info = std::move(o.info);
  return a;
}

struct ArrayStream::Impl {
  ArrayInfo info;
  Index row_size = 0;
  std::unique_ptr<RowSource> source;
};

ArrayStream::ArrayStream(const std::string &path) : impl_(std::make_unique<Impl>()) {
  Opened o = open_array(path, true);
  if (o.info.shape.empty())
    fail(path, "a 0-d (scalar) array has no rows to stream; use load_array");
  impl_->row_size = row_size_of(o.info.shape);
  impl_->info = std::move(o.info);
  impl_->source = std::move(o.source);
}

ArrayStream::~ArrayStream() = default;
ArrayStream::ArrayStream(ArrayStream &&) noexcept = default;
ArrayStream &ArrayStream::operator=(ArrayStream &&) noexcept = default;

const ArrayInfo &ArrayStream::info() const {
  if (!impl_) throw Error("ArrayStream used after being moved from");
  return impl_->info;
}

Index ArrayStream::row_size() const {
  if (!impl_) throw Error("ArrayStream used after being moved from");
  return impl_->row_size;
}

void ArrayStream::read_rows(Index begin, Index count, float *out) const {
  if (!impl_) throw Error("ArrayStream used after being moved from");
  check_rows(impl_->info, begin, count, out);
  if (count > 0 && impl_->row_size > 0) impl_->source->read(begin, count, out);
}

void ArrayStream::read_rows(Index begin, Index count, double *out) const {
  if (!impl_) throw Error("ArrayStream used after being moved from");
  check_rows(impl_->info, begin, count, out);
  if (count > 0 && impl_->row_size > 0) impl_->source->read(begin, count, out);
}

void check_shape(const ArrayInfo &info, const std::vector<Index> &expected,
                 const std::vector<std::string> &axis_names) {
  bool ok = info.shape.size() == expected.size();
  for (std::size_t i = 0; ok && i < expected.size(); ++i)
    if (expected[i] >= 0 && expected[i] != info.shape[i]) ok = false;
  if (ok) return;
  std::vector<std::string> items;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const std::string value = expected[i] < 0 ? "any" : std::to_string(expected[i]);
    items.push_back(i < axis_names.size() && !axis_names[i].empty() ? axis_names[i] + "=" + value
                                                                    : value);
  }
  throw Error(info.source + ": expected shape " + tuple_string(items) + " but found " +
              info.shape_string());
}

} // namespace imnn
