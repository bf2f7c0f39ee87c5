#include "infer_panel.h"

#include "imnn/error.h"
#include "imnn/plugins.h"
#include "imnn/trained_model.h"

#include "app_paths.h"
#include "corner_plot.h"
#include "infer_controller.h"
#include "number_format.h"
#include "option_text.h"
#include "refit_controller.h"
#include "refit_view.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>
#include <optional>
#include <qcustomplot.h>

namespace imnn::gui {

namespace {

using json = nlohmann::json;

QString numberList(const std::vector<double> &v) {
  return numbers::formatList(v, 10);
}

// A list in the session's locale (numbers::parseList: "0.2, 1.1" in English, "0,2; 1,1"
// in German); throws InferenceError naming option.
std::vector<double> parseNumbers(const QString &text, const char *option) {
  QString why;
  const auto v = numbers::parseList(text, &why);
  if (!v) throw lfi::InferenceError(option, "`" + std::string(option) + "`: " + why.toStdString());
  return *v;
}

// One number in the session's locale; throws InferenceError naming option.
double parseNumber(const QLineEdit *edit, const char *option) {
  QString why;
  const auto v = numbers::parse(edit->text(), &why);
  if (!v) throw lfi::InferenceError(option, "`" + std::string(option) + "`: " + why.toStdString());
  return *v;
}

QSpinBox *spin(int min, int max, int value, const QString &special = {}) {
  auto *s = new QSpinBox;
  s->setRange(min, max);
  s->setValue(value);
  s->setSpecialValueText(special);
  return s;
}

QLineEdit *numberEdit(double value) {
  return new QLineEdit(numbers::format(value));
}

// An inference option's description (imnn/inference.h): its tooltip and the range of
// its box come from it (option_text.h).
const OptionSpec &inferSpec(const char *key) {
  for (const OptionSpec &s : lfi::inference_option_specs())
    if (s.key == key) return s;
  throw Error(std::string("no inference option `") + key + "` (a bug)");
}

QString tip(const char *key, const QString &note = {}) {
  return optionTip(inferSpec(key), note);
}

QSpinBox *spinFor(const char *key, int value, const QString &special = {}) {
  QSpinBox *s = spin(0, 0, 0, special);
  applyOptionRange(s, inferSpec(key));
  s->setValue(value);
  return s;
}

std::vector<double> numbersOf(const json &j, const char *key) {
  std::vector<double> out;
  if (!j.is_object() || !j.contains(key) || !j[key].is_array()) return out;
  for (const auto &v : j[key])
    out.push_back(v.is_number() ? v.get<double>() : 0.0);
  return out;
}

} // namespace

QString InferPanel::methodTitle(const QString &m) {
  if (m == QLatin1String("ga")) return tr("Gaussian approximation");
  if (m == QLatin1String("abc")) return tr("ABC");
  return tr("PMC");
}

QColor InferPanel::methodColor(const QString &method) {
  if (method == QLatin1String("ga")) return QColor(31, 119, 180);  // blue
  if (method == QLatin1String("abc")) return QColor(255, 127, 14); // orange
  return QColor(44, 160, 44);                                      // green
}

InferPanel::InferPanel(std::shared_ptr<PluginRegistry> registry, CornerPlot *corner,
                       QWidget *parent)
    : QWidget(parent), registry_(std::move(registry)), corner_(corner), summaries_(new CornerPlot),
      controller_(new InferController(registry_, this)),
      refit_(new RefitController(registry_, this)) {
  setStyleSheet(QStringLiteral("*[invalid=\"true\"] { border: 2px solid #c62828; }"));
  auto *form = new QWidget;
  auto *top = new QVBoxLayout(form);

  auto *runBox = new QGroupBox(tr("Trained run"));
  auto *runRow = new QHBoxLayout(runBox);
  runEdit_ = new QLineEdit;
  runEdit_->setObjectName(QStringLiteral("runDirectory"));
  runEdit_->setPlaceholderText(tr("fit, or open a run in the Runs tab"));
  runEdit_->setToolTip(tr("The run directory whose model.json compresses the data (`imnn infer "
                          "METHOD RUN_DIR`); results go to RUN_DIR/inference/<name>/"));
  auto *browseRun = new QPushButton(tr("Browse…"));
  runRow->addWidget(runEdit_, 1);
  runRow->addWidget(browseRun);
  top->addWidget(runBox);
  connect(runEdit_, &QLineEdit::editingFinished, this,
          [this] { setRunDirectory(runEdit_->text()); });
  connect(browseRun, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Run directory"), runDir_);
    if (!dir.isEmpty()) setRunDirectory(dir);
  });

