// The corner plot fed from core lfi: the Gaussian approximation of a known Fisher
// matrix fills exactly its 68% / 95% highest-density ellipses and the drawn contour
// lines enclose those masses, the diagonal shows the 1-D marginals titled with mean and
// 68% interval, columns share their x axes (also after a zoom), the axes span the
// posterior, overlays and markers get legend entries inside the figure, and the figure
// exports as a PNG of the chosen DPI and a vector PDF (paths, no images).
#include "imnn/lfi.h"

#include "corner_plot.h"
#include "gui_test_util.h"

#include <Eigen/LU>
#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <QtEndian>
#include <QtTest>
#include <cmath>
#include <qcustomplot.h>
#include <utility>

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

// N(mean, cov) on a grid of ±half σ per parameter, `points` points each.
imnn::lfi::Marginals gaussianNd(const Eigen::VectorXd &mean, const Eigen::MatrixXd &cov,
                                double half, imnn::Index points) {
  std::vector<double> low, high;
  for (Eigen::Index i = 0; i < mean.size(); ++i) {
    low.push_back(mean(i) - half * std::sqrt(cov(i, i)));
    high.push_back(mean(i) + half * std::sqrt(cov(i, i)));
  }
  return imnn::lfi::gaussian_approximation(
      mean, cov,
      imnn::lfi::make_ranges(
          low, high, std::vector<imnn::Index>(static_cast<std::size_t>(mean.size()), points)));
}

// Even-odd ray casting with the half-open rule (an edge counts when y1 <= y < y2), exact
// for points on the horizontal line of a vertex (QPolygonF::containsPoint skips edges
// whose ends have fuzzily equal y, which miscounts there).
bool contains(const QPolygonF &poly, double x, double y) {
  bool in = false;
  for (int i = 0, j = static_cast<int>(poly.size()) - 1; i < poly.size(); j = i++) {
    const QPointF a = poly[i], b = poly[j];
    if ((a.y() <= y) != (b.y() <= y)) {
      const double cx = a.x() + (y - a.y()) * (b.x() - a.x()) / (b.y() - a.y());
      if (cx < x) in = !in;
    }
  }
  return in;
}

// The mass of the 2-D marginal (row, col) on the grid points inside the polygons
// (odd-even over all of them, so a hole would count as outside): the integral of the
// grid density over the drawn region.
double massInside(const imnn::lfi::Marginals &m, int row, int col,
                  const QList<QPolygonF> &polygons) {
  const auto &xs = m.ranges[static_cast<std::size_t>(col)];
  const auto &ys = m.ranges[static_cast<std::size_t>(row)];
  const auto &d = m.marginal(row, col);
  const double dx = xs[1] - xs[0], dy = ys[1] - ys[0];
  double mass = 0;
  for (std::size_t i = 0; i < xs.size(); ++i)
    for (std::size_t j = 0; j < ys.size(); ++j) {
      bool in = false;
      for (const QPolygonF &p : polygons)
        if (contains(p, xs[i], ys[j])) in = !in;
      if (in) mass += d[i * ys.size() + j] * dx * dy;
    }
  return mass;
}

