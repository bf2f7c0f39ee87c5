// Corner plot (QCustomPlot) of posterior marginals from core lfi::Marginals, drawn as
// GetDist draws them: 1-D marginals on the diagonal, titled with each overlay's mean
// and 68% interval; below it the 68% and 95% highest-density regions (lfi::hpd_levels)
// as contour lines with translucent fills (vector curves, so overlays stay visible and
// a PDF holds no raster); markers for the fiducial / true values; a legend inside the
// figure. The axes span the overlays' 99.9% regions with a margin; the mouse wheel
// zooms and a drag pans any panel, every panel of the same parameter following
// (columns share x: a value has the same pixel column on the diagonal and below it);
// "Reset view" (context menu, or a double click) restores the default view. Export as
// PNG at a chosen DPI and as a vector PDF.
#pragma once

#include "imnn/lfi.h"

#include <QColor>
#include <QList>
#include <QPolygonF>
#include <QStringList>
#include <QWidget>
#include <vector>

class QCustomPlot;
class QCPAxisRect;
class QCPMarginGroup;

namespace imnn::gui {

class CornerPlot : public QWidget {
  Q_OBJECT
public:
  explicit CornerPlot(QWidget *parent = nullptr);

  void setParameterNames(const QStringList &names);
  void clear(); // removes overlays, markers and samples
  // Adds one overlay; an invalid colour picks the next of a fixed palette. An overlay
  // of another dimension replaces all others (another problem).
  void addMarginals(const lfi::Marginals &marginals, const QString &label, QColor color = QColor());
  // Adds or replaces (same key) the overlay named key, e.g. one per inference method.
  void setOverlay(const QString &key, const lfi::Marginals &marginals, const QString &label,
                  QColor color);
  void removeOverlay(const QString &key);
  bool hasOverlay(const QString &key) const;
  QStringList overlayLabels() const;
  // The only marker (black cross), or one more in its own colour (e.g. the true θ).
  void setMarker(const std::vector<double> &values, const QString &label);
  void addMarker(const std::vector<double> &values, const QString &label, QColor color);
  int markerCount() const { return static_cast<int>(markers_.size()); }
  // Scatter of samples (N x p, e.g. accepted ABC draws) on the panels below the diagonal,
  // as an option beside the density overlays; an empty matrix removes it.
  void setSamples(const lfi::MatrixD &samples, const QString &label, QColor color = QColor());
  Index sampleCount() const { return samples_.rows(); }
  // Whether the overlays fill their 68% / 95% regions below the diagonal (default on);
  // off, those panels show only the samples and markers (a plain scatter).
  void setShowRegions(bool show);
  bool showsRegions() const { return showRegions_; }

  int overlayCount() const { return static_cast<int>(overlays_.size()); }
  int dimension() const;
  QCustomPlot *plot() const { return plot_; }
  // Fraction of the grid cells of panel (row, col), row > col, inside the 68% (level
  // 2) or 95% (level 1) region of overlay i: what the fill shows.
  double filledFraction(int overlay, int row, int col, int level) const;

  // The panel of (row, col), col <= row; null outside the lower triangle.
  QCPAxisRect *panel(int row, int col) const;
  // The iso-lines (closed, in data coordinates) bounding the 68% (level 2) or 95%
  // (level 1) region of overlay i on panel (row, col), row > col: what is drawn.
  QList<QPolygonF> contours(int overlay, int row, int col, int level) const;
  // The default view of parameter i: the union of the overlays' 99.9% highest-density
  // intervals, with a margin of 5% of its width on each side.
  QPair<double, double> defaultRange(int parameter) const;
  // The diagonal panel's title lines of parameter i, one per overlay:
  // "name = mean ± err" (or "+up −down"), numbers in the session's locale.
  QStringList titles(int parameter) const;

  // The shown figure as a PNG of the widget's size at `dpi` (96 dpi = the screen's
  // pixels), so width * dpi / 96 pixels wide.
  bool exportPng(const QString &file, int dpi = 300);
  // The shown figure as a vector PDF (contours and fills as paths, no images).
  bool exportPdf(const QString &file);

public slots:
  // Back to the default view of every parameter (zoom and pan undone).
  void resetView();

private:
  struct Overlay {
    lfi::Marginals marginals;
    QString label;
    QColor color;
    QString key;
  };
  struct Marker {
    std::vector<double> values;
    QString label;
    QColor color;
  };
  void rebuild();
  void syncParameter(int parameter, double lower, double upper);

  QCustomPlot *plot_;
  QStringList names_;
  std::vector<Overlay> overlays_;
  std::vector<Marker> markers_;
  lfi::MatrixD samples_;
  QString samplesLabel_;
  QColor samplesColor_;
  bool showRegions_ = true;
  std::vector<std::vector<QCPAxisRect *>> rects_;
  QList<QCPMarginGroup *> groups_;
  std::vector<QPair<double, double>> view_; // default range of each parameter
  bool syncing_ = false;
};

} // namespace imnn::gui