  auto *targetBox = new QGroupBox(tr("Target"));
  auto *targetForm = new QFormLayout(targetBox);
  simulate_ = new QRadioButton(tr("Simulate at θ"));
  fromFile_ = new QRadioButton(tr("Load data (.npy)"));
  auto *group = new QButtonGroup(this);
  group->addButton(simulate_);
  group->addButton(fromFile_);
  simulate_->setChecked(true);
  targetForm->addRow(simulate_);
  theta_ = new QLineEdit;
  addField(targetForm, "target_theta", tr("θ"), theta_,
           tip("target_theta", tr("Reference: the target data d_obs made with simulator(key, "
                                  "θ_target)")));
  targetSeed_ = spinFor("target_seed", 0);
  addField(targetForm, "target_seed", tr("Seed"), targetSeed_, tip("target_seed"));
  targetForm->addRow(fromFile_);
  auto *fileRow = new QWidget;
  auto *fileLayout = new QHBoxLayout(fileRow);
  fileLayout->setContentsMargins(0, 0, 0, 0);
  targetFile_ = new QLineEdit;
  auto *browseFile = new QPushButton(tr("Browse…"));
  fileLayout->addWidget(targetFile_, 1);
  fileLayout->addWidget(browseFile);
  const QString targetTip = tip("target", tr("Reference: target_data"));
  addField(targetForm, "target", tr("File"), fileRow, targetTip);
  fileRow->setObjectName(QStringLiteral("targetRow"));
  targetFile_->setToolTip(targetTip);
  fields_.insert("target", targetFile_);
  targetFile_->setObjectName(QStringLiteral("target"));
  connect(browseFile, &QPushButton::clicked, this, [this] {
    const QString f = QFileDialog::getOpenFileName(this, tr("Target data"), QString(),
                                                   tr("Arrays (*.npy *.npz *.h5 *.hdf5)"));
    if (f.isEmpty()) return;
    targetFile_->setText(f);
    fromFile_->setChecked(true);
  });
  top->addWidget(targetBox);

  auto *methodBox = new QGroupBox(tr("Method"));
  auto *methodLayout = new QVBoxLayout(methodBox);
  method_ = new QComboBox;
  method_->setObjectName(QStringLiteral("method"));
  for (const char *m : {"ga", "abc", "pmc"})
    method_->addItem(methodTitle(QString::fromLatin1(m)), QString::fromLatin1(m));
  method_->setToolTip(tr("ga: N(estimate, F⁻¹) (reference: GaussianApproximation); abc: "
                         "rejection ABC (reference: ApproximateBayesianComputation); pmc: ABC "
                         "population Monte Carlo (reference: PopulationMonteCarlo)"));
  methodLayout->addWidget(method_);
  pages_ = new QStackedWidget;
  auto page = [this](QFormLayout *&f) {
    auto *w = new QWidget;
    f = new QFormLayout(w);
    f->setContentsMargins(0, 0, 0, 0);
    pages_->addWidget(w);
  };
  QFormLayout *ga = nullptr, *abc = nullptr, *pmc = nullptr;
  // The engine's defaults (imnn/inference.h), as `imnn infer` uses them.
  const lfi::InferenceOptions d;
  page(ga);
  gaSamples_ = spinFor("n_samples", static_cast<int>(lfi::kDefaultGaSamples));
  addField(ga, "n_samples_ga", tr("Draws"), gaSamples_,
           tip("n_samples", tr("Here: the draws from N(estimate, F⁻¹) inside the prior box, "
                               "written as the GetDist samples.")));
  page(abc);
  epsilon_ = new QLineEdit(QStringLiteral("auto"));
  addField(abc, "epsilon", tr("ε"), epsilon_,
           tip("epsilon", tr("Reference: ApproximateBayesianComputation(ϵ=…)")));
  acceptFraction_ = numberEdit(d.accept_fraction);
  addField(abc, "accept_fraction", tr("Accept fraction"), acceptFraction_, tip("accept_fraction"));
  abcSamples_ = spinFor("n_samples", static_cast<int>(lfi::kDefaultAbcSamples));
  addField(abc, "n_samples", tr("Draws per iteration"), abcSamples_, tip("n_samples"));
  minAccepted_ = spinFor("min_accepted", static_cast<int>(d.min_accepted), tr("one batch"));
  addField(abc, "min_accepted", tr("Min accepted"), minAccepted_, tip("min_accepted"));
  maxIterations_ = spinFor("max_iterations", d.max_iterations);
  addField(abc, "max_iterations", tr("Max iterations"), maxIterations_, tip("max_iterations"));
  page(pmc);
  nPoints_ = spinFor("n_points", static_cast<int>(d.n_points));
  addField(pmc, "n_points", tr("Population"), nPoints_,
           tip("n_points", tr("Reference: PopulationMonteCarlo(n_points=…)")));
  nInitial_ = spinFor("n_initial_points", 0, tr("10 × population"));
  addField(pmc, "n_initial_points", tr("Initial draws"), nInitial_, tip("n_initial_points"));
  percentile_ = numberEdit(d.percentile);
  addField(pmc, "percentile", tr("Percentile"), percentile_, tip("percentile"));
  acceptanceRatio_ = numberEdit(d.acceptance_ratio);
  addField(pmc, "acceptance_ratio", tr("Acceptance ratio"), acceptanceRatio_,
           tip("acceptance_ratio", tr("0.02 here: measured to give the exact posterior's "
                                      "widths on the Gaussian example.")));
  maxIteration_ = spinFor("max_iteration", d.max_iteration);
  addField(pmc, "max_iteration", tr("Max iterations"), maxIteration_,
           tip("max_iteration", tr("A run this limit stops is marked not converged.")));
  maxAcceptance_ = spinFor("max_acceptance", static_cast<int>(d.max_acceptance));
  addField(pmc, "max_acceptance", tr("Proposals per point"), maxAcceptance_, tip("max_acceptance"));
  methodLayout->addWidget(pages_);
  connect(method_, &QComboBox::currentIndexChanged, pages_, &QStackedWidget::setCurrentIndex);
  top->addWidget(methodBox);

