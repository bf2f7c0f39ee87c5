// Array I/O, the containers and streams: .npz archives (stored and deflated, corrupt
// members), HDF5 datasets and their errors, and row streams (matching whole loads,
// refusing out-of-range rows, moves and concurrent readers).
#include "array_fixtures.h"

#include <atomic>
#include <cmath>
#include <fstream>
#include <iterator>
#include <random>
#include <sys/stat.h>
#include <thread>

using namespace array_test;

class TestArrayContainers : public ArrayTest {
  Q_OBJECT

private slots:
  void initTestCase() { write_fixtures(); }

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

  // A member whose recorded size is a lie (4 GB in a file of a few hundred bytes) is
  // refused from its sizes, before any allocation; a FIFO is refused, not waited on.
  void npz_member_sizes_are_checked_before_reading() {
    const std::string a = npy(dict("<f8", "(6,)"), raw(iota(6)));
    for (bool deflate : {false, true}) {
      const std::string file = at(deflate ? "liar_d.npz" : "liar_s.npz");
      QVERIFY(make_zip(file, {{"x.npy", a}}, deflate));
      std::string bytes;
      {
        std::ifstream in(file, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      }
      // The uncompressed size in the local header (offset 22) and the central directory
      // entry (offset 24): 0xF0000000 bytes.
      const std::string size = std::string("\x00\x00\x00\xf0", 4);
      const auto local = bytes.find("PK\x03\x04");
      const auto central = bytes.find("PK\x01\x02");
      QVERIFY(local != std::string::npos && central != std::string::npos);
      bytes.replace(local + 22, 4, size);
      bytes.replace(central + 24, 4, size);
      { std::ofstream(file, std::ios::binary) << bytes; }
      const QString e = QString::fromStdString(error_of([&] { imnn::load_array(file); }));
      QVERIFY2(e.contains(QString::fromStdString(file) + ":x: the archive member claims " +
                          "4026531840 bytes but holds only"),
               qPrintable(e));
    }
    const std::string fifo = at("fifo.npy");
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
    const QString e = QString::fromStdString(error_of([&] { imnn::load_array(fifo); }));
    QVERIFY2(e.contains("fifo.npy: is not a regular file"), qPrintable(e));
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

  // A central directory entry pointing past the end of the file: libzip says "Invalid
  // argument", which read as if the call were wrong; the message says the archive is
  // damaged, names the member and the fix.
  void npz_damaged_directory_is_explained() {
    const std::string file = at("bad_offset.npz");
    QVERIFY(make_zip(file, {{"x.npy", npy(dict("<f8", "(3,)"), raw(iota(3)))}}, false));
    std::string bytes = read_bytes(file);
    const std::size_t central = bytes.find("PK\x01\x02");
    QVERIFY(central != std::string::npos);
    bytes.replace(central + 42, 4, std::string("\xff\xff\xff\x00", 4)); // local header offset
    write_bytes(file, bytes);
    const QString e = QString::fromStdString(error_of([&] { imnn::load_array(file + ":x"); }));
    QVERIFY2(e.startsWith(QString::fromStdString(file) + ":x: cannot read the archive member: " +
                          "the archive is damaged (libzip: "),
             qPrintable(e));
    QVERIFY2(e.contains("write it again"), qPrintable(e));
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
};

QTEST_APPLESS_MAIN(TestArrayContainers)
#include "test_array_containers.moc"
