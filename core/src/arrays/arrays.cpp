// Array files: .npy (memory-mapped), members of .npz archives (libzip) and HDF5
// datasets (serial HDF5 C API), read whole or a block of leading-axis rows at a time,
// and .npy written atomically.
//
// The .npy reader is hand-written on purpose. The format is a short fixed preamble
// and a Python dict literal as header; there is no Debian-packaged C/C++ library that
// reads it, so this is the one place in the project where hand-written parsing is
// justified. The parser accepts what numpy's np.save/np.savez write (format versions
// 1.0, 2.0 and 3.0) plus harmless variations (key order, spacing, either quote, a
// trailing comma, Python 2 "3L" integers, a list instead of a tuple for the shape)
// and rejects everything else with an imnn::Error naming the file and the problem.
// Every length and extent read from a file is bounds-checked before use, so corrupt
// files never cause out-of-range reads or allocations larger than the file implies.
//
// Decisions:
//  * Big-endian arrays ('>f8', ...) are byte-swapped on read, as numpy does.
//  * fortran_order True arrays are transposed on read, so the loaded array is what
//    np.load returns (C order). Streaming such a file gathers every row from strided
//    positions across the whole file; save with np.ascontiguousarray for fast streams.
//  * The byte-order mark '|' ("not applicable") is accepted only for one-byte types;
//    no mark or '=' means native, i.e. little-endian on the supported platforms.
//  * At most 64 axes (numpy 2's limit).
//  * A .npy file is mapped MAP_SHARED read-only; like any mapped file, truncating it
//    while a stream is open is undefined (SIGBUS).
#include "imnn/arrays.h"

#include "imnn/error.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <hdf5.h>
#include <limits>
#include <map>
#include <mutex>
#include <new>
#include <string_view>
#include <sys/mman.h>
#include <sys/stat.h>
#include <system_error>
#include <type_traits>
#include <unistd.h>
#include <zip.h>

namespace imnn {

static_assert(std::endian::native == std::endian::little,
              "the array reader assumes a little-endian host");

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxDims = 64;

[[noreturn]] void fail(const std::string &source, const std::string &what) {
  throw Error(source + ": " + what);
}

std::string tuple_string(const std::vector<std::string> &items) {
  std::string s = "(";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) s += ", ";
    s += items[i];
  }
  if (items.size() == 1) s += ",";
  return s + ")";
}

std::string shape_text(const std::vector<Index> &shape) {
  std::vector<std::string> items;
  for (Index e : shape)
    items.push_back(std::to_string(e));
  return tuple_string(items);
}