  auto *commonBox = new QGroupBox(tr("Prior and output"));
  auto *common = new QFormLayout(commonBox);
  priorLow_ = new QLineEdit;
  addField(common, "prior_low", tr("Prior low"), priorLow_,
           tip("prior_low", tr("Reference: prior=tfd.Uniform(low, high)")));
  priorHigh_ = new QLineEdit;
  addField(common, "prior_high", tr("Prior high"), priorHigh_, tip("prior_high"));
  distance_ = new QComboBox;
  applyOptionChoices(distance_, inferSpec("distance"));
  addField(common, "distance", tr("Distance"), distance_, tip("distance"));
  gridsize_ = spinFor("gridsize", 100);
  gridsize_->setMaximum(2000); // a grid per parameter pair is drawn: 2000² cells at most
  addField(common, "gridsize", tr("Grid points"), gridsize_, tip("gridsize"));
  smoothing_ = numberEdit(kDefaultSmoothing);
  addField(common, "smoothing", tr("Smoothing"), smoothing_,
           tip("smoothing", tr("A change re-smooths the shown results at once.")));
  seed_ = spinFor("seed", 0);
  addField(common, "seed", tr("Seed"), seed_, tip("seed"));
  threads_ = spinFor("threads", 0, tr("all cores"));
  threads_->setMaximum(4096);
  addField(common, "threads", tr("CPU threads"), threads_, tip("threads"));
  name_ = new QLineEdit;
  name_->setPlaceholderText(tr("the method"));
  addField(common, "name", tr("Output name"), name_,
           tip("name", tr("An earlier result of that name is replaced.")));
  top->addWidget(commonBox);

  // The iterative re-fit at the estimate (`imnn refit`), on the target above.
  auto *refitBox = new QGroupBox(tr("Refit at the estimate"));
  refitBox->setToolTip(tr("Fit new IMNNs at θ_fid = θ̂ of the target until θ̂ settles (`imnn "
                          "refit RUN --target …`): each round is a run directory "
                          "RUN_DIR/refit/round_<k>/, the trajectory RUN_DIR/refit.json"));
  auto *refitForm = new QFormLayout(refitBox);
  const RefitOptions rd; // the CLI's defaults
  refitRoundsSpin_ = spin(1, 100, rd.rounds);
  addField(refitForm, "refit_rounds", tr("Rounds"), refitRoundsSpin_,
           tr("`--rounds`: most fits after the first run"));
  refitTolerance_ = numberEdit(rd.tolerance);
  addField(refitForm, "refit_tolerance", tr("Tolerance"), refitTolerance_,
           tr("`--tolerance`: stop when θ̂ moves less than this many Fisher standard deviations "
              "√(Δθᵀ F Δθ) between rounds"));
  refitMaxIterations_ = spin(0, INT_MAX, 0, tr("the run's"));
  addField(refitForm, "refit_max_iterations", tr("Max iterations"), refitMaxIterations_,
           tr("`--max-iterations`: fit.max_iterations of each round (the run's own by default)"));
  refitWarmStart_ = new QCheckBox(tr("Warm start"));
  refitWarmStart_->setChecked(rd.warm_start);
  addField(refitForm, "refit_warm_start", QString(), refitWarmStart_,
           tr("`--warm-start`: start each round from the previous round's kept weights"));
  refitReplace_ = new QCheckBox(tr("Replace an earlier refit"));
  refitReplace_->setChecked(rd.replace);
  addField(refitForm, "refit_replace", QString(), refitReplace_,
           tr("`--replace`: delete RUN_DIR/refit/ of an earlier refit first"));
  refitButton_ = new QPushButton(tr("Refit"));
  refitButton_->setObjectName(QStringLiteral("runRefit"));
  refitButton_->setToolTip(tr("Run the refit on a worker thread; Cancel stops the round's fit "
                              "(its run is kept) and the refit"));
  refitForm->addRow(refitButton_);
  top->addWidget(refitBox);

