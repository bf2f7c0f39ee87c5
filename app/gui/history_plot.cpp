#include "history_plot.h"

#include "number_format.h"

#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>
#include <qcustomplot.h>

namespace imnn::gui {

namespace {

const QColor kTrainColor(31, 119, 180), kValColor(255, 127, 14), kBestColor(0, 128, 0);

// Overlay colours: none is the open run's blue or orange.
const QColor kOverlayPalette[] = {
    QColor(44, 160, 44),   QColor(214, 39, 40),   QColor(148, 103, 189), QColor(140, 86, 75),
    QColor(227, 119, 194), QColor(127, 127, 127), QColor(188, 189, 34),  QColor(23, 190, 207)};
constexpr std::size_t kPaletteSize = sizeof kOverlayPalette / sizeof kOverlayPalette[0];

void colourAxis(QCPAxis *axis, const QColor &color) {
  axis->setLabelColor(color);
  axis->setTickLabelColor(color);
  axis->setBasePen(QPen(color));
  axis->setTickPen(QPen(color));
  axis->setSubTickPen(QPen(color));
}

} // namespace

HistoryPlot::HistoryPlot(QWidget *parent)
    : QWidget(parent), plot_(new QCustomPlot(this)),
      expected_(std::numeric_limits<double>::quiet_NaN()) {
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(plot_);
  plot_->plotLayout()->clear();
  plot_->legend = nullptr;
  // Each panel has its own legend: a new QCPLegend would otherwise become the plot's
  // default one and collect every graph.
  plot_->setAutoAddPlottableToLegend(false);
  // Overlaid runs are drawn beneath the open run's curves.
  plot_->addLayer(QStringLiteral("overlays"), plot_->layer(QStringLiteral("main")),
                  QCustomPlot::limBelow);

  const QString labels[] = {tr("det F"), tr("det C, det C⁻¹"), tr("Λ2"), tr("loss")};
  auto *margins = new QCPMarginGroup(plot_);
  for (int i = 0; i < 4; ++i) {
    // Row 2i: the panel's legend, one line above the panel (outside the data); row
    // 2i + 1: the panel.
    auto *legend = new QCPLegend;
    plot_->plotLayout()->addElement(2 * i, 0, legend);
    legend->setLayer(QStringLiteral("legend"));
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setWrap(2);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setFont(QFont(plot_->font().family(), 8));
    legend->setMargins(QMargins(4, 0, 4, 0));
    legend->setRowSpacing(0);
    plot_->plotLayout()->setRowStretchFactor(2 * i, 0.001);
    auto *rect = new QCPAxisRect(plot_);
    plot_->plotLayout()->addElement(2 * i + 1, 0, rect);
    rect->axis(QCPAxis::atLeft)->setLabel(labels[i]);
    // The panels share their iterations: the axis is named once, under the last.
    if (i == 3) rect->axis(QCPAxis::atBottom)->setLabel(tr("iteration"));
    rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    rects_ << rect;
    legends_ << legend;
  }
  plot_->plotLayout()->setRowSpacing(0);
  QCPAxisRect *rF = rects_[0], *rC = rects_[1], *rL = rects_[2], *rLoss = rects_[3];

  detF_ = addGraph(rF, tr("det F (training)"), kTrainColor);
  valDetF_ = addGraph(rF, tr("det F (validation)"), kValColor);
  detC_ = addGraph(rC, tr("det C"), QColor(44, 160, 44));
  detInvC_ = addGraph(rC, tr("det C⁻¹"), QColor(214, 39, 40));
  const QColor lambdaColor(148, 103, 189), rColor(140, 86, 75);
  lambda2_ = addGraph(rL, tr("Λ2 (left axis)"), lambdaColor);
  r_ = addGraph(rL, tr("r (right axis)"), rColor, /*right_axis=*/true);
  loss_ = addGraph(rLoss, tr("loss"), kTrainColor);

  QCPAxis *logAxis = rC->axis(QCPAxis::atLeft);
  logAxis->setScaleType(QCPAxis::stLogarithmic);
  logAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
  // Λ2 and r each on their own axis, coloured as their curve.
  QCPAxis *rAxis = rL->axis(QCPAxis::atRight);
  rAxis->setVisible(true);
  rAxis->setLabel(tr("r"));
  colourAxis(rL->axis(QCPAxis::atLeft), lambdaColor);
  colourAxis(rAxis, rColor);

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
  expectedLabel_ = new QCPItemText(plot_);
  expectedLabel_->setClipAxisRect(rF);
  expectedLabel_->position->setAxes(rF->axis(QCPAxis::atBottom), rF->axis(QCPAxis::atLeft));
  expectedLabel_->position->setAxisRect(rF);
  expectedLabel_->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
  expectedLabel_->position->setTypeY(QCPItemPosition::ptPlotCoords);
  expectedLabel_->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop); // under the line
  expectedLabel_->setFont(QFont(plot_->font().family(), 8));
  expectedLabel_->setBrush(QColor(255, 255, 255, 210));
  expectedLabel_->setVisible(false);

