#include "run_browser.h"

#include "app_paths.h"
#include "history_csv.h"
#include "history_plot.h"
#include "work_split.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace imnn::gui {

RunBrowser::RunBrowser(QWidget *parent)
    : QWidget(parent), list_(new QListWidget), folderLabel_(new QLabel), status_(new QLabel),
      plot_(new HistoryPlot), resultText_(new QPlainTextEdit) {
  auto *choose = new QPushButton(tr("Folder…"));
  choose->setToolTip(tr("Choose the folder whose run directories are listed (runs/ of the CLI)"));
  auto *reload = new QPushButton(tr("Refresh"));
  auto *compare = new QPushButton(tr("Overlay selected"));
  compare->setToolTip(tr("Select several runs (Ctrl+click) to overlay their det F on the open "
                         "run's plot"));
  list_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  connect(compare, &QPushButton::clicked, this, [this] {
    QStringList dirs;
    for (QListWidgetItem *item : list_->selectedItems())
      dirs << QDir(folder_).filePath(item->text());
    overlayRuns(dirs);
  });
  connect(choose, &QPushButton::clicked, this, &RunBrowser::chooseFolderRequested);
  connect(reload, &QPushButton::clicked, this, &RunBrowser::refresh);
  folderLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  folderLabel_->setWordWrap(true);

  auto *left = new QWidget;
  auto *lv = new QVBoxLayout(left);
  lv->setContentsMargins(0, 0, 0, 0);
  auto *buttons = new QHBoxLayout;
  buttons->addWidget(choose);
  buttons->addWidget(reload);
  lv->addLayout(buttons);
  lv->addWidget(compare);
  lv->addWidget(folderLabel_);
  lv->addWidget(list_, 1);

  resultText_->setReadOnly(true);
  resultText_->setMaximumHeight(160);
  auto *right = new QWidget;
  auto *rv = new QVBoxLayout(right);
  rv->setContentsMargins(0, 0, 0, 0);
  rv->addWidget(status_);
  rv->addWidget(plot_, 1);
  rv->addWidget(resultText_);

  auto *split = new QSplitter;
  split->addWidget(left);
  split->addWidget(right);
  split->setStretchFactor(1, 3);
  auto *layout = new QVBoxLayout(this);
  layout->addWidget(split);

  connect(list_, &QListWidget::currentTextChanged, this, [this](const QString &name) {
    if (!name.isEmpty() && QDir(folder_).filePath(name) != current_)
      openRun(QDir(folder_).filePath(name));
  });
  connect(&watcher_, &QFileSystemWatcher::directoryChanged, this, &RunBrowser::refresh);
  follow_.setInterval(kFollowIntervalMs);
  connect(&follow_, &QTimer::timeout, this, &RunBrowser::poll);
}

RunBrowser::~RunBrowser() = default;

void RunBrowser::setFolder(const QString &folder) {
  if (!watcher_.directories().isEmpty()) watcher_.removePaths(watcher_.directories());
  folder_ = QDir::cleanPath(QDir(folder).absolutePath());
  if (QFileInfo(folder_).isDir()) watcher_.addPath(folder_);
  refresh();
}

QStringList RunBrowser::runs() const {
  QStringList out;
  for (int i = 0; i < list_->count(); ++i)
    out << list_->item(i)->text();
  return out;
}

