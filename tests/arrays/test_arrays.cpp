// Array I/O: .npy round trips, header variants, every dtype, every malformed case,
// .npz archives (stored and deflated), HDF5 datasets, row streams, shape checks,
// atomic saves and a fuzz loop over corrupted .npy files.
//
// numpy is not available on the build machine, so every fixture is made here byte by
// byte (following the .npy format specification), with libzip and with the HDF5 C API.
#include "imnn/arrays.h"
#include "imnn/error.h"

#include <QtTest>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <functional>
#include <hdf5.h>
#include <numeric>
#include <random>
#include <sstream>
#include <thread>
#include <zip.h>

namespace fs = std::filesystem;
using imnn::Index;

namespace {

std::string le(std::uint64_t v, int n) {
  std::string s;
  for (int i = 0; i < n; ++i)
    s += static_cast<char>((v >> (8 * i)) & 0xff);
  return s;
}

const std::string kMagic = std::string("\x93") + "NUMPY";

// A .npy file: magic, version, header length, the dict text padded with spaces to a
// multiple of 64 and ended by '\n' (pad = false: the dict exactly as given), data.
std::string npy(const std::string &dict, const std::string &data, int major = 1, int minor = 0,
                bool pad = true) {
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

std::string dict(const std::string &descr, const std::string &shape, bool fortran = false) {
  return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") +
         ", 'shape': " + shape + ", }";
}

template <class T>
std::string raw(const std::vector<T> &values, bool big_endian = false) {
  std::string s;
  for (const T &v : values) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    if (big_endian) std::reverse(b, b + sizeof(T));
    s.append(b, sizeof(T));
  }
  return s;
}

std::vector<double> iota(std::size_t n, double start = 0) {
  std::vector<double> v(n);
  std::iota(v.begin(), v.end(), start);
  return v;
}

void write_bytes(const fs::path &p, const std::string &bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string read_bytes(const fs::path &p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

QByteArray qbytes(const std::string &s) {
  return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}
std::string sbytes(const QByteArray &b) {
  return std::string(b.constData(), static_cast<std::size_t>(b.size()));
}

// The imnn::Error message of f(), or "" when it does not throw. Any other exception
// escapes and fails the test.
std::string error_of(const std::function<void()> &f) {
  try {
    f();
  } catch (const imnn::Error &e) {
    return e.what();
  }
  return "";
}

// Parses "(2, 3)", "(6,)", "()".
std::vector<Index> parse_shape(const QString &s) {
  std::vector<Index> shape;
  for (const QString &part : s.mid(1, s.size() - 2).split(',', Qt::SkipEmptyParts))
    shape.push_back(part.trimmed().toLongLong());
  return shape;
}

bool make_zip(const fs::path &path, const std::vector<std::pair<std::string, std::string>> &members,
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

bool h5_write(hid_t loc, const char *name, const std::vector<hsize_t> &dims, hid_t file_type,
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

} // namespace

class TestArrays : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;

  fs::path root() const { return fs::path(tmp_.path().toStdString()); }
  std::string at(const std::string &name) const { return (root() / name).string(); }

  static void verify_values(const imnn::ArrayD &a, const std::vector<double> &expected) {
    QCOMPARE(a.data.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
      QCOMPARE(a.data[i], expected[i]);
  }

private slots:
  void initTestCase() {
    QVERIFY(tmp_.isValid());
    // Files shared by the stream tests.
    const auto d = iota(60, -7);
    imnn::save_npy(at("f64.npy"), {12, 5}, d.data());
    std::vector<float> f(d.begin(), d.end());
    imnn::save_npy(at("f32.npy"), {6, 2, 5}, f.data());
    std::vector<std::int32_t> ints(30);
    std::iota(ints.begin(), ints.end(), -10);
    write_bytes(at("i4.npy"), npy(dict("<i4", "(10, 3)"), raw(ints)));
    write_bytes(at("big.npy"), npy(dict(">f8", "(5, 4)"), raw(iota(20, 0.5), true)));
    // Fortran order (3, 4, 5): C element (i, j, k) is stored at i + 3 * (j + 4 * k).
    std::vector<double> fo(60);
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 4; ++j)
        for (int k = 0; k < 5; ++k)
          fo[static_cast<std::size_t>(i + 3 * (j + 4 * k))] = i * 20 + j * 5 + k;
    write_bytes(at("fortran.npy"), npy(dict("<f8", "(3, 4, 5)", true), raw(fo)));
    const std::string member =
        npy(dict("<f4", "(7, 3)"), raw(std::vector<float>(f.begin(), f.begin() + 21)));
    QVERIFY(make_zip(at("stream.npz"), {{"x.npy", member}}, true));

    // HDF5: /fiducial (10, 4) double, chunked; /sims/derivative (6, 2, 3) stored as
    // big-endian float, chunked with partial chunks; /sims/ints (5,) int32; /scalar;
    // /sims/names, a string dataset.
    const hid_t file = H5Fcreate(at("sims.h5").c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
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

    const hid_t one = H5Fcreate(at("one.h5").c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    const double only[3] = {1, 2, 3};
    QVERIFY(h5_write(one, "only", {3}, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, only));
    H5Fclose(one);
  }

  void names_and_shape_strings() {
    QCOMPARE(imnn::dtype_name(imnn::DType::f32), std::string("float32"));
    QCOMPARE(imnn::dtype_name(imnn::DType::f64), std::string("float64"));
    QCOMPARE(imnn::dtype_name(imnn::DType::i32), std::string("int32"));
    QCOMPARE(imnn::dtype_name(imnn::DType::i64), std::string("int64"));
    QCOMPARE(imnn::dtype_name(imnn::DType::u8), std::string("uint8"));
    QCOMPARE(imnn::dtype_name(imnn::DType::boolean), std::string("bool"));
    imnn::ArrayInfo info;
    QCOMPARE(info.shape_string(), std::string("()"));
    QCOMPARE(info.size(), Index{1});
    info.shape = {5};
    QCOMPARE(info.shape_string(), std::string("(5,)"));
    info.shape = {1000, 10};
    QCOMPARE(info.shape_string(), std::string("(1000, 10)"));
    QCOMPARE(info.size(), Index{10000});
  }

  void round_trip_data() {
    QTest::addColumn<QString>("shape");
    QTest::addColumn<bool>("single");
    for (const char *shape : {"()", "(1,)", "(7,)", "(0,)", "(3, 4)", "(0, 3)", "(2, 3, 4)",
                              "(1, 1, 1, 1)", "(2, 2, 2, 10)"}) {
      QTest::addRow("float64 %s", shape) << QString(shape) << false;
      QTest::addRow("float32 %s", shape) << QString(shape) << true;
    }
  }

  void round_trip() {
    QFETCH(QString, shape);
    QFETCH(bool, single);
    const auto dims = parse_shape(shape);
    Index n = 1;
    for (Index e : dims)
      n *= e;
    std::vector<double> values(static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < values.size(); ++i)
      values[i] = std::pow(-1.0, static_cast<double>(i)) * (0.1 + static_cast<double>(i)) * 1e3;
    const std::string file = at("round_" + std::to_string(dims.size()) + "_" + std::to_string(n) +
                                (single ? "_f32" : "_f64") + ".npy");
    if (single) {
      std::vector<float> f(values.begin(), values.end());
      imnn::save_npy(file, dims, f.data());
      for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = static_cast<double>(f[i]);
    } else {
      imnn::save_npy(file, dims, values.data());
    }
    QVERIFY(!fs::exists(file + ".tmp"));
    const std::string bytes = read_bytes(file);
    QCOMPARE(bytes.substr(0, 8), kMagic + std::string("\x01\x00", 2));
    const std::size_t header_end =
        10 + (static_cast<unsigned char>(bytes[8]) | static_cast<unsigned char>(bytes[9]) << 8);
    QCOMPARE(header_end % 64, std::size_t{0});
    QCOMPARE(bytes[header_end - 1], '\n');
    QCOMPARE(bytes.size(), header_end + values.size() * (single ? 4 : 8));

    const imnn::ArrayD a = imnn::load_array(file);
    QCOMPARE(a.info.shape, dims);
    QCOMPARE(a.info.dtype, single ? imnn::DType::f32 : imnn::DType::f64);
    QCOMPARE(a.info.source, file);
    verify_values(a, values);
    const imnn::ArrayInfo info = imnn::inspect_array(file);
    QCOMPARE(info.shape, dims);
    QCOMPARE(info.shape_string(), shape.toStdString());

    // Saving again replaces the file atomically.
    std::vector<double> zeros(values.size(), 0.0);
    imnn::save_npy(file, dims, zeros.data());
    verify_values(imnn::load_array(file), zeros);
  }

  void header_variants_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("shape");
    const std::string d = raw(iota(6));
    const std::string std_dict = dict("<f8", "(2, 3)");
    QTest::newRow("v1.0 as numpy writes it") << qbytes(npy(std_dict, d)) << "(2, 3)";
    QTest::newRow("v2.0") << qbytes(npy(std_dict, d, 2)) << "(2, 3)";
    QTest::newRow("v3.0") << qbytes(npy(std_dict, d, 3)) << "(2, 3)";
    QTest::newRow("shape first, no trailing comma")
        << qbytes(npy("{'shape': (2, 3), 'fortran_order': False, 'descr': '<f8'}", d)) << "(2, 3)";
    QTest::newRow("fortran_order first")
        << qbytes(npy("{'fortran_order': False, 'descr': '<f8', 'shape': (2, 3), }", d))
        << "(2, 3)";
    QTest::newRow("no spaces") << qbytes(
                                      npy("{'descr':'<f8','fortran_order':False,'shape':(2,3)}", d))
                               << "(2, 3)";
    QTest::newRow("lots of spacing")
        << qbytes(npy("  {  'descr' :\t'<f8' ,\n 'fortran_order' : False ,'shape' : ( 2 , 3 , ) "
                      ",  }  ",
                      d))
        << "(2, 3)";
    QTest::newRow("double quotes")
        << qbytes(npy("{\"descr\": \"<f8\", \"fortran_order\": False, \"shape\": (2, 3)}", d))
        << "(2, 3)";
    QTest::newRow("1-d tuple") << qbytes(npy(dict("<f8", "(6,)"), d)) << "(6,)";
    QTest::newRow("1-d without comma") << qbytes(npy(dict("<f8", "(6)"), d)) << "(6,)";
    QTest::newRow("list shape") << qbytes(npy(dict("<f8", "[2, 3]"), d)) << "(2, 3)";
    QTest::newRow("python 2 longs") << qbytes(npy(dict("<f8", "(2L, 3L)"), d)) << "(2, 3)";
    QTest::newRow("unpadded, no newline") << qbytes(npy(std_dict, d, 1, 0, false)) << "(2, 3)";
    QTest::newRow("unpadded v2") << qbytes(npy(std_dict, d, 2, 0, false)) << "(2, 3)";
    QTest::newRow("extra key ignored")
        << qbytes(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), 'x': None}", d))
        << "(2, 3)";
    QTest::newRow("trailing bytes after the data") << qbytes(npy(std_dict, d + "junk")) << "(2, 3)";
    QTest::newRow("fortran order 1-d") << qbytes(npy(dict("<f8", "(6,)", true), d)) << "(6,)";
  }

  void header_variants() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, shape);
    const std::string file = at("variant.npy");
    write_bytes(file, sbytes(bytes));
    const imnn::ArrayD a = imnn::load_array(file);
    QCOMPARE(a.info.shape_string(), shape.toStdString());
    QCOMPARE(a.info.dtype, imnn::DType::f64);
    verify_values(a, iota(6));
  }

  void dtypes_data() {
    QTest::addColumn<QString>("descr");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("dtype");
    QTest::addColumn<QList<double>>("values");
    const std::vector<float> f = {1.5f, -2.25f, 0.0f, 3e38f};
    const QList<double> fv = {1.5, -2.25, 0.0, static_cast<double>(3e38f)};
    const std::vector<double> d = {1.5, -2.25, 1e300, -1e-300};
    const QList<double> dv = {1.5, -2.25, 1e300, -1e-300};
    const std::vector<std::int32_t> i4 = {-3, 0, 5, 2147483647};
    const QList<double> i4v = {-3, 0, 5, 2147483647.0};
    const std::vector<std::int64_t> i8 = {-3, 0, 5, std::int64_t{1} << 40};
    const QList<double> i8v = {-3, 0, 5, 1099511627776.0};
    const std::vector<std::uint8_t> u1 = {0, 1, 255, 7};
    const QList<double> u1v = {0, 1, 255, 7};
    const std::vector<std::uint8_t> b1 = {0, 1, 1, 2};
    const QList<double> b1v = {0, 1, 1, 1};
    QTest::newRow("<f4") << "<f4" << qbytes(raw(f)) << "float32" << fv;
    QTest::newRow(">f4") << ">f4" << qbytes(raw(f, true)) << "float32" << fv;
    QTest::newRow("=f4") << "=f4" << qbytes(raw(f)) << "float32" << fv;
    QTest::newRow("<f8") << "<f8" << qbytes(raw(d)) << "float64" << dv;
    QTest::newRow(">f8") << ">f8" << qbytes(raw(d, true)) << "float64" << dv;
    QTest::newRow("=f8") << "=f8" << qbytes(raw(d)) << "float64" << dv;
    QTest::newRow("f8 (no mark)") << "f8" << qbytes(raw(d)) << "float64" << dv;
    QTest::newRow("<i4") << "<i4" << qbytes(raw(i4)) << "int32" << i4v;
    QTest::newRow(">i4") << ">i4" << qbytes(raw(i4, true)) << "int32" << i4v;
    QTest::newRow("=i4") << "=i4" << qbytes(raw(i4)) << "int32" << i4v;
    QTest::newRow("<i8") << "<i8" << qbytes(raw(i8)) << "int64" << i8v;
    QTest::newRow(">i8") << ">i8" << qbytes(raw(i8, true)) << "int64" << i8v;
    QTest::newRow("|u1") << "|u1" << qbytes(raw(u1)) << "uint8" << u1v;
    QTest::newRow("<u1") << "<u1" << qbytes(raw(u1)) << "uint8" << u1v;
    QTest::newRow(">u1") << ">u1" << qbytes(raw(u1)) << "uint8" << u1v;
    QTest::newRow("|b1") << "|b1" << qbytes(raw(b1)) << "bool" << b1v;
    QTest::newRow("|? (bool alias)") << "|?" << qbytes(raw(b1)) << "bool" << b1v;
  }

  void dtypes() {
    QFETCH(QString, descr);
    QFETCH(QByteArray, data);
    QFETCH(QString, dtype);
    QFETCH(QList<double>, values);
    const std::string file = at("dtype.npy");
    write_bytes(file, npy(dict(descr.toStdString(), "(4,)"), sbytes(data)));
    const imnn::ArrayD a = imnn::load_array(file);
    QCOMPARE(QString::fromStdString(imnn::dtype_name(a.info.dtype)), dtype);
    verify_values(a, std::vector<double>(values.begin(), values.end()));
    // Streams convert the same way, to float and to double.
    imnn::ArrayStream s(file);
    std::vector<float> f(4);
    std::vector<double> g(4);
    s.read_rows(0, 4, f.data());
    s.read_rows(0, 4, g.data());
    for (int i = 0; i < 4; ++i) {
      QCOMPARE(g[static_cast<std::size_t>(i)], values[i]);
      QCOMPARE(f[static_cast<std::size_t>(i)], static_cast<float>(values[i]));
    }
  }

  void fortran_order_is_transposed() {
    const imnn::ArrayD a = imnn::load_array(at("fortran.npy"));
    QCOMPARE(a.info.shape, (std::vector<Index>{3, 4, 5}));
    verify_values(a, iota(60));
    // 2-D float32 in Fortran order: [[0, 1, 2], [3, 4, 5]] stored column by column.
    write_bytes(at("fortran2.npy"),
                npy(dict("<f4", "(2, 3)", true), raw(std::vector<float>{0, 3, 1, 4, 2, 5})));
    verify_values(imnn::load_array(at("fortran2.npy")), iota(6));
  }

  void malformed_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    const std::string d6 = raw(iota(6));
    const std::string ok = npy(dict("<f8", "(2, 3)"), d6);
    auto row = [](const char *name, const std::string &bytes, const char *msg) {
      QTest::newRow(name) << qbytes(bytes) << QString(msg);
    };
    row("empty file", "", "the file is empty");
    row("bad magic", "\x93NUMPX" + ok.substr(6), "not a .npy file: bad magic string");
    row("text file", "hello world, this is not numpy", "not a .npy file: bad magic string");
    row("magic only", kMagic, "truncated .npy file: it ends inside the format version");
    row("truncated header length", kMagic + "\x01" + std::string(1, '\0') + "\x40",
        "truncated .npy file: it ends inside the header length");
    row("truncated v2 header length", kMagic + "\x02" + std::string(1, '\0') + "\x40\x00",
        "truncated .npy file: it ends inside the header length");
    row("header length beyond file", ok.substr(0, 8) + le(500, 2) + ok.substr(10, 30),
        "the header length (500 bytes) goes beyond the end of the file");
    row("v2 header length beyond file",
        kMagic + "\x02" + std::string(1, '\0') + le(0xfffffff0, 4) + "{}",
        "the header length (4294967280 bytes) goes beyond the end of the file");
    row("truncated header", ok.substr(0, 40), "goes beyond the end of the file");
    row("version 4.0", npy(dict("<f8", "(2, 3)"), d6, 4), "unsupported .npy format version 4.0");
    row("version 1.1", npy(dict("<f8", "(2, 3)"), d6, 1, 1), "unsupported .npy format version 1.1");
    row("unknown dtype <c16", npy(dict("<c16", "(2, 3)"), d6), "unsupported dtype '<c16'");
    row("unknown dtype <f2", npy(dict("<f2", "(2, 3)"), d6), "unsupported dtype '<f2'");
    row("unknown dtype <U5", npy(dict("<U5", "(2, 3)"), d6), "unsupported dtype '<U5'");
    row("unknown dtype object", npy(dict("|O", "(2, 3)"), d6), "unsupported dtype '|O'");
    row("pipe on a multi-byte type", npy(dict("|f8", "(2, 3)"), d6),
        "dtype '|f8' has byte order '|' (not applicable)");
    row("structured dtype",
        npy("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (6,), }", d6),
        "structured (record) dtypes are not supported");
    row("descr not a string", npy("{'descr': 8, 'fortran_order': False, 'shape': (6,)}", d6),
        "'descr' must be a dtype string");
    row("fortran_order not a bool", npy("{'descr': '<f8', 'fortran_order': 0, 'shape': (6,)}", d6),
        "'fortran_order' must be True or False");
    row("shape not a tuple", npy("{'descr': '<f8', 'fortran_order': False, 'shape': 6}", d6),
        "'shape' must be a tuple");
    row("missing shape", npy("{'descr': '<f8', 'fortran_order': False}", d6),
        "invalid .npy header: missing key 'shape'");
    row("missing descr", npy("{'fortran_order': False, 'shape': (6,)}", d6),
        "invalid .npy header: missing key 'descr'");
    row("missing fortran_order", npy("{'descr': '<f8', 'shape': (6,)}", d6),
        "invalid .npy header: missing key 'fortran_order'");
    row("negative extent", npy(dict("<f8", "(-2, 3)"), d6), "negative extent -2 in shape (-2, 3)");
    row("overflowing shape", npy(dict("<f8", "(4294967296, 4294967296)"), d6),
        "the shape (4294967296, 4294967296) is absurd (its size overflows 64 bits)");
    row("overflow hidden by a zero", npy(dict("<f8", "(0, 4294967296, 4294967296)"), ""),
        "is absurd");
    row("extent beyond 64 bits", npy(dict("<f8", "(99999999999999999999999,)"), d6),
        "integer too large");
    std::string many = "(";
    for (int i = 0; i < 65; ++i)
      many += "1, ";
    row("too many axes", npy(dict("<f8", many + ")"), d6), "too many axes in 'shape' (at most 64)");
    row("float extent", npy(dict("<f8", "(2.5,)"), d6), "expected ',' or ')' in 'shape'");
    row("not a dict", npy("[1, 2]", d6), "the header is not a Python dict");
    row("text after the dict", npy(dict("<f8", "(2, 3)") + " x", d6),
        "unexpected text after the header dictionary");
    row("unterminated string", npy("{'descr: '<f8'}", d6), "expected ':' after the key");
    row("unterminated string at end", npy("{'descr", d6), "unterminated string");
    row("unterminated dict", npy("{'descr': '<f8'", d6), "expected ',' or '}'");
    row("unquoted key", npy("{descr: '<f8'}", d6), "expected a quoted key");
    row("truncated data", ok.substr(0, ok.size() - 8),
        "truncated data: shape (2, 3) of float64 needs 48 bytes but only 40 follow the header");
    row("no data", ok.substr(0, ok.size() - 48), "needs 48 bytes but only 0 follow");
    row("truncated data v3", npy(dict("<i4", "(10,)"), std::string(12, '\0'), 3),
        "truncated data: shape (10,) of int32 needs 40 bytes but only 12");
  }

