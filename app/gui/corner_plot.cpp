#include "corner_plot.h"

#include "number_format.h"

#include <QAction>
#include <QVBoxLayout>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <qcustomplot.h>
#include <unordered_map>

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

// Iso-lines of a grid density by marching squares. Written here because QCustomPlot
// 2.1 has no contour plottable: its QCPColorMap is a raster (an image in a PDF, one
// opaque layer hiding the overlays below it). The grid is padded with a ring of zeros
// so that every line closes (along the grid's edge where the region meets it): each
// result is a closed polygon that a QCPCurve can outline and fill. Crossings are placed
// by linear interpolation on the cell edges; a saddle cell is resolved by the mean of
// its corners. d is stored [ix][iy] (x the column parameter, as lfi::Marginals).
QList<QPolygonF> isoLines(const std::vector<double> &xs, const std::vector<double> &ys,
                          const std::vector<double> &d, double level) {
  QList<QPolygonF> out;
  const long nx = static_cast<long>(xs.size()), ny = static_cast<long>(ys.size());
  if (nx < 2 || ny < 2 || !(level > 0) || d.size() != static_cast<std::size_t>(nx * ny)) return out;
  const long NX = nx + 2, NY = ny + 2; // padded
  auto value = [&](long i, long j) {
    if (i == 0 || j == 0 || i == NX - 1 || j == NY - 1) return 0.0;
    return d[static_cast<std::size_t>((i - 1) * ny + (j - 1))];
  };
  // Padded points sit at the grid's edge: lines closing through the ring run along it.
  auto px = [&](long i) { return xs[static_cast<std::size_t>(std::clamp(i - 1, 0L, nx - 1))]; };
  auto py = [&](long j) { return ys[static_cast<std::size_t>(std::clamp(j - 1, 0L, ny - 1))]; };
  auto inside = [&](long i, long j) { return value(i, j) >= level; };
  // Edge ids: 2 (j NX + i) for (i, j)-(i+1, j), + 1 for (i, j)-(i, j+1).
  auto hEdge = [&](long i, long j) { return 2 * (j * NX + i); };
  auto vEdge = [&](long i, long j) { return 2 * (j * NX + i) + 1; };
  auto crossing = [&](long e) {
    const long k = e / 2, i = k % NX, j = k / NX;
    const long i2 = e % 2 == 0 ? i + 1 : i, j2 = e % 2 == 0 ? j : j + 1;
    const double a = value(i, j), b = value(i2, j2);
    const double t = b != a ? std::clamp((level - a) / (b - a), 0.0, 1.0) : 0.5;
    return QPointF(px(i) + t * (px(i2) - px(i)), py(j) + t * (py(j2) - py(j)));
  };
  std::vector<std::array<long, 2>> segments;
  for (long j = 0; j + 1 < NY; ++j)
    for (long i = 0; i + 1 < NX; ++i) {
      const bool a = inside(i, j), b = inside(i + 1, j), c = inside(i + 1, j + 1),
                 dd = inside(i, j + 1);
      const long B = hEdge(i, j), R = vEdge(i + 1, j), T = hEdge(i, j + 1), L = vEdge(i, j);
      std::vector<long> cut;
      if (a != b) cut.push_back(B);
      if (b != c) cut.push_back(R);
      if (c != dd) cut.push_back(T);
      if (dd != a) cut.push_back(L);
      if (cut.size() == 2) {
        segments.push_back({cut[0], cut[1]});
      } else if (cut.size() == 4) { // saddle: a, c on one side, b, d on the other
        const double centre =
            (value(i, j) + value(i + 1, j) + value(i + 1, j + 1) + value(i, j + 1)) / 4;
        if (a == (centre >= level)) { // a and c joined: cut off b and d
          segments.push_back({B, R});
          segments.push_back({T, L});
        } else { // cut off a and c
          segments.push_back({L, B});
          segments.push_back({R, T});
        }
      }
    }
  // Every crossed edge borders two cells, so it ends exactly two segments: the
  // segments form closed chains.
  std::unordered_map<long, std::array<int, 2>> at;
  for (int s = 0; s < static_cast<int>(segments.size()); ++s)
    for (long e : segments[static_cast<std::size_t>(s)]) {
      auto [it, fresh] = at.try_emplace(e, std::array<int, 2>{s, -1});
      if (!fresh) it->second[1] = s;
    }
  std::vector<char> used(segments.size(), 0);
  for (std::size_t s0 = 0; s0 < segments.size(); ++s0) {
    if (used[s0]) continue;
    QPolygonF poly;
    used[s0] = 1;
    poly << crossing(segments[s0][0]);
    int cur = static_cast<int>(s0);
    long e = segments[s0][1];
    for (;;) {
      // A grid point at exactly the level puts two crossings on it: one point is kept.
      const QPointF pt = crossing(e);
      if (pt != poly.last()) poly << pt;
      const auto &pair = at[e];
      const int next = pair[0] == cur ? pair[1] : pair[0];
      if (next < 0 || used[static_cast<std::size_t>(next)]) break;
      used[static_cast<std::size_t>(next)] = 1;
      const auto &seg = segments[static_cast<std::size_t>(next)];
      e = seg[0] == e ? seg[1] : seg[0];
      cur = next;
    }
    if (poly.size() > 2) {
      if (poly.first() != poly.last()) poly << poly.first();
      out << poly;
    }
  }
  return out;
}

