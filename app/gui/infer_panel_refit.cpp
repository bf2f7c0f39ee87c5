// InferPanel's refit at the estimate: starting imnn::refit on the tab's target
// (RefitController), its end, and the RefitView beside the corner plot.
#include "infer_controller.h"
#include "infer_panel.h"
#include "number_format.h"
#include "refit_controller.h"
#include "refit_view.h"

#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>

namespace imnn::gui {

void InferPanel::runRefit() {
  startGuarded([this] {
    const RefitOptions o = refitOptions();
    const QDir earlier(QDir(runDir_).filePath(QStringLiteral("refit")));
    if (!o.replace && earlier.exists() && !earlier.isEmpty()) {
      markField(QStringLiteral("refit_replace"), true);
      status_->setText(tr("error: %1 holds an earlier refit: tick “Replace an earlier refit” to "
                          "overwrite it")
                           .arg(earlier.path()));
      return;
    }
    QString error;
    refitTrueTheta_ = o.target_theta;
    if (!refit_->start(runDir_, o, &error)) status_->setText(tr("error: %1").arg(error));
    updateRefitView();
  });
}

void InferPanel::onRefitFinished(bool ok, const QString &message) {
  progress_->setValue(ok ? 1000 : 0);
  progress_->setFormat(ok ? tr("done") : tr("failed"));
  status_->setText(ok ? message : tr("error: %1").arg(message));
  updateRefitView();
  updateButtons();
}

QCustomPlot *InferPanel::refitPlot() const {
  return refitView_->plot();
}
QLabel *InferPanel::refitSummaryLabel() const {
  return refitView_->summaryLabel();
}
QListWidget *InferPanel::refitRoundsList() const {
  return refitView_->roundsList();
}

void InferPanel::updateRefitView() {
  const std::vector<RefitRound> &rounds = refit_->rounds();
  showRefit_->setEnabled(!rounds.empty());
  if (rounds.empty() && showRefit_->isChecked()) showRefit_->setChecked(false);
  refitView_->setRounds(rounds, refit_->isRunning() ? nullptr : refit_->lastResult(),
                        refitTrueTheta_, paramNames_,
                        numbers::parse(refitTolerance_->text()).value_or(0.0));
}

} // namespace imnn::gui