// Printable rendering of bytes from a file for messages (at most `limit` bytes).
std::string quote_bytes(std::string_view bytes, std::size_t limit = 120) {
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

std::size_t item_size(DType t) {
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
bool checked_product(const std::vector<Index> &shape, std::size_t from, Index &out) {
  Index p = 1;
  for (std::size_t i = from; i < shape.size(); ++i)
    if (__builtin_mul_overflow(p, shape[i], &p)) return false;
  out = p;
  return true;
}

// True when the element count, ignoring zero extents, times 8 bytes overflows 64 bits:
// such a shape cannot describe real data (and would break row arithmetic).
bool absurd_shape(const std::vector<Index> &shape) {
  Index p = 8;
  for (Index e : shape)
    if (e != 0 && __builtin_mul_overflow(p, e, &p)) return true;
  return false;
}

// Rows along axis 0 and elements per row; a 0-d array is one row of one element.
Index rows_of(const std::vector<Index> &shape) {
  return shape.empty() ? 1 : shape[0];
}
Index row_size_of(const std::vector<Index> &shape) {
  Index p = 1;
  checked_product(shape, 1, p);
  return p;
}

// ------------------------------------------------------------------------------------
// .npy header: a Python dict literal.

struct PyValue {
  enum Kind { Str, Bool, Int, Seq, None } kind = None;
  std::string str;
  bool boolean = false;
  Index integer = 0;
  std::vector<Index> items;
};

class DictParser {
public:
  DictParser(std::string_view text, const std::string &source) : t_(text), source_(source) {}

  std::map<std::string, PyValue> parse() {
    std::map<std::string, PyValue> out;
    ws();
    if (!eat('{')) error("the header is not a Python dict (it does not start with '{')");
    ws();
    if (eat('}')) return finish(out);
    for (;;) {
      if (peek() != '\'' && peek() != '"') error("expected a quoted key");
      const std::string key = string_literal();
      ws();
      if (!eat(':')) error("expected ':' after the key '" + key + "'");
      ws();
      if (key == "descr" && peek() == '[')
        error("structured (record) dtypes are not supported; save a plain numeric array");
      out[key] = value(key);
      ws();
      if (eat(',')) {
        ws();
        if (eat('}')) break;
        continue;
      }
      if (eat('}')) break;
      error("expected ',' or '}' after the value of '" + key + "'");
    }
    return finish(out);
  }

private:
  std::string_view t_;
  std::size_t pos_ = 0;
  const std::string &source_;

  [[noreturn]] void error(const std::string &what) const {
    fail(source_, "invalid .npy header: " + what + " at offset " + std::to_string(pos_) +
                      " (header: " + quote_bytes(t_) + ")");
  }
  char peek() const { return pos_ < t_.size() ? t_[pos_] : '\0'; }
  bool at_end() const { return pos_ >= t_.size(); }
  bool eat(char c) {
    if (!at_end() && t_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool eat_word(std::string_view w) {
    if (t_.substr(pos_, w.size()) == w) {
      pos_ += w.size();
      return true;
    }
    return false;
  }
  void ws() {
    while (!at_end() &&
           (t_[pos_] == ' ' || t_[pos_] == '\t' || t_[pos_] == '\n' || t_[pos_] == '\r'))
      ++pos_;
  }
  std::map<std::string, PyValue> finish(std::map<std::string, PyValue> &out) {
    ws();
    if (!at_end()) error("unexpected text after the header dictionary");
    return std::move(out);
  }

  std::string string_literal() {
    const char q = t_[pos_++];
    std::string s;
    for (;;) {
      if (at_end()) error("unterminated string");
      const char c = t_[pos_++];
      if (c == q) return s;
      if (c == '\\') {
        if (at_end()) error("unterminated string");
        s += t_[pos_++];
      } else {
        s += c;
      }
    }
  }

  Index integer() {
    bool negative = false;
    if (eat('-'))
      negative = true;
    else
      eat('+');
    if (!(peek() >= '0' && peek() <= '9')) error("expected an integer");
    Index v = 0;
    while (peek() >= '0' && peek() <= '9') {
      const Index digit = t_[pos_++] - '0';
      if (__builtin_mul_overflow(v, Index{10}, &v) || __builtin_add_overflow(v, digit, &v))
        error("integer too large (does not fit in 64 bits)");
    }
    if (!eat('L')) eat('l'); // Python 2 long literal
    return negative ? -v : v;
  }

  PyValue value(const std::string &key) {
    PyValue v;
    const char c = peek();
    if (c == '\'' || c == '"') {
      v.kind = PyValue::Str;
      v.str = string_literal();
    } else if (eat_word("True")) {
      v.kind = PyValue::Bool;
      v.boolean = true;
    } else if (eat_word("False")) {
      v.kind = PyValue::Bool;
    } else if (eat_word("None")) {
      v.kind = PyValue::None;
    } else if (c == '(' || c == '[') {
      const char close = c == '(' ? ')' : ']';
      ++pos_;
      v.kind = PyValue::Seq;
      ws();
      while (!eat(close)) {
        if (v.items.size() >= kMaxDims)
          error("too many axes in '" + key + "' (at most " + std::to_string(kMaxDims) + ")");
        v.items.push_back(integer());
        ws();
        if (eat(',')) {
          ws();
        } else if (peek() != close) {
          error(std::string("expected ',' or '") + close + "' in '" + key + "'");
        }
      }
    } else if (c == '-' || c == '+' || (c >= '0' && c <= '9')) {
      v.kind = PyValue::Int;
      v.integer = integer();
    } else {
      error("unexpected value for '" + key + "'");
    }
    return v;
  }
};

struct NpyLayout {
  std::vector<Index> shape;
  DType dtype = DType::f64;
  bool swap = false;    // big-endian data on this little-endian host
  bool fortran = false; // fortran_order True with more than one axis
  std::size_t data_offset = 0;
  std::uint64_t data_bytes = 0;
};

constexpr unsigned char kNpyMagic[6] = {0x93, 'N', 'U', 'M', 'P', 'Y'};

bool has_npy_magic(const unsigned char *p, std::uint64_t n) {
  return n >= 6 && std::memcmp(p, kNpyMagic, 6) == 0;
}

// Checks the preamble and returns where the header text ends. `have` bytes of the file
// are at p (at least min(total, 12)); `total` is the whole file (or member) size.
std::size_t npy_header_end(const unsigned char *p, std::uint64_t total, const std::string &source,
                           std::size_t &text_begin) {
  if (total == 0) fail(source, "the file is empty (not a .npy file)");
  if (!has_npy_magic(p, total)) {
    const std::string_view first(reinterpret_cast<const char *>(p),
                                 static_cast<std::size_t>(std::min<std::uint64_t>(total, 8)));
    fail(source, "not a .npy file: bad magic string (expected \\x93NUMPY, found " +
                     quote_bytes(first) + ")");
  }
  if (total < 8) fail(source, "truncated .npy file: it ends inside the format version");
  const int major = p[6], minor = p[7];
  if ((major != 1 && major != 2 && major != 3) || minor != 0)
    fail(source, "unsupported .npy format version " + std::to_string(major) + "." +
                     std::to_string(minor) + " (this reader handles 1.0, 2.0 and 3.0)");
  const std::size_t len_bytes = major == 1 ? 2 : 4;
  text_begin = 8 + len_bytes;
  if (total < text_begin) fail(source, "truncated .npy file: it ends inside the header length");
  std::uint64_t header_len = 0;
  for (std::size_t i = 0; i < len_bytes; ++i)
    header_len |= static_cast<std::uint64_t>(p[8 + i]) << (8 * i);
  if (header_len > total - text_begin)
    fail(source, "truncated .npy file: the header length (" + std::to_string(header_len) +
                     " bytes) goes beyond the end of the file (" + std::to_string(total) +
                     " bytes in all)");
  return text_begin + static_cast<std::size_t>(header_len);
}

void parse_descr(const std::string &descr, const std::string &source, NpyLayout &l) {
  char order = '=';
  std::string code = descr;
  if (!descr.empty() && std::strchr("<>=|", descr[0]) != nullptr) {
    order = descr[0];
    code = descr.substr(1);
  }
  static const std::map<std::string, DType> codes = {
      {"f4", DType::f32}, {"f8", DType::f64},     {"i4", DType::i32},   {"i8", DType::i64},
      {"u1", DType::u8},  {"b1", DType::boolean}, {"?", DType::boolean}};
  const auto it = codes.find(code);
  if (it == codes.end())
    fail(source, "unsupported dtype '" + descr +
                     "' (supported: <f4, <f8, <i4, <i8, |u1, |b1 and their big-endian forms; "
                     "convert it in Python with arr.astype(np.float64))");
  l.dtype = it->second;
  if (item_size(l.dtype) > 1) {
    if (order == '|')
      fail(source, "dtype '" + descr +
                       "' has byte order '|' (not applicable), which is only "
                       "meaningful for one-byte types; expected '<" +
                       code + "'");
    l.swap = order == '>';
  }
}

// Parses and validates the preamble and header; p holds at least the whole header.
NpyLayout npy_layout(const unsigned char *p, std::uint64_t total, const std::string &source) {
  std::size_t text_begin = 0;
  const std::size_t end = npy_header_end(p, total, source, text_begin);
  const std::string_view text(reinterpret_cast<const char *>(p + text_begin), end - text_begin);
  const auto dict = DictParser(text, source).parse();
  auto get = [&](const char *key, PyValue::Kind kind, const char *what) -> const PyValue & {
    const auto it = dict.find(key);
    if (it == dict.end())
      fail(source, std::string("invalid .npy header: missing key '") + key +
                       "' (header: " + quote_bytes(text) + ")");
    if (it->second.kind != kind)
      fail(source, std::string("invalid .npy header: '") + key + "' must be " + what +
                       " (header: " + quote_bytes(text) + ")");
    return it->second;
  };
  NpyLayout l;
  parse_descr(get("descr", PyValue::Str, "a dtype string such as '<f8'").str, source, l);
  const bool fortran = get("fortran_order", PyValue::Bool, "True or False").boolean;
  l.shape = get("shape", PyValue::Seq, "a tuple of extents such as (1000, 10)").items;
  for (Index e : l.shape)
    if (e < 0)
      fail(source, "invalid .npy header: negative extent " + std::to_string(e) + " in shape " +
                       shape_text(l.shape));
  l.fortran = fortran && l.shape.size() > 1;
  Index n = 0;
  if (absurd_shape(l.shape) || !checked_product(l.shape, 0, n))
    fail(source, "invalid .npy header: the shape " + shape_text(l.shape) +
                     " is absurd (its size overflows 64 bits)");
  l.data_offset = end;
  l.data_bytes = static_cast<std::uint64_t>(n) * item_size(l.dtype);
  const std::uint64_t available = total - end;
  if (l.data_bytes > available)
    fail(source, "truncated data: shape " + shape_text(l.shape) + " of " + dtype_name(l.dtype) +
                     " needs " + std::to_string(l.data_bytes) + " bytes but only " +
                     std::to_string(available) + " follow the header");
  return l;
}

// ------------------------------------------------------------------------------------
// Conversion of raw elements to float/double.

template <class Raw>
Raw load_raw(const unsigned char *p, bool swap) {
  Raw v;
  if constexpr (sizeof(Raw) == 1) {
    std::memcpy(&v, p, 1);
  } else {
    using U = std::conditional_t<sizeof(Raw) == 4, std::uint32_t, std::uint64_t>;
    U u;
    std::memcpy(&u, p, sizeof u);
    if (swap) {
      if constexpr (sizeof(Raw) == 4)
        u = __builtin_bswap32(u);
      else
        u = __builtin_bswap64(u);
    }
    std::memcpy(&v, &u, sizeof v);
  }
  return v;
}

template <class Raw, bool IsBool, class Out>
Out convert_one(const unsigned char *p, bool swap) {
  const Raw v = load_raw<Raw>(p, swap);
  if constexpr (IsBool)
    return v != 0 ? Out(1) : Out(0);
  else
    return static_cast<Out>(v);
}

template <class Raw, bool IsBool, class Out>
void read_rows_typed(const NpyLayout &l, const unsigned char *data, Index begin, Index count,
                     Out *out) {
  const Index row = row_size_of(l.shape);
  if (!l.fortran) {
    const unsigned char *src = data + static_cast<std::size_t>(begin * row) * sizeof(Raw);
    const Index n = count * row;
    for (Index i = 0; i < n; ++i)
      out[i] =
          convert_one<Raw, IsBool, Out>(src + static_cast<std::size_t>(i) * sizeof(Raw), l.swap);
    return;
  }
  // Fortran order: C-order element (r, i1, ..., ik) is stored at linear position
  // r + d0 * (i1 + d1 * (i2 + ...)). Walk each row's elements in C order with an
  // odometer, keeping the Fortran offset of axes 1..k up to date.
  const std::size_t k = l.shape.size();
  std::vector<Index> stride(k, 1), idx(k, 0);
  for (std::size_t a = 1; a < k; ++a)
    stride[a] = stride[a - 1] * l.shape[a - 1];
  for (Index r = begin; r < begin + count; ++r) {
    std::fill(idx.begin(), idx.end(), 0);
    Index inner = 0;
    for (Index j = 0; j < row; ++j) {
      *out++ = convert_one<Raw, IsBool, Out>(
          data + static_cast<std::size_t>(r + inner) * sizeof(Raw), l.swap);
      for (std::size_t a = k - 1; a >= 1; --a) {
        ++idx[a];
        inner += stride[a];
        if (idx[a] < l.shape[a]) break;
        inner -= stride[a] * l.shape[a];
        idx[a] = 0;
      }
    }
  }
}

template <class Out>
void read_npy_rows(const NpyLayout &l, const unsigned char *data, Index begin, Index count,
                   Out *out) {
  switch (l.dtype) {
  case DType::f32:
    return read_rows_typed<float, false>(l, data, begin, count, out);
  case DType::f64:
    return read_rows_typed<double, false>(l, data, begin, count, out);
  case DType::i32:
    return read_rows_typed<std::int32_t, false>(l, data, begin, count, out);
  case DType::i64:
    return read_rows_typed<std::int64_t, false>(l, data, begin, count, out);
  case DType::u8:
    return read_rows_typed<std::uint8_t, false>(l, data, begin, count, out);
  case DType::boolean:
    return read_rows_typed<std::uint8_t, true>(l, data, begin, count, out);
  }
}

// ------------------------------------------------------------------------------------
// Row sources.

class RowSource {
public:
  virtual ~RowSource() = default;
  // Rows are already bounds-checked; a 0-d array is one row of one element.
  virtual void read(Index begin, Index count, float *out) const = 0;
  virtual void read(Index begin, Index count, double *out) const = 0;
};

class NpySource final : public RowSource {
public:
  NpySource(std::shared_ptr<const void> keep, const unsigned char *data, NpyLayout layout)
      : keep_(std::move(keep)), data_(data), layout_(std::move(layout)) {}
  void read(Index begin, Index count, float *out) const override {
    read_npy_rows(layout_, data_, begin, count, out);
  }
  void read(Index begin, Index count, double *out) const override {
    read_npy_rows(layout_, data_, begin, count, out);
  }

private:
  std::shared_ptr<const void> keep_; // the mapping or buffer that data_ points into
  const unsigned char *data_;
  NpyLayout layout_;
};

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
int open_for_reading(const std::string &file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail(file, std::string("cannot open: ") + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int e = errno;
    ::close(fd);
    fail(file, std::string("cannot read: ") + std::strerror(e));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    fail(file, S_ISDIR(st.st_mode) ? "is a directory, not an array file" : "is not a regular file");
  }
  return fd;
}

std::shared_ptr<Mapping> map_file(const std::string &file) {
  Fd fd(open_for_reading(file));
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) fail(file, std::string("cannot read: ") + std::strerror(errno));
  auto m = std::make_shared<Mapping>();
  if (st.st_size == 0) return m;
  const auto len = static_cast<std::size_t>(st.st_size);
  void *addr = ::mmap(nullptr, len, PROT_READ, MAP_SHARED, fd.get(), 0);
  if (addr == MAP_FAILED) fail(file, std::string("cannot memory-map: ") + std::strerror(errno));
  m->addr = addr;
  m->len = len;
  return m;
}

// ------------------------------------------------------------------------------------
// HDF5. The serial library is not thread-safe: every call goes through one mutex.

std::mutex &h5_mutex() {
  static auto *m = new std::mutex; // never destroyed: streams may outlive static destructors
  return *m;
}

class H5Lock {
public:
  H5Lock() : guard_(h5_mutex()) {
    // No automatic printing of HDF5's error stack: failures become imnn::Error.
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  }

private:
  std::lock_guard<std::mutex> guard_;
};

// Owns an HDF5 identifier; must be destroyed while the H5Lock is held.
class H5Id {
public:
  H5Id() = default;
  H5Id(hid_t id, herr_t (*close)(hid_t)) : id_(id), close_(close) {}
  H5Id(const H5Id &) = delete;
  H5Id &operator=(const H5Id &) = delete;
  H5Id(H5Id &&o) noexcept : id_(o.id_), close_(o.close_) { o.id_ = -1; }
  H5Id &operator=(H5Id &&o) noexcept {
    std::swap(id_, o.id_);
    std::swap(close_, o.close_);
    return *this;
  }
  ~H5Id() { reset(); }
  void reset() {
    if (id_ >= 0 && close_ != nullptr) close_(id_);
    id_ = -1;
  }
  hid_t get() const { return id_; }
  bool valid() const { return id_ >= 0; }

private:
  hid_t id_ = -1;
  herr_t (*close_)(hid_t) = nullptr;
};

herr_t collect_h5_error(unsigned, const H5E_error2_t *e, void *data) {
  auto *descs = static_cast<std::vector<std::string> *>(data);
  if (e != nullptr && e->desc != nullptr && e->desc[0] != '\0') descs->emplace_back(e->desc);
  return 0;
}

// The messages of the current HDF5 error stack, innermost last. Lock held.
std::string h5_detail() {
  std::vector<std::string> descs;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect_h5_error, &descs);
  H5Eclear2(H5E_DEFAULT);
  if (descs.empty()) return "HDF5 error";
  std::string s = descs.front();
  if (descs.size() > 1 && descs.back() != descs.front()) s += " (" + descs.back() + ")";
  if (s.find("lock") != std::string::npos)
    s += "; if another program holds the file open, try HDF5_USE_FILE_LOCKING=FALSE";
  return s;
}

// Maps an HDF5 datatype to the nearest DType; false for non-numeric types. Lock held.
bool h5_dtype(hid_t type, DType &out) {
  const H5T_class_t cls = H5Tget_class(type);
  const std::size_t size = H5Tget_size(type);
  if (cls == H5T_FLOAT) {
    out = size <= 4 ? DType::f32 : DType::f64;
    return true;
  }
  if (cls == H5T_INTEGER) {
    const bool is_signed = H5Tget_sign(type) == H5T_SGN_2;
    if (size == 1 && !is_signed)
      out = DType::u8;
    else if (size < 4 || (size == 4 && is_signed))
      out = DType::i32;
    else
      out = DType::i64;
    return true;
  }
  return false;
}

const char *h5_class_name(H5T_class_t cls) {
  switch (cls) {
  case H5T_STRING:
    return "string";
  case H5T_COMPOUND:
    return "compound";
  case H5T_ENUM:
    return "enum";
  case H5T_ARRAY:
    return "array";
  case H5T_VLEN:
    return "variable-length";
  case H5T_BITFIELD:
    return "bitfield";
  case H5T_OPAQUE:
    return "opaque";
  case H5T_REFERENCE:
    return "reference";
  case H5T_TIME:
    return "time";
  default:
    return "unknown";
  }
}

// Shape of a dataset's dataspace; false for a null dataspace. Lock held.
bool h5_shape(hid_t dset, std::vector<Index> &shape) {
  H5Id space(H5Dget_space(dset), H5Sclose);
  if (!space.valid()) return false;
  const H5S_class_t cls = H5Sget_simple_extent_type(space.get());
  shape.clear();
  if (cls == H5S_SCALAR) return true;
  if (cls != H5S_SIMPLE) return false;
  const int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank < 0) return false;
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
  for (hsize_t d : dims)
    shape.push_back(d > static_cast<hsize_t>(std::numeric_limits<Index>::max())
                        ? std::numeric_limits<Index>::max()
                        : static_cast<Index>(d));
  return true;
}

struct H5Entry {
  std::string name;
  std::string what; // "(1000, 10) float64", "group", ...
  bool dataset = false;
};

herr_t collect_h5_entry(hid_t group, const char *name, const H5L_info_t *, void *data) {
  auto *entries = static_cast<std::vector<H5Entry> *>(data);
  H5Entry e;
  e.name = name;
  H5Id obj(H5Oopen(group, name, H5P_DEFAULT), H5Oclose);
  if (!obj.valid()) {
    H5Eclear2(H5E_DEFAULT);
    e.what = "unreadable link";
  } else if (H5Iget_type(obj.get()) == H5I_GROUP) {
    e.what = "group";
  } else if (H5Iget_type(obj.get()) == H5I_DATASET) {
    e.dataset = true;
    std::vector<Index> shape;
    H5Id type(H5Dget_type(obj.get()), H5Tclose);
    DType t{};
    const bool numeric = type.valid() && h5_dtype(type.get(), t);
    e.what = (h5_shape(obj.get(), shape) ? shape_text(shape) : std::string("(no data)")) + " " +
             (numeric ? dtype_name(t) : std::string("non-numeric"));
  } else {
    e.what = "other object";
  }
  entries->push_back(std::move(e));
  return entries->size() >= 50 ? 1 : 0; // enough for a message
}

std::vector<H5Entry> h5_list(hid_t group) {
  std::vector<H5Entry> entries;
  hsize_t idx = 0;
  if (H5Literate(group, H5_INDEX_NAME, H5_ITER_INC, &idx, collect_h5_entry, &entries) < 0)
    H5Eclear2(H5E_DEFAULT);
  return entries;
}

std::string h5_listing(const std::vector<H5Entry> &entries, const std::string &where) {
  if (entries.empty()) return where + " is empty";
  std::string s = where + " holds: ";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i > 0) s += ", ";
    s += entries[i].what == "group" ? entries[i].name + "/ (group)"
                                    : entries[i].name + " " + entries[i].what;
  }
  if (entries.size() >= 50) s += ", ...";
  return s;
}