// Mean and the equal-tail 68% interval (16% and 84% quantiles) of a 1-D grid density.
struct Summary {
  double mean = 0, low = 0, high = 0;
  bool ok = false;
};

Summary summarise(const std::vector<double> &x, const std::vector<double> &d) {
  Summary s;
  double total = 0, moment = 0;
  for (std::size_t i = 0; i < x.size() && i < d.size(); ++i) {
    total += d[i];
    moment += d[i] * x[i];
  }
  if (!(total > 0) || x.size() < 2) return s;
  s.mean = moment / total;
  // The cumulative mass at the cell edges (grid point i holds [x_i - h/2, x_i + h/2]).
  auto quantile = [&](double q) {
    double acc = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      const double next = acc + d[i] / total;
      if (next >= q) {
        const double h = i + 1 < x.size() ? x[i + 1] - x[i] : x[i] - x[i - 1];
        const double t = d[i] > 0 ? (q - acc) / (d[i] / total) : 0.5;
        return x[i] - h / 2 + t * h;
      }
      acc = next;
    }
    return x.back();
  };
  s.low = quantile(0.16);
  s.high = quantile(0.84);
  s.ok = true;
  return s;
}

// "name = mean ± err", or "name = mean +up −down" when the rounded errors differ; the
// errors to two significant digits and the mean to the same decimals (GetDist's way).
QString titleLine(const QString &name, const Summary &s) {
  const double up = s.high - s.mean, down = s.mean - s.low;
  const double err = std::min(up, down) > 0 ? std::min(up, down) : std::max(up, down);
  int decimals = 3;
  if (err > 0 && std::isfinite(err))
    decimals = std::clamp(1 - static_cast<int>(std::floor(std::log10(err))), 0, 12);
  const QLocale l = numbers::locale();
  const double mean = std::abs(s.mean) < 0.5 * std::pow(10.0, -decimals) ? 0.0 : s.mean; // no -0.00
  const QString m = l.toString(mean, 'f', decimals), u = l.toString(up, 'f', decimals),
                dn = l.toString(down, 'f', decimals);
  if (u == dn) return QStringLiteral("%1 = %2 ± %3").arg(name, m, u);
  return QStringLiteral("%1 = %2 +%3 −%4").arg(name, m, u, dn);
}

} // namespace