  run_ = new QPushButton(tr("Run"));
  run_->setObjectName(QStringLiteral("runInference"));
  run_->setToolTip(tr("Run the chosen method on a worker thread (Ctrl+I)"));
  run_->setShortcut(QKeySequence(tr("Ctrl+I")));
  cancel_ = new QPushButton(tr("Cancel"));
  cancel_->setToolTip(tr("Stop the inference at its next check; what it has is kept"));
  progress_ = new QProgressBar;
  progress_->setRange(0, 1000);
  progress_->setValue(0);
  progress_->setFormat(tr("ready"));
  auto *buttons = new QHBoxLayout;
  buttons->addWidget(run_);
  buttons->addWidget(cancel_);
  top->addStretch(1);
  // Run, Cancel, progress and status stay in view below the scrolling form.
  auto *left = new QWidget;
  auto *lv = new QVBoxLayout(left);
  lv->setContentsMargins(0, 0, 0, 0);
  status_ = new QLabel;
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto *scroll = new QScrollArea;
  scroll->setWidget(form);
  scroll->setWidgetResizable(true);
  scroll->setMinimumWidth(380);
  lv->addWidget(scroll, 1);
  lv->addLayout(buttons);
  lv->addWidget(progress_);
  lv->addWidget(status_);

  auto *right = new QWidget;
  auto *rv = new QVBoxLayout(right);
  // Beside the corner plot: why the shown result may not be the posterior yet.
  convergence_ = new QLabel;
  convergence_->setObjectName(QStringLiteral("convergence"));
  convergence_->setWordWrap(true);
  convergence_->setStyleSheet(QStringLiteral("QLabel { color: #8a4b00; background: #fff4e0; "
                                             "border: 1px solid #e0a040; padding: 4px; }"));
  convergence_->hide();
  rv->addWidget(convergence_);
  views_ = new QStackedWidget;
  views_->addWidget(corner_);
  views_->addWidget(summaries_);
  refitView_ = new RefitView;
  views_->addWidget(refitView_);
  summaries_->setObjectName(QStringLiteral("summaryPlot"));
  summaries_->setShowRegions(false); // a scatter below the diagonal, histograms on it
  rv->addWidget(views_, 1);
  auto *exports = new QHBoxLayout;
  showSamples_ = new QCheckBox(tr("Show accepted samples"));
  showSamples_->setToolTip(tr("Scatter the accepted ABC draws (or the PMC population) below "
                              "the diagonal"));
  auto *exportFigure = new QPushButton(tr("Export PNG / PDF…"));
  auto *exportGetDist = new QPushButton(tr("Export GetDist…"));
  exportGetDist->setToolTip(tr("Write the samples of the last result as a GetDist root "
                               "(root_1.txt, root.paramnames, root.ranges)"));
  showSummaries_ = new QCheckBox(tr("Show ABC summaries"));
  showSummaries_->setObjectName(QStringLiteral("showSummaries"));
  showRefit_ = new QCheckBox(tr("Show refit"));
  showRefit_->setObjectName(QStringLiteral("showRefit"));
  showRefit_->setToolTip(tr("Show the trajectory of θ̂ over the refit's rounds instead of the "
                            "corner plot"));
  exports->addWidget(showSamples_);
  exports->addWidget(showSummaries_);
  exports->addWidget(showRefit_);
  exports->addStretch(1);
  exports->addWidget(exportFigure);
  exports->addWidget(exportGetDist);
  rv->addLayout(exports);

