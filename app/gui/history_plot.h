// The live history plot (QCustomPlot): det F (training and validation, with an
// optional dashed line at an expected det F), det C and det C⁻¹ on a log scale with a
// line at 1, Λ2 and r on twin axes, and the loss. Points are appended as they come;
// the replot is throttled by a single-shot timer (never one replot per iteration).
#pragma once

#include "imnn/fit.h"

#include <QTimer>
#include <QWidget>
#include <vector>

class QCustomPlot;
class QCPAxisRect;
class QCPGraph;
class QCPItemStraightLine;

namespace imnn::gui {

class HistoryPlot : public QWidget {
  Q_OBJECT
public:
  explicit HistoryPlot(QWidget *parent = nullptr);

  void clear();
  // Appends records (in iteration order) and schedules one replot.
  void append(const std::vector<IterationRecord> &records);
  // Dashed horizontal line on the det F panel; NaN removes it.
  void setExpectedDetF(double value);
  double expectedDetF() const { return expected_; }
  // Another run's det F (training) on the det F panel, in its own colour, for
  // comparison; clear() removes the overlays too.
  void addOverlay(const QString &label, const std::vector<IterationRecord> &records);
  int overlayCount() const { return static_cast<int>(overlays_.size()); }

  QCustomPlot *plot() const { return plot_; }
  int pointCount() const; // training det F points shown
  int replotCount() const { return replots_; }
  static constexpr int kReplotIntervalMs = 100;

public slots:
  void replotNow();

private:
  QCPGraph *addGraph(QCPAxisRect *rect, const QString &name, const QColor &color,
                     bool right_axis = false);
  QCustomPlot *plot_;
  QCPGraph *detF_, *valDetF_, *detC_, *detInvC_, *lambda2_, *r_, *loss_;
  QCPItemStraightLine *expectedLine_, *unitLine_;
  std::vector<QCPGraph *> overlays_;
  QTimer replotTimer_;
  double expected_;
  int replots_ = 0;
};

} // namespace imnn::gui
