// Fixtures for the array I/O tests: .npy files made byte by byte (numpy is not
// available on the build machine), .npz archives with libzip and HDF5 files with the
// HDF5 C API, plus small helpers shared by test_arrays and test_array_containers.
#pragma once

#include "imnn/arrays.h"
#include "imnn/error.h"

#include <QtTest>
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <hdf5.h>
#include <numeric>
#include <sstream>
#include <zip.h>

namespace array_test {

namespace fs = std::filesystem;
using imnn::Index;

inline std::string le(std::uint64_t v, int n) {
  std::string s;
  for (int i = 0; i < n; ++i)
    s += static_cast<char>((v >> (8 * i)) & 0xff);
  return s;
}

inline const std::string kMagic = std::string("\x93") + "NUMPY";

// A .npy file: magic, version, header length, the dict text padded with spaces to a
// multiple of 64 and ended by '\n' (pad = false: the dict exactly as given), data.
inline std::string npy(const std::string &dict, const std::string &data, int major = 1,
                       int minor = 0, bool pad = true) {
  const std::size_t prefix = major == 1 ? 10 : 12;
  std::string header = dict;
  if (pad) {
    header.append((64 - (prefix + header.size() + 1) % 64) % 64, ' ');
    header += '\n';
  }
  std::string out = kMagic;
  out += static_cast<char>(major);
  out += static_cast<char>(minor);
  out += le(header.size(), major == 1 ? 2 : 4);
  return out + header + data;
}

inline std::string dict(const std::string &descr, const std::string &shape, bool fortran = false) {
  return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") +
         ", 'shape': " + shape + ", }";
}

template <class T>
inline std::string raw(const std::vector<T> &values, bool big_endian = false) {
  std::string s;
  for (const T &v : values) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    if (big_endian) std::reverse(b, b + sizeof(T));
    s.append(b, sizeof(T));
  }
  return s;
}

inline std::vector<double> iota(std::size_t n, double start = 0) {
  std::vector<double> v(n);
  std::iota(v.begin(), v.end(), start);
  return v;
}