std::string group_label(const std::string &path) {
  return path == "/" ? std::string("the root group") : "group '" + path + "'";
}

template <class T>
hid_t h5_mem_type() {
  if constexpr (std::is_same_v<T, float>)
    return H5T_NATIVE_FLOAT;
  else
    return H5T_NATIVE_DOUBLE;
}

class H5Source final : public RowSource {
public:
  H5Source(H5Id file, H5Id dset, std::vector<Index> shape, std::string source)
      : file_(std::move(file)), dset_(std::move(dset)), shape_(std::move(shape)),
        source_(std::move(source)) {}
  ~H5Source() override {
    H5Lock lock;
    dset_.reset();
    file_.reset();
  }
  void read(Index begin, Index count, float *out) const override { read_t(begin, count, out); }
  void read(Index begin, Index count, double *out) const override { read_t(begin, count, out); }

private:
  H5Id file_, dset_;
  std::vector<Index> shape_;
  std::string source_;

  template <class T>
  void read_t(Index begin, Index count, T *out) const {
    if (count == 0 || row_size_of(shape_) == 0) return;
    H5Lock lock;
    if (shape_.empty()) {
      if (H5Dread(dset_.get(), h5_mem_type<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT, out) < 0)
        fail(source_, "cannot read the dataset: " + h5_detail());
      return;
    }
    const std::size_t rank = shape_.size();
    std::vector<hsize_t> start(rank, 0), cnt(rank);
    start[0] = static_cast<hsize_t>(begin);
    cnt[0] = static_cast<hsize_t>(count);
    for (std::size_t a = 1; a < rank; ++a)
      cnt[a] = static_cast<hsize_t>(shape_[a]);
    H5Id fspace(H5Dget_space(dset_.get()), H5Sclose);
    H5Id mspace(H5Screate_simple(static_cast<int>(rank), cnt.data(), nullptr), H5Sclose);
    if (!fspace.valid() || !mspace.valid() ||
        H5Sselect_hyperslab(fspace.get(), H5S_SELECT_SET, start.data(), nullptr, cnt.data(),
                            nullptr) < 0 ||
        H5Dread(dset_.get(), h5_mem_type<T>(), mspace.get(), fspace.get(), H5P_DEFAULT, out) < 0)
      fail(source_, "cannot read rows " + std::to_string(begin) + " to " +
                        std::to_string(begin + count - 1) + " of the dataset: " + h5_detail());
  }
};

