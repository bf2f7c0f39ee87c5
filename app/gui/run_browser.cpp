#include "run_browser.h"

#include "app_paths.h"
#include "history_csv.h"
#include "history_plot.h"
#include "number_format.h"
#include "work_split.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <cmath>
#include <limits>
#include <qcustomplot.h>

namespace imnn::gui {

namespace {

constexpr int kSortRole = Qt::UserRole;     // number the column sorts by (none: its text)
constexpr int kNameRole = Qt::UserRole + 1; // the run directory's name (column 0)

// Sorts by kSortRole when both items have one (NaN: lowest), else by text.
class SortItem : public QTableWidgetItem {
public:
  using QTableWidgetItem::QTableWidgetItem;
  bool operator<(const QTableWidgetItem &other) const override {
    const QVariant a = data(kSortRole), b = other.data(kSortRole);
    if (a.isValid() && b.isValid()) {
      const double x = a.toDouble(), y = b.toDouble();
      if (std::isnan(x) || std::isnan(y)) return std::isnan(x) && !std::isnan(y);
      return x < y;
    }
    return QTableWidgetItem::operator<(other);
  }
};

nlohmann::json readJson(const QString &file) {
  QFile f(file);
  if (!f.open(QIODevice::ReadOnly)) return {};
  const nlohmann::json j = readJsonText(f.readAll());
  return j.is_discarded() ? nlohmann::json() : j;
}

double numberOr(const nlohmann::json &j, const char *key, double fallback) {
  if (!j.is_object()) return fallback;
  const auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : fallback;
}

QString stringOf(const nlohmann::json &j, const char *key) {
  if (!j.is_object()) return {};
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                          : QString();
}

int countRows(const QString &historyFile) {
  QFile f(historyFile);
  if (!f.open(QIODevice::ReadOnly)) return 0;
  int lines = 0;
  while (!f.atEnd()) {
    const QByteArray chunk = f.read(1 << 16);
    lines += static_cast<int>(chunk.count('\n'));
  }
  return std::max(0, lines - 1); // the header
}

QString matrixHtml(const nlohmann::json &m) {
  if (!m.is_array() || m.empty()) return {};
  QString html = QStringLiteral("<table cellspacing='0' cellpadding='3' "
                                "style='border-left: 1px solid #888; border-right: 1px solid "
                                "#888;'>");
  for (const auto &row : m) {
    html += QStringLiteral("<tr>");
    if (row.is_array())
      for (const auto &v : row)
        html += QStringLiteral("<td align='right'>%1</td>")
                    .arg(v.is_number() ? numbers::format(v.get<double>(), 5) : QStringLiteral("?"));
    html += QStringLiteral("</tr>");
  }
  return html + QStringLiteral("</table>");
}

} // namespace

QString RunBrowser::statusText(const QString &runDir) {
  const QDir run(runDir);
  if (run.exists(QStringLiteral("result.json"))) {
    const nlohmann::json r = readJson(run.filePath(QStringLiteral("result.json")));
    if (r.is_object() && r.contains("error")) return tr("failed");
    if (stringOf(r, "stop_reason") == QLatin1String("cancelled")) return tr("cancelled");
    return tr("finished");
  }
  // No result yet: written to within the last minute, or left behind by a process
  // that ended without one.
  const QFileInfo history(run.filePath(QStringLiteral("history.csv")));
  const QFileInfo config(run.filePath(QStringLiteral("config.json")));
  const QDateTime last = history.exists() ? history.lastModified() : config.lastModified();
  return last.secsTo(QDateTime::currentDateTime()) <= 60 ? tr("running") : tr("interrupted");
}

RunBrowser::RunBrowser(QWidget *parent)
    : QWidget(parent), table_(new QTableWidget(0, kColumns)), folderLabel_(new QLabel),
      status_(new QLabel), plot_(new HistoryPlot), resultStack_(new QStackedWidget),
      resultView_(new QTextBrowser), resultText_(new QPlainTextEdit),
      rawToggle_(new QCheckBox(tr("Raw JSON"))) {
  auto *choose = new QPushButton(tr("Folder…"));
  choose->setToolTip(tr("Choose the folder whose run directories are listed (runs/ of the CLI)"));
  auto *reload = new QPushButton(tr("Refresh"));
  auto *compare = new QPushButton(tr("Overlay selected"));
  compare->setToolTip(tr("Select several runs (Ctrl+click) to overlay their det F on the open "
                         "run's plot, each in its own colour"));
  connect(compare, &QPushButton::clicked, this, [this] {
    QStringList dirs;
    for (const QModelIndex &index : table_->selectionModel()->selectedRows(kName))
      dirs << QDir(folder_).filePath(index.data(kNameRole).toString());
    overlayRuns(dirs);
  });
  connect(choose, &QPushButton::clicked, this, &RunBrowser::chooseFolderRequested);
  connect(reload, &QPushButton::clicked, this, &RunBrowser::refresh);
  folderLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  folderLabel_->setWordWrap(true);
  status_->setWordWrap(true);

  table_->setHorizontalHeaderLabels({tr("name"), tr("started"), tr("mode"), tr("status"),
                                     tr("val det F"), tr("iterations"), tr("stop reason")});
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->verticalHeader()->hide();
  table_->setWordWrap(false);
  // Run names share their start (the config name) and differ at the end (date and
  // time): a name too long for its column loses its middle, never its end.
  table_->setTextElideMode(Qt::ElideMiddle);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  // Names in full (the table scrolls sideways in a narrow window).
  table_->horizontalHeader()->setSectionResizeMode(kName, QHeaderView::ResizeToContents);
  table_->setSortingEnabled(true);
  table_->sortItems(kStarted, Qt::DescendingOrder);

  auto *buttons = new QHBoxLayout;
  buttons->addWidget(choose);
  buttons->addWidget(reload);
  buttons->addWidget(compare);
  buttons->addWidget(folderLabel_, 1);
  auto *top = new QWidget;
  auto *tv = new QVBoxLayout(top);
  tv->setContentsMargins(0, 0, 0, 0);
  tv->addLayout(buttons);
  tv->addWidget(table_, 1);

  resultView_->setOpenLinks(false);
  resultText_->setReadOnly(true);
  resultStack_->addWidget(resultView_);
  resultStack_->addWidget(resultText_);
  rawToggle_->setToolTip(tr("Show result.json as written"));
  connect(rawToggle_, &QCheckBox::toggled, this,
          [this](bool raw) { resultStack_->setCurrentIndex(raw ? 1 : 0); });
  auto *resultPane = new QWidget;
  auto *rp = new QVBoxLayout(resultPane);
  rp->setContentsMargins(0, 0, 0, 0);
  rp->addWidget(resultStack_, 1);
  rp->addWidget(rawToggle_);

  // Shorter than on the Fit tab, so the table keeps a few rows in a 700 px window.
  plot_->setMinimumHeight(360);
  auto *plotPane = new QWidget;
  auto *pp = new QVBoxLayout(plotPane);
  pp->setContentsMargins(0, 0, 0, 0);
  pp->addWidget(status_);
  pp->addWidget(plot_, 1);

  auto *bottom = new QSplitter(Qt::Horizontal);
  bottom->addWidget(plotPane);
  bottom->addWidget(resultPane);
  bottom->setStretchFactor(0, 3);
  bottom->setStretchFactor(1, 1);
  auto *split = new QSplitter(Qt::Vertical);
  split->addWidget(top);
  split->addWidget(bottom);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 3);
  split->setSizes({260, 740});
  auto *layout = new QVBoxLayout(this);
  layout->addWidget(split);

