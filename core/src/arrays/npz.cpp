// .npz archives (zip, stored or deflated) through libzip: a member is read into memory
// once (zip members cannot be memory-mapped) and then served as a .npy payload.
#include "array_internal.h"

#include <algorithm>
#include <new>
#include <stdexcept>
#include <zip.h>

namespace imnn::array_detail {

namespace {

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

// libzip's words for a failure to read inside an archive that opened ("Invalid
// argument", "No such file") read as if the file were missing or the call wrong; in
// fact the archive is damaged (a directory entry points outside the file, a local
// header is wrong). Say so, keeping libzip's words in brackets.
std::string damaged_member(const char *libzip_words) {
  return std::string("cannot read the archive member: the archive is damaged (libzip: ") +
         libzip_words +
         "); the file exists but its zip directory or headers are inconsistent: write it again "
         "(np.savez) or check how it was copied";
}

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
    if (got < 0) fail(source, damaged_member(zip_file_strerror(f)));
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  return done;
}

} // namespace

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
  if (zip_stat_index(z, chosen->second, 0, &st) != 0) fail(source, damaged_member(zip_strerror(z)));
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && st.encryption_method != ZIP_EM_NONE)
    fail(source, "the archive member is encrypted");
  if ((st.valid & ZIP_STAT_SIZE) == 0) fail(source, "the archive member has no recorded size");
  const std::uint64_t total = st.size;
  // A member's recorded size is checked against its compressed bytes before anything is
  // allocated: stored members are their size, and deflate compresses at most 1032:1, so
  // a 300-byte file cannot hold 4 GB (it once took 3.9 GB and 20 s to fail).
  if ((st.valid & ZIP_STAT_COMP_SIZE) != 0 && (st.valid & ZIP_STAT_COMP_METHOD) != 0) {
    const bool stored = st.comp_method == ZIP_CM_STORE;
    const std::uint64_t most = stored ? st.comp_size : st.comp_size * 1032 + 1024;
    if (total > most)
      fail(source, "the archive member claims " + std::to_string(total) + " bytes but holds only " +
                       std::to_string(st.comp_size) +
                       (stored ? " stored bytes"
                               : " compressed bytes (deflate compresses at most 1032:1)") +
                       ": the file is damaged or lies about its size; write it again");
  }
  ZipFile zf(zip_fopen_index(z, chosen->second, 0));
  if (zf.get() == nullptr) fail(source, damaged_member(zip_strerror(z)));

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
  o.source = make_npy_source(buf, data, std::move(layout));
  return o;
}

} // namespace imnn::array_detail