struct Opened {
  ArrayInfo info;
  std::unique_ptr<RowSource> source; // null when only the header was wanted
};

Opened open_hdf5(const std::string &file, const std::string &key, const std::string &given,
                 bool want_data) {
  H5Lock lock;
  H5Id f(H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (!f.valid()) fail(file, "cannot open as an HDF5 file: " + h5_detail());

  std::vector<std::string> parts;
  for (std::size_t pos = 0; pos <= key.size();) {
    std::size_t slash = key.find('/', pos);
    if (slash == std::string::npos) slash = key.size();
    if (slash > pos) parts.push_back(key.substr(pos, slash - pos));
    pos = slash + 1;
  }
  std::string path;
  if (parts.empty()) {
    auto entries = h5_list(f.get());
    std::vector<std::string> datasets;
    for (const auto &e : entries)
      if (e.dataset) datasets.push_back(e.name);
    if (datasets.size() != 1)
      fail(file, (datasets.empty() ? std::string("no dataset at the root; ")
                                   : std::to_string(datasets.size()) + " datasets at the root; ") +
                     "name one as " + file + ":/path/to/dataset (" +
                     h5_listing(entries, "the root group") + ")");
    path = "/" + datasets.front();
  } else {
    std::string parent = "/";
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const std::string next = (parent == "/" ? "/" : parent + "/") + parts[i];
      const htri_t exists = H5Lexists(f.get(), next.c_str(), H5P_DEFAULT);
      if (exists <= 0) {
        H5Eclear2(H5E_DEFAULT);
        H5Id g(H5Gopen2(f.get(), parent.c_str(), H5P_DEFAULT), H5Gclose);
        fail(file, "no dataset '" + next + "' (" +
                       h5_listing(g.valid() ? h5_list(g.get()) : std::vector<H5Entry>{},
                                  group_label(parent)) +
                       ")");
      }
      if (i + 1 < parts.size()) {
        H5Id obj(H5Oopen(f.get(), next.c_str(), H5P_DEFAULT), H5Oclose);
        if (!obj.valid()) fail(file, "cannot open '" + next + "': " + h5_detail());
        if (H5Iget_type(obj.get()) != H5I_GROUP)
          fail(file, "'" + next + "' is not a group, so it cannot contain '" + key + "'");
      }
      parent = next;
    }
    path = parent;
  }

  H5Id obj(H5Oopen(f.get(), path.c_str(), H5P_DEFAULT), H5Oclose);
  if (!obj.valid()) fail(file, "cannot open '" + path + "': " + h5_detail());
  if (H5Iget_type(obj.get()) == H5I_GROUP)
    fail(file, "'" + path + "' is a group, not a dataset (" +
                   h5_listing(h5_list(obj.get()), group_label(path)) + ")");
  if (H5Iget_type(obj.get()) != H5I_DATASET) fail(file, "'" + path + "' is not a dataset");
  obj.reset();
  H5Id dset(H5Dopen2(f.get(), path.c_str(), H5P_DEFAULT), H5Dclose);
  if (!dset.valid()) fail(file, "cannot open dataset '" + path + "': " + h5_detail());

  Opened o;
  o.info.source = given;
  {
    H5Id type(H5Dget_type(dset.get()), H5Tclose);
    if (!type.valid()) fail(file, "cannot read the type of '" + path + "': " + h5_detail());
    if (!h5_dtype(type.get(), o.info.dtype))
      fail(file, "dataset '" + path + "' has a " + h5_class_name(H5Tget_class(type.get())) +
                     " type; only integer and floating-point datasets can be read");
  }
  if (!h5_shape(dset.get(), o.info.shape))
    fail(file, "dataset '" + path + "' has no data (null dataspace)");
  if (absurd_shape(o.info.shape))
    fail(file, "dataset '" + path + "' has an absurd shape " + shape_text(o.info.shape));
  if (want_data)
    o.source = std::make_unique<H5Source>(std::move(f), std::move(dset), o.info.shape, given);
  return o;
}

