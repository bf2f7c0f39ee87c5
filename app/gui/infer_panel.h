// The Infer tab: a trained run (the last fit or a run opened in the browser), a
// target (simulated at a chosen θ and seed, or loaded from a .npy file), the
// Gaussian approximation, ABC or PMC with their options and the prior box (from the
// model's simulator descriptor), run on a worker thread (InferController) with
// progress and Cancel. Results are written to RUN_DIR/inference/<name>/ as by
// `imnn infer` and overlaid on the corner plot: GA blue, ABC orange, PMC green, the
// fiducial and true θ as markers, optionally the accepted samples as a scatter.
// A second corner plot shows the accepted ABC draws' summaries (estimates θ̂) in
// summary space with the target's summary marked (the reference's
// ABC.scatter_summaries). The smoothing field re-smooths the shown ABC / PMC
// histograms at once. The shown figure exports as a PNG at a chosen DPI and as a
// vector PDF, the samples as a GetDist root.
// "Refit at the estimate" runs the iterative re-fit (imnn/refit.h, as `imnn refit`) on
// the panel's target with its rounds, tolerance and warm start (RefitController), and
// shows the trajectory of θ̂ (one panel per parameter against the round, ±1 Fisher sd)
// beside the final det F, F, the convergence and the rounds' run directories.
#pragma once

#include "imnn/inference.h"
#include "imnn/refit.h"

#include <QColor>
#include <QHash>
#include <QString>
#include <QWidget>
#include <functional>
#include <map>
#include <memory>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QCustomPlot;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;

namespace imnn {
class PluginRegistry;
}

namespace imnn::gui {

class CornerPlot;
class InferController;
class RefitController;
class RefitView;

class InferPanel : public QWidget {
  Q_OBJECT
public:
  // The corner plot is shown on the right of the panel (it becomes its child).
  InferPanel(std::shared_ptr<PluginRegistry> registry, CornerPlot *corner,
             QWidget *parent = nullptr);
  ~InferPanel() override;

  // The run to infer with: fills the parameter names, θ_fid (as the target θ) and the
  // prior box from its model.json. Returns false (reason in the status) without one.
  bool setRunDirectory(const QString &runDir);
  QString runDirectory() const { return runDir_; }
  void setMethod(const QString &method); // ga, abc, pmc
  QString method() const;
  // The options the form shows; throws imnn::Error (InferenceError naming the
  // option) for a value that does not parse.
  lfi::InferenceOptions options() const;
  // The widget of an option (InferenceOptions field name: "epsilon", "n_points", ...,
  // "target_theta", "target"); null when none.
  QWidget *field(const QString &option) const;
  // Simulate the target at θ (true) or load it from the file field (false).
  void setSimulatedTarget(bool simulate);

  InferController *controller() const { return controller_; }
  RefitController *refitController() const { return refit_; }
  // The refit's options from the form (rounds, tolerance, warm start, max iterations,
  // replace) and the target; throws imnn::Error for a value that does not parse.
  RefitOptions refitOptions() const;
  QPushButton *refitButton() const { return refitButton_; }
  // The trajectory of θ̂: one axis rect per parameter, x the round.
  QCustomPlot *refitPlot() const;
  // Beside the trajectory: converged or why not, the final det F and F.
  QLabel *refitSummaryLabel() const;
  // The rounds' run directories (double-click opens one in the Runs tab).
  QListWidget *refitRoundsList() const;
  // Shows the refit view instead of the corner plot; enabled once a refit has a round.
  QCheckBox *showRefitBox() const { return showRefit_; }
  QPushButton *runButton() const { return run_; }
  QPushButton *cancelButton() const { return cancel_; }
  QProgressBar *progressBar() const { return progress_; }
  QLabel *statusLabel() const { return status_; }
  // Shown beside the corner plot while a shown result stopped before its criterion.
  QLabel *convergenceLabel() const { return convergence_; }
  QCheckBox *showSamplesBox() const { return showSamples_; }
  // Shows the summaries view instead of the posterior corner plot; enabled once an
  // ABC result exists.
  QCheckBox *showSummariesBox() const { return showSummaries_; }
  CornerPlot *summaryPlot() const { return summaries_; }
  // Results of this session by method (the last of each).
  const lfi::InferenceResult *result(const QString &method) const;

