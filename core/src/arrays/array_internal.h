// Internals shared by the array readers (arrays.cpp: paths, format detection and the
// public interface; npy.cpp: the .npy format, memory mapping and writing; npz.cpp:
// .npz archives; hdf5.cpp: HDF5 datasets). Not installed; not part of the API.
#pragma once

#include "imnn/arrays.h"
#include "imnn/error.h"

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <sys/mman.h>
#include <unistd.h>
#include <vector>

namespace imnn::array_detail {

constexpr std::size_t kMaxDims = 64;

[[noreturn]] inline void fail(const std::string &source, const std::string &what) {
  throw Error(source + ": " + what);
}

inline std::string tuple_string(const std::vector<std::string> &items) {
  std::string s = "(";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) s += ", ";
    s += items[i];
  }
  if (items.size() == 1) s += ",";
  return s + ")";
}

inline std::string shape_text(const std::vector<Index> &shape) {
  std::vector<std::string> items;
  for (Index e : shape)
    items.push_back(std::to_string(e));
  return tuple_string(items);
}

// Printable rendering of bytes from a file for messages (at most `limit` bytes).
inline std::string quote_bytes(std::string_view bytes, std::size_t limit = 120) {
  std::string s;
  static const char *hex = "0123456789abcdef";
  for (std::size_t i = 0; i < bytes.size() && i < limit; ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == '\n') {
      s += "\\n";
    } else if (c >= 32 && c < 127 && c != '\\') {
      s += static_cast<char>(c);
    } else {
      s += "\\x";
      s += hex[c >> 4];
      s += hex[c & 15];
    }
  }
  if (bytes.size() > limit) s += "...";
  return s;
}

inline std::size_t item_size(DType t) {
  switch (t) {
  case DType::f32:
  case DType::i32:
    return 4;
  case DType::f64:
  case DType::i64:
    return 8;
  case DType::u8:
  case DType::boolean:
    return 1;
  }
  return 1;
}

// Product of shape[from:], or false when it overflows 64 bits.
inline bool checked_product(const std::vector<Index> &shape, std::size_t from, Index &out) {
  Index p = 1;
  for (std::size_t i = from; i < shape.size(); ++i)
    if (__builtin_mul_overflow(p, shape[i], &p)) return false;
  out = p;
  return true;
}

// True when the element count, ignoring zero extents, times 8 bytes overflows 64 bits:
// such a shape cannot describe real data (and would break row arithmetic).
inline bool absurd_shape(const std::vector<Index> &shape) {
  Index p = 8;
  for (Index e : shape)
    if (e != 0 && __builtin_mul_overflow(p, e, &p)) return true;
  return false;
}

// Rows along axis 0 and elements per row; a 0-d array is one row of one element.
inline Index rows_of(const std::vector<Index> &shape) {
  return shape.empty() ? 1 : shape[0];
}
inline Index row_size_of(const std::vector<Index> &shape) {
  Index p = 1;
  checked_product(shape, 1, p);
  return p;
}

struct NpyLayout {
  std::vector<Index> shape;
  DType dtype = DType::f64;
  bool swap = false;    // big-endian data on this little-endian host
  bool fortran = false; // fortran_order True with more than one axis
  std::size_t data_offset = 0;
  std::uint64_t data_bytes = 0;
};

constexpr unsigned char kNpyMagic[6] = {0x93, 'N', 'U', 'M', 'P', 'Y'};

inline bool has_npy_magic(const unsigned char *p, std::uint64_t n) {
  return n >= 6 && std::memcmp(p, kNpyMagic, 6) == 0;
}

std::size_t npy_header_end(const unsigned char *p, std::uint64_t total, const std::string &source,
                           std::size_t &text_begin);
// Parses and validates the preamble and header; p holds at least the whole header.
NpyLayout npy_layout(const unsigned char *p, std::uint64_t total, const std::string &source);

// A readable array: blocks of rows along axis 0, converted to float or double.
class RowSource {
public:
  virtual ~RowSource() = default;
  // Rows are already bounds-checked; a 0-d array is one row of one element.
  virtual void read(Index begin, Index count, float *out) const = 0;
  virtual void read(Index begin, Index count, double *out) const = 0;
};

// Rows of a .npy payload at data, kept alive by keep (a mapping or a buffer).
std::unique_ptr<RowSource> make_npy_source(std::shared_ptr<const void> keep,
                                           const unsigned char *data, NpyLayout layout);

struct Mapping {
  void *addr = nullptr;
  std::size_t len = 0;
  Mapping() = default;
  Mapping(const Mapping &) = delete;
  Mapping &operator=(const Mapping &) = delete;
  ~Mapping() {
    if (addr != nullptr) ::munmap(addr, len);
  }
  const unsigned char *bytes() const { return static_cast<const unsigned char *>(addr); }
};

class Fd {
public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd &) = delete;
  Fd &operator=(const Fd &) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

private:
  int fd_;
};

// Opens a regular file for reading; errors name the file and the system error.
int open_for_reading(const std::string &file);
std::shared_ptr<Mapping> map_file(const std::string &file);

struct Opened {
  ArrayInfo info;
  std::unique_ptr<RowSource> source; // null when only the header was wanted
};

Opened open_npz(const std::string &file, const std::string &key, const std::string &given,
                bool want_data);
Opened open_hdf5(const std::string &file, const std::string &key, const std::string &given,
                 bool want_data);
// H5Fis_hdf5 under the library lock (also finds files with a user block).
bool is_hdf5_file(const std::string &file);

} // namespace imnn::array_detail
