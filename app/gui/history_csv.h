// Reading a run's history.csv (RunDirectory's format) back into IterationRecords,
// incrementally, for the run browser (which follows runs still being written).
#pragma once

#include "imnn/fit.h"

#include <QString>
#include <vector>

namespace imnn::gui {

class HistoryReader {
public:
  explicit HistoryReader(QString file) : file_(std::move(file)) {}
  // Reads the complete rows appended since the last call (a half-written last line is
  // left for the next call). Returns false with error() set when the header is not
  // RunDirectory::history_header()'s or the file cannot be read.
  bool readMore(std::vector<IterationRecord> &out);
  const QString &error() const { return error_; }
  int rowsRead() const { return rows_; }

private:
  QString file_;
  QString error_;
  qint64 offset_ = 0;
  bool header_checked_ = false;
  int rows_ = 0;
};

} // namespace imnn::gui