// ------------------------------------------------------------------------------------
// .npz (zip) archives.

class ZipArchive {
public:
  explicit ZipArchive(const std::string &file) {
    int err = 0;
    z_ = zip_open(file.c_str(), ZIP_RDONLY, &err);
    if (z_ == nullptr) {
      zip_error_t ze;
      zip_error_init_with_code(&ze, err);
      const std::string msg = zip_error_strerror(&ze);
      zip_error_fini(&ze);
      fail(file, "cannot open as a .npz (zip) archive: " + msg);
    }
  }
  ZipArchive(const ZipArchive &) = delete;
  ZipArchive &operator=(const ZipArchive &) = delete;
  ~ZipArchive() { zip_discard(z_); }
  zip_t *get() const { return z_; }

private:
  zip_t *z_ = nullptr;
};

class ZipFile {
public:
  explicit ZipFile(zip_file_t *f) : f_(f) {}
  ZipFile(const ZipFile &) = delete;
  ZipFile &operator=(const ZipFile &) = delete;
  ~ZipFile() {
    if (f_ != nullptr) zip_fclose(f_);
  }
  zip_file_t *get() const { return f_; }

private:
  zip_file_t *f_;
};

std::string strip_npy(const std::string &name) {
  return name.size() > 4 && name.compare(name.size() - 4, 4, ".npy") == 0
             ? name.substr(0, name.size() - 4)
             : name;
}

