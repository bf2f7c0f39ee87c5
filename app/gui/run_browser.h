// Lists the run directories under a folder (runs of the GUI and of the CLI alike:
// any folder holding config.json or history.csv) as a sortable table (name, start
// time, mode, status, val det F, iterations, stop reason), and reopens one: its
// history (history.csv) in a history plot, the kept weights' iteration marked, and its
// result.json formatted (det F, val det F, F and F⁻¹ as matrices, seconds; the raw
// JSON one toggle away). A run still being written (no result.json yet, by this app
// or another process) is followed live by polling its history.csv, as TensorBoard
// does. Several runs can be overlaid on the open run's det F, each in its own colour.
#pragma once

#include <QFileSystemWatcher>
#include <QTimer>
#include <QWidget>
#include <memory>
#include <nlohmann/json.hpp>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTableWidget;
class QTextBrowser;

namespace imnn::gui {

class HistoryPlot;
class HistoryReader;

class RunBrowser : public QWidget {
  Q_OBJECT
public:
  enum Column { kName, kStarted, kMode, kStatus, kValDetF, kIterations, kStopReason, kColumns };

  explicit RunBrowser(QWidget *parent = nullptr);
  ~RunBrowser() override;

  void setFolder(const QString &folder);
  QString folder() const { return folder_; }
  QStringList runs() const; // run directory names, in the table's (sorted) order
  // Shows a run; returns false (with the reason shown) when it has no history.csv.
  bool openRun(const QString &runDir);
  QString currentRun() const { return current_; }
  bool isFollowing() const { return follow_.isActive(); }
  HistoryPlot *historyPlot() const { return plot_; }
  // Overlays the det F of these runs on the open run's plot, for comparison.
  void overlayRuns(const QStringList &runDirs);
  // result.json of the open run (null while it is being written).
  const nlohmann::json &result() const { return result_; }
  // The line under the plot: progress while following, then the result and the work split.
  QLabel *statusLabel() const { return status_; }
  QTableWidget *table() const { return table_; }
  // The table's text in a run's row and column (empty when the run is not listed).
  QString cell(const QString &runName, Column column) const;
  // The open run's result, formatted; the raw result.json behind the toggle.
  QTextBrowser *resultView() const { return resultView_; }
  QPlainTextEdit *rawJsonView() const { return resultText_; }
  QCheckBox *rawJsonToggle() const { return rawToggle_; }
  // "running", "finished", "cancelled", "failed" or "interrupted" (no result.json
  // and no row written for a minute), translated.
  static QString statusText(const QString &runDir);
  static constexpr int kFollowIntervalMs = 500;

signals:
  void runOpened(const QString &runDir);
  void chooseFolderRequested();

public slots:
  void refresh();

private:
  void poll();
  void showResult();

  QString folder_, current_;
  QTableWidget *table_;
  QLabel *folderLabel_, *status_;
  HistoryPlot *plot_;
  QStackedWidget *resultStack_;
  QTextBrowser *resultView_;
  QPlainTextEdit *resultText_;
  QCheckBox *rawToggle_;
  std::unique_ptr<HistoryReader> reader_;
  nlohmann::json result_;
  QFileSystemWatcher watcher_;
  QTimer follow_;
};

} // namespace imnn::gui
