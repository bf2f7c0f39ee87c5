// The array files of the modes "gradient" and "numerical" (config key "data"): the
// fiducial, derivative and optional validation files, each chosen with a file dialog
// or typed, with the shape read from its header shown with named axes, e.g.
// "(n_s=1000, 10)" or "(n_d=1000, 10, n_params=2)" for the gradient mode's
// derivative. Errors in the files are the engine's, shown by ConfigPanel at the field
// (keys "data.fiducial", ...).
#pragma once

#include <QGroupBox>
#include <QHash>
#include <QString>
#include <nlohmann/json.hpp>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace imnn::gui {

class DataFilesBox : public QGroupBox {
  Q_OBJECT
public:
  explicit DataFilesBox(QWidget *parent = nullptr);

  // The four keys of "data", in the order shown.
  static const QStringList &keys();           // fiducial, derivative, validation_fiducial, ...
  void setFiles(const nlohmann::json &given); // the config's "data" object (or null)
  nlohmann::json files() const;               // {"fiducial": "...", ...}, empty ones left out
  bool isEmpty() const;
  void setFile(const QString &key, const QString &path);
  QLineEdit *edit(const QString &key) const { return edits_.value(key); }
  // The row of a key (edit, Browse and shape label) for ConfigPanel's error marks.
  QWidget *row(const QString &key) const { return rows_.value(key); }
  // The loaded shape with named axes ("fiducial: (n_s=1000, 10)"), or why it could
  // not be read; empty when no file is set.
  QString shapeText(const QString &key) const;
  // The mode names the derivative's axes: "gradient" or "numerical".
  void setMode(const QString &mode);

signals:
  void changed();

private:
  void updateShape(const QString &key);

  QString mode_ = QStringLiteral("gradient");
  QHash<QString, QLineEdit *> edits_;
  QHash<QString, QLabel *> shapes_;
  QHash<QString, QWidget *> rows_;
};

} // namespace imnn::gui
