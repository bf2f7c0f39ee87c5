// The live history plot (QCustomPlot): det F (training and validation, with an
// optional labelled dashed line at an expected det F), det C and det C⁻¹ on a log
// scale with a line at 1, Λ2 and r on twin axes coloured as their curves, and the
// loss. Each panel's legend sits above its panel, outside the data. Λ2, r and the loss
// are shown on a robust range (Tukey's fences, 3 IQR beyond the quartiles): the first
// iterations' spike is clipped, with a note, so the rest of the fit stays readable.
// A vertical line on every panel marks the iteration of the kept weights (the best so
// far while a fit runs). Points are appended as they come; the replot is throttled by a
// single-shot timer (never one replot per iteration).
#pragma once

#include "imnn/fit.h"

#include <QList>
#include <QTimer>
#include <QWidget>
#include <vector>

class QCustomPlot;
class QCPAxis;
class QCPAxisRect;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPLegend;

namespace imnn::gui {

class HistoryPlot : public QWidget {
  Q_OBJECT
public:
  explicit HistoryPlot(QWidget *parent = nullptr);

  void clear();
  // Appends records (in iteration order) and schedules one replot. The best
  // iteration follows the engine's rule: the last iteration whose validation det F
  // (training det F without validation) beat every earlier one.
  void append(const std::vector<IterationRecord> &records);
  // Dashed horizontal line on the det F panel, labelled with its value; NaN removes it.
  void setExpectedDetF(double value);
  double expectedDetF() const { return expected_; }
  // The iteration of the kept weights (result.json: best_iteration, or the last
  // iteration when fit.best is false): overrides the best-so-far tracking. -1: back
  // to tracking the best so far.
  void setKeptIteration(int iteration, bool best = true);
  // The iteration the vertical lines mark (-1: none).
  int markedIteration() const { return marked_; }
  // One vertical line per panel, at markedIteration().
  const QList<QCPItemStraightLine *> &bestLines() const { return bestLines_; }
  // Another run's det F (training) on the det F panel, in its own colour (never the
  // open run's), drawn beneath the open run's curves; its legend entry is the run's
  // name. clear() removes the overlays too.
  void addOverlay(const QString &label, const std::vector<IterationRecord> &records);
  int overlayCount() const { return static_cast<int>(overlays_.size()); }
  const std::vector<QCPGraph *> &overlays() const { return overlays_; }
  // The open run's name, shown in its det F legend entries while overlays are drawn.
  void setRunName(const QString &name);

  QCustomPlot *plot() const { return plot_; }
  QCPGraph *detFGraph() const { return detF_; }
  QCPGraph *valDetFGraph() const { return valDetF_; }
  QCPGraph *lossGraph() const { return loss_; }
  QCPGraph *lambda2Graph() const { return lambda2_; }
  QCPGraph *rGraph() const { return r_; }
  // The legend above the panel of this graph.
  QCPLegend *legendOf(QCPGraph *graph) const;
  // The loss range clips values (the first spike): a note says so on the panel.
  bool lossClipped() const { return lossClipped_; }
  int pointCount() const; // training det F points shown
  int replotCount() const { return replots_; }
  static constexpr int kReplotIntervalMs = 100;

public slots:
  void replotNow();

private:
  QCPGraph *addGraph(QCPAxisRect *rect, const QString &name, const QColor &color,
                     bool right_axis = false);
  void updateMarker();
  void updateDetFNames();
  // Sets axis to the robust range of graph's values; true when values lie outside.
  static bool setRobustRange(QCPAxis *axis, const QCPGraph *graph);

  QCustomPlot *plot_;
  QList<QCPAxisRect *> rects_;
  QList<QCPLegend *> legends_;
  QCPGraph *detF_, *valDetF_, *detC_, *detInvC_, *lambda2_, *r_, *loss_;
  QCPItemStraightLine *expectedLine_, *unitLine_;
  QCPItemText *expectedLabel_, *bestLabel_, *clippedLabel_;
  QList<QCPItemStraightLine *> bestLines_;
  std::vector<QCPGraph *> overlays_;
  QTimer replotTimer_;
  QString runName_;
  double expected_;
  double runningMax_ = 0; // the engine's early-stopping maximum, rebuilt from the records
  int trackedBest_ = -1;  // iteration of the best so far
  int kept_ = -1;         // set by setKeptIteration (-1: none)
  bool keptIsBest_ = true;
  int marked_ = -1;
  bool lossClipped_ = false;
  int replots_ = 0;
};

} // namespace imnn::gui