  auto *split = new QSplitter;
  split->setObjectName(QStringLiteral("inferSplitter"));
  split->addWidget(left);
  split->addWidget(right);
  split->setStretchFactor(1, 2);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(split);

  connect(run_, &QPushButton::clicked, this, &InferPanel::runInference);
  connect(cancel_, &QPushButton::clicked, this, &InferPanel::cancelInference);
  connect(exportFigure, &QPushButton::clicked, this, &InferPanel::chooseExportFigure);
  connect(exportGetDist, &QPushButton::clicked, this, &InferPanel::chooseExportGetDist);
  connect(showSamples_, &QCheckBox::toggled, this, &InferPanel::updateSamples);
  connect(smoothing_, &QLineEdit::editingFinished, this, &InferPanel::resmooth);
  connect(showSummaries_, &QCheckBox::toggled, this, [this](bool on) {
    if (on) showRefit_->setChecked(false);
    showView(on                        ? static_cast<QWidget *>(summaries_)
             : showRefit_->isChecked() ? static_cast<QWidget *>(refitView_)
                                       : static_cast<QWidget *>(corner_));
  });
  connect(showRefit_, &QCheckBox::toggled, this, [this](bool on) {
    if (on) showSummaries_->setChecked(false);
    showView(on                            ? static_cast<QWidget *>(refitView_)
             : showSummaries_->isChecked() ? static_cast<QWidget *>(summaries_)
                                           : static_cast<QWidget *>(corner_));
  });
  connect(refitButton_, &QPushButton::clicked, this, &InferPanel::runRefit);
  connect(refit_, &RefitController::progress, this, [this](double f, const QString &m) {
    progress_->setValue(static_cast<int>(1000 * std::clamp(f, 0.0, 1.0)));
    progress_->setFormat(QStringLiteral("%p%"));
    status_->setText(m);
  });
  connect(refit_, &RefitController::roundFinished, this, [this] {
    updateRefitView();
    showRefit_->setEnabled(true);
    showRefit_->setChecked(true);
  });
  connect(refit_, &RefitController::finished, this, &InferPanel::onRefitFinished);
  connect(refitView_, &RefitView::openRunRequested, this, &InferPanel::openRunRequested);
  connect(controller_, &InferController::progress, this, [this](double f, const QString &m) {
    progress_->setValue(static_cast<int>(1000 * std::clamp(f, 0.0, 1.0)));
    progress_->setFormat(QStringLiteral("%p%"));
    status_->setText(m);
  });
  connect(controller_, &InferController::finished, this, &InferPanel::onFinished);
  updateSummaries();
  updateRefitView();
  updateButtons();
}

InferPanel::~InferPanel() = default;

void InferPanel::addField(QFormLayout *form, const QString &option, const QString &label,
                          QWidget *widget, const QString &tooltip) {
  widget->setToolTip(tooltip);
  widget->setObjectName(option);
  form->addRow(label, widget);
  if (auto *l = form->labelForField(widget)) l->setToolTip(tooltip);
  fields_.insert(option, widget);
}

QWidget *InferPanel::field(const QString &option) const {
  return fields_.value(option);
}

void InferPanel::setSimulatedTarget(bool simulate) {
  (simulate ? simulate_ : fromFile_)->setChecked(true);
}

void InferPanel::setMethod(const QString &method) {
  const int i = method_->findData(method);
  if (i >= 0) method_->setCurrentIndex(i);
}

QString InferPanel::method() const {
  return method_->currentData().toString();
}

const lfi::InferenceResult *InferPanel::result(const QString &method) const {
  const auto it = results_.find(method);
  return it == results_.end() ? nullptr : &it->second;
}