  // The kept weights' iteration: one vertical line per panel (the y positions are
  // fractions of the panel, so the log axis needs no care).
  for (QCPAxisRect *rect : rects_) {
    auto *line = new QCPItemStraightLine(plot_);
    line->setClipAxisRect(rect);
    for (auto *pos : {line->point1, line->point2}) {
      pos->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
      pos->setAxisRect(rect);
      pos->setTypeX(QCPItemPosition::ptPlotCoords);
      pos->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    line->setPen(QPen(kBestColor, 1.2, Qt::DashDotLine));
    line->setVisible(false);
    bestLines_ << line;
  }
  bestLabel_ = new QCPItemText(plot_);
  bestLabel_->setClipAxisRect(rF);
  bestLabel_->position->setAxes(rF->axis(QCPAxis::atBottom), rF->axis(QCPAxis::atLeft));
  bestLabel_->position->setAxisRect(rF);
  bestLabel_->position->setTypeX(QCPItemPosition::ptPlotCoords);
  bestLabel_->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
  // At the foot of the line: det F curves rise, so the bottom right of the line is free.
  bestLabel_->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
  bestLabel_->setColor(kBestColor);
  bestLabel_->setBrush(QColor(255, 255, 255, 210)); // readable over the curves
  bestLabel_->setFont(QFont(plot_->font().family(), 8));
  bestLabel_->setVisible(false);

  clippedLabel_ = new QCPItemText(plot_);
  clippedLabel_->setClipAxisRect(rLoss);
  clippedLabel_->position->setAxisRect(rLoss);
  clippedLabel_->position->setType(QCPItemPosition::ptAxisRectRatio);
  clippedLabel_->position->setCoords(0.99, 0.0);
  clippedLabel_->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
  clippedLabel_->setFont(QFont(plot_->font().family(), 8));
  clippedLabel_->setColor(Qt::darkGray);
  clippedLabel_->setText(tr("first iterations above the range"));
  clippedLabel_->setVisible(false);

  replotTimer_.setSingleShot(true);
  replotTimer_.setInterval(kReplotIntervalMs);
  connect(&replotTimer_, &QTimer::timeout, this, &HistoryPlot::replotNow);
  setMinimumSize(420, 480);
}

QCPLegend *HistoryPlot::legendOf(QCPGraph *graph) const {
  const qsizetype i = rects_.indexOf(graph->keyAxis()->axisRect());
  return i < 0 ? nullptr : legends_[i];
}

QCPGraph *HistoryPlot::addGraph(QCPAxisRect *rect, const QString &name, const QColor &color,
                                bool right_axis) {
  QCPGraph *g = plot_->addGraph(rect->axis(QCPAxis::atBottom),
                                rect->axis(right_axis ? QCPAxis::atRight : QCPAxis::atLeft));
  g->setName(name);
  g->setPen(QPen(color, 1.4));
  g->setAdaptiveSampling(true);
  g->addToLegend(legends_[rects_.indexOf(rect)]);
  return g;
}

void HistoryPlot::clear() {
  for (auto *g : {detF_, valDetF_, detC_, detInvC_, lambda2_, r_, loss_})
    g->data()->clear();
  for (QCPGraph *g : overlays_)
    plot_->removeGraph(g);
  overlays_.clear();
  runningMax_ = 0;
  trackedBest_ = kept_ = -1;
  keptIsBest_ = true;
  updateDetFNames();
  updateMarker();
  replotNow();
}

void HistoryPlot::setRunName(const QString &name) {
  runName_ = name;
  updateDetFNames();
}

void HistoryPlot::updateDetFNames() {
  // With overlays, every det F entry names its run.
  const bool named = !overlays_.empty() && !runName_.isEmpty();
  detF_->setName(named ? tr("%1: det F (training)").arg(runName_) : tr("det F (training)"));
  valDetF_->setName(named ? tr("%1: det F (validation)").arg(runName_) : tr("det F (validation)"));
}

void HistoryPlot::addOverlay(const QString &label, const std::vector<IterationRecord> &records) {
  const std::size_t k = overlays_.size();
  const QColor color = kOverlayPalette[k % kPaletteSize];
  // Past the palette, the dash pattern tells the runs apart.
  static const Qt::PenStyle styles[] = {Qt::DashLine, Qt::DotLine, Qt::DashDotDotLine};
  QCPGraph *g = addGraph(rects_[0], tr("%1: det F (training)").arg(label), color);
  g->setPen(QPen(color, 1.2, styles[(k / kPaletteSize) % 3]));
  g->setLayer(QStringLiteral("overlays"));
  for (const IterationRecord &rec : records)
    g->addData(rec.iteration, rec.train.detF);
  overlays_.push_back(g);
  updateDetFNames();
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
    // The engine's early stopping (Fitter::fit): a strictly larger det F, validation
    // when there is one, moves the best weights here.
    const double stop = std::isnan(rec.val.detF) ? rec.train.detF : rec.val.detF;
    if (stop > runningMax_) {
      runningMax_ = stop;
      trackedBest_ = rec.iteration;
    }
  }
  updateMarker();
  if (!records.empty() && !replotTimer_.isActive()) replotTimer_.start();
}

