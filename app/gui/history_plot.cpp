#include "history_plot.h"

#include <QVBoxLayout>
#include <cmath>
#include <limits>
#include <qcustomplot.h>

namespace imnn::gui {

namespace {

QCPAxisRect *addRect(QCustomPlot *plot, int row, const QString &ylabel) {
  auto *rect = row == 0 ? plot->axisRect() : new QCPAxisRect(plot);
  if (row > 0) plot->plotLayout()->addElement(row, 0, rect);
  rect->axis(QCPAxis::atLeft)->setLabel(ylabel);
  auto *legend = new QCPLegend;
  rect->insetLayout()->addElement(legend, Qt::AlignTop | Qt::AlignRight);
  legend->setLayer(QStringLiteral("legend"));
  legend->setBrush(QColor(255, 255, 255, 200));
  legend->setFont(QFont(plot->font().family(), 8));
  return rect;
}

QCPLegend *legendOf(QCPAxisRect *rect) {
  return qobject_cast<QCPLegend *>(rect->insetLayout()->elementAt(0));
}

} // namespace

HistoryPlot::HistoryPlot(QWidget *parent)
    : QWidget(parent), plot_(new QCustomPlot(this)),
      expected_(std::numeric_limits<double>::quiet_NaN()) {
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(plot_);
  plot_->plotLayout()->clear();
  plot_->plotLayout()->addElement(0, 0, new QCPAxisRect(plot_));
  plot_->legend = nullptr;
  // Each panel has its own legend: a new QCPLegend would otherwise become the plot's
  // default one and collect every graph.
  plot_->setAutoAddPlottableToLegend(false);

  QCPAxisRect *rF = addRect(plot_, 0, tr("det F"));
  QCPAxisRect *rC = addRect(plot_, 1, tr("det C, det C⁻¹"));
  QCPAxisRect *rL = addRect(plot_, 2, tr("Λ2"));
  QCPAxisRect *rLoss = addRect(plot_, 3, tr("loss"));
  auto *margins = new QCPMarginGroup(plot_);
  for (auto *rect : {rF, rC, rL, rLoss}) {
    rect->axis(QCPAxis::atBottom)->setLabel(tr("iteration"));
    rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
  }

  detF_ = addGraph(rF, tr("det F (training)"), QColor(31, 119, 180));
  valDetF_ = addGraph(rF, tr("det F (validation)"), QColor(255, 127, 14));
  detC_ = addGraph(rC, tr("det C"), QColor(44, 160, 44));
  detInvC_ = addGraph(rC, tr("det C⁻¹"), QColor(214, 39, 40));
  lambda2_ = addGraph(rL, tr("Λ2"), QColor(148, 103, 189));
  r_ = addGraph(rL, tr("r (right axis)"), QColor(140, 86, 75), /*right_axis=*/true);
  loss_ = addGraph(rLoss, tr("loss"), QColor(31, 119, 180));

  QCPAxis *logAxis = rC->axis(QCPAxis::atLeft);
  logAxis->setScaleType(QCPAxis::stLogarithmic);
  logAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
  QCPAxis *rAxis = rL->axis(QCPAxis::atRight);
  rAxis->setVisible(true);
  rAxis->setLabel(tr("r"));

  unitLine_ = new QCPItemStraightLine(plot_);
  unitLine_->setClipAxisRect(rC);
  for (auto *pos : {unitLine_->point1, unitLine_->point2})
    pos->setAxes(rC->axis(QCPAxis::atBottom), logAxis);
  unitLine_->point1->setCoords(0, 1);
  unitLine_->point2->setCoords(1, 1);
  unitLine_->setPen(QPen(Qt::gray, 1, Qt::DotLine));

  expectedLine_ = new QCPItemStraightLine(plot_);
  expectedLine_->setClipAxisRect(rF);
  for (auto *pos : {expectedLine_->point1, expectedLine_->point2})
    pos->setAxes(rF->axis(QCPAxis::atBottom), rF->axis(QCPAxis::atLeft));
  expectedLine_->setPen(QPen(Qt::black, 1.5, Qt::DashLine));
  expectedLine_->setVisible(false);

  replotTimer_.setSingleShot(true);
  replotTimer_.setInterval(kReplotIntervalMs);
  connect(&replotTimer_, &QTimer::timeout, this, &HistoryPlot::replotNow);
  setMinimumSize(420, 480);
}

QCPGraph *HistoryPlot::addGraph(QCPAxisRect *rect, const QString &name, const QColor &color,
                                bool right_axis) {
  QCPGraph *g = plot_->addGraph(rect->axis(QCPAxis::atBottom),
                                rect->axis(right_axis ? QCPAxis::atRight : QCPAxis::atLeft));
  g->setName(name);
  g->setPen(QPen(color, 1.2));
  g->setAdaptiveSampling(true);
  g->addToLegend(legendOf(rect));
  return g;
}

void HistoryPlot::clear() {
  for (auto *g : {detF_, valDetF_, detC_, detInvC_, lambda2_, r_, loss_})
    g->data()->clear();
  for (QCPGraph *g : overlays_)
    plot_->removeGraph(g);
  overlays_.clear();
  replotNow();
}

void HistoryPlot::addOverlay(const QString &label, const std::vector<IterationRecord> &records) {
  static const QColor palette[] = {QColor(44, 160, 44),   QColor(214, 39, 40),
                                   QColor(148, 103, 189), QColor(140, 86, 75),
                                   QColor(227, 119, 194), QColor(127, 127, 127)};
  const QColor color = palette[overlays_.size() % (sizeof palette / sizeof palette[0])];
  QCPGraph *g = addGraph(detF_->keyAxis()->axisRect(), tr("det F: %1").arg(label), color);
  g->setPen(QPen(color, 1.2, Qt::DashDotLine));
  for (const IterationRecord &rec : records)
    g->addData(rec.iteration, rec.train.detF);
  overlays_.push_back(g);
  replotNow();
}

void HistoryPlot::append(const std::vector<IterationRecord> &records) {
  for (const IterationRecord &rec : records) {
    const double x = rec.iteration;
    detF_->addData(x, rec.train.detF);
    // A NaN validation value (validation off) leaves a gap rather than a point.
    valDetF_->addData(x, rec.val.detF);
    detC_->addData(x, rec.train.detC);
    detInvC_->addData(x, rec.train.detinvC);
    lambda2_->addData(x, rec.train.Lambda2);
    r_->addData(x, rec.train.r);
    loss_->addData(x, rec.loss);
  }
  if (!records.empty() && !replotTimer_.isActive()) replotTimer_.start();
}

void HistoryPlot::setExpectedDetF(double value) {
  expected_ = value;
  expectedLine_->setVisible(std::isfinite(value));
  if (std::isfinite(value)) {
    expectedLine_->point1->setCoords(0, value);
    expectedLine_->point2->setCoords(1, value);
  }
  replotNow();
}

int HistoryPlot::pointCount() const {
  return detF_->data()->size();
}

void HistoryPlot::replotNow() {
  replotTimer_.stop();
  for (QCPAxisRect *rect : plot_->axisRects()) {
    const QList<QCPGraph *> graphs = rect->graphs();
    for (int i = 0; i < graphs.size(); ++i)
      graphs[i]->rescaleAxes(/*onlyEnlarge=*/i > 0);
  }
  QCPAxis *fAxis = detF_->valueAxis();
  if (std::isfinite(expected_)) {
    QCPRange range = fAxis->range();
    range.expand(expected_);
    const double pad = 0.05 * range.size(); // the line inside the panel, not on its edge
    fAxis->setRange(range.lower - pad, range.upper + pad);
  }
  // The line at 1 of the det C panel stays in view.
  QCPAxis *cAxis = detC_->valueAxis();
  QCPRange cRange = cAxis->range();
  cRange.expand(1.0);
  cAxis->setRange(cRange.lower * 0.9, cRange.upper * 1.1);
  ++replots_;
  plot_->replot();
}

} // namespace imnn::gui