bool InferPanel::setRunDirectory(const QString &runDir) {
  runDir_ = QDir::cleanPath(runDir);
  modelReady_ = false;
  runEdit_->setText(runDir_);
  const QString modelFile = QDir(runDir_).filePath("model.json");
  if (!QFileInfo::exists(modelFile)) {
    status_->setText(
        tr("%1 has no model.json yet: fit it to the end (or stop it) first").arg(runDir_));
    updateButtons();
    return false;
  }
  TrainedModel model; // read as the engine reads it (imnn/trained_model.h), checks included
  try {
    model = TrainedModel::load(modelFile.toStdString());
  } catch (const std::exception &e) {
    status_->setText(tr("cannot use this run: %1").arg(QString::fromStdString(e.what())));
    updateButtons();
    return false;
  }
  const std::vector<std::string> &names = model.param_names;
  const std::vector<double> &fid = model.theta_fid;
  const bool sameProblem = names == paramNames_;
  paramNames_ = names;
  thetaFid_ = fid;
  if (!sameProblem || theta_->text().trimmed().isEmpty()) theta_->setText(numberList(fid));
  const json descriptor = model.simulator.is_object()
                              ? model.simulator.value("descriptor", json::object())
                              : json::object();
  if (!sameProblem || priorLow_->text().trimmed().isEmpty()) {
    priorLow_->setText(numberList(numbersOf(descriptor, "prior_low")));
    priorHigh_->setText(numberList(numbersOf(descriptor, "prior_high")));
  }
  QStringList qnames;
  for (const auto &n : names)
    qnames << QString::fromStdString(n);
  corner_->setParameterNames(qnames);
  if (!sameProblem) {
    results_.clear();
    updateSummaries();
    updateConvergence();
  }
  status_->setText(tr("Ready to infer with %1").arg(QFileInfo(runDir_).fileName()));
  modelReady_ = true;
  updateButtons();
  return true;
}

lfi::InferenceOptions InferPanel::options() const {
  lfi::InferenceOptions o;
  o.method = method().toStdString();
  if (simulate_->isChecked()) {
    o.target_theta = parseNumbers(theta_->text(), "target_theta");
    if (o.target_theta.empty())
      throw lfi::InferenceError("target_theta",
                                "`target_theta` is empty: give one value per parameter");
    o.target_seed = targetSeed_->value();
  } else {
    o.target = targetFile_->text().trimmed().toStdString();
    if (o.target.empty())
      throw lfi::InferenceError("target", "no target file: choose a .npy file of the observed "
                                          "data, or simulate the target at θ");
  }
  o.name = name_->text().trimmed().toStdString();
  o.replace = true; // the GUI reruns a method in place
  o.threads = threads_->value();
  o.seed = seed_->value();
  o.prior_low = parseNumbers(priorLow_->text(), "prior_low");
  o.prior_high = parseNumbers(priorHigh_->text(), "prior_high");
  o.gridsize = {gridsize_->value()};
  o.smoothing = parseNumber(smoothing_, "smoothing");
  o.distance = distance_->currentText().toStdString();
  if (o.method == "ga") {
    o.n_samples = gaSamples_->value();
  } else if (o.method == "abc") {
    const QString eps = epsilon_->text().trimmed();
    o.epsilon = eps.compare(QLatin1String("auto"), Qt::CaseInsensitive) == 0
                    ? -1.0
                    : parseNumber(epsilon_, "epsilon");
    if (o.epsilon < 0 && eps.compare(QLatin1String("auto"), Qt::CaseInsensitive) != 0)
      throw lfi::InferenceError("epsilon", "`epsilon`: " + eps.toStdString() +
                                               " is negative; give a distance >= 0, or auto");
    if (o.epsilon < 0) o.accept_fraction = parseNumber(acceptFraction_, "accept_fraction");
    o.n_samples = abcSamples_->value();
    o.min_accepted = minAccepted_->value();
    o.max_iterations = maxIterations_->value();
  } else {
    o.n_points = nPoints_->value();
    o.n_initial_points = nInitial_->value();
    o.percentile = parseNumber(percentile_, "percentile");
    o.acceptance_ratio = parseNumber(acceptanceRatio_, "acceptance_ratio");
    o.max_iteration = maxIteration_->value();
    o.max_acceptance = maxAcceptance_->value();
  }
  return o;
}

void InferPanel::markField(const QString &option, bool invalid) {
  QWidget *w = fields_.value(option == "n_samples" && method() == "ga" ? "n_samples_ga" : option);
  if (!w) return;
  w->setProperty("invalid", invalid);
  w->style()->unpolish(w);
  w->style()->polish(w);
}

void InferPanel::startGuarded(const std::function<void()> &start) {
  if (controller_->isRunning() || refit_->isRunning()) return;
  for (const QString &k : fields_.keys())
    markField(k, false);
  if (runDir_.isEmpty()) {
    status_->setText(tr("error: no trained run: fit one, or open a run in the Runs tab"));
    return;
  }
  try {
    start();
  } catch (const lfi::InferenceError &e) {
    markField(QString::fromStdString(e.option()), true);
    status_->setText(tr("error: %1").arg(QString::fromStdString(e.what())));
  } catch (const std::exception &e) {
    status_->setText(tr("error: %1").arg(QString::fromStdString(e.what())));
  }
  updateButtons();
}