CornerPlot::CornerPlot(QWidget *parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(plot_);
  setMinimumSize(400, 400);
  plot_->setAutoAddPlottableToLegend(false);
  plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  auto *reset = new QAction(tr("Reset view"), plot_);
  reset->setObjectName(QStringLiteral("resetView"));
  reset->setToolTip(tr("Undo the zoom and pan: every axis spans the posterior again"));
  connect(reset, &QAction::triggered, this, &CornerPlot::resetView);
  plot_->addAction(reset);
  plot_->setContextMenuPolicy(Qt::ActionsContextMenu);
  connect(plot_, &QCustomPlot::mouseDoubleClick, this, [this] { resetView(); });
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

QList<QPolygonF> CornerPlot::contours(int overlay, int row, int col, int level) const {
  const lfi::Marginals &m = overlays_.at(static_cast<std::size_t>(overlay)).marginals;
  const auto &density = m.marginal(row, col);
  const std::vector<double> levels = lfi::hpd_levels(density, {0.68, 0.95});
  return isoLines(m.ranges[static_cast<std::size_t>(col)], m.ranges[static_cast<std::size_t>(row)],
                  density, levels.at(level == 2 ? 0 : 1));
}

QPair<double, double> CornerPlot::defaultRange(int parameter) const {
  return view_.at(static_cast<std::size_t>(parameter));
}

QCPAxisRect *CornerPlot::panel(int row, int col) const {
  if (row < 0 || col < 0 || col > row || row >= static_cast<int>(rects_.size())) return nullptr;
  return rects_[static_cast<std::size_t>(row)][static_cast<std::size_t>(col)];
}

QStringList CornerPlot::titles(int parameter) const {
  QStringList out;
  const QString name =
      parameter < names_.size() ? names_[parameter] : QStringLiteral("θ%1").arg(parameter);
  for (const Overlay &o : overlays_) {
    const auto p = static_cast<std::size_t>(parameter);
    if (p >= o.marginals.ranges.size()) continue;
    const Summary s = summarise(o.marginals.ranges[p], o.marginals.marginal(parameter, parameter));
    if (s.ok) out << titleLine(name, s);
  }
  return out;
}

void CornerPlot::resetView() {
  for (int p = 0; p < static_cast<int>(view_.size()); ++p)
    syncParameter(p, view_[static_cast<std::size_t>(p)].first,
                  view_[static_cast<std::size_t>(p)].second);
  plot_->replot();
}

// Every axis of parameter p follows: the x axes of column p, the y axes of row p
// below the diagonal.
void CornerPlot::syncParameter(int p, double lower, double upper) {
  if (syncing_) return;
  syncing_ = true;
  const int n = static_cast<int>(rects_.size());
  for (int row = 0; row < n; ++row)
    for (int col = 0; col <= row; ++col) {
      QCPAxisRect *rect = rects_[static_cast<std::size_t>(row)][static_cast<std::size_t>(col)];
      if (col == p) rect->axis(QCPAxis::atBottom)->setRange(lower, upper);
      if (row == p && col < row) rect->axis(QCPAxis::atLeft)->setRange(lower, upper);
    }
  syncing_ = false;
}

void CornerPlot::rebuild() {
  plot_->clearPlottables();
  plot_->clearItems();
  plot_->plotLayout()->clear();
  plot_->legend = nullptr;
  rects_.clear();
  qDeleteAll(groups_);
  groups_.clear();
  view_.clear();
  const int n = dimension();
  if (n == 0) {
    plot_->plotLayout()->addElement(0, 0,
                                    new QCPTextElement(plot_, tr("No posterior yet: fit "
                                                                 "an IMNN or open a run")));
    plot_->replot();
    return;
  }
  auto name = [&](int i) { return i < names_.size() ? names_[i] : QStringLiteral("θ%1").arg(i); };
  rects_.assign(static_cast<std::size_t>(n),
                std::vector<QCPAxisRect *>(static_cast<std::size_t>(n), nullptr));
  auto &rects = rects_;
  // Margin groups: a column's panels share their left and right margins (so the same
  // x range maps to the same pixels above and below), a row's its top and bottom.
  std::vector<QCPMarginGroup *> colGroup, rowGroup;
  for (int i = 0; i < n; ++i) {
    colGroup.push_back(new QCPMarginGroup(plot_));
    rowGroup.push_back(new QCPMarginGroup(plot_));
    groups_ << colGroup.back() << rowGroup.back();
  }
  for (int row = 0; row < n; ++row)
    for (int col = 0; col <= row; ++col) {
      auto *rect = new QCPAxisRect(plot_);
      plot_->plotLayout()->addElement(row, col, rect);
      rects[row][col] = rect;
      rect->setMarginGroup(QCP::msLeft | QCP::msRight, colGroup[static_cast<std::size_t>(col)]);
      rect->setMarginGroup(QCP::msTop | QCP::msBottom, rowGroup[static_cast<std::size_t>(row)]);
      rect->axis(QCPAxis::atBottom)->setLabel(row == n - 1 ? name(col) : QString());
      rect->axis(QCPAxis::atLeft)->setLabel(col == 0 && row > 0 ? name(row) : QString());
      if (row == col) {
        rect->axis(QCPAxis::atLeft)->setTickLabels(false);
        // Zoom and pan the parameter only, never the density axis.
        rect->setRangeDrag(Qt::Horizontal);
        rect->setRangeZoom(Qt::Horizontal);
      }
      connect(rect->axis(QCPAxis::atBottom), qOverload<const QCPRange &>(&QCPAxis::rangeChanged),
              this, [this, col](const QCPRange &r) { syncParameter(col, r.lower, r.upper); });
      if (row != col)
        connect(rect->axis(QCPAxis::atLeft), qOverload<const QCPRange &>(&QCPAxis::rangeChanged),
                this, [this, row](const QCPRange &r) { syncParameter(row, r.lower, r.upper); });
    }
  auto *legend = new QCPLegend;
  if (n > 1) {
    // The legend at the top of the empty upper-right cell, its own height only; the
    // layout gives that column at least the legend's width, so it is never clipped.
    auto *cell = new QCPLayoutGrid;
    plot_->plotLayout()->addElement(0, n - 1, cell);
    cell->addElement(0, 0, legend);
    cell->addElement(1, 0, new QCPLayoutElement(plot_));
    cell->setRowStretchFactors({0.001, 1.0});
    // Clear of the figure's edge and of the diagonal panel to its left.
    cell->setAutoMargins(QCP::msNone);
    cell->setMargins(QMargins(16, 8, 8, 0));
  } else {
    rects[0][0]->insetLayout()->addElement(legend, Qt::AlignTop | Qt::AlignRight);
  }
  legend->setLayer(QStringLiteral("legend"));
  plot_->legend = legend;

  for (std::size_t k = 0; k < overlays_.size(); ++k) {
    const Overlay &o = overlays_[k];
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
      fill.setAlpha(30);
      g->setBrush(fill);
      g->setName(o.label);
      if (row == 0)
        g->addToLegend(legend);
      else
        g->removeFromLegend(legend);
      // The title line of this overlay: one more axis on top, in its colour.
      const Summary s = summarise(xr, density);
      if (s.ok) {
        QCPAxis *top = k == 0 ? diag->axis(QCPAxis::atTop) : diag->addAxis(QCPAxis::atTop);
        top->setVisible(true);
        top->setTicks(false);
        top->setTickLabels(false);
        top->setBasePen(Qt::NoPen);
        top->grid()->setVisible(false);
        top->setLabel(titleLine(name(row), s));
        top->setLabelColor(o.color.darker(125));
        top->setLabelPadding(1);
        top->setPadding(0);
        top->setOffset(0);
      }
      for (int col = 0; col < row && showRegions_; ++col) {
        QCPAxisRect *rect = rects[row][col];
        // The 95% region first, the 68% one above it: two translucent fills make the
        // inner region darker, and the outlines keep every overlay visible.
        for (int level : {1, 2}) {
          for (const QPolygonF &poly : contours(static_cast<int>(k), row, col, level)) {
            auto *curve = new QCPCurve(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            QVector<double> t(poly.size()), x(poly.size()), y(poly.size());
            for (int i = 0; i < poly.size(); ++i) {
              t[i] = i;
              x[i] = poly[i].x();
              y[i] = poly[i].y();
            }
            curve->setData(t, x, y, true);
            curve->setPen(QPen(o.color, level == 2 ? 1.6 : 1.1));
            QColor brush = o.color;
            brush.setAlpha(level == 2 ? 60 : 40);
            curve->setBrush(brush);
            curve->setName(o.label);
            curve->removeFromLegend(legend);
          }
        }
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
  // The default view: each parameter spans the union of the overlays' 99.9%
  // highest-density intervals (not the prior box), with a margin; without overlays
  // (markers or samples only) what the plottables span.
  for (int p = 0; p < n; ++p) {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const Overlay &o : overlays_) {
      const auto &x = o.marginals.ranges[static_cast<std::size_t>(p)];
      const auto &d = o.marginals.marginal(p, p);
      const double level = lfi::hpd_levels(d, {0.999}).at(0);
      for (std::size_t i = 0; i < x.size() && i < d.size(); ++i)
        if (d[i] >= level && d[i] > 0) {
          // The whole cell of grid point i.
          const double h = x.size() > 1 ? (x.back() - x.front()) / double(x.size() - 1) : 0.0;
          lo = std::min(lo, x[i] - h / 2);
          hi = std::max(hi, x[i] + h / 2);
        }
    }
    if (!(hi > lo)) {
      QCPAxisRect *diag = rects[p][p];
      bool found = false;
      QCPRange r;
      for (QCPAbstractPlottable *pl : diag->plottables()) {
        bool ok = false;
        const QCPRange k = pl->getKeyRange(ok);
        if (ok) r = found ? QCPRange(std::min(r.lower, k.lower), std::max(r.upper, k.upper)) : k;
        found = found || ok;
      }
      for (int row = p + 1; row < n; ++row)
        for (QCPAbstractPlottable *pl : rects[row][p]->plottables()) {
          bool ok = false;
          const QCPRange k = pl->getKeyRange(ok);
          if (ok) r = found ? QCPRange(std::min(r.lower, k.lower), std::max(r.upper, k.upper)) : k;
          found = found || ok;
        }
      for (int col = 0; col < p; ++col)
        for (QCPAbstractPlottable *pl : rects[p][col]->plottables()) {
          bool ok = false;
          const QCPRange v = pl->getValueRange(ok);
          if (ok) r = found ? QCPRange(std::min(r.lower, v.lower), std::max(r.upper, v.upper)) : v;
          found = found || ok;
        }
      lo = found ? r.lower : -1.0;
      hi = found ? r.upper : 1.0;
      if (!(hi > lo)) {
        lo -= 0.5;
        hi += 0.5;
      }
    }
    const double pad = 0.05 * (hi - lo);
    view_.emplace_back(lo - pad, hi + pad);
  }
  for (int p = 0; p < n; ++p) {
    QCPAxis *density = rects[p][p]->axis(QCPAxis::atLeft);
    double top = 0;
    for (QCPAbstractPlottable *pl : rects[p][p]->plottables()) {
      bool ok = false;
      const QCPRange v = pl->getValueRange(ok);
      if (ok) top = std::max(top, v.upper);
    }
    density->setRange(0, top > 0 ? top * 1.08 : 1.0);
  }
  resetView();
}

bool CornerPlot::exportPng(const QString &file, int dpi) {
  // The widget's size in inches at 96 dpi, rendered at dpi: the shown figure, finer.
  const double scale = dpi > 0 ? dpi / 96.0 : 1.0;
  return plot_->savePng(file, 0, 0, scale, -1, dpi > 0 ? dpi : 96, QCP::ruDotsPerInch);
}

bool CornerPlot::exportPdf(const QString &file) {
  return plot_->savePdf(file);
}

} // namespace imnn::gui