  connect(table_, &QTableWidget::currentCellChanged, this, [this](int row, int, int, int) {
    const QTableWidgetItem *item = row >= 0 ? table_->item(row, kName) : nullptr;
    if (!item) return;
    const QString dir = QDir(folder_).filePath(item->data(kNameRole).toString());
    if (QDir::cleanPath(dir) != current_) openRun(dir);
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
  for (int i = 0; i < table_->rowCount(); ++i)
    out << table_->item(i, kName)->data(kNameRole).toString();
  return out;
}

QString RunBrowser::cell(const QString &runName, Column column) const {
  for (int i = 0; i < table_->rowCount(); ++i)
    if (table_->item(i, kName)->data(kNameRole).toString() == runName)
      return table_->item(i, column)->text();
  return {};
}

void RunBrowser::refresh() {
  const QTableWidgetItem *currentItem =
      table_->currentRow() >= 0 ? table_->item(table_->currentRow(), kName) : nullptr;
  const QString keep = currentItem ? currentItem->data(kNameRole).toString() : QString();
  QDir dir(folder_);
  // A runs folder made by the first fit after it was chosen is watched from then on.
  if (dir.exists() && !watcher_.directories().contains(folder_)) watcher_.addPath(folder_);
  folderLabel_->setText(dir.exists() ? folder_
                                     : tr("%1 does not exist yet: runs appear here after the "
                                          "first fit")
                                           .arg(folder_));
  const QFileInfoList entries = dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time);
  const QSignalBlocker block(table_);
  const int sortColumn = table_->horizontalHeader()->sortIndicatorSection();
  const Qt::SortOrder order = table_->horizontalHeader()->sortIndicatorOrder();
  table_->setSortingEnabled(false); // rows are filled in place, then sorted once
  table_->clearContents();
  table_->setRowCount(0);
  const QLocale locale = numbers::locale();
  for (const QFileInfo &e : entries) {
    const QDir run(e.absoluteFilePath());
    if (!run.exists("history.csv") && !run.exists("config.json")) continue;
    const nlohmann::json config = readJson(run.filePath("config.json"));
    const nlohmann::json result = readJson(run.filePath("result.json"));
    const int row = table_->rowCount();
    table_->insertRow(row);
    auto set = [&](Column c, const QString &text, const QVariant &sortKey = {}) {
      auto *item = new SortItem(text);
      if (sortKey.isValid()) item->setData(kSortRole, sortKey);
      if (c == kValDetF || c == kIterations)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      table_->setItem(row, c, item);
      return item;
    };
    QTableWidgetItem *name = set(kName, e.fileName());
    name->setData(kNameRole, e.fileName());
    name->setToolTip(e.absoluteFilePath());
    // Started: when the run directory got its config (RunDirectory::create writes it first).
    const QFileInfo configFile(run.filePath("config.json"));
    QDateTime started = configFile.exists() ? configFile.birthTime() : QDateTime();
    if (!started.isValid())
      started = configFile.exists() ? configFile.lastModified() : e.lastModified();
    set(kStarted, locale.toString(started, QLocale::ShortFormat),
        static_cast<double>(started.toMSecsSinceEpoch()));
    set(kMode, stringOf(config, "mode"));
    const QString status = statusText(run.absolutePath());
    QTableWidgetItem *statusItem = set(kStatus, status);
    if (!result.is_object()) statusItem->setForeground(QColor(30, 110, 200));
    if (result.is_object() && result.contains("error")) {
      statusItem->setForeground(QColor(198, 40, 40));
      statusItem->setToolTip(QString::fromStdString(result["error"].dump()));
    }
    const double valDetF = numberOr(result, "val_detF", std::numeric_limits<double>::quiet_NaN());
    set(kValDetF, std::isnan(valDetF) ? QString() : numbers::format(valDetF, 4), valDetF);
    const double iterations = result.is_object()
                                  ? numberOr(result, "iterations", 0)
                                  : static_cast<double>(countRows(run.filePath("history.csv")));
    set(kIterations, numbers::format(iterations), iterations);
    const QString reason = stringOf(result, "stop_reason");
    QTableWidgetItem *reasonItem =
        set(kStopReason,
            reason.isEmpty() ? QString() : stopReasonText(reason, static_cast<qint64>(iterations)));
    reasonItem->setToolTip(reasonItem->text());
  }
  table_->setSortingEnabled(true);
  table_->sortItems(sortColumn, order);
  table_->resizeColumnsToContents();
  for (int i = 0; i < table_->rowCount(); ++i)
    if (table_->item(i, kName)->data(kNameRole).toString() == keep) table_->selectRow(i);
}

bool RunBrowser::openRun(const QString &runDir) {
  follow_.stop();
  current_ = QDir::cleanPath(QDir(runDir).absolutePath());
  result_ = nlohmann::json();
  plot_->clear();
  plot_->setRunName(QFileInfo(current_).fileName());
  resultView_->clear();
  resultText_->clear();
  const nlohmann::json config = readJson(QDir(current_).filePath("config.json"));
  const double expected = numberOr(config, "expected_detF", 0);
  plot_->setExpectedDetF(expected > 0 ? expected : std::numeric_limits<double>::quiet_NaN());
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
    const bool wasFollowing = follow_.isActive();
    follow_.stop();
    showResult();
    if (wasFollowing) refresh(); // its row: finished, cancelled or failed now
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
  if (!result_.is_object()) {
    resultView_->setPlainText(tr("result.json does not parse: see the raw JSON"));
    return;
  }
  const auto iterations = static_cast<qint64>(numberOr(result_, "iterations", 0));
  const QString reason = stringOf(result_, "stop_reason");
  // The kept weights' iteration on every panel.
  const int best = static_cast<int>(numberOr(result_, "best_iteration", -1));
  const bool keptBest = stringOf(result_, "kept_weights") != QLatin1String("final");
  const int last =
      plot_->pointCount() > 0
          ? static_cast<int>(plot_->detFGraph()->data()->at(plot_->pointCount() - 1)->key)
          : -1;
  if (result_.contains("best_iteration"))
    plot_->setKeptIteration(keptBest && best >= 0 ? best : last, keptBest);

  // The result, formatted.
  auto num = [](double v, int precision = 6) {
    return std::isnan(v) ? QStringLiteral("—") : numbers::format(v, precision);
  };
  const double nan = std::numeric_limits<double>::quiet_NaN();
  QString html = QStringLiteral("<h3>%1</h3>").arg(QFileInfo(current_).fileName().toHtmlEscaped());
  html += QStringLiteral("<p><b>%1</b>").arg(statusText(current_).toHtmlEscaped());
  if (!reason.isEmpty())
    html += QStringLiteral(": %1").arg(stopReasonText(reason, iterations).toHtmlEscaped());
  html += QStringLiteral("</p>");
  if (result_.contains("error"))
    html += QStringLiteral("<p style='color:#c62828'>%1</p>")
                .arg(QString::fromStdString(result_["error"].is_string()
                                                ? result_["error"].get<std::string>()
                                                : result_["error"].dump())
                         .toHtmlEscaped());
  html += QStringLiteral("<table cellspacing='0' cellpadding='2'>");
  auto row = [&](const QString &label, const QString &value) {
    html += QStringLiteral("<tr><td>%1</td><td align='right'><b>%2</b></td></tr>")
                .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
  };
  row(tr("val det F"), num(numberOr(result_, "val_detF", nan)));
  if (result_.contains("val_detF_se")) // runs recorded before it was measured lack it
    row(tr("val det F standard error"), num(numberOr(result_, "val_detF_se", nan)));
  row(tr("det F (training, kept)"), num(numberOr(result_, "detF", nan)));
  row(tr("max det F (early stopping)"), num(numberOr(result_, "max_detF", nan)));
  row(tr("iterations"), numbers::format(static_cast<double>(iterations)));
  if (best >= 0)
    row(keptBest ? tr("kept: best iteration") : tr("kept: final weights"),
        numbers::format(keptBest ? best : last));
  row(tr("seconds"), num(numberOr(result_, "seconds", nan), 4));
  row(tr("iterations / s"), num(numberOr(result_, "iterations_per_second", nan), 4));
  html += QStringLiteral("</table>");
  if (const QString F = matrixHtml(result_.value("F", nlohmann::json())); !F.isEmpty())
    html += QStringLiteral("<p>%1</p>%2").arg(tr("F (at the kept weights)"), F);
  if (const QString inv = matrixHtml(result_.value("invF", nlohmann::json())); !inv.isEmpty())
    html += QStringLiteral("<p>%1</p>%2").arg(tr("F⁻¹"), inv);
  resultView_->setHtml(html);

  QString summary;
  if (result_.contains("error"))
    summary = tr("stopped with an error: %1").arg(QString::fromStdString(result_["error"].dump()));
  else if (result_.value("val_detF", nlohmann::json()).is_number())
    summary = tr("val det F = %1, %2")
                  .arg(numbers::format(result_["val_detF"].get<double>(), 6))
                  .arg(stopReasonText(reason, iterations));
  QString text = tr("%1: %2 iterations, %3")
                     .arg(QFileInfo(current_).fileName())
                     .arg(reader_->rowsRead())
                     .arg(summary);
  const QString split = workSplitText(result_.value("aggregation", nlohmann::json()));
  if (!split.isEmpty()) text += QLatin1Char('\n') + split;
  status_->setText(text);
}

} // namespace imnn::gui