void InferPanel::runInference() {
  startGuarded([this] {
    QString error;
    const lfi::CheckedInferenceOptions o(options());
    if (!controller_->start(runDir_, o, &error)) status_->setText(tr("error: %1").arg(error));
  });
}

void InferPanel::cancelInference() {
  if (!controller_->isRunning() && !refit_->isRunning()) return;
  status_->setText(tr("Cancelling…"));
  if (controller_->isRunning()) controller_->cancel();
  if (refit_->isRunning()) refit_->cancel();
}

void InferPanel::onFinished(bool ok, const QString &message) {
  progress_->setValue(ok ? 1000 : 0);
  progress_->setFormat(ok ? tr("done") : tr("failed"));
  status_->setText(ok ? message : tr("error: %1").arg(message));
  if (!ok) markField(controller_->errorOption(), true);
  if (ok && controller_->lastResult()) {
    const lfi::InferenceResult &r = *controller_->lastResult();
    const QString m = QString::fromStdString(r.method);
    results_[m] = r;
    last_ = m;
    showResult(r);
  }
  updateButtons();
}

QString InferPanel::resultLabel(const lfi::InferenceResult &r) const {
  const QString m = QString::fromStdString(r.method);
  QString label = methodTitle(m);
  if (r.method == "abc")
    label = tr("ABC (%1 accepted)").arg(r.samples.rows());
  else if (r.method == "pmc")
    label = tr("PMC (%1 points)").arg(r.samples.rows());
  if (r.cancelled)
    label += tr(", cancelled");
  else if (!r.converged)
    label += tr(", not converged");
  return label;
}

void InferPanel::resmooth() {
  QString why;
  const std::optional<double> s = numbers::parse(smoothing_->text(), &why);
  const bool bad = !s || !(*s >= 0);
  markField(QStringLiteral("smoothing"), bad);
  if (bad) {
    status_->setText(tr("error: smoothing: %1")
                         .arg(s ? tr("type a number of bins >= 0, e.g. %1")
                                      .arg(numbers::format(kDefaultSmoothing))
                                : why));
    return;
  }
  // The histograms of ABC and PMC again from their samples (the GA's marginals are the
  // Gaussian's own): no inference runs.
  for (auto &[m, r] : results_) {
    if (r.method == "ga" || r.samples.rows() == 0 || r.marginals.dim() == 0) continue;
    r.marginals = lfi::histogram_marginals(r.samples, r.weights, r.marginals.ranges, *s);
    if (corner_->hasOverlay(m)) corner_->setOverlay(m, r.marginals, resultLabel(r), methodColor(m));
  }
  if (results_.count(QStringLiteral("abc"))) updateSummaries();
}

void InferPanel::showResult(const lfi::InferenceResult &r) {
  const QString m = QString::fromStdString(r.method);
  corner_->removeOverlay(QStringLiteral("fisher")); // the forecast's window is not the prior's
  const QString label = resultLabel(r);
  updateConvergence();
  if (r.samples.rows() > 0 || r.method == "ga")
    corner_->setOverlay(m, r.marginals, label, methodColor(m));
  else
    corner_->removeOverlay(m); // nothing accepted: an empty histogram
  corner_->setMarker(r.theta_fid, tr("θ_fid"));
  if (!r.target_theta.empty()) corner_->addMarker(r.target_theta, tr("true θ"), Qt::red);
  updateSamples();
  if (r.method == "abc") updateSummaries();
}

void InferPanel::updateConvergence() {
  QStringList lines;
  for (const auto &[m, r] : results_)
    if (!r.converged && !r.cancelled)
      lines << tr("%1 did not converge (its posterior may be too wide or shifted): %2")
                   .arg(methodTitle(m), QString::fromStdString(r.convergence));
  convergence_->setText(lines.join('\n'));
  convergence_->setVisible(!lines.isEmpty());
}

