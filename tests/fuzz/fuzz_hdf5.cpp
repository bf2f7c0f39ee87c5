// Fuzz target: the HDF5 reader's checks (core/src/arrays/hdf5.cpp): which dataset a
// path names (sole dataset, /group/dataset, groups, missing names), the datatype and
// dataspace checks, and hyperslab reads. The input describes a file, which is written
// with the HDF5 library and then read: datatype (floats and integers of every size and
// byte order, and string, compound, enum, bitfield, opaque and array types, which must
// be refused), dataspace (simple of rank 1-4 with extents 0-5, scalar or null),
// contiguous, chunked, deflated or extendible layout, where the dataset lies, and the
// key the reader is given (fixed forms or free text). The rest fills the data.
//
// Byte-level corruption of HDF5 files is not fuzzed by default: that exercises the
// HDF5 library's own parser (Debian's libhdf5, not built with sanitizers here), whose
// crashes on damaged files are the library's (see the README's Fuzzing section). Set
// IMNN_FUZZ_HDF5_RAW=1 to fuzz that too: inputs starting with 0xff are then the file.
#include "fuzz_arrays.h"

#include <hdf5.h>
#include <vector>

namespace {

class Bytes {
public:
  Bytes(const std::uint8_t *p, std::size_t n) : p_(p), n_(n) {}
  std::uint8_t next() { return i_ < n_ ? p_[i_++] : 0; }
  std::string rest() const {
    return i_ < n_ ? std::string(reinterpret_cast<const char *>(p_ + i_), n_ - i_) : "";
  }
  const std::uint8_t *data() const { return p_ + i_; }
  std::size_t left() const { return i_ < n_ ? n_ - i_ : 0; }

private:
  const std::uint8_t *p_;
  std::size_t n_, i_ = 0;
};

hid_t make_type(std::uint8_t which) {
  switch (which % 19) {
  case 0:
    return H5Tcopy(H5T_IEEE_F32LE);
  case 1:
    return H5Tcopy(H5T_IEEE_F64LE);
  case 2:
    return H5Tcopy(H5T_IEEE_F32BE);
  case 3:
    return H5Tcopy(H5T_IEEE_F64BE);
  case 4:
    return H5Tcopy(H5T_STD_I8LE);
  case 5:
    return H5Tcopy(H5T_STD_U8LE);
  case 6:
    return H5Tcopy(H5T_STD_I16BE);
  case 7:
    return H5Tcopy(H5T_STD_U16LE);
  case 8:
    return H5Tcopy(H5T_STD_I32LE);
  case 9:
    return H5Tcopy(H5T_STD_U32BE);
  case 10:
    return H5Tcopy(H5T_STD_I64LE);
  case 11:
    return H5Tcopy(H5T_STD_U64LE);
  case 12: { // a 2-byte float: HDF5 converts it, the reader calls it float32
    const hid_t t = H5Tcopy(H5T_IEEE_F32LE);
    H5Tset_fields(t, 15, 10, 5, 0, 10);
    H5Tset_size(t, 2);
    H5Tset_ebias(t, 15);
    return t;
  }
  case 13: {
    const hid_t t = H5Tcopy(H5T_C_S1);
    H5Tset_size(t, 4);
    return t;
  }
  case 14: {
    const hid_t t = H5Tcreate(H5T_COMPOUND, 8);
    H5Tinsert(t, "x", 0, H5T_NATIVE_FLOAT);
    H5Tinsert(t, "y", 4, H5T_NATIVE_FLOAT);
    return t;
  }
  case 15: {
    const hid_t t = H5Tenum_create(H5T_NATIVE_INT);
    int v = 0;
    H5Tenum_insert(t, "zero", &v);
    return t;
  }
  case 16:
    return H5Tcopy(H5T_NATIVE_B8);
  case 17:
    return H5Tcreate(H5T_OPAQUE, 3);
  default: {
    const hsize_t dims[1] = {2};
    return H5Tarray_create2(H5T_NATIVE_DOUBLE, 1, dims);
  }
  }
}

// Writes the file the input describes; returns the key to read it by.
bool write_file(const std::string &path, Bytes &in, std::string &key) {
  const std::uint8_t type_byte = in.next(), space_byte = in.next(), layout = in.next(),
                     place = in.next(), key_form = in.next();
  const hid_t f = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  if (f < 0) return false;
  const hid_t type = make_type(type_byte);
  int rank = 1 + space_byte % 4;
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank)), maxdims(dims.size());
  hsize_t n = 1;
  for (auto &d : dims) {
    d = in.next() % 6;
    n *= d;
  }
  const bool extendible = (layout & 4) != 0;
  for (std::size_t i = 0; i < dims.size(); ++i)
    maxdims[i] = extendible && i == 0 ? H5S_UNLIMITED : dims[i];
  hid_t space;
  switch ((space_byte >> 2) % 4) {
  case 1:
    space = H5Screate(H5S_SCALAR);
    n = 1;
    break;
  case 2:
    space = H5Screate(H5S_NULL);
    n = 0;
    break;
  default:
    space = H5Screate_simple(rank, dims.data(), maxdims.data());
  }
  const hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
  const bool simple = H5Sget_simple_extent_type(space) == H5S_SIMPLE;
  if (simple && ((layout & 3) != 0 || extendible)) {
    std::vector<hsize_t> chunk(dims.size());
    for (std::size_t i = 0; i < dims.size(); ++i)
      chunk[i] = dims[i] == 0 ? 1 : dims[i];
    H5Pset_chunk(dcpl, rank, chunk.data());
    if ((layout & 3) == 2) H5Pset_deflate(dcpl, 1);
  }
  if ((layout & 8) != 0 && H5Tget_class(type) == H5T_FLOAT) {
    const double fill = -1.5;
    H5Pset_fill_value(dcpl, H5T_NATIVE_DOUBLE, &fill);
  }
  std::string ds = "/d";
  if (place % 4 == 1) {
    H5Gclose(H5Gcreate2(f, "/g", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
    ds = "/g/d";
  }
  const hid_t d = H5Dcreate2(f, ds.c_str(), type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
  if (place % 4 == 2) { // a second dataset and an empty group beside it
    const hid_t d2 = H5Dcreate2(f, "/e", type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
    if (d2 >= 0) H5Dclose(d2);
    H5Gclose(H5Gcreate2(f, "/h", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
  }
  if (place % 4 == 3) { // a soft link to the dataset and a dangling one
    H5Lcreate_soft(ds.c_str(), f, "/link", H5P_DEFAULT, H5P_DEFAULT);
    H5Lcreate_soft("/nowhere", f, "/dangling", H5P_DEFAULT, H5P_DEFAULT);
  }
  if (d >= 0 && n > 0 && (layout & 16) == 0) {
    std::vector<std::uint8_t> buf(n * H5Tget_size(type));
    const std::size_t left = in.left();
    for (std::size_t i = 0; i < buf.size(); ++i)
      buf[i] = left > 0 ? in.data()[i % left] : static_cast<std::uint8_t>(i);
    if (H5Tget_class(type) == H5T_INTEGER || H5Tget_class(type) == H5T_FLOAT)
      H5Dwrite(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf.data());
  }
  if (d >= 0) H5Dclose(d);
  H5Pclose(dcpl);
  H5Sclose(space);
  H5Tclose(type);
  H5Fclose(f);
  // The key, from a table (GCC 12's -Wrestrict misreads string concatenation here).
  static const char *const keys[] = {"",      ":/d",    ":/g/d",      ":/g",
                                     ":/d/x", ":/link", ":/dangling", ":g/d/"};
  const std::uint8_t form = key_form % 9;
  if (form == 8) {
    key.assign(1, ':');
    key.append(in.rest().substr(0, 64));
  } else {
    key.assign(keys[form]);
  }
  return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static const bool raw = [] {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    const char *e = std::getenv("IMNN_FUZZ_HDF5_RAW");
    return e != nullptr && e[0] == '1';
  }();
  std::string path, key;
  if (raw && size > 0 && data[0] == 0xff) {
    path = imnn_fuzz::write_scratch("input.h5", data + 1, size - 1);
  } else {
    path = (imnn_fuzz::scratch_dir() / "input.h5").string();
    Bytes in(data, size);
    if (!write_file(path, in, key)) std::abort();
  }
  imnn_fuzz::run_one([&] { imnn_fuzz::exercise_array(path + key); });
  return 0;
}
