// The corner plot fed from core lfi: the Gaussian approximation of a known Fisher
// matrix fills exactly its 68% / 95% highest-density ellipses, the diagonal shows the
// 1-D marginals, overlays and markers get legend entries, and the figure exports as
// PNG and PDF.
#include "imnn/lfi.h"

#include "corner_plot.h"
#include "gui_test_util.h"

#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <qcustomplot.h>

using imnn::gui::CornerPlot;

namespace {

// N(θ_fid, F⁻¹) with F = diag(10, 5) (the Gaussian example's analytic F) on a ±4σ grid.
imnn::lfi::Marginals gaussian(double mu, double sigma2) {
  Eigen::MatrixXd invF(2, 2);
  invF << 0.1, 0.0, 0.0, 0.2;
  Eigen::VectorXd mean(2);
  mean << mu, sigma2;
  std::vector<double> low, high;
  for (int i = 0; i < 2; ++i) {
    low.push_back(mean(i) - 4 * std::sqrt(invF(i, i)));
    high.push_back(mean(i) + 4 * std::sqrt(invF(i, i)));
  }
  return imnn::lfi::gaussian_approximation(mean, invF,
                                           imnn::lfi::make_ranges(low, high, {161, 161}));
}

} // namespace

class TestGuiCorner : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;

private slots:
  void initTestCase() { gui_test::isolateSettings(); }

  void gaussian_approximation_fills_its_hpd_ellipses() {
    CornerPlot plot;
    plot.resize(640, 640);
    plot.setParameterNames({"μ", "Σ"});
    plot.addMarginals(gaussian(0.0, 1.0), "Gaussian approximation");
    plot.setMarker({0.0, 1.0}, "θ_fid");
    plot.show();
    QCOMPARE(plot.overlayCount(), 1);
    QCOMPARE(plot.dimension(), 2);
    // The p% region of a 2-D Gaussian is the ellipse of area π σ1 σ2 (-2 ln(1 - p)); the
    // grid spans 8σ1 × 8σ2, so the filled fraction of the panel is π (-2 ln(1 - p)) / 64.
    const double f68 = M_PI * -2 * std::log(1 - 0.68) / 64; // 0.1119
    const double f95 = M_PI * -2 * std::log(1 - 0.95) / 64; // 0.2941
    QVERIFY2(std::abs(plot.filledFraction(0, 1, 0, 2) - f68) < 0.004,
             qPrintable(QString::number(plot.filledFraction(0, 1, 0, 2))));
    QVERIFY2(std::abs(plot.filledFraction(0, 1, 0, 1) - f95) < 0.006,
             qPrintable(QString::number(plot.filledFraction(0, 1, 0, 1))));

    QCustomPlot *qcp = plot.plot();
    QCOMPARE(qcp->axisRects().size(), 3); // lower triangle of a 2 × 2 grid
    int colorMaps = 0, diagonal = 0;
    for (int i = 0; i < qcp->plottableCount(); ++i) {
      if (qobject_cast<QCPColorMap *>(qcp->plottable(i))) ++colorMaps;
      if (auto *g = qobject_cast<QCPGraph *>(qcp->plottable(i)); g && g->data()->size() == 161) {
        ++diagonal;
        // Each 1-D marginal peaks at θ_fid.
        double best = -1, at = 0;
        for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
          if (it->value > best) {
            best = it->value;
            at = it->key;
          }
        QVERIFY(std::abs(at - (diagonal == 1 ? 0.0 : 1.0)) < 0.02);
      }
    }
    QCOMPARE(colorMaps, 1);
    QCOMPARE(diagonal, 2);
    QCOMPARE(qcp->legend->itemCount(), 2); // the overlay and the marker
    gui_test::screenshot(plot, "corner_gaussian");
  }

  void overlays_get_colours_and_legend_entries_and_export() {
    CornerPlot plot;
    plot.resize(640, 640);
    plot.addMarginals(gaussian(0.0, 1.0), "GA");
    plot.addMarginals(gaussian(0.3, 1.2), "shifted");
    plot.setMarker({0.0, 1.0}, "true");
    plot.show();
    QCOMPARE(plot.overlayCount(), 2);
    QCOMPARE(plot.plot()->legend->itemCount(), 3);
    // Samples scattered on the 2-D panel as an option (e.g. accepted ABC draws).
    imnn::lfi::MatrixD samples(50, 2);
    for (int i = 0; i < 50; ++i) {
      samples(i, 0) = -0.5 + 0.02 * i;
      samples(i, 1) = 0.5 + 0.02 * i;
    }
    plot.setSamples(samples, "samples");
    QCOMPARE(plot.sampleCount(), imnn::Index(50));
    QCOMPARE(plot.plot()->legend->itemCount(), 4);
    bool scattered = false;
    for (int i = 0; i < plot.plot()->graphCount(); ++i)
      if (plot.plot()->graph(i)->name() == "samples") {
        QCOMPARE(plot.plot()->graph(i)->data()->size(), 50);
        QCOMPARE(plot.plot()->graph(i)->data()->at(49)->value, 0.5 + 0.02 * 49);
        scattered = true;
      }
    QVERIFY(scattered);
    gui_test::screenshot(plot, "corner_overlays");
    const QString png = tmp_.filePath("corner.png"), pdf = tmp_.filePath("corner.pdf");
    QVERIFY(plot.exportPng(png, 600, 600));
    QVERIFY(plot.exportPdf(pdf));
    QCOMPARE(QImage(png).size(), QSize(600, 600));
    QVERIFY(QFileInfo(pdf).size() > 1000);
    plot.clear();
    QCOMPARE(plot.overlayCount(), 0);
  }
};

QTEST_MAIN(TestGuiCorner)
#include "test_gui_corner.moc"
