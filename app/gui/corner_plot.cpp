#include "corner_plot.h"

#include <QVBoxLayout>
#include <algorithm>
#include <qcustomplot.h>

namespace imnn::gui {

namespace {

const QColor kPalette[] = {QColor(31, 119, 180), QColor(214, 39, 40), QColor(44, 160, 44),
                           QColor(148, 103, 189), QColor(255, 127, 14)};

// The colour-map cell levels: 2 inside the 68% region, 1 inside the 95% one, 0 outside.
std::vector<int> regionLevels(const std::vector<double> &density) {
  const std::vector<double> levels = lfi::hpd_levels(density, {0.68, 0.95});
  std::vector<int> out(density.size());
  for (std::size_t i = 0; i < density.size(); ++i)
    out[i] = density[i] >= levels[0] ? 2 : density[i] >= levels[1] ? 1 : 0;
  return out;
}

} // namespace

CornerPlot::CornerPlot(QWidget *parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(plot_);
  setMinimumSize(400, 400);
  plot_->setAutoAddPlottableToLegend(false);
  rebuild();
}

void CornerPlot::setParameterNames(const QStringList &names) {
  names_ = names;
  rebuild();
}

void CornerPlot::clear() {
  overlays_.clear();
  markers_.clear();
  samples_.resize(0, 0);
  rebuild();
}

int CornerPlot::dimension() const {
  if (!overlays_.empty()) return static_cast<int>(overlays_.front().marginals.dim());
  return markers_.empty() ? 0 : static_cast<int>(markers_.front().values.size());
}

void CornerPlot::addMarginals(const lfi::Marginals &marginals, const QString &label, QColor color) {
  if (!color.isValid()) color = kPalette[overlays_.size() % (sizeof kPalette / sizeof kPalette[0])];
  if (!overlays_.empty() && overlays_.front().marginals.dim() != marginals.dim())
    overlays_.clear(); // another problem: the old overlays do not fit its axes
  overlays_.push_back({marginals, label, color, label});
  rebuild();
}

void CornerPlot::setOverlay(const QString &key, const lfi::Marginals &marginals,
                            const QString &label, QColor color) {
  if (!overlays_.empty() && overlays_.front().marginals.dim() != marginals.dim()) overlays_.clear();
  for (Overlay &o : overlays_)
    if (o.key == key) {
      o = Overlay{marginals, label, color, key};
      rebuild();
      return;
    }
  overlays_.push_back({marginals, label, color, key});
  rebuild();
}

void CornerPlot::removeOverlay(const QString &key) {
  const auto before = overlays_.size();
  std::erase_if(overlays_, [&](const Overlay &o) { return o.key == key; });
  if (overlays_.size() != before) rebuild();
}

bool CornerPlot::hasOverlay(const QString &key) const {
  return std::any_of(overlays_.begin(), overlays_.end(),
                     [&](const Overlay &o) { return o.key == key; });
}

QStringList CornerPlot::overlayLabels() const {
  QStringList out;
  for (const Overlay &o : overlays_)
    out << o.label;
  return out;
}

void CornerPlot::setMarker(const std::vector<double> &values, const QString &label) {
  markers_.clear();
  addMarker(values, label, Qt::black);
}

void CornerPlot::addMarker(const std::vector<double> &values, const QString &label, QColor color) {
  markers_.push_back({values, label, color});
  rebuild();
}

void CornerPlot::setSamples(const lfi::MatrixD &samples, const QString &label, QColor color) {
  samples_ = samples;
  samplesLabel_ = label;
  samplesColor_ = color.isValid() ? color : QColor(60, 60, 60);
  rebuild();
}

void CornerPlot::setShowRegions(bool show) {
  showRegions_ = show;
  rebuild();
}

double CornerPlot::filledFraction(int overlay, int row, int col, int level) const {
  const auto &density =
      overlays_.at(static_cast<std::size_t>(overlay)).marginals.marginal(row, col);
  const std::vector<int> cells = regionLevels(density);
  int inside = 0;
  for (int c : cells)
    inside += c >= level ? 1 : 0;
  return cells.empty() ? 0.0 : static_cast<double>(inside) / static_cast<double>(cells.size());
}

void CornerPlot::rebuild() {
  plot_->clearPlottables();
  plot_->clearItems();
  plot_->plotLayout()->clear();
  plot_->legend = nullptr;
  const int n = dimension();
  if (n == 0) {
    plot_->plotLayout()->addElement(0, 0,
                                    new QCPTextElement(plot_, tr("No posterior yet: fit "
                                                                 "an IMNN or open a run")));
    plot_->replot();
    return;
  }
  auto name = [&](int i) { return i < names_.size() ? names_[i] : QStringLiteral("θ%1").arg(i); };
  std::vector<std::vector<QCPAxisRect *>> rects(n, std::vector<QCPAxisRect *>(n, nullptr));
  for (int row = 0; row < n; ++row)
    for (int col = 0; col <= row; ++col) {
      auto *rect = new QCPAxisRect(plot_);
      plot_->plotLayout()->addElement(row, col, rect);
      rects[row][col] = rect;
      rect->axis(QCPAxis::atBottom)->setLabel(row == n - 1 ? name(col) : QString());
      rect->axis(QCPAxis::atLeft)->setLabel(col == 0 && row > 0 ? name(row) : QString());
      if (row == col) rect->axis(QCPAxis::atLeft)->setTickLabels(false);
    }
  auto *legend = new QCPLegend;
  if (n > 1) {
    // The legend at the top of the empty upper-right cell, its own height only.
    auto *cell = new QCPLayoutGrid;
    plot_->plotLayout()->addElement(0, n - 1, cell);
    cell->addElement(0, 0, legend);
    cell->addElement(1, 0, new QCPLayoutElement(plot_));
    cell->setRowStretchFactors({0.001, 1.0});
  } else {
    rects[0][0]->insetLayout()->addElement(legend, Qt::AlignTop | Qt::AlignRight);
  }
  legend->setLayer(QStringLiteral("legend"));
  plot_->legend = legend;

  for (const Overlay &o : overlays_) {
    const lfi::Marginals &m = o.marginals;
    for (int row = 0; row < n; ++row) {
      const auto &xr = m.ranges[static_cast<std::size_t>(row)];
      QCPAxisRect *diag = rects[row][row];
      QCPGraph *g = plot_->addGraph(diag->axis(QCPAxis::atBottom), diag->axis(QCPAxis::atLeft));
      const auto &density = m.marginal(row, row);
      g->setData(QVector<double>(xr.begin(), xr.end()),
                 QVector<double>(density.begin(), density.end()), true);
      g->setPen(QPen(o.color, 1.6));
      QColor fill = o.color;
      fill.setAlpha(40);
      g->setBrush(fill);
      g->setName(o.label);
      if (row == 0)
        g->addToLegend(legend);
      else
        g->removeFromLegend(legend);
      for (int col = 0; col < row && showRegions_; ++col) {
        QCPAxisRect *rect = rects[row][col];
        const auto &cr = m.ranges[static_cast<std::size_t>(col)];
        const auto &rr = m.ranges[static_cast<std::size_t>(row)];
        auto *map = new QCPColorMap(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        map->data()->setSize(static_cast<int>(cr.size()), static_cast<int>(rr.size()));
        map->data()->setRange(QCPRange(cr.front(), cr.back()), QCPRange(rr.front(), rr.back()));
        // Stored [i_col][i_row] (lfi.h): the column parameter is the x axis.
        const std::vector<int> cells = regionLevels(m.marginal(row, col));
        for (std::size_t ic = 0; ic < cr.size(); ++ic)
          for (std::size_t ir = 0; ir < rr.size(); ++ir)
            map->data()->setCell(static_cast<int>(ic), static_cast<int>(ir),
                                 cells[ic * rr.size() + ir]);
        QCPColorGradient gradient;
        gradient.clearColorStops();
        QColor light = o.color, dark = o.color;
        light.setAlpha(70);
        dark.setAlpha(170);
        gradient.setColorStopAt(0.0, QColor(255, 255, 255, 0));
        gradient.setColorStopAt(0.5, light);
        gradient.setColorStopAt(1.0, dark);
        gradient.setLevelCount(3);
        map->setGradient(gradient);
        map->setDataRange(QCPRange(0, 2));
        map->setInterpolate(false);
        map->setName(o.label);
        map->removeFromLegend(legend);
      }
    }
  }
  if (samples_.rows() > 0) {
    QColor dots = samplesColor_;
    dots.setAlpha(120);
    for (int row = 1; row < n && row < samples_.cols(); ++row)
      for (int col = 0; col < row; ++col) {
        QCPAxisRect *rect = rects[row][col];
        QCPGraph *g = plot_->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, dots, dots, 3));
        QVector<double> x(samples_.rows()), y(samples_.rows());
        for (Index i = 0; i < samples_.rows(); ++i) {
          x[i] = samples_(i, col);
          y[i] = samples_(i, row);
        }
        g->setData(x, y);
        g->setName(samplesLabel_);
        if (row == 1 && col == 0)
          g->addToLegend(legend);
        else
          g->removeFromLegend(legend);
      }
  }
  for (std::size_t k = 0; k < markers_.size(); ++k) {
    const Marker &mk = markers_[k];
    const auto &v = mk.values;
    const auto shape = k == 0 ? QCPScatterStyle::ssCross : QCPScatterStyle::ssStar;
    for (int row = 0; row < n && row < static_cast<int>(v.size()); ++row) {
      QCPAxisRect *diag = rects[row][row];
      auto *line = new QCPItemStraightLine(plot_);
      line->setClipAxisRect(diag);
      for (auto *pos : {line->point1, line->point2})
        pos->setAxes(diag->axis(QCPAxis::atBottom), diag->axis(QCPAxis::atLeft));
      line->point1->setCoords(v[row], 0);
      line->point2->setCoords(v[row], 1);
      line->setPen(QPen(mk.color, 1, Qt::DashLine));
      for (int col = 0; col < row; ++col) {
        QCPAxisRect *rect = rects[row][col];
        QCPGraph *m = plot_->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        m->setLineStyle(QCPGraph::lsNone);
        m->setScatterStyle(QCPScatterStyle(shape, mk.color, 10));
        m->addData(v[col], v[row]);
        m->setName(mk.label);
        if (row == 1 && col == 0)
          m->addToLegend(legend);
        else
          m->removeFromLegend(legend);
      }
    }
  }
  for (int row = 0; row < n; ++row)
    for (int col = 0; col <= row; ++col) {
      QCPAxisRect *rect = rects[row][col];
      const QList<QCPAbstractPlottable *> plottables = rect->plottables();
      for (int i = 0; i < plottables.size(); ++i)
        plottables[i]->rescaleAxes(/*onlyEnlarge=*/i > 0);
      if (!overlays_.empty()) {
        // Axes span the overlays' grids (the parameter of the column on x).
        const auto &xr = overlays_.front().marginals.ranges[static_cast<std::size_t>(col)];
        rect->axis(QCPAxis::atBottom)->setRange(xr.front(), xr.back());
        if (row != col) {
          const auto &yr = overlays_.front().marginals.ranges[static_cast<std::size_t>(row)];
          rect->axis(QCPAxis::atLeft)->setRange(yr.front(), yr.back());
        } else {
          QCPAxis *density = rect->axis(QCPAxis::atLeft);
          density->setRange(0, density->range().upper * 1.05);
        }
      }
    }
  plot_->replot();
}

bool CornerPlot::exportPng(const QString &file, int width, int height) {
  return plot_->savePng(file, width, height);
}

bool CornerPlot::exportPdf(const QString &file) {
  return plot_->savePdf(file);
}

} // namespace imnn::gui
