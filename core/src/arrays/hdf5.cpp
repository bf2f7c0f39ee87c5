// HDF5 datasets through the serial HDF5 C API: named or sole datasets, dtype and
// shape checks, and hyperslab reads of blocks of rows.
#include "array_internal.h"

#include <filesystem>
#include <hdf5.h>
#include <mutex>
#include <type_traits>

namespace imnn::array_detail {

namespace {

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

} // namespace

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

bool is_hdf5_file(const std::string &file) {
  H5Lock lock;
  const htri_t is_hdf5 = H5Fis_hdf5(file.c_str());
  if (is_hdf5 < 0) H5Eclear2(H5E_DEFAULT);
  return is_hdf5 > 0;
}

} // namespace imnn::array_detail

namespace imnn {

using namespace array_detail;

void save_hdf5(const std::filesystem::path &file, const std::vector<NamedArray> &datasets) {
  const std::string name = file.string();
  const std::string tmp = name + ".tmp";
  {
    H5Lock lock;
    // No modification times in the object headers: the same arrays give the same bytes.
    H5Id fcpl(H5Pcreate(H5P_FILE_CREATE), H5Pclose);
    H5Id dcpl(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
    if (!fcpl.valid() || !dcpl.valid() || H5Pset_obj_track_times(fcpl.get(), false) < 0 ||
        H5Pset_obj_track_times(dcpl.get(), false) < 0)
      fail(name, "cannot set up HDF5 properties: " + h5_detail());
    H5Id f(H5Fcreate(tmp.c_str(), H5F_ACC_TRUNC, fcpl.get(), H5P_DEFAULT), H5Fclose);
    if (!f.valid()) fail(name, "cannot create " + tmp + ": " + h5_detail());
    for (const auto &d : datasets) {
      std::vector<hsize_t> dims(d.shape.begin(), d.shape.end());
      Index count = 1;
      for (Index e : d.shape)
        count *= e;
      if (count > 0 && d.data == nullptr) fail(name, "cannot save '" + d.name + "': no data");
      H5Id space(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), H5Sclose);
      H5Id dset(H5Dcreate2(f.get(), d.name.c_str(), H5T_IEEE_F32LE, space.get(), H5P_DEFAULT,
                           dcpl.get(), H5P_DEFAULT),
                H5Dclose);
      if (!space.valid() || !dset.valid() ||
          (count > 0 &&
           H5Dwrite(dset.get(), H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, d.data) < 0))
        fail(name, "cannot write dataset '" + d.name + "': " + h5_detail());
    }
    if (H5Fflush(f.get(), H5F_SCOPE_GLOBAL) < 0) fail(name, "cannot flush: " + h5_detail());
  }
  std::error_code ec;
  std::filesystem::rename(tmp, file, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    fail(name, "cannot rename the temporary file into place");
  }
}

} // namespace imnn
