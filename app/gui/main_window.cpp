#include "main_window.h"

#include "imnn/lfi.h"
#include "imnn/plugins.h"
#include "imnn/session.h"
#include "imnn/trained_model.h"

#include "app_paths.h"
#include "config_panel.h"
#include "corner_plot.h"
#include "fit_controller.h"
#include "history_plot.h"
#include "infer_panel.h"
#include "number_format.h"
#include "plugins_dialog.h"
#include "run_browser.h"
#include "simulation_preview.h"
#include "work_split.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>
#include <cmath>
#include <limits>

namespace imnn::gui {

namespace {

std::vector<std::string> toStd(const QStringList &l) {
  std::vector<std::string> out;
  for (const QString &s : l)
    out.push_back(s.toStdString());
  return out;
}

void setInvalid(QWidget *w, bool invalid) {
  if (w->property("invalid").toBool() == invalid) return;
  w->setProperty("invalid", invalid);
  w->style()->unpolish(w);
  w->style()->polish(w);
}

} // namespace

MainWindow::MainWindow(const MainWindowOptions &options, QWidget *parent)
    : QMainWindow(parent), options_(options),
      registry_(std::make_shared<PluginRegistry>(scan_plugins(toStd(options.pluginDirs)))),
      config_(new ConfigPanel(registry_)), history_(new HistoryPlot), runs_(new RunBrowser),
      corner_(new CornerPlot), controller_(new FitController(registry_, this)),
      tabs_(new QTabWidget), infer_(new InferPanel(registry_, corner_)),
      fitButton_(new QPushButton(tr("Fit"))), pauseButton_(new QPushButton(tr("Pause"))),
      stopButton_(new QPushButton(tr("Stop"))), progress_(new QProgressBar), patience_(new QLabel),
      eta_(new QLabel), status_(new QLabel), expectedDetF_(new QLineEdit),
      preview_(new SimulationPreview(registry_)) {
  setWindowTitle(tr("IMNN Studio"));

  auto *scroll = new QScrollArea;
  scroll->setWidget(config_);
  scroll->setWidgetResizable(true);
  scroll->setMinimumWidth(460);

  fitButton_->setToolTip(tr("Fit the IMNN with this configuration (Ctrl+R); the run is written "
                            "to the runs folder as `imnn fit` does"));
  stopButton_->setToolTip(tr("Stop the fit after the current iteration; the run is kept"));
  pauseButton_->setToolTip(tr("Pause the fit after the current iteration, or resume it "
                              "(Ctrl+P); the resumed fit continues exactly where it paused"));
  expectedDetF_->setObjectName(QStringLiteral("expectedDetF"));
  expectedDetF_->setStyleSheet(
      QStringLiteral("*[invalid=\"true\"] { border: 2px solid #c62828; }"));
  expectedDetF_->setPlaceholderText(tr("e.g. 50"));
  expectedDetF_->setToolTip(tr("Draws a dashed line at this det F on the history plot (e.g. "
                               "the analytic det F = 50 of the Gaussian example); filled from "
                               "the config key `expected_detF` unless you type your own"));
  // Numbers in the bar as everywhere (number_format.h): no group separators.
  progress_->setLocale(numbers::locale());
  progress_->setFormat(tr("ready"));
  progress_->setRange(0, 1);
  progress_->setValue(0);
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  eta_->setObjectName(QStringLiteral("fitEta"));
  eta_->setWordWrap(true);
  eta_->setToolTip(tr("Time since the fit started, iterations per second over the last "
                      "iterations, and the estimated time left: to max_iterations, and once "
                      "the patience counter runs, to the stop it gives if det F does not "
                      "improve"));
  patience_->setObjectName(QStringLiteral("fitPatience"));
  auto *controls = new QHBoxLayout;
  controls->addWidget(fitButton_);
  controls->addWidget(pauseButton_);
  controls->addWidget(stopButton_);
  controls->addWidget(progress_, 1);
  fitProgressWidth(100000);
  auto *timing = new QHBoxLayout;
  timing->addWidget(patience_);
  timing->addSpacing(12);
  timing->addWidget(eta_, 1);
  auto *expected = new QFormLayout;
  expected->addRow(tr("Expected det F"), expectedDetF_);
  auto *right = new QWidget;
  auto *rv = new QVBoxLayout(right);
  rv->addLayout(controls);
  rv->addLayout(timing);
  rv->addWidget(history_, 1);
  rv->addWidget(preview_);
  rv->addLayout(expected);
  rv->addWidget(status_);
  auto *split = new QSplitter;
  split->setObjectName(QStringLiteral("fitSplitter"));
  split->addWidget(scroll);
  split->addWidget(right);
  split->setStretchFactor(1, 2);
  tabs_->addTab(split, tr("Fit"));
  tabs_->addTab(runs_, tr("Runs"));
  tabs_->addTab(infer_, tr("Infer"));
  setCentralWidget(tabs_);

  buildMenus();
  connect(fitButton_, &QPushButton::clicked, this, &MainWindow::startFit);
  connect(stopButton_, &QPushButton::clicked, this, &MainWindow::stopFit);
  connect(pauseButton_, &QPushButton::clicked, this, &MainWindow::togglePause);
  connect(controller_, &FitController::pausedChanged, this,
          [this](bool paused, const QString &message) {
            status_->setText(message);
            // While paused the clock stops: no estimate until the fit moves again.
            fitProgress_.setFinished(paused);
            eta_->setText(paused ? tr("%1 · paused").arg(fitProgress_.text())
                                 : fitProgress_.text());
            updateActions();
          });
  connect(config_, &ConfigPanel::validityChanged, this, &MainWindow::updateActions);
  connect(expectedDetF_, &QLineEdit::textChanged, this, [this](const QString &text) {
    const auto v = text.trimmed().isEmpty() ? std::nullopt : numbers::parse(text);
    history_->setExpectedDetF(v.value_or(std::numeric_limits<double>::quiet_NaN()));
    setInvalid(expectedDetF_, !text.trimmed().isEmpty() && !v);
  });
  // The user's own entry is kept when another config is opened; clearing the field
  // lets the config's expected_detF fill it again.
  connect(expectedDetF_, &QLineEdit::textEdited, this,
          [this](const QString &text) { expectedTyped_ = !text.trimmed().isEmpty(); });
  connect(config_, &ConfigPanel::changed, this, &MainWindow::prefillExpectedDetF);
  // The preview follows the simulator, its options, θ_fid and the seed.
  connect(config_, &ConfigPanel::changed, this,
          [this] { preview_->showConfig(config_->toJson()); });
  connect(controller_, &FitController::started, this, &MainWindow::onStarted);
  connect(controller_, &FitController::iterations, this,
          [this](const std::vector<IterationRecord> &records) {
            history_->append(records);
            const IterationRecord &last = records.back();
            progress_->setValue(last.iteration_in_call + 1);
            for (const IterationRecord &r : records)
              fitProgress_.add(r);
            eta_->setText(fitProgress_.text());
            patience_->setText(
                last.iteration_in_call + 1 < minIterations_
                    ? tr("patience counts after %1").arg(minIterations_)
                    : tr("patience %1/%2").arg(last.patience_counter).arg(patienceMax_));
          });
  connect(controller_, &FitController::finished, this, &MainWindow::onFinished);
  connect(runs_, &RunBrowser::chooseFolderRequested, this, &MainWindow::openRunFolder);
  connect(runs_, &RunBrowser::runOpened, this, &MainWindow::showFisherForecast);
  connect(runs_, &RunBrowser::runOpened, infer_, &InferPanel::setRunDirectory);
  // A refit round's run directory, from the Infer tab's list: shown in the Runs tab.
  connect(infer_, &InferPanel::openRunRequested, this, [this](const QString &dir) {
    if (runs_->openRun(dir)) tabs_->setCurrentWidget(runs_);
  });

  QSettings settings;
  setRunsFolder(settings.value("runsFolder", QDir::current().filePath("runs")).toString());
  QString error;
  bool loaded = false;
  if (!options_.configFile.isEmpty()) {
    loaded = config_->loadFile(options_.configFile, &error);
  } else if (options_.restoreLast && settings.contains("lastConfig")) {
    const auto j = readJsonText(settings.value("lastConfig").toString().toUtf8());
    loaded = !j.is_discarded() && config_->loadJson(j, &error);
  }
  if (!loaded) {
    // The config asked for could not be read: say why, and show the example instead.
    const QString why = error;
    const QString example = gaussianExamplePath();
    if (example.isEmpty())
      error = tr("the built-in example gaussian_mean_variance.json was not found beside the "
                 "executable (share/imnn-studio/examples); reinstall, or open a config with "
                 "File ▸ Open");
    else if (config_->loadFile(example, &error))
      error = why.isEmpty() ? QString() : tr("error: %1; the built-in example is shown").arg(why);
  }
  if (!error.isEmpty()) status_->setText(error);
  prefillExpectedDetF();
  preview_->setMaximumHeight(260);
  preview_->showConfig(config_->toJson());
  if (options_.restoreLast) {
    restoreGeometry(settings.value("geometry").toByteArray());
    restoreState(settings.value("windowState").toByteArray());
    split->restoreState(settings.value("fitSplitter").toByteArray());
  }
  if (registry_->simulators().empty())
    status_->setText(tr("No simulator plugin was found (Tools ▸ Plugins lists the folders "
                        "searched and why files were skipped); pass --plugin-dir or set "
                        "IMNN_PLUGIN_PATH"));
  resize(1280, 860);
  updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus() {
  QMenu *file = menuBar()->addMenu(tr("&File"));
  QAction *open = file->addAction(tr("&Open config…"), this, &MainWindow::openConfig);
  open->setShortcut(QKeySequence::Open);
  QAction *save = file->addAction(tr("&Save config as…"), this, &MainWindow::saveConfig);
  save->setShortcut(QKeySequence::Save);
  // Every example beside the executable, the Gaussian one first, then the 2-D Gaussian
  // random field's (the fast settings and the reference's).
  QMenu *examples = file->addMenu(tr("Open &example"));
  examples->setObjectName(QStringLiteral("examplesMenu"));
  const QString folder = examplesFolder();
  QStringList files = folder.isEmpty() ? QStringList()
                                       : QDir(folder).entryList({QStringLiteral("*.json")},
                                                                QDir::Files, QDir::Name);
  if (files.removeOne(QStringLiteral("gaussian_mean_variance.json")))
    files.prepend(QStringLiteral("gaussian_mean_variance.json"));
  for (const QString &name : files) {
    const QString path = QDir(folder).filePath(name);
    QAction *example = examples->addAction(QFileInfo(name).completeBaseName(), this, [this, path] {
      QString error;
      // Success replaces what an earlier file left in the status line.
      status_->setText(config_->loadFile(path, &error)
                           ? tr("Opened the example %1").arg(QFileInfo(path).fileName())
                           : tr("error: %1").arg(error));
    });
    example->setToolTip(QStringLiteral("resources/examples/") + name);
  }
  if (files.isEmpty())
    examples->addAction(tr("(no examples found beside the executable)"))->setEnabled(false);
  QAction *runFolder = file->addAction(tr("Open &runs folder…"), this, &MainWindow::openRunFolder);
  runFolder->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
  QAction *exportAction =
      file->addAction(tr("&Export corner plot…"), this, &MainWindow::exportCorner);
  exportAction->setShortcut(QKeySequence(tr("Ctrl+E")));
  file->addSeparator();
  QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu *run = menuBar()->addMenu(tr("&Run"));
  fitAction_ = run->addAction(tr("&Fit"), this, &MainWindow::startFit);
  fitAction_->setShortcut(QKeySequence(tr("Ctrl+R")));
  pauseAction_ = run->addAction(tr("&Pause / resume"), this, &MainWindow::togglePause);
  pauseAction_->setShortcut(QKeySequence(tr("Ctrl+P")));
  stopAction_ = run->addAction(tr("&Stop"), this, &MainWindow::stopFit);
  stopAction_->setShortcut(QKeySequence(tr("Ctrl+.")));
  QMenu *tools = menuBar()->addMenu(tr("&Tools"));
  tools->addAction(tr("&Plugins…"), this, &MainWindow::showPlugins);
  QMenu *language = tools->addMenu(tr("&Language"));
  auto *languages = new QActionGroup(this);
  const QString current = QSettings().value("language").toString();
  for (const auto &[code, name] : {std::pair<QString, QString>{"", tr("System language")},
                                   {"en", "English"},
                                   {"de", "Deutsch"},
                                   {"fr", "Français"}}) {
    QAction *a = language->addAction(name);
    a->setCheckable(true);
    a->setChecked(code == current);
    a->setData(code);
    languages->addAction(a);
    connect(a, &QAction::triggered, this, [this, code] {
      QSettings().setValue("language", code);
      status_->setText(tr("The language changes at the next start of IMNN Studio"));
    });
  }

  QToolBar *bar = addToolBar(tr("Run"));
  bar->setObjectName(QStringLiteral("runToolBar"));
  bar->addAction(open);
  bar->addAction(save);
  bar->addAction(fitAction_);
  bar->addAction(pauseAction_);
  bar->addAction(stopAction_);
}

void MainWindow::setRunsFolder(const QString &folder) {
  runsFolder_ = QDir::cleanPath(QDir(folder).absolutePath());
  runs_->setFolder(runsFolder_);
}

void MainWindow::updateActions() {
  const bool running = controller_->isRunning();
  const bool canFit = !running && config_->isValid();
  fitButton_->setEnabled(canFit);
  fitAction_->setEnabled(canFit);
  fitButton_->setToolTip(config_->isValid()
                             ? tr("Fit the IMNN with this configuration (Ctrl+R)")
                             : tr("Fix the configuration first: `%1`: %2")
                                   .arg(config_->errorKey(), config_->errorMessage()));
  stopButton_->setEnabled(running);
  stopAction_->setEnabled(running);
  pauseButton_->setEnabled(running && !controller_->isPausing());
  pauseAction_->setEnabled(running && !controller_->isPausing());
  pauseButton_->setText(controller_->isPaused() ? tr("Resume") : tr("Pause"));
  config_->setEnabled(!running);
}

void MainWindow::fitProgressWidth(int maxIterations) {
  // The progress text is never clipped or wrapped: the bar is at least as wide as its
  // longest text for this max_iterations.
  const QString longest = tr("%v / %m iterations")
                              .replace(QLatin1String("%v"), numbers::format(maxIterations))
                              .replace(QLatin1String("%m"), numbers::format(maxIterations));
  progress_->setMinimumWidth(progress_->fontMetrics().horizontalAdvance(longest) + 24);
}

void MainWindow::prefillExpectedDetF() {
  if (expectedTyped_) return;
  const nlohmann::json j = config_->toJson();
  const auto it = j.find("expected_detF");
  const QString text = it != j.end() && it->is_number() && it->get<double>() > 0
                           ? numbers::format(it->get<double>())
                           : QString();
  if (expectedDetF_->text() != text) expectedDetF_->setText(text);
}

void MainWindow::startFit() {
  if (controller_->isRunning() || !config_->isValid()) return;
  QString error;
  try {
    RunConfig config = config_->config();
    for (const QString &d : options_.pluginDirs)
      config.plugin_dirs.push_back(d.toStdString());
    QSettings().setValue("lastConfig", QString::fromStdString(config_->toJson().dump()));
    const QString dir = defaultRunDirectory(runsFolder_, QString::fromStdString(config.name));
    if (!controller_->start(config, dir, &error)) status_->setText(tr("error: %1").arg(error));
  } catch (const std::exception &e) {
    status_->setText(tr("error: %1").arg(QString::fromStdString(e.what())));
  }
  updateActions();
}

void MainWindow::stopFit() {
  if (!controller_->isRunning()) return;
  status_->setText(tr("Stopping after the current iteration…"));
  controller_->stop();
}

void MainWindow::togglePause() {
  if (!controller_->isRunning()) return;
  if (controller_->isPaused()) {
    controller_->resume();
  } else {
    status_->setText(tr("Pausing after the current iteration…"));
    controller_->pause();
  }
  updateActions();
}

void MainWindow::onStarted(const QString &runDir, int maxIterations, int patience,
                           int minIterations) {
  maxIterations_ = maxIterations;
  patienceMax_ = patience;
  minIterations_ = minIterations;
  history_->clear();
  fitProgress_.reset(maxIterations, patience, minIterations);
  eta_->clear();
  progress_->setFormat(tr("%v / %m iterations"));
  fitProgressWidth(maxIterations);
  progress_->setRange(0, maxIterations);
  progress_->setValue(0);
  patience_->setText(tr("patience 0/%1").arg(patience));
  const QString split = workSplitText(controller_->aggregation());
  status_->setText(split.isEmpty() ? tr("Fitting → %1").arg(runDir)
                                   : tr("Fitting → %1\n%2").arg(runDir, split));
  updateActions();
}

void MainWindow::onFinished(const QString &runDir, bool ok, const QString &message) {
  // The kept weights' iteration (the best one, or the last with fit.best false).
  const nlohmann::json &result = controller_->lastResult();
  if (result.is_object() && result.value("best_iteration", nlohmann::json()).is_number()) {
    const bool best = result.value("kept_weights", std::string("best")) == "best";
    const auto *h = controller_->history();
    const int last = h && !h->empty() ? h->back().iteration : -1;
    const int best_iteration = result["best_iteration"].get<int>();
    history_->setKeptIteration(best && best_iteration >= 0 ? best_iteration : last, best);
  }
  fitProgress_.setFinished(true);
  eta_->setText(fitProgress_.text());
  history_->replotNow();
  const QString split = workSplitText(controller_->aggregation());
  const QString text = ok ? message : tr("error: %1").arg(message);
  status_->setText(split.isEmpty() ? text : text + QLatin1Char('\n') + split);
  statusBar()->showMessage(ok ? tr("Fit finished") : tr("Fit stopped with an error"), 5000);
  runs_->refresh();
  showFisherForecast(runDir);
  infer_->setRunDirectory(runDir);
  updateActions();
}

void MainWindow::showFisherForecast(const QString &runDir) {
  const QString modelFile = QDir(runDir).filePath("model.json");
  if (!QFileInfo::exists(modelFile)) return; // stopped before its statistics
  try {
    // model.json as the engine reads it (imnn/trained_model.h): F⁻¹, θ_fid, the
    // parameter names and the simulator's descriptor with its prior box.
    const TrainedModel model = TrainedModel::load(modelFile.toStdString());
    const std::vector<double> &theta = model.theta_fid;
    const Eigen::VectorXd mean =
        Eigen::Map<const Eigen::VectorXd>(theta.data(), static_cast<Index>(theta.size()));
    const Eigen::MatrixXd &inv = model.invF;
    QStringList names;
    for (const auto &n : model.param_names)
      names << QString::fromStdString(n);
    const nlohmann::json descriptor = model.simulator.is_object()
                                          ? model.simulator.value("descriptor", nlohmann::json())
                                          : nlohmann::json();
    const std::string plugin =
        model.simulator.is_object() ? model.simulator.value("plugin", std::string()) : "";
    const SimulatorInfo *info = plugin.empty() ? nullptr : registry_->find_simulator(plugin);
    corner_->clear();
    corner_->setParameterNames(names);
    // A window of ±4σ around θ_fid clipped to the prior box of the model's simulator
    // descriptor (else the installed plugin's; none for array runs), the Gaussian
    // truncated to that box.
    std::vector<double> low(theta.size(), -INFINITY), high(theta.size(), INFINITY);
    const auto box = [&](const char *key) {
      return descriptor.is_object() && descriptor.contains(key) && descriptor[key].is_array() &&
                     descriptor[key].size() == theta.size()
                 ? descriptor[key].get<std::vector<double>>()
                 : std::vector<double>();
    };
    if (!box("prior_low").empty() && !box("prior_high").empty()) {
      low = box("prior_low"); // the box the model was fitted with
      high = box("prior_high");
    } else if (info && info->prior_low.size() == theta.size() &&
               info->prior_high.size() == theta.size()) {
      low = info->prior_low;
      high = info->prior_high;
    }
    corner_->setOverlay(QStringLiteral("fisher"), lfi::fisher_forecast(mean, inv, low, high, 120),
                        tr("Fisher forecast %1").arg(QFileInfo(runDir).fileName()),
                        QColor(148, 103, 189));
    corner_->setMarker(theta, tr("θ_fid"));
  } catch (const std::exception &e) {
    status_->setText(tr("cannot show the Fisher forecast of %1: %2")
                         .arg(runDir, QString::fromStdString(e.what())));
  }
}

void MainWindow::showPlugins() {
  PluginsDialog dialog(*registry_, this);
  dialog.exec();
}

void MainWindow::openConfig() {
  const QString file = QFileDialog::getOpenFileName(this, tr("Open a run configuration"),
                                                    examplesFolder(), tr("JSON (*.json)"));
  if (file.isEmpty()) return;
  QString error;
  status_->setText(config_->loadFile(file, &error) ? tr("Opened %1").arg(file)
                                                   : tr("error: %1").arg(error));
}

void MainWindow::saveConfig() {
  const QString file = QFileDialog::getSaveFileName(this, tr("Save the run configuration"),
                                                    QString(), tr("JSON (*.json)"));
  if (file.isEmpty()) return;
  QString error;
  if (!config_->saveFile(file, &error))
    status_->setText(tr("error: %1").arg(error));
  else
    status_->setText(tr("Saved %1; run it headless with: imnn fit %1").arg(file));
}

void MainWindow::openRunFolder() {
  const QString folder =
      QFileDialog::getExistingDirectory(this, tr("Folder holding run directories"), runsFolder_);
  if (folder.isEmpty()) return;
  setRunsFolder(folder);
  QSettings().setValue("runsFolder", runsFolder_);
  tabs_->setCurrentWidget(runs_);
}

void MainWindow::exportCorner() {
  // The Infer tab's export: the view it shows (the posterior corner plot or the ABC
  // summaries), a default name from the run and methods, the DPI for a PNG; the result
  // said where the plot is (the Infer tab) and in the status bar.
  if (infer_->chooseExportFigure()) statusBar()->showMessage(infer_->statusLabel()->text(), 5000);
}

void MainWindow::closeEvent(QCloseEvent *event) {
  if (controller_->isRunning()) {
    const bool stop =
        confirmClose_
            ? confirmClose_()
            : QMessageBox::question(this, tr("A fit is running"),
                                    tr("Stop the fit and quit? The run is kept in "
                                       "%1.")
                                        .arg(controller_->runDirectory())) == QMessageBox::Yes;
    if (!stop) {
      event->ignore();
      return;
    }
    controller_->stopAndWait();
  }
  QSettings settings;
  settings.setValue("geometry", saveGeometry());
  settings.setValue("windowState", saveState());
  if (auto *split = findChild<QSplitter *>(QStringLiteral("fitSplitter")))
    settings.setValue("fitSplitter", split->saveState());
  settings.setValue("lastConfig", QString::fromStdString(config_->toJson().dump()));
  settings.setValue("runsFolder", runsFolder_);
  event->accept();
}

} // namespace imnn::gui