// Reads up to n bytes; returns how many were read before the end of the member.
std::size_t zip_read(zip_file_t *f, unsigned char *p, std::size_t n, const std::string &source) {
  std::size_t done = 0;
  while (done < n) {
    const zip_int64_t got = zip_fread(f, p + done, static_cast<zip_uint64_t>(n - done));
    if (got < 0)
      fail(source, std::string("cannot read the archive member: ") + zip_file_strerror(f));
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  return done;
}

Opened open_npz(const std::string &file, const std::string &key, const std::string &given,
                bool want_data) {
  ZipArchive za(file);
  zip_t *z = za.get();
  const zip_int64_t n = zip_get_num_entries(z, 0);
  std::vector<std::pair<std::string, zip_uint64_t>> members; // (name, index)
  for (zip_int64_t i = 0; i < n; ++i) {
    const char *name = zip_get_name(z, static_cast<zip_uint64_t>(i), 0);
    if (name == nullptr) continue;
    const std::string s = name;
    if (!s.empty() && s.back() == '/') continue; // directory entry
    members.emplace_back(s, static_cast<zip_uint64_t>(i));
  }
  std::string keys;
  for (const auto &m : members)
    keys += (keys.empty() ? "" : ", ") + strip_npy(m.first);

  const std::pair<std::string, zip_uint64_t> *chosen = nullptr;
  if (key.empty()) {
    if (members.empty()) fail(file, "the .npz archive holds no arrays");
    if (members.size() > 1)
      fail(file, "the .npz archive holds " + std::to_string(members.size()) + " arrays (" + keys +
                     "); name one as " + file + ":" + strip_npy(members.front().first));
    chosen = &members.front();
  } else {
    for (const auto &m : members)
      if (m.first == key + ".npy") chosen = &m;
    if (chosen == nullptr)
      for (const auto &m : members)
        if (m.first == key) chosen = &m;
    if (chosen == nullptr)
      fail(file, "no array '" + key + "' in the .npz archive (it holds: " +
                     (keys.empty() ? std::string("nothing") : keys) + ")");
  }
  const std::string source = file + ":" + strip_npy(chosen->first);

  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(z, chosen->second, 0, &st) != 0)
    fail(source, std::string("cannot read the archive entry: ") + zip_strerror(z));
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && st.encryption_method != ZIP_EM_NONE)
    fail(source, "the archive member is encrypted");
  if ((st.valid & ZIP_STAT_SIZE) == 0) fail(source, "the archive member has no recorded size");
  const std::uint64_t total = st.size;
  ZipFile zf(zip_fopen_index(z, chosen->second, 0));
  if (zf.get() == nullptr)
    fail(source, std::string("cannot read the archive member: ") + zip_strerror(z));

  auto buf = std::make_shared<std::vector<unsigned char>>();
  auto read_to = [&](std::uint64_t want) {
    const auto old = buf->size();
    buf->resize(static_cast<std::size_t>(want));
    const std::size_t got = zip_read(zf.get(), buf->data() + old, buf->size() - old, source);
    if (got < buf->size() - old)
      fail(source, "the archive member ends after " + std::to_string(old + got) +
                       " bytes but its recorded size is " + std::to_string(total));
  };
  read_to(std::min<std::uint64_t>(total, 12));
  std::size_t text_begin = 0;
  read_to(npy_header_end(buf->data(), total, source, text_begin));
  NpyLayout layout = npy_layout(buf->data(), total, source);

  Opened o;
  o.info.shape = layout.shape;
  o.info.dtype = layout.dtype;
  o.info.source = given;
  if (!want_data) return o;
  try {
    read_to(layout.data_offset + layout.data_bytes);
  } catch (const std::bad_alloc &) {
    fail(source,
         "the array (" + std::to_string(layout.data_bytes) + " bytes) does not fit in memory");
  } catch (const std::length_error &) {
    fail(source,
         "the array (" + std::to_string(layout.data_bytes) + " bytes) does not fit in memory");
  }
  // Read to the end so that libzip verifies the member's CRC.
  unsigned char scratch[4096];
  while (zip_read(zf.get(), scratch, sizeof scratch, source) == sizeof scratch) {
  }
  const unsigned char *data = buf->data() + layout.data_offset;
  o.source = std::make_unique<NpySource>(buf, data, std::move(layout));
  return o;
}

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
  htri_t is_hdf5 = 0;
  {
    H5Lock lock;
    is_hdf5 = H5Fis_hdf5(file.c_str()); // also finds files with a user block
    if (is_hdf5 < 0) H5Eclear2(H5E_DEFAULT);
  }
  if (is_hdf5 > 0) return Format::hdf5;
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
      o.source = std::make_unique<NpySource>(std::move(m), data, std::move(layout));
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