void InferPanel::updateSummaries() {
  const lfi::InferenceResult *r = result(QStringLiteral("abc"));
  Index accepted = 0;
  if (r)
    for (char a : r->accepted)
      accepted += a ? 1 : 0;
  const Index q = r ? r->summaries.cols() : 0;
  if (!r || accepted == 0 || q == 0 || r->target_estimate.size() != q ||
      static_cast<Index>(r->accepted.size()) != r->summaries.rows()) {
    showSummaries_->setChecked(false);
    showSummaries_->setEnabled(false);
    showSummaries_->setToolTip(
        r ? tr("The last ABC run accepted no draws: raise ε or the draws and run ABC again")
          : tr("No ABC result yet: run ABC (Method: ABC) to scatter its accepted summaries"));
    summaries_->clear();
    return;
  }
  showSummaries_->setEnabled(true);
  showSummaries_->setToolTip(tr("Show the summaries (quasi-ML estimates θ̂) of the accepted ABC "
                                "draws in summary space, the target's summary marked "
                                "(reference: ABC.scatter_summaries)"));
  lfi::MatrixD s(accepted, q);
  for (Index i = 0, k = 0; i < r->summaries.rows(); ++i)
    if (r->accepted[static_cast<std::size_t>(i)]) s.row(k++) = r->summaries.row(i);
  // The grid spans the accepted summaries and the target's, with a margin.
  std::vector<double> low(static_cast<std::size_t>(q)), high(low.size());
  for (Index j = 0; j < q; ++j) {
    const double lo = std::min(s.col(j).minCoeff(), r->target_estimate(j));
    const double hi = std::max(s.col(j).maxCoeff(), r->target_estimate(j));
    const double pad = hi > lo ? 0.05 * (hi - lo) : 0.5;
    low[static_cast<std::size_t>(j)] = lo - pad;
    high[static_cast<std::size_t>(j)] = hi + pad;
  }
  const int grid = r->marginals.dim() > 0 ? static_cast<int>(r->marginals.ranges[0].size()) : 50;
  const lfi::Marginals m = lfi::histogram_marginals(
      s, {}, lfi::make_ranges(low, high, std::vector<Index>(low.size(), grid)),
      numbers::parse(smoothing_->text()).value_or(0.0));
  QStringList names;
  for (Index j = 0; j < q; ++j)
    names << (j < static_cast<Index>(r->param_names.size())
                  ? tr("summary of %1").arg(QString::fromStdString(r->param_names[j]))
                  : tr("summary %1").arg(j + 1));
  summaries_->clear();
  summaries_->setParameterNames(names);
  const QColor color = methodColor(QStringLiteral("abc"));
  summaries_->setOverlay(QStringLiteral("abc"), m, tr("ABC accepted summaries (%1)").arg(accepted),
                         color);
  summaries_->setSamples(s, tr("accepted draws' summaries"), color.darker(130));
  const Eigen::VectorXd &t = r->target_estimate;
  summaries_->setMarker(std::vector<double>(t.data(), t.data() + t.size()), tr("target's summary"));
}

void InferPanel::updateSamples() {
  const lfi::InferenceResult *r = result(QStringLiteral("abc"));
  QString m = QStringLiteral("abc");
  if (!r) {
    r = result(QStringLiteral("pmc"));
    m = QStringLiteral("pmc");
  }
  if (!showSamples_->isChecked() || !r) {
    corner_->setSamples({}, {});
    return;
  }
  corner_->setSamples(r->samples, m == "abc" ? tr("ABC accepted draws") : tr("PMC population"),
                      methodColor(m).darker(130));
}

void InferPanel::updateButtons() {
  const bool running = controller_->isRunning() || refit_->isRunning();
  run_->setEnabled(!running && modelReady_);
  refitButton_->setEnabled(!running && modelReady_);
  cancel_->setEnabled(running);
}

void InferPanel::showView(QWidget *view) {
  views_->setCurrentWidget(view);
}

RefitOptions InferPanel::refitOptions() const {
  RefitOptions o;
  if (simulate_->isChecked()) {
    o.target_theta = parseNumbers(theta_->text(), "target_theta");
    if (o.target_theta.empty())
      throw lfi::InferenceError("target_theta",
                                "`target_theta` is empty: give one value per parameter");
    o.target_seed = static_cast<std::uint64_t>(targetSeed_->value());
  } else {
    o.target = targetFile_->text().trimmed().toStdString();
    if (o.target.empty())
      throw lfi::InferenceError("target", "no target file: choose a .npy file of the observed "
                                          "data, or simulate the target at θ");
  }
  o.rounds = refitRoundsSpin_->value();
  o.tolerance = parseNumber(refitTolerance_, "refit_tolerance");
  if (!(o.tolerance > 0))
    throw lfi::InferenceError("refit_tolerance",
                              "`tolerance`: give a number of Fisher standard deviations > 0, "
                              "e.g. " +
                                  numbers::format(RefitOptions{}.tolerance).toStdString());
  o.warm_start = refitWarmStart_->isChecked();
  o.max_iterations = refitMaxIterations_->value() > 0 ? refitMaxIterations_->value() : -1;
  o.replace = refitReplace_->isChecked();
  return o;
}

} // namespace imnn::gui
