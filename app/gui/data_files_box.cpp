#include "data_files_box.h"

#include "imnn/arrays.h"
#include "imnn/config.h"

#include "option_text.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace imnn::gui {

namespace {

// "(n_s=1000, 10)": the leading axes named as the mode reads them.
QString namedShape(const QString &key, const QString &mode, const std::vector<Index> &shape) {
  QStringList axes;
  for (Index e : shape)
    axes << QString::number(e);
  const bool validation = key.startsWith(QLatin1String("validation_"));
  if (key.endsWith(QLatin1String("fiducial"))) {
    if (!axes.empty()) axes[0] = (validation ? "n_val=" : "n_s=") + axes[0];
  } else {
    if (!axes.empty()) axes[0] = (validation ? "n_val_d=" : "n_d=") + axes[0];
    if (mode == QLatin1String("numerical")) {
      if (axes.size() > 1) axes[1] = "±=" + axes[1];
      if (axes.size() > 2) axes[2] = "n_params=" + axes[2];
    } else if (axes.size() > 1) {
      axes.back() = "n_params=" + axes.back();
    }
  }
  return QStringLiteral("(%1)").arg(axes.join(", "));
}

} // namespace

const QStringList &DataFilesBox::keys() {
  static const QStringList k{"fiducial", "derivative", "validation_fiducial",
                             "validation_derivative"};
  return k;
}

DataFilesBox::DataFilesBox(QWidget *parent) : QGroupBox(tr("Data files"), parent) {
  auto *form = new QFormLayout(this);
  const QStringList labels{tr("Fiducial"), tr("Derivative"), tr("Validation fiducial"),
                           tr("Validation derivative")};
  // The tooltips are the engine's description of the keys (option_text.h).
  QStringList tips;
  for (const QString &key : keys())
    tips << optionTip(run_config_spec(("data." + key).toStdString()));
  for (int i = 0; i < keys().size(); ++i) {
    const QString key = keys()[i];
    auto *row = new QWidget;
    auto *v = new QVBoxLayout(row);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(1);
    auto *h = new QHBoxLayout;
    auto *edit = new QLineEdit;
    edit->setObjectName("data." + key);
    edit->setPlaceholderText(i < 2 ? tr(".npy, .npz:member or .h5:/dataset") : tr("optional"));
    auto *browse = new QPushButton(tr("Browse…"));
    h->addWidget(edit, 1);
    h->addWidget(browse);
    v->addLayout(h);
    auto *shape = new QLabel;
    shape->setObjectName("shape." + key);
    shape->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(shape);
    edit->setToolTip(tips[i]);
    form->addRow(labels[i], row);
    if (auto *l = form->labelForField(row)) l->setToolTip(tips[i]);
    edits_.insert(key, edit);
    shapes_.insert(key, shape);
    rows_.insert(key, row);
    connect(edit, &QLineEdit::textChanged, this, [this, key] {
      updateShape(key);
      emit changed();
    });
    connect(browse, &QPushButton::clicked, this, [this, key, label = labels[i]] {
      const QString file = QFileDialog::getOpenFileName(
          this, tr("%1 array").arg(label), QFileInfo(edits_[key]->text()).path(),
          tr("Arrays (*.npy *.npz *.h5 *.hdf5);;All files (*)"));
      if (!file.isEmpty()) setFile(key, file);
    });
  }
}

void DataFilesBox::setFiles(const nlohmann::json &given) {
  for (const QString &key : keys()) {
    const std::string k = key.toStdString();
    std::string path;
    if (given.is_object() && given.contains(k) && given[k].is_string())
      path = given[k].get<std::string>();
    const QSignalBlocker block(edits_[key]);
    edits_[key]->setText(QString::fromStdString(path));
    updateShape(key);
  }
}

nlohmann::json DataFilesBox::files() const {
  nlohmann::json j = nlohmann::json::object();
  for (const QString &key : keys()) {
    const QString text = edits_[key]->text().trimmed();
    if (!text.isEmpty()) j[key.toStdString()] = text.toStdString();
  }
  return j;
}

bool DataFilesBox::isEmpty() const {
  return files().empty();
}

void DataFilesBox::setFile(const QString &key, const QString &path) {
  if (edits_.contains(key)) edits_[key]->setText(path);
}

void DataFilesBox::setMode(const QString &mode) {
  if (mode_ == mode) return;
  mode_ = mode;
  for (const QString &key : keys())
    updateShape(key);
}

QString DataFilesBox::shapeText(const QString &key) const {
  return shapes_.contains(key) ? shapes_[key]->text() : QString();
}

void DataFilesBox::updateShape(const QString &key) {
  QLabel *label = shapes_[key];
  const QString path = edits_[key]->text().trimmed();
  if (path.isEmpty()) {
    label->clear();
    label->hide();
    return;
  }
  try {
    const ArrayInfo info = inspect_array(path.toStdString());
    label->setText(QStringLiteral("%1: %2").arg(key, namedShape(key, mode_, info.shape)));
    label->setStyleSheet(QString());
  } catch (const std::exception &e) {
    label->setText(QString::fromStdString(e.what()));
    label->setStyleSheet(QStringLiteral("color: #c62828;"));
  }
  label->show();
}

} // namespace imnn::gui