void HistoryPlot::setKeptIteration(int iteration, bool best) {
  kept_ = iteration;
  keptIsBest_ = best;
  updateMarker();
  replotNow();
}

void HistoryPlot::updateMarker() {
  marked_ = kept_ >= 0 ? kept_ : trackedBest_;
  for (QCPItemStraightLine *line : bestLines_) {
    line->setVisible(marked_ >= 0);
    line->point1->setCoords(marked_, 0);
    line->point2->setCoords(marked_, 1);
  }
  bestLabel_->setVisible(marked_ >= 0);
  bestLabel_->position->setCoords(marked_, 1);
  const QString n = numbers::format(marked_);
  bestLabel_->setText(kept_ < 0     ? tr("best so far: %1 ").arg(n)
                      : keptIsBest_ ? tr("kept (best): %1 ").arg(n)
                                    : tr("kept (final): %1 ").arg(n));
}

void HistoryPlot::setExpectedDetF(double value) {
  expected_ = value;
  const bool shown = std::isfinite(value);
  expectedLine_->setVisible(shown);
  expectedLabel_->setVisible(shown);
  if (shown) {
    expectedLine_->point1->setCoords(0, value);
    expectedLine_->point2->setCoords(1, value);
    expectedLabel_->position->setCoords(0.01, value);
    expectedLabel_->setText(tr("expected det F = %1").arg(numbers::format(value, 6)));
  }
  replotNow();
}

int HistoryPlot::pointCount() const {
  return detF_->data()->size();
}

bool HistoryPlot::setRobustRange(QCPAxis *axis, const QCPGraph *graph) {
  // The first spike: the points before the series' first local minimum, at most the
  // first 5% of the points. The range is every value after it (and the lowest value
  // anywhere), so the whole fit after the spike shows and the spike is clipped.
  std::vector<double> v;
  v.reserve(static_cast<std::size_t>(graph->data()->size()));
  for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
    if (std::isfinite(it->value)) v.push_back(it->value);
  if (v.empty()) return false;
  const std::size_t n = v.size();
  std::size_t spike = 0;
  if (n >= 5) {
    const std::size_t cap = std::max<std::size_t>(1, n / 20);
    while (spike < cap && v[spike + 1] < v[spike])
      ++spike;
  }
  const double low = *std::min_element(v.begin(), v.end());
  const double high = *std::max_element(v.begin() + static_cast<std::ptrdiff_t>(spike), v.end());
  const double highAll = *std::max_element(v.begin(), v.end());
  double pad = 0.05 * (high - low);
  if (!(pad > 0)) pad = std::max(1e-12, 0.05 * std::abs(high));
  axis->setRange(low - pad, high + pad);
  return highAll > high + pad;
}

void HistoryPlot::replotNow() {
  replotTimer_.stop();
  for (QCPAxisRect *rect : {rects_[0], rects_[1]}) {
    const QList<QCPGraph *> graphs = rect->graphs();
    for (int i = 0; i < graphs.size(); ++i)
      graphs[i]->rescaleAxes(/*onlyEnlarge=*/i > 0);
  }
  // Every panel over the same iterations (an overlaid run may be longer).
  QCPRange keys = detF_->keyAxis()->range();
  // A little room on the right: a mark at the latest iteration stays visible.
  if (pointCount() > 1) keys.upper += 0.02 * keys.size();
  for (QCPAxisRect *rect : rects_)
    rect->axis(QCPAxis::atBottom)->setRange(keys);
  setRobustRange(lambda2_->valueAxis(), lambda2_);
  setRobustRange(r_->valueAxis(), r_);
  lossClipped_ = setRobustRange(loss_->valueAxis(), loss_);
  clippedLabel_->setVisible(lossClipped_);
  QCPAxis *fAxis = detF_->valueAxis();
  if (std::isfinite(expected_)) {
    QCPRange range = fAxis->range();
    range.expand(expected_);
    const double pad = 0.08 * range.size(); // the line and its label inside the panel
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
