// Corner plot (QCustomPlot) of posterior marginals from core lfi::Marginals: 1-D
// marginals on the diagonal, the 68% and 95% highest-density regions (filled, from
// lfi::hpd_levels) below it, markers for the fiducial / true values, several
// overlays in distinct colours with a legend; export as PNG and PDF.
#pragma once

#include "imnn/lfi.h"

#include <QColor>
#include <QStringList>
#include <QWidget>
#include <vector>

class QCustomPlot;

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

  bool exportPng(const QString &file, int width = 0, int height = 0);
  bool exportPdf(const QString &file);

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

  QCustomPlot *plot_;
  QStringList names_;
  std::vector<Overlay> overlays_;
  std::vector<Marker> markers_;
  lfi::MatrixD samples_;
  QString samplesLabel_;
  QColor samplesColor_;
  bool showRegions_ = true;
};

} // namespace imnn::gui
