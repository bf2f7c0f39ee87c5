// Array I/O, the .npy format: round trips, header variants, every dtype, every
// malformed case, paths, shape checks, atomic saves and a fuzz loop over corrupted
// .npy files. Fixtures are made byte by byte (array_fixtures.h).
#include "array_fixtures.h"

#include <atomic>
#include <cmath>
#include <random>
#include <thread>

using namespace array_test;

class TestArrays : public ArrayTest {
  Q_OBJECT

private slots:
  void initTestCase() { write_fixtures(); }

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
