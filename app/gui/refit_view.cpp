#include "refit_view.h"

#include "infer_panel.h"
#include "number_format.h"

#include <Eigen/LU>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>
#include <qcustomplot.h>

namespace imnn::gui {

RefitView::RefitView(QWidget *parent)
    : QWidget(parent), plot_(new QCustomPlot), summary_(new QLabel), rounds_(new QListWidget) {
  setObjectName(QStringLiteral("refitView"));
  auto *layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  plot_->setObjectName(QStringLiteral("refitPlot"));
  plot_->setAutoAddPlottableToLegend(false);
  layout->addWidget(plot_, 1);
  auto *side = new QVBoxLayout;
  summary_->setObjectName(QStringLiteral("refitSummary"));
  summary_->setWordWrap(true);
  summary_->setTextFormat(Qt::RichText);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  summary_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  side->addWidget(summary_);
  side->addWidget(new QLabel(tr("Run directories (double-click to open):")));
  rounds_->setObjectName(QStringLiteral("refitRounds"));
  side->addWidget(rounds_, 1);
  auto *sideWidget = new QWidget;
  sideWidget->setLayout(side);
  sideWidget->setFixedWidth(260);
  side->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(sideWidget);
  connect(rounds_, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
    emit openRunRequested(item->data(Qt::UserRole).toString());
  });
  setRounds({}, nullptr, {}, {}, 0.0);
}

void RefitView::setRounds(const std::vector<RefitRound> &rounds, const RefitResult *result,
                          const std::vector<double> &trueTheta,
                          const std::vector<std::string> &paramNames, double tolerance) {
  drawTrajectory(rounds, trueTheta, paramNames);
  listRounds(rounds);
  summarise(rounds, result, tolerance);
}

// One axis rect per parameter, θ̂ of each round joined by lines with ±1 Fisher sd
// (√(F⁻¹)ₐₐ of that round's F) as error bars, the simulated target's θ dashed.
void RefitView::drawTrajectory(const std::vector<RefitRound> &rounds,
                               const std::vector<double> &trueTheta,
                               const std::vector<std::string> &paramNames) {
  plot_->clearPlottables();
  plot_->clearItems();
  plot_->plotLayout()->clear();
  const int p = rounds.empty() ? 0 : static_cast<int>(rounds.front().estimate.size());
  if (p > 0) {
    auto *title = new QCPTextElement(
        plot_,
        trueTheta.empty()
            ? tr("θ̂ of the target per round, ±1 Fisher sd (round 0: the run)")
            : tr("θ̂ of the target per round, ±1 Fisher sd (round 0: the run); dashed: the "
                 "target's θ"),
        QFont(font().family(), 9));
    plot_->plotLayout()->addElement(0, 0, title);
  }
  auto *margins = p > 0 ? new QCPMarginGroup(plot_) : nullptr;
  const int last = rounds.empty() ? 0 : rounds.back().round;
  const int maxRound = std::max(last, 1);
  const QColor color = InferPanel::methodColor(QStringLiteral("ga"));
  for (int a = 0; a < p; ++a) {
    auto *rect = new QCPAxisRect(plot_);
    plot_->plotLayout()->addElement(a + 1, 0, rect);
    rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    QCPAxis *x = rect->axis(QCPAxis::atBottom), *y = rect->axis(QCPAxis::atLeft);
    const auto ua = static_cast<std::size_t>(a);
    y->setLabel(ua < paramNames.size() && !paramNames[ua].empty()
                    ? QString::fromStdString(paramNames[ua])
                    : tr("θ%1").arg(a + 1));
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    x->setTicker(ticker);
    x->setNumberPrecision(0);
    if (a == p - 1) x->setLabel(tr("round"));
    QCPGraph *g = plot_->addGraph(x, y);
    g->setName(tr("θ̂ of %1").arg(y->label()));
    g->setPen(QPen(color, 1.5));
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 7));
    auto *bars = new QCPErrorBars(x, y);
    bars->setName(tr("±1 Fisher sd"));
    bars->setPen(QPen(color.lighter(130)));
    bars->setDataPlottable(g);
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    QVector<double> keys, values, errors;
    for (const RefitRound &r : rounds) {
      const double v = r.estimate[ua];
      double sd = 0;
      if (r.F.rows() == p && r.F.cols() == p) {
        const Eigen::MatrixXd inv = r.F.inverse();
        if (inv.allFinite() && inv(a, a) > 0) sd = std::sqrt(inv(a, a));
      }
      keys << r.round;
      values << v;
      errors << sd;
      lo = std::min(lo, v - sd);
      hi = std::max(hi, v + sd);
    }
    g->setData(keys, values, true);
    bars->setData(errors);
    if (ua < trueTheta.size()) {
      QCPGraph *t = plot_->addGraph(x, y);
      t->setName(tr("target's θ"));
      t->setPen(QPen(Qt::red, 1.2, Qt::DashLine));
      t->setData(QVector<double>{-0.5, maxRound + 0.5}, QVector<double>(2, trueTheta[ua]), true);
      lo = std::min(lo, trueTheta[ua]);
      hi = std::max(hi, trueTheta[ua]);
    }
    const double pad = hi > lo ? 0.08 * (hi - lo) : 0.5;
    y->setRange(lo - pad, hi + pad);
    x->setRange(-0.3, maxRound + 0.3);
  }
  plot_->replot();
}