// The PDF's streams inflated (FlateDecode through qUncompress, which wants the zlib
// data after a 4-byte big-endian size hint), the others as they are.
QByteArray pdfContent(const QByteArray &pdf) {
  QByteArray out;
  qsizetype at = 0;
  for (;;) {
    const qsizetype s = pdf.indexOf("stream", at);
    if (s < 0) break;
    if (s >= 3 && pdf.mid(s - 3, 3) == "end") {
      at = s + 6;
      continue;
    }
    qsizetype begin = s + 6;
    if (pdf.mid(begin, 2) == "\r\n")
      begin += 2;
    else if (pdf.at(begin) == '\n')
      begin += 1;
    const qsizetype end = pdf.indexOf("endstream", begin);
    if (end < 0) break;
    const QByteArray data = pdf.mid(begin, end - begin);
    const QByteArray dict = pdf.mid(std::max<qsizetype>(0, s - 300), 300);
    if (dict.contains("FlateDecode")) {
      QByteArray framed(4, 0);
      qToBigEndian<quint32>(static_cast<quint32>(std::min<qsizetype>(data.size() * 40, 1 << 26)),
                            framed.data());
      out += qUncompress(framed + data);
    } else {
      out += data;
    }
    at = end + 9;
  }
  return out;
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
    int colorMaps = 0, diagonal = 0, curves = 0;
    for (int i = 0; i < qcp->plottableCount(); ++i) {
      if (qobject_cast<QCPColorMap *>(qcp->plottable(i))) ++colorMaps;
      if (auto *c = qobject_cast<QCPCurve *>(qcp->plottable(i))) {
        ++curves;
        QVERIFY(c->brush().color().alpha() < 255); // translucent fills
      }
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
    QCOMPARE(colorMaps, 0); // the regions are vector curves, not a raster
    QCOMPARE(curves, 2);    // one closed 68% and one closed 95% line
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
    QVERIFY(plot.exportPng(png, 96));
    QVERIFY(plot.exportPdf(pdf));
    QCOMPARE(QImage(png).size(), plot.plot()->size()); // 96 dpi: the screen's pixels
    QVERIFY(QFileInfo(pdf).size() > 1000);
    plot.clear();
    QCOMPARE(plot.overlayCount(), 0);
  }

  void contours_enclose_the_hpd_masses_of_a_correlated_gaussian() {
    // A bivariate Gaussian, correlation 0.6, on a ±5σ grid of 201 points (0.05σ cells).
    Eigen::VectorXd mean(2);
    mean << 0.5, -1.0;
    Eigen::MatrixXd cov(2, 2);
    cov << 0.04, 0.6 * 0.2 * 0.5, 0.6 * 0.2 * 0.5, 0.25;
    const imnn::lfi::Marginals m = gaussianNd(mean, cov, 5.0, 201);
    CornerPlot plot;
    plot.resize(640, 640);
    plot.setParameterNames({"a", "b"});
    plot.addMarginals(m, "N(μ, Σ)");
    plot.show();
    // The grid density inside the drawn 68% and 95% lines holds 68% and 95% of the mass,
    // within 0.01 (the lines pass through cells of 0.05σ; the inside test is per grid
    // point, so the error is about the boundary's cells' mass times a half).
    const QList<QPolygonF> c68 = plot.contours(0, 1, 0, 2), c95 = plot.contours(0, 1, 0, 1);
    QCOMPARE(c68.size(), 1);
    QCOMPARE(c95.size(), 1);
    const double m68 = massInside(m, 1, 0, c68), m95 = massInside(m, 1, 0, c95);
    qInfo("enclosed masses: 68%% contour %.4f, 95%% contour %.4f", m68, m95);
    QVERIFY2(std::abs(m68 - 0.68) < 0.01, qPrintable(QString::number(m68)));
    QVERIFY2(std::abs(m95 - 0.95) < 0.01, qPrintable(QString::number(m95)));
    // The lines are the analytic ellipses: on the 68% line the Mahalanobis radius² is
    // -2 ln(1 - 0.68) = 2.279, on the 95% one 5.991 (to 3%).
    const Eigen::MatrixXd P = cov.inverse();
    for (const auto &[poly, r2] :
         {std::pair{c68[0], -2 * std::log(1 - 0.68)}, std::pair{c95[0], -2 * std::log(1 - 0.95)}})
      for (const QPointF &p : poly) {
        Eigen::Vector2d d(p.x() - mean(0), p.y() - mean(1));
        const double q = d.dot(P * d);
        QVERIFY2(std::abs(q - r2) < 0.03 * r2, qPrintable(QString::number(q)));
      }
    // The default view spans the posterior: the 99.9% interval (±3.29σ) with a 5% margin,
    // not the ±5σ grid.
    for (int p = 0; p < 2; ++p) {
      const auto [lo, hi] = plot.defaultRange(p);
      const double sd = std::sqrt(cov(p, p));
      QVERIFY2(lo < mean(p) - 3.2 * sd && lo > mean(p) - 4.0 * sd, qPrintable(QString::number(lo)));
      QVERIFY2(hi > mean(p) + 3.2 * sd && hi < mean(p) + 4.0 * sd, qPrintable(QString::number(hi)));
      QCOMPARE(plot.panel(p, p)->axis(QCPAxis::atBottom)->range().lower, lo);
    }
    // Titles: mean ± the 68% interval's half width (σ for a Gaussian), two digits.
    QCOMPARE(plot.titles(0), QStringList{"a = 0.50 ± 0.20"});
    QCOMPARE(plot.titles(1), QStringList{"b = -1.00 ± 0.50"});
    QCOMPARE(plot.panel(0, 0)->axis(QCPAxis::atTop)->label(), QString("a = 0.50 ± 0.20"));
    gui_test::screenshot(plot, "corner_correlated");
  }

  void columns_share_x_and_zoom_together() {
    Eigen::VectorXd mean(3);
    mean << 0.0, 1.0, 2.0;
    Eigen::MatrixXd cov(3, 3);
    cov << 0.1, 0.05, 0.0, 0.05, 0.2, -0.08, 0.0, -0.08, 0.3;
    CornerPlot plot;
    plot.resize(760, 760);
    plot.setParameterNames({"α", "β", "γ"});
    plot.addMarginals(gaussianNd(mean, cov, 6.0, 121), "GA");
    Eigen::VectorXd shifted = mean;
    shifted(0) += 0.2;
    plot.addMarginals(gaussianNd(shifted, cov * 1.5, 6.0, 121), "ABC (500 accepted)");
    plot.addMarginals(gaussianNd(mean, cov * 0.7, 6.0, 121), "PMC (1000 points)");
    plot.setMarker({0.0, 1.0, 2.0}, "θ_fid");
    plot.addMarker({0.1, 1.1, 1.9}, "true θ", Qt::red);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.plot()->replot();
    auto samePixels = [&](const char *when) {
      for (int col = 0; col < 3; ++col)
        for (int row = col + 1; row < 3; ++row)
          for (double v : {mean(col) - 0.5, mean(col), mean(col) + 0.7}) {
            const double a = plot.panel(col, col)->axis(QCPAxis::atBottom)->coordToPixel(v);
            const double b = plot.panel(row, col)->axis(QCPAxis::atBottom)->coordToPixel(v);
            if (std::abs(a - b) > 0.5)
              return QString("%1: column %2, value %3: %4 px on the diagonal, %5 px in row %6")
                  .arg(when)
                  .arg(col)
                  .arg(v)
                  .arg(a)
                  .arg(b)
                  .arg(row);
          }
      return QString();
    };
    QString why = samePixels("default view");
    QVERIFY2(why.isEmpty(), qPrintable(why));
    // Rows: a y value of a 2-D panel has the same pixel row across the row.
    const double y0 = plot.panel(2, 0)->axis(QCPAxis::atLeft)->coordToPixel(2.3);
    QCOMPARE(plot.panel(2, 1)->axis(QCPAxis::atLeft)->coordToPixel(2.3), y0);
    // A zoom (as the mouse wheel does) on one panel: the column and the row follow.
    plot.panel(2, 0)->axis(QCPAxis::atBottom)->scaleRange(0.5, mean(0));
    plot.panel(2, 0)->axis(QCPAxis::atLeft)->moveRange(0.3);
    plot.plot()->replot();
    QCOMPARE(plot.panel(0, 0)->axis(QCPAxis::atBottom)->range(),
             plot.panel(2, 0)->axis(QCPAxis::atBottom)->range());
    QCOMPARE(plot.panel(1, 0)->axis(QCPAxis::atBottom)->range(),
             plot.panel(2, 0)->axis(QCPAxis::atBottom)->range());
    QCOMPARE(plot.panel(2, 2)->axis(QCPAxis::atBottom)->range(),
             plot.panel(2, 1)->axis(QCPAxis::atLeft)->range());
    QCOMPARE(plot.panel(2, 2)->axis(QCPAxis::atBottom)->range(),
             plot.panel(2, 0)->axis(QCPAxis::atLeft)->range());
    why = samePixels("zoomed");
    QVERIFY2(why.isEmpty(), qPrintable(why));
    // A real wheel turn on the diagonal zooms its column's x too, never the density.
    QCPAxisRect *diag = plot.panel(1, 1);
    const QCPRange density = diag->axis(QCPAxis::atLeft)->range();
    const QCPRange before = diag->axis(QCPAxis::atBottom)->range();
    const QPointF centre = diag->rect().center();
    QWheelEvent wheel(centre, plot.plot()->mapToGlobal(centre), QPoint(), QPoint(0, 120),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(plot.plot(), &wheel);
    QVERIFY(diag->axis(QCPAxis::atBottom)->range().size() < before.size());
    QCOMPARE(diag->axis(QCPAxis::atLeft)->range(), density);
    QCOMPARE(plot.panel(2, 1)->axis(QCPAxis::atBottom)->range(),
             diag->axis(QCPAxis::atBottom)->range());
    // Reset view (the context menu's action) restores the default view.
    QAction *reset = plot.plot()->findChild<QAction *>("resetView");
    QVERIFY(reset);
    QVERIFY(plot.plot()->actions().contains(reset));
    reset->trigger();
    for (int p = 0; p < 3; ++p) {
      const auto [lo, hi] = plot.defaultRange(p);
      QCOMPARE(plot.panel(p, p)->axis(QCPAxis::atBottom)->range(), QCPRange(lo, hi));
    }
    QCOMPARE(plot.panel(2, 0)->axis(QCPAxis::atLeft)->range().lower, plot.defaultRange(2).first);
    // Titles per method, each an axis label above the diagonal panel.
    QCOMPARE(plot.titles(1).size(), 3);
    QCOMPARE(plot.panel(1, 1)->axes(QCPAxis::atTop).size(), 3);
    // The legend (3 overlays, 2 markers) lies inside the figure.
    plot.plot()->replot();
    QCOMPARE(plot.plot()->legend->itemCount(), 5);
    const QRect legend = plot.plot()->legend->outerRect();
    QVERIFY2(plot.plot()->viewport().adjusted(4, 4, -4, -4).contains(legend),
             qPrintable(QString("legend %1,%2 %3×%4")
                            .arg(legend.x())
                            .arg(legend.y())
                            .arg(legend.width())
                            .arg(legend.height())));
    gui_test::screenshot(plot, "corner_three_methods");

    // Export: a 300 dpi PNG is the widget's size × 300 / 96; the PDF draws the regions
    // as vector paths (no image XObject at all).
    const QString png = tmp_.filePath("three.png"), pdf = tmp_.filePath("three.pdf");
    // At 96 dpi the export is the shown figure, pixel for pixel (up to antialiasing).
    const QString shownPng = tmp_.filePath("three96.png");
    QVERIFY(plot.exportPng(shownPng, 96));
    const QImage exported = QImage(shownPng).convertToFormat(QImage::Format_RGB32);
    const QImage shown = plot.plot()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    QCOMPARE(exported.size(), shown.size());
    qsizetype differ = 0;
    for (int y = 0; y < shown.height(); ++y)
      for (int x = 0; x < shown.width(); ++x) {
        const QRgb a = shown.pixel(x, y), b = exported.pixel(x, y);
        if (std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b)) +
                std::abs(qBlue(a) - qBlue(b)) >
            48)
          ++differ;
      }
    qInfo("96 dpi export vs the shown figure: %lld of %lld pixels differ",
          static_cast<long long>(differ), static_cast<long long>(shown.width()) * shown.height());
    QVERIFY(differ < shown.width() * shown.height() / 200); // under 0.5%
    QVERIFY(plot.exportPng(png));
    const QImage image(png);
    const QSize expected(qRound(plot.plot()->width() * 300 / 96.0),
                         qRound(plot.plot()->height() * 300 / 96.0));
    QCOMPARE(image.size(), expected);
    QVERIFY(std::abs(image.dotsPerMeterX() - 300 / 0.0254) < 2);
    QDir().mkpath(QStringLiteral(IMNN_SCREENSHOT_DIR));
    QFile::remove(QStringLiteral(IMNN_SCREENSHOT_DIR "/corner_three_methods_300dpi.png"));
    QFile::copy(png, QStringLiteral(IMNN_SCREENSHOT_DIR "/corner_three_methods_300dpi.png"));
    QVERIFY(plot.exportPdf(pdf));
    QFile::remove(QStringLiteral(IMNN_SCREENSHOT_DIR "/corner_three_methods.pdf"));
    QFile::copy(pdf, QStringLiteral(IMNN_SCREENSHOT_DIR "/corner_three_methods.pdf"));
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray raw = f.readAll();
    QVERIFY(raw.startsWith("%PDF"));
    QVERIFY(!raw.contains("/Subtype /Image"));
    const QByteArray content = pdfContent(raw);
    // Path construction (m, l, c) and painting (f fill, S stroke, B both) operators.
    const QList<QByteArray> tokens = content.simplified().split(' ');
    const auto count = [&](const char *op) {
      return static_cast<long long>(tokens.count(QByteArray(op)));
    };
    qInfo("PDF content: %lld bytes inflated, %lld m, %lld l, %lld c, %lld f*, %lld S, %lld B",
          static_cast<long long>(content.size()), count("m"), count("l"), count("c"), count("f*"),
          count("S"), count("B"));
    QVERIFY(count("m") > 20);
    QVERIFY(count("l") > 500); // the contour polygons' segments
    QVERIFY(count("f") + count("B") + count("f*") + count("B*") > 0); // the fills
    QVERIFY(count("S") + count("B") + count("B*") > 0);               // the lines
  }
};

QTEST_MAIN(TestGuiCorner)
#include "test_gui_corner.moc"
