// The .npy format: header parsing, conversion of the payload to float/double, memory
// mapping, and atomic writing.
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
#include "array_internal.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cerrno>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <sys/stat.h>
#include <system_error>
#include <type_traits>

namespace imnn {

static_assert(std::endian::native == std::endian::little,
              "the array reader assumes a little-endian host");

namespace array_detail {

namespace {

namespace fs = std::filesystem;

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

} // namespace

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

namespace {

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

} // namespace

std::unique_ptr<RowSource> make_npy_source(std::shared_ptr<const void> keep,
                                           const unsigned char *data, NpyLayout layout) {
  return std::make_unique<NpySource>(std::move(keep), data, std::move(layout));
}

// Opens a regular file for reading; errors name the file and the system error.
int open_for_reading(const std::string &file) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever;
  // it is refused below as not a regular file (for a regular file the flag is a no-op).
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) fail(file, std::string("cannot open: ") + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int e = errno;
    ::close(fd);
    fail(file, std::string("cannot read: ") + std::strerror(e));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    fail(file, S_ISDIR(st.st_mode)
                   ? "is a directory, not an array file"
                   : "is not a regular file (a FIFO, socket or device): give a file on disk");
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
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

namespace {

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
} // namespace array_detail

using namespace array_detail;

void save_npy(const std::filesystem::path &file, const std::vector<Index> &shape,
              const float *data) {
  save_npy_t(file, shape, data, "<f4");
}

void save_npy(const std::filesystem::path &file, const std::vector<Index> &shape,
              const double *data) {
  save_npy_t(file, shape, data, "<f8");
}

} // namespace imnn
