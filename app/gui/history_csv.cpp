#include "history_csv.h"

#include "imnn/run_directory.h"

#include <QFile>
#include <QStringList>
#include <limits>

namespace imnn::gui {

namespace {

double field(const QStringList &f, int i) {
  bool ok = false;
  const double v = f.value(i).toDouble(&ok);
  return ok ? v : std::numeric_limits<double>::quiet_NaN();
}

} // namespace

bool HistoryReader::readMore(std::vector<IterationRecord> &out) {
  QFile file(file_);
  if (!file.open(QIODevice::ReadOnly)) {
    error_ = QStringLiteral("cannot read %1: %2").arg(file_, file.errorString());
    return false;
  }
  if (!file.seek(offset_)) return true;
  const QByteArray chunk = file.readAll();
  const qsizetype last_newline = chunk.lastIndexOf('\n');
  if (last_newline < 0) return true;
  offset_ += last_newline + 1;
  const QList<QByteArray> lines = chunk.left(last_newline).split('\n');
  for (const QByteArray &raw : lines) {
    const QString line = QString::fromUtf8(raw).trimmed();
    if (line.isEmpty()) continue;
    if (!header_checked_) {
      header_checked_ = true;
      if (line != QString::fromLatin1(RunDirectory::history_header())) {
        error_ = QStringLiteral("%1 is not a history.csv of IMNN Studio: its header is \"%2\"")
                     .arg(file_, line.left(80));
        return false;
      }
      continue;
    }
    const QStringList f = line.split(',');
    IterationRecord r;
    r.iteration = f.value(0).toInt();
    r.train = {field(f, 1), field(f, 2), field(f, 3), field(f, 4), field(f, 5)};
    r.loss = field(f, 6);
    r.val = {field(f, 7), field(f, 8), field(f, 9), field(f, 10), field(f, 11)};
    r.seconds = field(f, 12);
    r.iteration_in_call = rows_;
    out.push_back(r);
    ++rows_;
  }
  return true;
}

} // namespace imnn::gui