// ------------------------------------------------------------------------------------
// Writing.

void write_all(int fd, const unsigned char *p, std::size_t n) {
  while (n > 0) {
    const ssize_t w = ::write(fd, p, std::min<std::size_t>(n, std::size_t{1} << 30));
    if (w < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category());
    }
    p += w;
    n -= static_cast<std::size_t>(w);
  }
}

template <class T>
void save_npy_t(const fs::path &file, const std::vector<Index> &shape, const T *data,
                const char *descr) {
  const std::string name = file.string();
  if (shape.size() > kMaxDims)
    fail(name, "cannot save an array with " + std::to_string(shape.size()) + " axes (at most " +
                   std::to_string(kMaxDims) + ")");
  for (Index e : shape)
    if (e < 0) fail(name, "cannot save: negative extent in shape " + shape_text(shape));
  Index n = 0;
  if (absurd_shape(shape) || !checked_product(shape, 0, n))
    fail(name, "cannot save: the shape " + shape_text(shape) + " overflows 64 bits");
  const Index bytes = n * static_cast<Index>(sizeof(T));
  if (n > 0 && data == nullptr) fail(name, "cannot save: no data (null pointer)");

  std::string header = std::string("{'descr': '") + descr +
                       "', 'fortran_order': False, 'shape': " + shape_text(shape) + ", }";
  std::size_t prefix = 10;
  unsigned char major = 1;
  if (header.size() + 1 + prefix + 63 > 65535) {
    prefix = 12;
    major = 2;
  }
  header.append((64 - (prefix + header.size() + 1) % 64) % 64, ' ');
  header += '\n';
  std::string head(reinterpret_cast<const char *>(kNpyMagic), 6);
  head += static_cast<char>(major);
  head += '\0';
  for (std::size_t i = 0; i < prefix - 8; ++i)
    head += static_cast<char>((header.size() >> (8 * i)) & 0xff);
  head += header;

  const std::string tmp = name + ".tmp";
  int fd = -1;
  const char *stage = "create the temporary file";
  try {
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw std::system_error(errno, std::generic_category());
    stage = "write";
    write_all(fd, reinterpret_cast<const unsigned char *>(head.data()), head.size());
    write_all(fd, reinterpret_cast<const unsigned char *>(data), static_cast<std::size_t>(bytes));
    stage = "flush";
    if (::fsync(fd) != 0) throw std::system_error(errno, std::generic_category());
    stage = "close";
    const int closing = fd;
    fd = -1;
    if (::close(closing) != 0) throw std::system_error(errno, std::generic_category());
    stage = "rename the temporary file onto";
    if (::rename(tmp.c_str(), name.c_str()) != 0)
      throw std::system_error(errno, std::generic_category());
  } catch (const std::system_error &e) {
    const std::string msg = std::strerror(e.code().value());
    if (fd >= 0) ::close(fd);
    ::unlink(tmp.c_str());
    throw Error(name + ": cannot save (" + stage + " " + tmp + "): " + msg +
                " (check free disk space and permissions; any previous file is unchanged)");
  }
  // Make the rename durable; failure here does not lose data already written.
  const fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
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

void save_npy(const std::filesystem::path &file, const std::vector<Index> &shape,
              const float *data) {
  save_npy_t(file, shape, data, "<f4");
}

void save_npy(const std::filesystem::path &file, const std::vector<Index> &shape,
              const double *data) {
  save_npy_t(file, shape, data, "<f8");
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
