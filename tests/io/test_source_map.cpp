// README.md's source map (<!-- source-map --> block under Layout) is true: every public
// header of core/include/imnn/ has one row, every source of core/src/<module>/ is named
// by a row, and every file a row names exists. A new header or source fails here until
// the table says where it belongs.
#include <QtTest>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

class TestSourceMap : public QObject {
  Q_OBJECT

  // header -> sources named in its row ("header only": none).
  static std::map<std::string, std::vector<std::string>> readTable(QString *problem) {
    std::ifstream in(std::string(IMNN_SOURCE_DIR) + "/README.md");
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    const auto begin = s.find("<!-- source-map -->"), end = s.find("<!-- /source-map -->");
    std::map<std::string, std::vector<std::string>> rows;
    if (begin == std::string::npos || end == std::string::npos || end < begin) {
      *problem = "README.md has no <!-- source-map --> ... <!-- /source-map --> block";
      return rows;
    }
    std::istringstream block(s.substr(begin, end - begin));
    const std::regex row(R"(^\| `([a-z_0-9]+\.h)` \| [^|]+ \| ([^|]+) \| [^|]+ \|$)");
    const std::regex source("`([a-z_0-9]+/[a-z_0-9]+\\.cpp)`");
    std::string line;
    while (std::getline(block, line)) {
      std::smatch m;
      if (!std::regex_match(line, m, row)) continue;
      if (rows.count(m[1])) *problem = QString("header %1 has two rows").arg(m[1].str().c_str());
      auto &sources = rows[m[1]];
      const std::string cell = m[2];
      for (std::sregex_iterator it(cell.begin(), cell.end(), source), e; it != e; ++it)
        sources.push_back((*it)[1]);
      if (sources.empty() && cell.find("header only") == std::string::npos)
        *problem =
            QString("row of %1 names no source and is not \"header only\"").arg(m[1].str().c_str());
    }
    return rows;
  }

private slots:
  void every_header_and_source_is_mapped() {
    QString problem;
    const auto rows = readTable(&problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const fs::path root(IMNN_SOURCE_DIR);
    std::set<std::string> headers, named;
    for (const auto &e : fs::directory_iterator(root / "core/include/imnn"))
      if (e.path().extension() == ".h") headers.insert(e.path().filename().string());
    QVERIFY(headers.size() > 20);
    for (const auto &h : headers)
      QVERIFY2(rows.count(h), qPrintable(QString("core/include/imnn/%1 has no row in README.md's "
                                                 "source map (Layout)")
                                             .arg(h.c_str())));
    for (const auto &[h, sources] : rows) {
      QVERIFY2(
          headers.count(h),
          qPrintable(
              QString("README.md maps %1, which is not in core/include/imnn/").arg(h.c_str())));
      for (const auto &src : sources) {
        QVERIFY2(fs::is_regular_file(root / "core/src" / src),
                 qPrintable(QString("README.md maps %1 to core/src/%2, which does not exist")
                                .arg(h.c_str(), src.c_str())));
        named.insert(src);
      }
    }
    for (const auto &e : fs::recursive_directory_iterator(root / "core/src"))
      if (e.path().extension() == ".cpp") {
        const std::string rel = fs::relative(e.path(), root / "core/src").generic_string();
        QVERIFY2(named.count(rel), qPrintable(QString("core/src/%1 is in no row of README.md's "
                                                      "source map: add it to its header's row")
                                                  .arg(rel.c_str())));
      }
  }
};

QTEST_GUILESS_MAIN(TestSourceMap)
#include "test_source_map.moc"