inline void write_bytes(const fs::path &p, const std::string &bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string read_bytes(const fs::path &p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline QByteArray qbytes(const std::string &s) {
  return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}
inline std::string sbytes(const QByteArray &b) {
  return std::string(b.constData(), static_cast<std::size_t>(b.size()));
}

// The imnn::Error message of f(), or "" when it does not throw. Any other exception
// escapes and fails the test.
inline std::string error_of(const std::function<void()> &f) {
  try {
    f();
  } catch (const imnn::Error &e) {
    return e.what();
  }
  return "";
}

// Parses "(2, 3)", "(6,)", "()".
inline std::vector<Index> parse_shape(const QString &s) {
  std::vector<Index> shape;
  for (const QString &part : s.mid(1, s.size() - 2).split(',', Qt::SkipEmptyParts))
    shape.push_back(part.trimmed().toLongLong());
  return shape;
}

inline bool make_zip(const fs::path &path,
                     const std::vector<std::pair<std::string, std::string>> &members,
                     bool deflate) {
  int err = 0;
  zip_t *z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (z == nullptr) return false;
  for (const auto &[name, bytes] : members) {
    zip_source_t *s = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
    const zip_int64_t idx = zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE);
    if (idx < 0) {
      zip_source_free(s);
      zip_discard(z);
      return false;
    }
    zip_set_file_compression(z, static_cast<zip_uint64_t>(idx),
                             deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
  }
  return zip_close(z) == 0;
}

inline bool h5_write(hid_t loc, const char *name, const std::vector<hsize_t> &dims, hid_t file_type,
                     hid_t mem_type, const void *data, const std::vector<hsize_t> &chunk = {}) {
  const hid_t space = dims.empty()
                          ? H5Screate(H5S_SCALAR)
                          : H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr);
  const hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
  if (!chunk.empty()) {
    H5Pset_chunk(dcpl, static_cast<int>(chunk.size()), chunk.data());
    if (H5Zfilter_avail(H5Z_FILTER_DEFLATE) > 0) H5Pset_deflate(dcpl, 4);
  }
  const hid_t d = H5Dcreate2(loc, name, file_type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
  const bool ok = d >= 0 && H5Dwrite(d, mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) >= 0;
  if (d >= 0) H5Dclose(d);
  H5Pclose(dcpl);
  H5Sclose(space);
  return ok;
}

inline std::string at(const fs::path &dir, const std::string &name) {
  return (dir / name).string();
}

// The files shared by the stream, path and HDF5 tests, written into dir.
inline void write_fixture_files(const fs::path &dir) {
  // Files shared by the stream tests.
  const auto d = iota(60, -7);
  imnn::save_npy(at(dir, "f64.npy"), {12, 5}, d.data());
  std::vector<float> f(d.begin(), d.end());
  imnn::save_npy(at(dir, "f32.npy"), {6, 2, 5}, f.data());
  std::vector<std::int32_t> ints(30);
  std::iota(ints.begin(), ints.end(), -10);
  write_bytes(at(dir, "i4.npy"), npy(dict("<i4", "(10, 3)"), raw(ints)));
  write_bytes(at(dir, "big.npy"), npy(dict(">f8", "(5, 4)"), raw(iota(20, 0.5), true)));
  // Fortran order (3, 4, 5): C element (i, j, k) is stored at i + 3 * (j + 4 * k).
  std::vector<double> fo(60);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 4; ++j)
      for (int k = 0; k < 5; ++k)
        fo[static_cast<std::size_t>(i + 3 * (j + 4 * k))] = i * 20 + j * 5 + k;
  write_bytes(at(dir, "fortran.npy"), npy(dict("<f8", "(3, 4, 5)", true), raw(fo)));
  const std::string member =
      npy(dict("<f4", "(7, 3)"), raw(std::vector<float>(f.begin(), f.begin() + 21)));
  QVERIFY(make_zip(at(dir, "stream.npz"), {{"x.npy", member}}, true));

  // HDF5: /fiducial (10, 4) double, chunked; /sims/derivative (6, 2, 3) stored as
  // big-endian float, chunked with partial chunks; /sims/ints (5,) int32; /scalar;
  // /sims/names, a string dataset.
  const hid_t file = H5Fcreate(at(dir, "sims.h5").c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  QVERIFY(file >= 0);
  const auto fid = iota(40, -3);
  QVERIFY(
      h5_write(file, "fiducial", {10, 4}, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, fid.data(), {3, 4}));
  const hid_t group = H5Gcreate2(file, "sims", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  QVERIFY(group >= 0);
  std::vector<float> der(36);
  for (std::size_t i = 0; i < der.size(); ++i)
    der[i] = 0.25f * static_cast<float>(i);
  QVERIFY(h5_write(group, "derivative", {6, 2, 3}, H5T_IEEE_F32BE, H5T_NATIVE_FLOAT, der.data(),
                   {4, 2, 3}));
  const std::int32_t ivals[5] = {-2, -1, 0, 1, 2};
  QVERIFY(h5_write(group, "ints", {5}, H5T_STD_I32LE, H5T_NATIVE_INT32, ivals));
  const double scalar = 2.5;
  QVERIFY(h5_write(file, "scalar", {}, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &scalar));
  const hid_t str = H5Tcopy(H5T_C_S1);
  H5Tset_size(str, 4);
  const char names[2][4] = {{'a', 'b', 'c', 'd'}, {'e', 'f', 'g', 'h'}};
  QVERIFY(h5_write(group, "names", {2}, str, str, names));
  H5Tclose(str);
  H5Gclose(group);
  H5Fclose(file);

  const hid_t one = H5Fcreate(at(dir, "one.h5").c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  const double only[3] = {1, 2, 3};
  QVERIFY(h5_write(one, "only", {3}, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, only));
  H5Fclose(one);
}

// Base of the array test classes: a temporary folder holding the fixture files.
class ArrayTest : public QObject {
protected:
  QTemporaryDir tmp_;

  fs::path root() const { return fs::path(tmp_.path().toStdString()); }
  std::string at(const std::string &name) const { return (root() / name).string(); }
  void write_fixtures() {
    QVERIFY2(tmp_.isValid(), "cannot create a temporary folder");
    write_fixture_files(root());
  }
  static void verify_values(const imnn::ArrayD &a, const std::vector<double> &expected) {
    QCOMPARE(a.data.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
      QCOMPARE(a.data[i], expected[i]);
  }
};

} // namespace array_test
