// The run configuration form: simulator plugin and its parameters (θ_fid, δθ and the
// prior box from the descriptor), or the array files of the array modes (the mode
// picker shows the boxes the mode uses), network plugin and options, mode, sizes,
// optimiser, fit settings, seed, and the Devices group: CPU devices × threads each (CUDA greyed
// out without a device), n_per_device, fit.memory_budget_mb and, for arrays, data.stream. It edits
// the same JSON the CLI reads; keys without a field (fit.n_validation, fit.best, ...) are kept from
// the loaded file. Every edit is validated with the engine (RunConfig::from_json + resolve, the
// network plugin's options): an invalid value is marked at its field with the engine's reason, and
// validityChanged(false) lets the window disable Fit.
#pragma once

#include "imnn/config.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QWidget>
#include <memory>
#include <nlohmann/json.hpp>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;
class QFormLayout;
class QGroupBox;
class QVBoxLayout;

namespace imnn {
class PluginRegistry;
}

namespace imnn::gui {

class DataFilesBox;

class ConfigPanel : public QWidget {
  Q_OBJECT
public:
  explicit ConfigPanel(std::shared_ptr<const PluginRegistry> registry, QWidget *parent = nullptr);

  // Fills the form from a config JSON (the CLI's format). Returns false with *error
  // when it is not a JSON object; an invalid value is loaded and marked, not refused.
  bool loadJson(const nlohmann::json &config, QString *error);
  bool loadFile(const QString &path, QString *error);
  bool saveFile(const QString &path, QString *error) const;
  // The config the form shows, as the CLI reads it.
  nlohmann::json toJson() const;

  bool isValid() const { return errorKey_.isEmpty(); }
  // The key (as ConfigError::key()) and message of the first error, empty when valid.
  QString errorKey() const { return errorKey_; }
  QString errorMessage() const { return errorMessage_; }
  // Every key in error (all errors show at once), the first one first.
  QStringList errorKeys() const { return errorKeys_; }
  // The parsed config (valid only when isValid()).
  RunConfig config() const;

  // Field editing a config key ("n_d", "fit.lambda", "theta_fid"); null when none.
  QWidget *field(const QString &key) const;
  // The error label shown under that field (hidden when the field is valid).
  QLabel *fieldError(const QString &key) const;
  QLabel *generalError() const { return generalError_; }
  DataFilesBox *dataFiles() const { return data_; }
  // Greyed out with the reason in its tooltip while no CUDA device/build is available.
  QCheckBox *cudaBox() const { return cuda_; }
  // The mode picker's choice uses array files (gradient, numerical).
  bool arrayMode() const;

signals:
  void validityChanged(bool valid);
  void changed();

public slots:
  void validate();

private:
  struct Field {
    QWidget *widget = nullptr;
    QLabel *error = nullptr;
  };
  void addField(QFormLayout *form, const QString &key, const QString &label, QWidget *widget,
                const QString &tooltip);
  void buildDevicesBox(QVBoxLayout *top);
  void buildMoreBox(QVBoxLayout *top);
  void onSimulatorChanged();
  // The network plugin's option fields, showing `values` where they have them.
  void rebuildNetworkOptions(const nlohmann::json &values);
  void updateModeVisibility();
  void fillParameterTable(const std::vector<double> &theta, const std::vector<double> &delta);
  void markError(const QString &key, const QString &message);
  // Fields whose text does not parse (numbers in the session's locale, the simulator's
  // options JSON), as (config key, message).
  QList<QPair<QString, QString>> inputErrors() const;
  QString fieldKeyFor(const QString &key) const;

  std::shared_ptr<const PluginRegistry> registry_;
  nlohmann::json base_ = nlohmann::json::object(); // the loaded JSON, keys without a field
  QHash<QString, Field> fields_;
  QLineEdit *name_;
  QComboBox *mode_, *simulator_, *network_, *optimiser_;
  QLineEdit *simOptions_, *learningRate_, *lambda_, *epsilon_, *seed_, *memoryBudget_;
  class OptionsForm *netOptions_ = nullptr; // the network plugin's options
  class OptionsForm *more_ = nullptr;       // the keys without a field of their own
  QFormLayout *moreForm_ = nullptr;
  QTableWidget *params_;
  QSpinBox *nS_, *nD_, *nSummaries_, *patience_, *minIter_, *maxIter_;
  QSpinBox *devices_, *threads_, *nPerDevice_;
  QComboBox *stream_;
  QFormLayout *devicesForm_ = nullptr;
  bool devicesEdited_ = false; // toJson writes the devices list from the boxes
  QLabel *generalError_;
  DataFilesBox *data_;
  QCheckBox *cuda_;
  QFormLayout *simForm_ = nullptr;
  QGroupBox *simBox_ = nullptr;
  QString errorKey_, errorMessage_;
  QStringList errorKeys_;
  bool loading_ = false;
  bool lastValid_ = true;
};

} // namespace imnn::gui
