// Lists the run directories under a folder (runs of the GUI and of the CLI alike:
// any folder holding config.json or history.csv), and reopens one: its history
// (history.csv) in a history plot and its result.json. A run still being written
// (no result.json yet, by this app or another process) is followed live by polling
// its history.csv, as TensorBoard does.
#pragma once

#include <QFileSystemWatcher>
#include <QTimer>
#include <QWidget>
#include <memory>
#include <nlohmann/json.hpp>

class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace imnn::gui {

class HistoryPlot;
class HistoryReader;

class RunBrowser : public QWidget {
  Q_OBJECT
public:
  explicit RunBrowser(QWidget *parent = nullptr);
  ~RunBrowser() override;

  void setFolder(const QString &folder);
  QString folder() const { return folder_; }
  QStringList runs() const; // run directory names listed, newest first
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
  QListWidget *list_;
  QLabel *folderLabel_, *status_;
  HistoryPlot *plot_;
  QPlainTextEdit *resultText_;
  std::unique_ptr<HistoryReader> reader_;
  nlohmann::json result_;
  QFileSystemWatcher watcher_;
  QTimer follow_;
};

} // namespace imnn::gui
