// No built binary, library or plugin searches the working directory for libraries: every
// RUNPATH/RPATH entry of every ELF file in the build tree's bin/, lib/, plugins/ and
// test_plugins/ is $ORIGIN-relative or absolute, never empty (an empty entry, as in
// "$ORIGIN/../lib:", means the current directory: a fake libzip.so.4 in the folder you
// ran from was loaded by `imnn --version`). The install tree uses the same RUNPATH
// (CMAKE_BUILD_WITH_INSTALL_RPATH), so checking the build tree checks both.
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

class TestRunpath : public QObject {
  Q_OBJECT

  static bool isElf(const QString &file) {
    QFile f(file);
    return f.open(QIODevice::ReadOnly) && f.read(4) == QByteArray("\x7f"
                                                                  "ELF");
  }

private slots:
  void no_empty_or_relative_runpath_entries() {
    const QString build = QStringLiteral(IMNN_BINARY_DIR);
    QStringList files;
    for (const char *dir : {"bin", "lib", "plugins", "test_plugins"}) {
      QDirIterator it(build + "/" + dir, QDir::Files | QDir::NoSymLinks,
                      QDirIterator::Subdirectories);
      while (it.hasNext()) {
        const QString f = it.next();
        if (isElf(f)) files << f;
      }
    }
    QVERIFY2(files.size() >= 4, qPrintable(files.join(", "))); // imnn, core, 2 plugins
    QVERIFY(files.contains(build + "/bin/imnn"));
    int withRunpath = 0;
    for (const QString &f : files) {
      QProcess readelf;
      readelf.start(QStringLiteral("readelf"), {QStringLiteral("-d"), f});
      QVERIFY2(readelf.waitForFinished(30000) && readelf.exitCode() == 0,
               qPrintable("readelf -d " + f + ": " + readelf.readAllStandardError()));
      const QString out = QString::fromUtf8(readelf.readAllStandardOutput());
      static const QRegularExpression path(QStringLiteral("\\((?:RUNPATH|RPATH)\\).*\\[(.*)\\]"));
      auto m = path.globalMatch(out);
      while (m.hasNext()) {
        const QString value = m.next().captured(1);
        ++withRunpath;
        for (const QString &entry : value.split(':')) {
          QVERIFY2(!entry.isEmpty(),
                   qPrintable(f + ": an empty entry (the working directory) in " + value));
          QVERIFY2(entry.startsWith(QLatin1String("$ORIGIN")) || entry.startsWith('/'),
                   qPrintable(f + ": a relative entry '" + entry + "' in " + value));
        }
      }
    }
    QVERIFY2(withRunpath > 0, "no file has a RUNPATH: the check would not test anything");
  }
};

QTEST_GUILESS_MAIN(TestRunpath)
#include "test_runpath.moc"
