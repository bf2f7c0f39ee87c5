// The refit's trajectory view in the Infer tab: θ̂ of the target per round (one axis
// rect per parameter against the round, ±1 Fisher sd error bars, the simulated
// target's θ dashed), beside it the convergence, the final θ̂, det F and F, and the
// rounds' run directories (double-click: open in the Runs tab). It draws what a
// RefitController reports; InferPanel owns the controls that start the refit.
#pragma once

#include "imnn/refit.h"

#include <QString>
#include <QWidget>
#include <string>
#include <vector>

class QCustomPlot;
class QLabel;
class QListWidget;

namespace imnn::gui {

class RefitView : public QWidget {
  Q_OBJECT
public:
  explicit RefitView(QWidget *parent = nullptr);

  // Draws the rounds so far. result: the finished refit (nullptr while it runs);
  // trueTheta: the simulated target's θ (empty: a target file); tolerance: shown
  // while running (a finished refit shows the tolerance it ran with, from refit.json).
  void setRounds(const std::vector<RefitRound> &rounds, const RefitResult *result,
                 const std::vector<double> &trueTheta, const std::vector<std::string> &paramNames,
                 double tolerance);

  QCustomPlot *plot() const { return plot_; }
  QLabel *summaryLabel() const { return summary_; }
  // The rounds' run directories (Qt::UserRole holds the path).
  QListWidget *roundsList() const { return rounds_; }

signals:
  // A round's run directory was double-clicked.
  void openRunRequested(const QString &runDir);

private:
  void drawTrajectory(const std::vector<RefitRound> &rounds, const std::vector<double> &trueTheta,
                      const std::vector<std::string> &paramNames);
  void listRounds(const std::vector<RefitRound> &rounds);
  void summarise(const std::vector<RefitRound> &rounds, const RefitResult *result,
                 double tolerance);

  QCustomPlot *plot_;
  QLabel *summary_;
  QListWidget *rounds_;
};

} // namespace imnn::gui