// The rounds' run directories, as the CLI makes them.
void RefitView::listRounds(const std::vector<RefitRound> &rounds) {
  rounds_->clear();
  for (const RefitRound &r : rounds) {
    const QString dir = QString::fromStdString(r.run_dir.string());
    auto *item = new QListWidgetItem(
        r.round == 0 ? tr("round 0 (the run): %1").arg(QFileInfo(dir).fileName())
                     : tr("round %1: %2")
                           .arg(r.round)
                           .arg(QStringLiteral("refit/") + QFileInfo(dir).fileName()));
    item->setData(Qt::UserRole, dir);
    item->setToolTip(dir);
    rounds_->addItem(item);
  }
}

// Beside the plot: converged or why not, the final θ̂, det F and F.
void RefitView::summarise(const std::vector<RefitRound> &rounds, const RefitResult *result,
                          double runningTolerance) {
  if (rounds.empty()) {
    summary_->setText(tr("No refit yet: choose the target above and press Refit."));
    return;
  }
  const RefitRound &final = rounds.back();
  // The tolerance the refit ran with (refit.json), not the field's value since.
  const double tolerance = result ? result->json.value("tolerance_sd", 0.0) : runningTolerance;
  QString state;
  if (!result)
    state = tr("<b>Running</b>: round %1 done").arg(final.round);
  else if (result->converged)
    state = tr("<b>Converged</b> at round %1: θ̂ moved %2 Fisher sd (below the tolerance %3)")
                .arg(final.round)
                .arg(numbers::format(final.moved_sd, 3), numbers::format(tolerance));
  else if (result->cancelled)
    state = tr("<b>Not converged: cancelled</b> after round %1").arg(final.round);
  else
    state = tr("<b>Not converged</b>: θ̂ still moved %1 Fisher sd in round %2 (tolerance %3); "
               "raise the rounds or the max iterations")
                .arg(numbers::format(final.moved_sd, 3))
                .arg(final.round)
                .arg(numbers::format(tolerance));
  QString f = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");
  for (Eigen::Index i = 0; i < final.F.rows(); ++i) {
    f += QStringLiteral("<tr>");
    for (Eigen::Index j = 0; j < final.F.cols(); ++j)
      f += QStringLiteral("<td align=\"right\">%1</td>").arg(numbers::format(final.F(i, j), 4));
    f += QStringLiteral("</tr>");
  }
  f += QStringLiteral("</table>");
  summary_->setText(QStringLiteral("<p>%1</p><p>%2</p><p>%3</p><p>%4</p>%5")
                        .arg(state,
                             tr("θ̂ = (%1) at θ_fid = (%2)")
                                 .arg(numbers::formatList(final.estimate, 4),
                                      numbers::formatList(final.theta_fid, 4)),
                             tr("det F = %1").arg(numbers::format(final.detF, 4)), tr("F ="), f));
}

} // namespace imnn::gui
