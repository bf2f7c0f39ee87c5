// InferPanel's exports: the shown figure (corner plot, ABC summaries or the refit
// trajectory) as PDF or PNG, and the last result as a GetDist root.
#include "imnn/error.h"
#include "imnn/lfi.h"

#include "corner_plot.h"
#include "infer_panel.h"
#include "refit_view.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <qcustomplot.h>

namespace imnn::gui {

bool InferPanel::exportPng(const QString &file, int dpi) {
  if (showRefit_->isChecked()) {
    const double scale = dpi > 0 ? dpi / 96.0 : 1.0;
    return refitView_->plot()->savePng(file, 0, 0, scale, -1, dpi > 0 ? dpi : 96,
                                       QCP::ruDotsPerInch);
  }
  return (showSummaries_->isChecked() ? summaries_ : corner_)->exportPng(file, dpi);
}

QString InferPanel::defaultExportName() const {
  QString run = QFileInfo(runDir_).fileName();
  if (run.isEmpty()) run = QStringLiteral("imnn");
  if (showSummaries_->isChecked()) return run + QStringLiteral("_abc_summaries.pdf");
  if (showRefit_->isChecked()) return run + QStringLiteral("_refit_trajectory.pdf");
  QStringList methods;
  for (const QString &m : {QStringLiteral("ga"), QStringLiteral("abc"), QStringLiteral("pmc")})
    if (corner_->hasOverlay(m)) methods << m;
  if (methods.isEmpty() && corner_->hasOverlay(QStringLiteral("fisher")))
    methods << QStringLiteral("fisher");
  return run + QStringLiteral("_corner") +
         (methods.isEmpty() ? QString() : QStringLiteral("_") + methods.join('_')) +
         QStringLiteral(".pdf");
}

bool InferPanel::exportPdf(const QString &file) {
  if (showRefit_->isChecked()) return refitView_->plot()->savePdf(file);
  return (showSummaries_->isChecked() ? summaries_ : corner_)->exportPdf(file);
}

bool InferPanel::exportGetDist(const QString &root, QString *error) {
  const lfi::InferenceResult *r = result(last_);
  try {
    if (!r) throw Error("no inference result yet: run GA, ABC or PMC first");
    lfi::write_getdist(root.toStdString(), r->samples, r->weights, r->minus_log_post,
                       r->param_names, r->prior_low, r->prior_high);
    return true;
  } catch (const std::exception &e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
}

bool InferPanel::chooseExportFigure() {
  const QString dir = runDir_.isEmpty() ? QDir::currentPath() : runDir_;
  const QString file = QFileDialog::getSaveFileName(this, tr("Export the corner plot"),
                                                    QDir(dir).filePath(defaultExportName()),
                                                    tr("PDF, vector (*.pdf);;PNG (*.png)"));
  if (file.isEmpty()) return false;
  bool ok = false;
  if (file.endsWith(".png", Qt::CaseInsensitive)) {
    bool chosen = false;
    const int dpi = QInputDialog::getInt(this, tr("PNG resolution"),
                                         tr("Dots per inch (the shown figure at 96 dpi):"), pngDpi_,
                                         36, 2400, 1, &chosen);
    if (!chosen) return false;
    pngDpi_ = dpi;
    ok = exportPng(file, dpi);
  } else {
    ok = exportPdf(file);
  }
  status_->setText(ok ? tr("Exported %1").arg(file)
                      : tr("error: cannot write %1; choose another folder").arg(file));
  return true;
}

void InferPanel::chooseExportGetDist() {
  const QString root = QFileDialog::getSaveFileName(
      this, tr("GetDist root (files root_1.txt, root.paramnames, root.ranges)"), runDir_);
  if (root.isEmpty()) return;
  QString error;
  status_->setText(exportGetDist(root, &error) ? tr("Wrote the GetDist root %1").arg(root)
                                               : tr("error: %1").arg(error));
}

} // namespace imnn::gui