  static QColor methodColor(const QString &method);
  static QString methodTitle(const QString &method); // "Gaussian approximation", ...

  // The shown view (corner plot or summaries) as a PNG at dpi (the widget's size at
  // 96 dpi, so width * dpi / 96 pixels) or a vector PDF.
  bool exportPng(const QString &file, int dpi = 300);
  bool exportPdf(const QString &file);
  // The export's default file name: "<run>_corner_<methods shown>.pdf" (e.g.
  // run1_corner_ga_abc.pdf), or "<run>_abc_summaries.pdf" for the summaries view.
  QString defaultExportName() const;
  // The smoothing (in bins) of a new field.
  static constexpr double kDefaultSmoothing = 2.0;
  // The samples of the last result as a GetDist root (<root>_1.txt, .paramnames, .ranges).
  bool exportGetDist(const QString &root, QString *error = nullptr);

signals:
  // A run directory to show in the Runs tab (a refit round's).
  void openRunRequested(const QString &runDir);

public slots:
  void runInference();
  // Cancels the running inference or refit.
  void cancelInference();
  void runRefit();
  // Asks for a file (PDF or PNG, named defaultExportName() in the run) and for PNG the
  // DPI (300 at first); false when cancelled.
  bool chooseExportFigure();
  // Re-smooths the shown ABC and PMC results' histograms with the smoothing field's
  // value, from their samples (no inference runs); called when the field changes.
  void resmooth();
  void chooseExportGetDist();

private:
  void onFinished(bool ok, const QString &message);
  void onRefitFinished(bool ok, const QString &message);
  void updateRefitView();
  void showView(QWidget *view);
  void showResult(const lfi::InferenceResult &r);
  QString resultLabel(const lfi::InferenceResult &r) const;
  void updateSamples();
  void updateSummaries();
  void updateConvergence();
  void updateButtons();
  void markField(const QString &option, bool invalid);
  // The checks and error reporting shared by Run and Refit: nothing running, no marks left,
  // a trained run; start() runs with its errors shown (an option's at its field).
  void startGuarded(const std::function<void()> &start);
  void addField(QFormLayout *form, const QString &option, const QString &label, QWidget *widget,
                const QString &tooltip);

  std::shared_ptr<PluginRegistry> registry_;
  CornerPlot *corner_, *summaries_;
  InferController *controller_;
  RefitController *refit_;
  RefitView *refitView_ = nullptr;
  QSpinBox *refitRoundsSpin_ = nullptr, *refitMaxIterations_ = nullptr;
  QLineEdit *refitTolerance_ = nullptr;
  QCheckBox *refitWarmStart_ = nullptr, *refitReplace_ = nullptr, *showRefit_ = nullptr;
  QPushButton *refitButton_ = nullptr;
  std::vector<double> refitTrueTheta_; // the simulated target's θ (empty: from a file)
  QString runDir_;
  bool modelReady_ = false; // runDir_ has a model.json the engine reads
  QLineEdit *runEdit_, *theta_, *targetFile_, *epsilon_, *priorLow_, *priorHigh_, *name_;
  QRadioButton *simulate_, *fromFile_;
  QComboBox *method_, *distance_;
  QStackedWidget *pages_, *views_;
  QSpinBox *targetSeed_, *gaSamples_, *abcSamples_, *minAccepted_, *maxIterations_, *nPoints_,
      *nInitial_, *maxIteration_, *maxAcceptance_, *gridsize_, *seed_, *threads_;
  QLineEdit *percentile_, *acceptanceRatio_, *smoothing_, *acceptFraction_;
  QCheckBox *showSamples_, *showSummaries_;
  QPushButton *run_, *cancel_;
  QProgressBar *progress_;
  QLabel *status_, *convergence_ = nullptr;
  QHash<QString, QWidget *> fields_;
  std::vector<std::string> paramNames_;
  std::vector<double> thetaFid_;
  std::map<QString, lfi::InferenceResult> results_;
  QString last_;
  int pngDpi_ = 300;
};

} // namespace imnn::gui