  void malformed() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const std::string file = at("bad.npy");
    write_bytes(file, sbytes(bytes));
    for (int how = 0; how < 3; ++how) {
      const QString e = QString::fromStdString(error_of([&] {
        if (how == 0)
          imnn::load_array(file);
        else if (how == 1)
          imnn::inspect_array(file);
        else
          imnn::ArrayStream s(file);
      }));
      QVERIFY2(!e.isEmpty(), "no error");
      QVERIFY2(e.contains(message), qPrintable(e));
      QVERIFY2(e.startsWith(QString::fromStdString(file) + ": "), qPrintable(e));
    }
  }

  void paths() {
    // A file name with ':' in it is not split.
    const auto v = iota(3);
    imnn::save_npy(at("a:b.npy"), {3}, v.data());
    verify_values(imnn::load_array(at("a:b.npy")), v);

    QString e = QString::fromStdString(error_of([&] { imnn::load_array(at("missing.npy")); }));
    QVERIFY2(e.contains("missing.npy: cannot open: No such file or directory"), qPrintable(e));
    e = QString::fromStdString(error_of([&] { imnn::load_array(at("missing.npz:fid")); }));
    QVERIFY2(e.contains("missing.npz: cannot open: No such file"), qPrintable(e));
    e = QString::fromStdString(error_of([&] { imnn::load_array(at("missing.h5:/a/b")); }));
    QVERIFY2(e.contains("missing.h5: cannot open: No such file"), qPrintable(e));
    e = QString::fromStdString(error_of([&] { imnn::load_array(at("f64.npy:key")); }));
    QVERIFY2(e.contains("a .npy file holds a single array; remove ':key'"), qPrintable(e));
    e = QString::fromStdString(error_of([&] { imnn::load_array(root().string()); }));
    QVERIFY2(e.contains("is a directory"), qPrintable(e));
    write_bytes(at("notes.txt"), "some text");
    e = QString::fromStdString(error_of([&] { imnn::load_array(at("notes.txt")); }));
    QVERIFY2(e.contains("notes.txt: unrecognised file format"), qPrintable(e));
    write_bytes(at("garbage.h5"), "definitely not hdf5");
    e = QString::fromStdString(error_of([&] { imnn::load_array(at("garbage.h5:/x")); }));
    QVERIFY2(e.contains("garbage.h5: not an HDF5 file"), qPrintable(e));
    write_bytes(at("garbage.npz"), "not a zip archive at all");
    e = QString::fromStdString(error_of([&] { imnn::load_array(at("garbage.npz")); }));
    QVERIFY2(e.contains("garbage.npz: cannot open as a .npz (zip) archive"), qPrintable(e));
    e = QString::fromStdString(error_of([&] { imnn::load_array(""); }));
    QVERIFY2(e.contains("empty array path"), qPrintable(e));
  }

  void npz_data() {
    QTest::addColumn<bool>("deflate");
    QTest::newRow("stored") << false;
    QTest::newRow("deflated") << true;
  }

  void npz() {
    QFETCH(bool, deflate);
    const std::string a = npy(dict("<f8", "(2, 3)"), raw(iota(6)));
    const std::string b = npy(dict("<i4", "(4,)"), raw(std::vector<std::int32_t>{4, 3, 2, 1}));
    const std::string one = at(deflate ? "one_d.npz" : "one_s.npz");
    QVERIFY(make_zip(one, {{"fiducial.npy", a}}, deflate));
    verify_values(imnn::load_array(one), iota(6));
    verify_values(imnn::load_array(one + ":fiducial"), iota(6));
    verify_values(imnn::load_array(one + ":fiducial.npy"), iota(6));
    const imnn::ArrayInfo info = imnn::inspect_array(one + ":fiducial");
    QCOMPARE(info.shape_string(), std::string("(2, 3)"));
    QCOMPARE(info.source, one + ":fiducial");

    const std::string several = at(deflate ? "several_d.npz" : "several_s.npz");
    QVERIFY(make_zip(several, {{"fiducial.npy", a}, {"derivative.npy", b}}, deflate));
    verify_values(imnn::load_array(several + ":derivative"), {4, 3, 2, 1});
    verify_values(imnn::load_array(several + ":fiducial"), iota(6));
    QString e = QString::fromStdString(error_of([&] { imnn::load_array(several); }));
    QVERIFY2(e.startsWith(QString::fromStdString(several) + ": the .npz archive holds 2 arrays "
                                                            "(fiducial, derivative); name one as"),
             qPrintable(e));
    e = QString::fromStdString(error_of([&] { imnn::inspect_array(several + ":validation"); }));
    QVERIFY2(e.contains("no array 'validation' in the .npz archive (it holds: fiducial, "
                        "derivative)"),
             qPrintable(e));

    // A malformed member is reported with the archive and member names.
    const std::string bad = at(deflate ? "bad_d.npz" : "bad_s.npz");
    QVERIFY(make_zip(bad, {{"x.npy", a.substr(0, a.size() - 8)}, {"y.npy", "junk"}}, deflate));
    e = QString::fromStdString(error_of([&] { imnn::load_array(bad + ":x"); }));
    QVERIFY2(e.contains(QString::fromStdString(bad) + ":x: truncated data"), qPrintable(e));
    e = QString::fromStdString(error_of([&] { imnn::load_array(bad + ":y"); }));
    QVERIFY2(e.contains(":y: not a .npy file: bad magic string"), qPrintable(e));

    const std::string empty = at(deflate ? "empty_d.npz" : "empty_s.npz");
    QVERIFY(
        make_zip(empty, {{"z.npy", npy(dict("<f8", "()"), raw(std::vector<double>{7}))}}, deflate));
    const imnn::ArrayD s = imnn::load_array(empty);
    QVERIFY(s.info.shape.empty());
    verify_values(s, {7});
  }

  void npz_corruption_is_detected() {
    // Corrupt one data byte of a stored member: the header still parses, so only the
    // CRC check catches it. The same in a deflated member breaks decompression or the CRC.
    std::vector<double> big(2000);
    for (std::size_t i = 0; i < big.size(); ++i)
      big[i] = std::sin(static_cast<double>(i));
    const std::string a = npy(dict("<f8", "(2000,)"), raw(big));
    for (bool deflate : {false, true}) {
      const std::string file = at(deflate ? "crc_d.npz" : "crc_s.npz");
      QVERIFY(make_zip(file, {{"x.npy", a}}, deflate));
      std::string bytes = read_bytes(file);
      const std::size_t start = bytes.find("x.npy") + 5; // local header name, then data
      const std::size_t pos = deflate ? start + 200 : bytes.find(kMagic) + 1000;
      bytes[pos] = static_cast<char>(bytes[pos] ^ 0x5a);
      write_bytes(file, bytes);
      const QString e = QString::fromStdString(error_of([&] { imnn::load_array(file); }));
      QVERIFY2(!e.isEmpty(), "corruption not detected");
      QVERIFY2(e.startsWith(QString::fromStdString(file)), qPrintable(e));
      if (!deflate) QVERIFY2(e.contains("CRC"), qPrintable(e));
    }
  }

  void hdf5_datasets() {
    const std::string h5 = at("sims.h5");
    imnn::ArrayD a = imnn::load_array(h5 + ":/fiducial");
    QCOMPARE(a.info.shape, (std::vector<Index>{10, 4}));
    QCOMPARE(a.info.dtype, imnn::DType::f64);
    QCOMPARE(a.info.source, h5 + ":/fiducial");
    verify_values(a, iota(40, -3));

    a = imnn::load_array(h5 + ":sims/derivative");
    QCOMPARE(a.info.shape, (std::vector<Index>{6, 2, 3}));
    QCOMPARE(a.info.dtype, imnn::DType::f32);
    std::vector<double> der(36);
    for (std::size_t i = 0; i < der.size(); ++i)
      der[i] = 0.25 * static_cast<double>(i);
    verify_values(a, der);

    a = imnn::load_array(h5 + ":/sims/ints");
    QCOMPARE(a.info.dtype, imnn::DType::i32);
    verify_values(a, {-2, -1, 0, 1, 2});

    a = imnn::load_array(h5 + ":/scalar");
    QVERIFY(a.info.shape.empty());
    verify_values(a, {2.5});

    QCOMPARE(imnn::inspect_array(h5 + ":/sims/derivative").shape_string(),
             std::string("(6, 2, 3)"));
    verify_values(imnn::load_array(at("one.h5")), {1, 2, 3});
    fs::copy_file(at("one.h5"), at("one.hdf5"), fs::copy_options::overwrite_existing);
    verify_values(imnn::load_array(at("one.hdf5") + ":only"), {1, 2, 3});
  }

  void hdf5_errors_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("parts");
    QTest::newRow("bare path, several datasets")
        << ""
        << QStringList{"2 datasets at the root; name one as", "fiducial (10, 4) float64",
                       "scalar () float64", "sims/ (group)"};
    QTest::newRow("missing at the root")
        << ":/nope"
        << QStringList{"no dataset '/nope' (the root group holds: fiducial (10, 4) float64"};
    QTest::newRow("missing in a group")
        << ":/sims/nope"
        << QStringList{"no dataset '/sims/nope' (group '/sims' holds:",
                       "derivative (6, 2, 3) float32", "ints (5,) int32"};
    QTest::newRow("missing group")
        << ":/other/fiducial" << QStringList{"no dataset '/other'", "the root group holds"};
    QTest::newRow("group, not dataset")
        << ":/sims" << QStringList{"'/sims' is a group, not a dataset", "derivative"};
    QTest::newRow("dataset used as group")
        << ":/fiducial/x" << QStringList{"'/fiducial' is not a group"};
    QTest::newRow("string dataset")
        << ":/sims/names"
        << QStringList{"dataset '/sims/names' has a string type; only integer and floating-point"};
  }

  void hdf5_errors() {
    QFETCH(QString, key);
    QFETCH(QStringList, parts);
    const std::string path = at("sims.h5") + key.toStdString();
    for (int how = 0; how < 2; ++how) {
      const QString e = QString::fromStdString(error_of([&] {
        if (how == 0)
          imnn::load_array(path);
        else
          imnn::ArrayStream s(path);
      }));
      QVERIFY2(e.startsWith(QString::fromStdString(at("sims.h5")) + ": "), qPrintable(e));
      for (const QString &p : parts)
        QVERIFY2(e.contains(p), qPrintable(e));
    }
  }

  void stream_matches_load_data() {
    QTest::addColumn<QString>("path");
    QTest::newRow("npy float64") << "f64.npy";
    QTest::newRow("npy float32 3-d") << "f32.npy";
    QTest::newRow("npy int32") << "i4.npy";
    QTest::newRow("npy big-endian") << "big.npy";
    QTest::newRow("npy fortran order") << "fortran.npy";
    QTest::newRow("npz deflated member") << "stream.npz:x";
    QTest::newRow("hdf5 2-d chunked") << "sims.h5:/fiducial";
    QTest::newRow("hdf5 3-d big-endian float") << "sims.h5:/sims/derivative";
    QTest::newRow("hdf5 1-d int") << "sims.h5:/sims/ints";
  }

  void stream_matches_load() {
    QFETCH(QString, path);
    const std::string p = at(path.toStdString());
    const imnn::ArrayD all = imnn::load_array(p);
    const imnn::ArrayStream s(p);
    QCOMPARE(s.info().shape, all.info.shape);
    QCOMPARE(s.info().dtype, all.info.dtype);
    const Index rows = all.info.shape[0];
    const Index rs = s.row_size();
    QCOMPARE(rows * rs, static_cast<Index>(all.data.size()));
    std::vector<std::pair<Index, Index>> blocks = {
        {0, rows}, {0, 1}, {rows - 1, 1}, {rows, 0}, {0, 0}};
    std::mt19937 rng(7);
    for (int i = 0; i < 40; ++i) {
      const Index b = std::uniform_int_distribution<Index>(0, rows)(rng);
      blocks.emplace_back(b, std::uniform_int_distribution<Index>(0, rows - b)(rng));
    }
    for (const auto &[b, c] : blocks) {
      std::vector<double> d(static_cast<std::size_t>(c * rs) + 1, -99);
      std::vector<float> f(static_cast<std::size_t>(c * rs) + 1, -99);
      s.read_rows(b, c, d.data());
      s.read_rows(b, c, f.data());
      for (Index k = 0; k < c * rs; ++k) {
        const double want = all.data[static_cast<std::size_t>(b * rs + k)];
        QCOMPARE(d[static_cast<std::size_t>(k)], want);
        QCOMPARE(f[static_cast<std::size_t>(k)], static_cast<float>(want));
      }
      QCOMPARE(d.back(), -99.0); // nothing written past the block
      QCOMPARE(f.back(), -99.0f);
    }
  }

  void stream_refuses_out_of_range_rows() {
    for (const std::string &p : {at("f64.npy"), at("sims.h5:/fiducial"), at("stream.npz")}) {
      const imnn::ArrayStream s(p);
      const Index rows = s.info().shape[0];
      std::vector<double> out(static_cast<std::size_t>((rows + 2) * s.row_size()));
      for (const auto &[b, c] : std::vector<std::pair<Index, Index>>{
               {-1, 1}, {0, -1}, {rows, 1}, {rows - 1, 2}, {rows + 1, 0}, {2, rows}}) {
        const QString e = QString::fromStdString(error_of([&] { s.read_rows(b, c, out.data()); }));
        const QString want = QString("%1: cannot read %2 rows starting at row %3: out of range, "
                                     "the array has %4 rows (shape %5)")
                                 .arg(QString::fromStdString(p))
                                 .arg(c)
                                 .arg(b)
                                 .arg(rows)
                                 .arg(QString::fromStdString(s.info().shape_string()));
        QCOMPARE(e, want);
      }
      const QString e = QString::fromStdString(
          error_of([&] { s.read_rows(0, 1, static_cast<float *>(nullptr)); }));
      QVERIFY2(e.contains("no output buffer"), qPrintable(e));
    }
    const QString e =
        QString::fromStdString(error_of([&] { imnn::ArrayStream s(at("sims.h5:/scalar")); }));
    QVERIFY2(e.contains("a 0-d (scalar) array has no rows to stream"), qPrintable(e));
  }

  void stream_move_and_threads() {
    imnn::ArrayStream a(at("sims.h5:/fiducial"));
    imnn::ArrayStream moved = std::move(a);
    imnn::ArrayStream npy_stream(at("f64.npy"));
    npy_stream = std::move(moved); // the moved-to stream now reads the HDF5 dataset
    QCOMPARE(npy_stream.info().shape_string(), std::string("(10, 4)"));
    QVERIFY(!error_of([&] { (void)a.info(); }).empty());

    const imnn::ArrayD h5_all = imnn::load_array(at("sims.h5:/fiducial"));
    const imnn::ArrayD npy_all = imnn::load_array(at("f64.npy"));
    const imnn::ArrayStream npy_s(at("f64.npy"));
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&, t] {
        std::mt19937 rng(static_cast<unsigned>(t));
        for (int i = 0; i < 200; ++i) {
          const bool use_h5 = (i + t) % 2 == 0;
          const imnn::ArrayStream &s = use_h5 ? npy_stream : npy_s;
          const imnn::ArrayD &all = use_h5 ? h5_all : npy_all;
          const Index rows = s.info().shape[0], rs = s.row_size();
          const Index b = std::uniform_int_distribution<Index>(0, rows - 1)(rng);
          const Index c = std::uniform_int_distribution<Index>(1, rows - b)(rng);
          std::vector<double> out(static_cast<std::size_t>(c * rs));
          s.read_rows(b, c, out.data());
          for (Index k = 0; k < c * rs; ++k)
            if (out[static_cast<std::size_t>(k)] != all.data[static_cast<std::size_t>(b * rs + k)])
              ++mismatches;
        }
      });
    for (auto &t : threads)
      t.join();
    QCOMPARE(mismatches.load(), 0);
  }

  void check_shape_messages() {
    imnn::ArrayInfo info;
    info.shape = {1000, 2, 10};
    info.source = "data.npy";
    QCOMPARE(
        QString::fromStdString(error_of([&] {
          imnn::check_shape(info, {1000, 2, 2, 10}, {"n_d", "below/above", "n_params", "input"});
        })),
        QString("data.npy: expected shape (n_d=1000, below/above=2, n_params=2, input=10) "
                "but found (1000, 2, 10)"));
    QCOMPARE(QString::fromStdString(error_of([&] {
               imnn::check_shape(info, {-1, 3, 10}, {"n_s", "k", "input"});
             })),
             QString("data.npy: expected shape (n_s=any, k=3, input=10) but found (1000, 2, 10)"));
    QCOMPARE(QString::fromStdString(error_of([&] { imnn::check_shape(info, {1000}, {}); })),
             QString("data.npy: expected shape (1000,) but found (1000, 2, 10)"));
    QCOMPARE(QString::fromStdString(error_of([&] { imnn::check_shape(info, {}, {}); })),
             QString("data.npy: expected shape () but found (1000, 2, 10)"));
    QCOMPARE(error_of([&] {
               imnn::check_shape(info, {1000, 2, 10}, {"a", "b", "c"});
             }),
             std::string());
    QCOMPARE(error_of([&] {
               imnn::check_shape(info, {-1, -1, 10}, {"a", "b", "c"});
             }),
             std::string());
    QCOMPARE(error_of([&] { imnn::check_shape(info, {-1, 2, -1}, {}); }), std::string());
    info.shape = {};
    QCOMPARE(error_of([&] { imnn::check_shape(info, {}, {}); }), std::string());
  }

  void save_errors() {
    const std::vector<double> v = iota(4);
    QString e = QString::fromStdString(
        error_of([&] { imnn::save_npy(root() / "no_dir" / "x.npy", {4}, v.data()); }));
    QVERIFY2(e.startsWith(QString::fromStdString((root() / "no_dir" / "x.npy").string())),
             qPrintable(e));
    QVERIFY2(e.contains("No such file or directory"), qPrintable(e));
    e = QString::fromStdString(error_of([&] { imnn::save_npy(at("neg.npy"), {-1, 4}, v.data()); }));
    QVERIFY2(e.contains("negative extent in shape (-1, 4)"), qPrintable(e));
    e = QString::fromStdString(error_of([&] {
      imnn::save_npy(at("huge.npy"), {Index{1} << 40, Index{1} << 40}, v.data());
    }));
    QVERIFY2(e.contains("overflows 64 bits"), qPrintable(e));
    e = QString::fromStdString(error_of(
        [&] { imnn::save_npy(at("null.npy"), {4}, static_cast<const float *>(nullptr)); }));
    QVERIFY2(e.contains("no data"), qPrintable(e));

    // Disk full: the temporary file is a link to /dev/full. The old file stays intact and
    // the temporary is removed.
    if (fs::exists("/dev/full")) {
      const std::string f = at("keep.npy");
      imnn::save_npy(f, {4}, v.data());
      fs::create_symlink("/dev/full", f + ".tmp");
      const std::vector<double> other(1000, 1.0);
      e = QString::fromStdString(error_of([&] { imnn::save_npy(f, {1000}, other.data()); }));
      QVERIFY2(e.startsWith(QString::fromStdString(f) + ": cannot save"), qPrintable(e));
      QVERIFY2(e.contains("No space left on device"), qPrintable(e));
      QVERIFY(!fs::exists(fs::symlink_status(f + ".tmp")));
      verify_values(imnn::load_array(f), v);
    }
  }

  void fuzz_never_crashes() {
    std::vector<double> values(20);
    for (std::size_t i = 0; i < values.size(); ++i)
      values[i] = 1.0 / (1.0 + static_cast<double>(i));
    const std::string base = npy(dict("<f8", "(4, 5)"), raw(values));
    const std::size_t header_end = base.size() - 160;
    const std::string alphabet = "0123456789(),-+' \"{}:[]TrueFalseNonedescrshape<>=|fiub?L\n\t";
    std::mt19937 rng(20240607);
    auto pick = [&](std::size_t n) {
      return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
    };
    const std::string file = at("fuzz.npy");
    int loaded = 0, refused = 0;
    for (int iter = 0; iter < 2000; ++iter) {
      std::string b = base;
      const int mutations = 1 + static_cast<int>(pick(3));
      for (int m = 0; m < mutations && !b.empty(); ++m) {
        switch (pick(6)) {
        case 0: { // flip bits in the preamble or header
          const std::size_t pos = pick(std::min(b.size(), header_end));
          b[pos] = static_cast<char>(b[pos] ^ (1 << pick(8)));
          break;
        }
        case 1: { // flip a bit anywhere
          const std::size_t pos = pick(b.size());
          b[pos] = static_cast<char>(b[pos] ^ (1 << pick(8)));
          break;
        }
        case 2: // truncate
          b.resize(pick(b.size() + 1));
          break;
        case 3: { // a meaningful character in the header text
          if (b.size() <= 10) break;
          const std::size_t pos = 10 + pick(std::min(b.size(), header_end) - 10);
          b[pos] = alphabet[pick(alphabet.size())];
          break;
        }
        case 4: { // a random byte in the header text
          if (b.size() <= 10) break;
          const std::size_t pos = 10 + pick(std::min(b.size(), header_end) - 10);
          b[pos] = static_cast<char>(pick(256));
          break;
        }
        default: // a random header length
          if (b.size() >= 10) {
            b[8] = static_cast<char>(pick(256));
            b[9] = static_cast<char>(pick(256));
          }
          break;
        }
      }
      write_bytes(file, b);
      try {
        const imnn::ArrayD a = imnn::load_array(file);
        QCOMPARE(static_cast<Index>(a.data.size()), a.info.size());
        if (!a.info.shape.empty() && iter % 4 == 0) {
          const imnn::ArrayStream s(file);
          std::vector<float> out(a.data.size());
          s.read_rows(0, a.info.shape[0], out.data());
        }
        ++loaded;
      } catch (const imnn::Error &e) {
        ++refused;
        QVERIFY2(QString(e.what()).startsWith(QString::fromStdString(file)), e.what());
      }
    }
    qInfo("fuzz: %d loaded, %d refused", loaded, refused);
    QVERIFY(loaded > 0);
    QVERIFY(refused > 0);
  }
};

QTEST_APPLESS_MAIN(TestArrays)
#include "test_arrays.moc"