void RunBrowser::refresh() {
  const QString keep = list_->currentItem() ? list_->currentItem()->text() : QString();
  QDir dir(folder_);
  // A runs folder made by the first fit after it was chosen is watched from then on.
  if (dir.exists() && !watcher_.directories().contains(folder_)) watcher_.addPath(folder_);
  folderLabel_->setText(dir.exists() ? folder_
                                     : tr("%1 does not exist yet: runs appear here after the "
                                          "first fit")
                                           .arg(folder_));
  const QFileInfoList entries = dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time);
  const QSignalBlocker block(list_);
  list_->clear();
  for (const QFileInfo &e : entries) {
    const QDir run(e.absoluteFilePath());
    if (!run.exists("history.csv") && !run.exists("config.json")) continue;
    auto *item = new QListWidgetItem(e.fileName(), list_);
    const bool done = run.exists("result.json");
    item->setToolTip(done ? tr("finished: %1").arg(e.absoluteFilePath())
                          : tr("being written or interrupted: %1").arg(e.absoluteFilePath()));
    if (!done) item->setForeground(QColor(30, 110, 200));
    if (e.fileName() == keep) list_->setCurrentItem(item);
  }
}

bool RunBrowser::openRun(const QString &runDir) {
  follow_.stop();
  current_ = QDir::cleanPath(QDir(runDir).absolutePath());
  result_ = nlohmann::json();
  plot_->clear();
  resultText_->clear();
  const QString history = QDir(current_).filePath("history.csv");
  if (!QFileInfo::exists(history)) {
    status_->setText(tr("%1 has no history.csv: not a run directory of IMNN Studio (imnn fit "
                        "writes one)")
                         .arg(current_));
    return false;
  }
  reader_ = std::make_unique<HistoryReader>(history);
  poll();
  if (!result_.is_object()) follow_.start();
  emit runOpened(current_);
  return true;
}

void RunBrowser::overlayRuns(const QStringList &runDirs) {
  for (const QString &dir : runDirs) {
    const QString clean = QDir::cleanPath(QDir(dir).absolutePath());
    if (clean == current_) continue;
    HistoryReader reader(QDir(clean).filePath("history.csv"));
    std::vector<IterationRecord> records;
    if (!reader.readMore(records)) {
      status_->setText(reader.error());
      continue;
    }
    plot_->addOverlay(QFileInfo(clean).fileName(), records);
  }
}

void RunBrowser::poll() {
  std::vector<IterationRecord> records;
  if (!reader_->readMore(records)) {
    follow_.stop();
    status_->setText(reader_->error());
    return;
  }
  plot_->append(records);
  const QString resultFile = QDir(current_).filePath("result.json");
  if (QFileInfo::exists(resultFile)) {
    // Rows written just before result.json may have arrived since the read above.
    records.clear();
    reader_->readMore(records);
    plot_->append(records);
    follow_.stop();
    showResult();
  } else {
    status_->setText(tr("%1: %2 iterations so far, following the run as it is written")
                         .arg(QFileInfo(current_).fileName())
                         .arg(reader_->rowsRead()));
  }
  if (!records.empty() || !follow_.isActive()) plot_->replotNow();
}

void RunBrowser::showResult() {
  QFile f(QDir(current_).filePath("result.json"));
  if (!f.open(QIODevice::ReadOnly)) return;
  const QByteArray bytes = f.readAll();
  result_ = readJsonText(bytes);
  resultText_->setPlainText(QString::fromUtf8(bytes));
  QString summary;
  if (result_.is_object() && result_.contains("error"))
    summary = tr("stopped with an error: %1").arg(QString::fromStdString(result_["error"].dump()));
  else if (result_.is_object() && result_.value("val_detF", nlohmann::json()).is_number())
    summary =
        tr("det F = %L1 (validation), %2")
            .arg(result_["val_detF"].get<double>(), 0, 'f', 4)
            .arg(stopReasonText(QString::fromStdString(result_.value("stop_reason", std::string())),
                                result_.value("iterations", 0LL)));
  QString text = tr("%1: %2 iterations, %3")
                     .arg(QFileInfo(current_).fileName())
                     .arg(reader_->rowsRead())
                     .arg(summary);
  const QString split = workSplitText(
      result_.is_object() ? result_.value("aggregation", nlohmann::json()) : nlohmann::json());
  if (!split.isEmpty()) text += QLatin1Char('\n') + split;
  status_->setText(text);
}

} // namespace imnn::gui
