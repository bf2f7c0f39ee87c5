#include "config_panel.h"

#include "imnn/error.h"
#include "imnn/json_reader.h"
#include "imnn/plugins.h"

#include "data_files_box.h"
#include "engine_text.h"
#include "number_format.h"
#include "option_text.h"
#include "options_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QSpinBox>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>
#include <climits>
#include <cmath>

namespace imnn::gui {

namespace {

using json = nlohmann::json;

// A number typed in a field (numbers::parse: the session's decimal mark), or the raw
// text when it is not one; inputErrors() says why at the field.
json numberOrText(const QString &text) {
  const auto v = numbers::parse(text);
  return v ? json(*v) : json(text.toStdString());
}

QString numberText(double v) {
  return numbers::format(v);
}

// The simulator's options as typed: an object, or the syntax error in words.
json optionsOf(const QString &text, QString *why) {
  try {
    return parse_json_text(text.toStdString(), "the options");
  } catch (const std::exception &e) {
    if (why) *why = QString::fromStdString(e.what());
    return json(text.toStdString());
  }
}

// Removes the value at a config key ("fit.lambda", "network.options.hidden[1]": the
// list) from j, so that the engine's default stands in; false when there is none.
bool eraseKey(json &j, QString key) {
  key.remove(QRegularExpression(QStringLiteral("\\[\\d+\\]")));
  const QStringList parts = key.split('.', Qt::SkipEmptyParts);
  if (parts.isEmpty()) return false;
  json *node = &j;
  for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
    if (!node->is_object() || !node->contains(parts[i].toStdString())) return false;
    node = &(*node)[parts[i].toStdString()];
  }
  return node->is_object() && node->erase(parts.back().toStdString()) > 0;
}

const json *member(const json &j, const char *key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

std::int64_t intOr(const json &j, const char *key, std::int64_t fallback) {
  const json *v = member(j, key);
  return v && v->is_number_integer() ? v->get<std::int64_t>() : fallback;
}

QString numberOr(const json &j, const char *key, double fallback) {
  const json *v = member(j, key);
  return numberText(v && v->is_number() ? v->get<double>() : fallback);
}

std::vector<double> numbersOr(const json &j, const char *key, std::vector<double> fallback) {
  const json *v = member(j, key);
  if (!v || !v->is_array()) return fallback;
  std::vector<double> out;
  for (const auto &e : *v)
    out.push_back(e.is_number() ? e.get<double>() : 0.0);
  return out;
}

// "simulator": "name" or {"plugin": "name", "options": {...}}.
std::pair<std::string, json> pluginOf(const json &j, const char *key, const std::string &dflt) {
  const json *v = member(j, key);
  if (!v) return {dflt, json::object()};
  if (v->is_string()) return {v->get<std::string>(), json::object()};
  const json *p = member(*v, "plugin");
  const json *o = member(*v, "options");
  return {p && p->is_string() ? p->get<std::string>() : dflt, o ? *o : json::object()};
}

QSpinBox *spin(int min, int max, const QString &special = {}) {
  auto *s = new QSpinBox;
  s->setRange(min, max);
  s->setSpecialValueText(special);
  s->setKeyboardTracking(false);
  return s;
}

// The tooltip of a run config key, from the engine's table (option_text.h).
QString tip(const char *key, const QString &note = {}) {
  return optionTip(run_config_spec(key), note);
}

QSpinBox *spinFor(const char *key, const QString &special = {}) {
  auto *s = spin(0, 0, special);
  applyOptionRange(s, run_config_spec(key));
  return s;
}

void setComboText(QComboBox *combo, const QString &text) {
  if (combo->findText(text) < 0) combo->addItem(text);
  combo->setCurrentText(text);
}

} // namespace

ConfigPanel::ConfigPanel(std::shared_ptr<const PluginRegistry> registry, QWidget *parent)
    : QWidget(parent), registry_(std::move(registry)) {
  setStyleSheet(QStringLiteral("*[invalid=\"true\"] { border: 2px solid #c62828; }"
                               "QLabel[role=\"error\"] { color: #c62828; }"));
  auto *top = new QVBoxLayout(this);
  generalError_ = new QLabel;
  generalError_->setProperty("role", "error");
  generalError_->setWordWrap(true);
  generalError_->hide();
  top->addWidget(generalError_);

  auto *runBox = new QGroupBox(tr("Run"));
  auto *runForm = new QFormLayout(runBox);
  name_ = new QLineEdit;
  addField(runForm, "name", tr("Name"), name_, tip("name"));
  mode_ = new QComboBox;
  mode_->setEditable(true);
  applyOptionChoices(mode_, run_config_spec("mode"));
  addField(runForm, "mode", tr("Mode"), mode_,
           tip("mode", tr("Reference: the IMNN class (SimulatorIMNN, GradientIMNN, "
                          "NumericalGradientIMNN …)")));
  top->addWidget(runBox);

  auto *simBox = new QGroupBox(tr("Simulator"));
  auto *simForm = new QFormLayout(simBox);
  simForm_ = simForm;
  simBox_ = simBox;
  simulator_ = new QComboBox;
  for (const SimulatorInfo &s : registry_->simulators())
    simulator_->addItem(QString::fromStdString(s.name));
  addField(simForm, "simulator.plugin", tr("Plugin"), simulator_,
           tip("simulator.plugin", tr("Reference: SimulatorIMNN(simulator=…)")));
  simOptions_ = new QLineEdit;
  addField(simForm, "simulator.options", tr("Options (JSON)"), simOptions_,
           tip("simulator.options"));
  params_ = new QTableWidget(0, 5);
  params_->setHorizontalHeaderLabels(
      {tr("parameter"), tr("θ_fid"), tr("δθ"), tr("prior low"), tr("prior high")});
  params_->verticalHeader()->hide();
  params_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  // The name and prior columns take their content's width (labels never clipped, also
  // in German and French); θ_fid and δθ share the rest.
  for (int col : {0, 3, 4})
    params_->horizontalHeader()->setSectionResizeMode(col, QHeaderView::ResizeToContents);
  params_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  params_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  addField(simForm, "theta_fid", tr("Parameters"), params_,
           tip("theta_fid") + "\n" +
               tip("delta_theta", tr("The prior box comes from the plugin's descriptor.")));
  fields_.insert("delta_theta", fields_.value("theta_fid"));
  top->addWidget(simBox);

  data_ = new DataFilesBox;
  for (const QString &k : DataFilesBox::keys()) {
    auto *error = new QLabel;
    error->setProperty("role", "error");
    error->setWordWrap(true);
    error->hide();
    data_->row(k)->layout()->addWidget(error);
    fields_.insert("data." + k, Field{data_->edit(k), error});
  }
  top->addWidget(data_);

  auto *netBox = new QGroupBox(tr("Network"));
  auto *netLayout = new QVBoxLayout(netBox);
  auto *netForm = new QFormLayout;
  network_ = new QComboBox;
  for (const NetworkInfo &n : registry_->networks())
    network_->addItem(QString::fromStdString(n.name));
  addField(netForm, "network.plugin", tr("Plugin"), network_,
           tip("network.plugin", tr("Reference: IMNN(model=stax.serial(…))")));
  // The plugin's options, built from its own description (plugin_options_form.h).
  auto *optionsForm = new QFormLayout;
  netOptions_ = new OptionsForm(
      QStringLiteral("network.options"),
      [this, optionsForm](const QString &key, const QString &label, QWidget *widget,
                          const QString &tooltip) {
        addField(optionsForm, key, label, widget, tooltip);
      },
      [this, optionsForm](const QString &key, QWidget *widget) {
        fields_.remove(key);
        optionsForm->removeRow(widget->parentWidget());
      },
      this);
  netOptions_->setNumberPrecision(7);
  auto *tailForm = new QFormLayout;
  nSummaries_ = spinFor("n_summaries", tr("auto (n_params)"));
  netLayout->addLayout(netForm);
  netLayout->addLayout(optionsForm);
  netLayout->addLayout(tailForm);
  addField(tailForm, "n_summaries", tr("n_summaries"), nSummaries_, tip("n_summaries"));
  top->addWidget(netBox);

  auto *fitBox = new QGroupBox(tr("Fit"));
  auto *fitForm = new QFormLayout(fitBox);
  nS_ = spinFor("n_s");
  addField(fitForm, "n_s", tr("n_s"), nS_, tip("n_s"));
  nD_ = spinFor("n_d");
  addField(fitForm, "n_d", tr("n_d"), nD_, tip("n_d"));
  optimiser_ = new QComboBox;
  optimiser_->addItems({"adam", "sgd"});
  addField(fitForm, "optimiser", tr("Optimiser"), optimiser_,
           tip("optimiser", tr("This box sets `optimiser.name`; the file may give the other "
                               "keys.")));
  learningRate_ = new QLineEdit;
  addField(fitForm, "optimiser.learning_rate", tr("Learning rate"), learningRate_,
           tip("optimiser", tr("This box sets `optimiser.learning_rate`.")));
  lambda_ = new QLineEdit;
  addField(fitForm, "fit.lambda", tr("λ"), lambda_, tip("fit.lambda"));
  epsilon_ = new QLineEdit;
  addField(fitForm, "fit.epsilon", tr("ε"), epsilon_, tip("fit.epsilon"));
  patience_ = spinFor("fit.patience");
  addField(fitForm, "fit.patience", tr("Patience"), patience_, tip("fit.patience"));
  minIter_ = spinFor("fit.min_iterations");
  addField(fitForm, "fit.min_iterations", tr("Min iterations"), minIter_,
           tip("fit.min_iterations"));
  maxIter_ = spinFor("fit.max_iterations");
  addField(fitForm, "fit.max_iterations", tr("Max iterations"), maxIter_,
           tip("fit.max_iterations"));
  seed_ = new QLineEdit;
  addField(fitForm, "seed", tr("Seed"), seed_, tip("seed"));
  top->addWidget(fitBox);
  buildDevicesBox(top);
  buildMoreBox(top);
  top->addStretch(1);

  connect(simulator_, &QComboBox::currentTextChanged, this, &ConfigPanel::onSimulatorChanged);
  connect(mode_, &QComboBox::currentTextChanged, this, &ConfigPanel::updateModeVisibility);
  connect(data_, &DataFilesBox::changed, this, [this] {
    if (loading_) return;
    validate();
    emit changed();
  });
  auto edited = [this] {
    if (loading_) return;
    validate();
    emit changed();
  };
  for (auto *e : {name_, simOptions_, learningRate_, lambda_, epsilon_, seed_, memoryBudget_})
    connect(e, &QLineEdit::textChanged, this, edited);
  connect(netOptions_, &OptionsForm::edited, this, edited);
  connect(more_, &OptionsForm::edited, this, edited);
  connect(network_, &QComboBox::currentTextChanged, this, [this] {
    if (loading_) return;
    const auto [loadedNet, loadedOptions] = pluginOf(base_, "network", "mlp");
    rebuildNetworkOptions(network_->currentText() == QString::fromStdString(loadedNet)
                              ? loadedOptions
                              : json::object());
  });
  for (auto *c : {mode_, network_, optimiser_})
    connect(c, &QComboBox::currentTextChanged, this, edited);
  for (auto *s : {nS_, nD_, nSummaries_, patience_, minIter_, maxIter_, nPerDevice_})
    connect(s, &QSpinBox::valueChanged, this, edited);
  for (auto *s : {devices_, threads_})
    connect(s, &QSpinBox::valueChanged, this, [this, edited] {
      if (loading_) return;
      devicesEdited_ = true; // the list is written from the two boxes from now on
      edited();
    });
  connect(stream_, &QComboBox::currentTextChanged, this, edited);
  connect(data_, &DataFilesBox::changed, this, &ConfigPanel::updateModeVisibility);
  connect(params_, &QTableWidget::itemChanged, this, edited);
}

void ConfigPanel::buildDevicesBox(QVBoxLayout *top) {
  auto *box = new QGroupBox(tr("Devices"));
  box->setObjectName(QStringLiteral("devicesBox"));
  auto *form = new QFormLayout(box);
  devicesForm_ = form;
  devices_ = spin(1, 1024);
  addField(form, "devices", tr("CPU devices"), devices_,
           tip("devices", tr("This box sets the number of CPU devices, each with its own "
                             "worker thread and backend (reference: "
                             "AggregatedSimulatorIMNN(devices=…), the JAX devices).")));
  threads_ = spinFor("threads", tr("all cores"));
  addField(form, "devices.threads", tr("Threads per device"), threads_,
           tip("threads", tr("This box sets `threads` and every `devices[i].threads`.")));
  fields_.insert("threads", fields_.value("devices.threads"));
  cuda_ = new QCheckBox(tr("CUDA GPUs"));
  cuda_->setObjectName(QStringLiteral("cuda"));
  cuda_->setEnabled(false);
  cuda_->setToolTip(tr("No CUDA device/build is available: this build of the engine computes "
                       "on the CPU only (set the CPU devices and threads above)"));
  form->addRow(tr("GPUs"), cuda_);
  nPerDevice_ = spinFor("n_per_device", tr("whole set"));
  addField(form, "n_per_device", tr("n_per_device"), nPerDevice_,
           tip("n_per_device", tr("Reference: AggregatedSimulatorIMNN(n_per_device=…)")));
  memoryBudget_ = new QLineEdit;
  addField(form, "fit.memory_budget_mb", tr("Memory budget (MB)"), memoryBudget_,
           tip("fit.memory_budget_mb"));
  stream_ = new QComboBox;
  applyOptionChoices(stream_, run_config_spec("data.stream"));
  addField(form, "data.stream", tr("Stream arrays"), stream_, tip("data.stream"));
  top->addWidget(box);
}

// Every run config key without a field above gets a row here, built from the engine's
// table (options_form.h): a key added to run_config_specs() shows in the app without
// GUI code. Left out: what the program writes (format, version, mode_reason).
void ConfigPanel::buildMoreBox(QVBoxLayout *top) {
  auto *box = new QGroupBox(tr("More settings"));
  box->setObjectName(QStringLiteral("moreBox"));
  auto *form = new QFormLayout(box);
  moreForm_ = form;
  std::vector<OptionSpec> specs;
  for (const OptionSpec &s : run_config_specs()) {
    const QString key = QString::fromStdString(s.key);
    if (fieldKeyFor(key) == key || key == QLatin1String("network.options")) continue;
    if (s.key == "format" || s.key == "version" || s.key == "mode_reason") continue;
    specs.push_back(s);
  }
  more_ = new OptionsForm(
      QString(),
      [this, form](const QString &key, const QString &label, QWidget *widget,
                   const QString &tooltip) { addField(form, key, label, widget, tooltip); },
      [this, form](const QString &key, QWidget *widget) {
        fields_.remove(key);
        form->removeRow(widget->parentWidget());
      },
      this);
  more_->rebuild(specs, json::object(), [](const OptionSpec &s) { return optionTip(s); });
  top->addWidget(box);
}

void ConfigPanel::addField(QFormLayout *form, const QString &key, const QString &label,
                           QWidget *widget, const QString &tooltip) {
  auto *box = new QWidget;
  auto *v = new QVBoxLayout(box);
  v->setContentsMargins(0, 0, 0, 0);
  v->setSpacing(1);
  v->addWidget(widget);
  auto *error = new QLabel;
  error->setProperty("role", "error");
  error->setWordWrap(true);
  error->hide();
  v->addWidget(error);
  widget->setToolTip(tooltip);
  widget->setObjectName(key);
  form->addRow(label, box);
  if (auto *l = form->labelForField(box)) l->setToolTip(tooltip);
  fields_.insert(key, Field{widget, error});
}

bool ConfigPanel::loadJson(const json &j, QString *error) {
  if (!j.is_object()) {
    *error = tr("a config must be a JSON object, got %1").arg(QString::fromStdString(j.dump()));
    return false;
  }
  loading_ = true;
  base_ = j;
  const json *name = member(j, "name");
  name_->setText(name && name->is_string() ? QString::fromStdString(name->get<std::string>())
                                           : QStringLiteral("run"));
  const json *mode = member(j, "mode");
  setComboText(mode_, mode && mode->is_string() ? QString::fromStdString(mode->get<std::string>())
                                                : QStringLiteral("simulator"));
  data_->setFiles(j.value("data", json()));
  const auto [sim, simOptions] = pluginOf(j, "simulator", "");
  setComboText(simulator_, QString::fromStdString(sim));
  simOptions_->setText(QString::fromStdString(simOptions.dump()));
  const SimulatorInfo *info = registry_->find_simulator(sim);
  fillParameterTable(numbersOr(j, "theta_fid", info ? info->theta_fid : std::vector<double>{}),
                     numbersOr(j, "delta_theta", info ? info->delta_theta : std::vector<double>{}));

  const auto [net, netOptions] = pluginOf(j, "network", "mlp");
  setComboText(network_, QString::fromStdString(net));
  nSummaries_->setValue(static_cast<int>(intOr(j, "n_summaries", 0)));
  rebuildNetworkOptions(netOptions);

  RunConfig defaults;
  nS_->setValue(static_cast<int>(intOr(j, "n_s", defaults.n_s)));
  nD_->setValue(static_cast<int>(intOr(j, "n_d", defaults.n_d)));
  const json opt = j.value("optimiser", json::object());
  setComboText(optimiser_, QString::fromStdString(opt.value("name", std::string("adam"))));
  learningRate_->setText(numberOr(opt, "learning_rate", 1e-3));
  const json fit = j.value("fit", json::object());
  lambda_->setText(numberOr(fit, "lambda", defaults.fit.lambda));
  epsilon_->setText(numberOr(fit, "epsilon", defaults.fit.epsilon));
  patience_->setValue(static_cast<int>(intOr(fit, "patience", defaults.fit.patience)));
  minIter_->setValue(static_cast<int>(intOr(fit, "min_iterations", defaults.fit.min_iterations)));
  maxIter_->setValue(static_cast<int>(intOr(fit, "max_iterations", defaults.fit.max_iterations)));
  const json *seed = member(j, "seed");
  seed_->setText(!seed ? QStringLiteral("0")
                 : seed->is_number_unsigned() || seed->is_number_integer()
                     ? numbers::locale().toString(seed->get<long long>())
                     : QString::fromStdString(seed->dump()));
  // devices: the list's length; threads per device: the first device's, or `threads`
  // that a device with threads 0 takes (as the engine's Aggregator does).
  const json *devices = member(j, "devices");
  const bool list = devices && devices->is_array() && !devices->empty();
  devices_->setValue(list ? static_cast<int>(devices->size()) : 1);
  const std::int64_t own = list ? intOr(devices->front(), "threads", 0) : 0;
  threads_->setValue(static_cast<int>(own > 0 ? own : intOr(j, "threads", 0)));
  devicesEdited_ = false;
  nPerDevice_->setValue(static_cast<int>(intOr(j, "n_per_device", defaults.n_per_device)));
  memoryBudget_->setText(numberOr(fit, "memory_budget_mb", defaults.fit.memory_budget_mb));
  const json *loadedData = member(j, "data");
  const json *stream = loadedData && !data_->isEmpty() ? member(*loadedData, "stream") : nullptr;
  setComboText(stream_, stream && stream->is_string()
                            ? QString::fromStdString(stream->get<std::string>())
                            : QStringLiteral("auto"));
  more_->load(j);
  updateModeVisibility();
  loading_ = false;
  validate();
  emit changed();
  return true;
}

bool ConfigPanel::loadFile(const QString &path, QString *error) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) {
    *error = tr("cannot open %1: %2; check the path").arg(path, f.errorString());
    return false;
  }
  json j;
  try {
    j = parse_json_text(f.readAll().toStdString(), path.toStdString(), /*comments=*/true);
  } catch (const std::exception &e) {
    *error = tr("%1; fix it in a text editor").arg(QString::fromStdString(e.what()));
    return false;
  }
  return loadJson(j, error);
}

bool ConfigPanel::saveFile(const QString &path, QString *error) const {
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
    *error = tr("cannot write %1: %2; choose another folder").arg(path, f.errorString());
    return false;
  }
  f.write(QByteArray::fromStdString(toJson().dump(2) + "\n"));
  return true;
}

json ConfigPanel::toJson() const {
  json j = base_.is_object() ? base_ : json::object();
  if (!j.contains("format")) j["format"] = "imnn-studio-config";
  if (!j.contains("version")) j["version"] = 1;
  j = more_->options(j);
  j["name"] = name_->text().toStdString();
  j["mode"] = mode_->currentText().toStdString();
  // The array modes read "data" and no simulator; "auto" uses the files once one is set.
  const bool arrays = arrayMode() || (mode_->currentText() == "auto" && !data_->isEmpty());
  if (arrays) {
    j.erase("simulator");
    j["data"] = data_->files();
    j["data"]["stream"] = stream_->currentText().toStdString();
  } else {
    j.erase("data");
    // Its other keys (isolate, timeout) stay: they come from the rows of more_.
    if (!j["simulator"].is_object()) j["simulator"] = json::object();
    j["simulator"]["plugin"] = simulator_->currentText().toStdString();
    j["simulator"]["options"] = optionsOf(simOptions_->text(), nullptr);
  }
  json theta = json::array(), delta = json::array();
  for (int row = 0; row < params_->rowCount(); ++row) {
    theta.push_back(numberOrText(params_->item(row, 1) ? params_->item(row, 1)->text() : ""));
    delta.push_back(numberOrText(params_->item(row, 2) ? params_->item(row, 2)->text() : ""));
  }
  j["theta_fid"] = theta;
  j["delta_theta"] = delta;

  const std::string net = network_->currentText().toStdString();
  auto [loadedNet, options] = pluginOf(base_, "network", "mlp");
  if (loadedNet != net || !options.is_object()) options = json::object();
  j["network"] = {{"plugin", net}, {"options", netOptions_->options(options)}};
  j["n_summaries"] = nSummaries_->value();
  j["n_s"] = nS_->value();
  j["n_d"] = nD_->value();

  json opt = j.value("optimiser", json::object());
  const std::string optName = optimiser_->currentText().toStdString();
  if (!opt.is_object() || opt.value("name", std::string("adam")) != optName)
    opt = json::object(); // another optimiser: its own defaults, not the old one's keys
  opt["name"] = optName;
  opt["learning_rate"] = numberOrText(learningRate_->text());
  j["optimiser"] = opt;

  json fit = j.value("fit", json::object());
  if (!fit.is_object()) fit = json::object();
  fit["lambda"] = numberOrText(lambda_->text());
  fit["epsilon"] = numberOrText(epsilon_->text());
  fit["patience"] = patience_->value();
  fit["min_iterations"] = minIter_->value();
  fit["max_iterations"] = maxIter_->value();
  const auto budget = numbers::parse(memoryBudget_->text());
  fit["memory_budget_mb"] = !budget ? json(memoryBudget_->text().toStdString())
                            : *budget == std::floor(*budget) && std::fabs(*budget) < 9e15
                                ? json(static_cast<std::int64_t>(*budget))
                                : json(*budget);
  j["fit"] = fit;
  const auto seed = numbers::parseUnsigned(seed_->text());
  j["seed"] = seed ? json(*seed) : json(seed_->text().toStdString());
  // A loaded list is kept as it was (a CUDA entry stays and is marked, different
  // threads per device survive) until the devices or threads box is edited; then N
  // devices of T threads each, and `threads` T for what reads the top-level key.
  if (devicesEdited_ || !j.contains("devices")) {
    j["threads"] = threads_->value();
    j["devices"] = json::array();
    for (int d = 0; d < devices_->value(); ++d)
      j["devices"].push_back({{"kind", "cpu"}, {"threads", threads_->value()}});
  }
  j["n_per_device"] = nPerDevice_->value();
  return j;
}

RunConfig ConfigPanel::config() const {
  return RunConfig::from_json(toJson());
}

bool ConfigPanel::arrayMode() const {
  const QString m = mode_->currentText();
  return m == QLatin1String("gradient") || m == QLatin1String("numerical");
}

void ConfigPanel::updateModeVisibility() {
  const QString m = mode_->currentText();
  const bool arrays = arrayMode(), any = m == QLatin1String("auto");
  data_->setVisible(arrays || any);
  data_->setMode(m == QLatin1String("numerical") ? m : QStringLiteral("gradient"));
  // θ_fid and δθ stay (the arrays were made there); the plugin rows go.
  simForm_->setRowVisible(simulator_->parentWidget(), !arrays);
  simForm_->setRowVisible(simOptions_->parentWidget(), !arrays);
  simBox_->setTitle(arrays ? tr("Parameters") : tr("Simulator"));
  // data.stream applies where arrays are read: the array modes, and "auto" given files.
  const bool readsArrays = arrays || (any && !data_->isEmpty());
  devicesForm_->setRowVisible(stream_->parentWidget(), readsArrays);
  more_->showGroup(moreForm_, readsArrays ? "gradient" : "simulator");
}

void ConfigPanel::rebuildNetworkOptions(const json &values) {
  const std::string net = network_->currentText().toStdString();
  const NetworkInfo *info = registry_->find_network(net);
  json defaults = values;
  if (info) {
    try { // the plugin's own defaults give every option and its kind
      defaults = registry_->resolve_network_options(net, json::object(),
                                                    std::max(1, nSummaries_->value()));
    } catch (const std::exception &) {
      defaults = values;
    }
  }
  const bool wasLoading = loading_;
  loading_ = true;
  const QString plugin = QString::fromStdString(net);
  netOptions_->rebuild(
      pluginOptionSpecs(info ? info->options_help : json::object(), defaults,
                        {QStringLiteral("output_size")}),
      values, [this, plugin](const OptionSpec &s) {
        return tr("`network.options.%1`: %2 (an option of the %3 plugin; reference: the "
                  "layers of its stax model)")
            .arg(QString::fromStdString(s.key),
                 s.help.empty() ? tr("no description") : QString::fromStdString(s.help), plugin);
      });
  loading_ = wasLoading;
  if (!loading_) {
    validate();
    emit changed();
  }
}

void ConfigPanel::onSimulatorChanged() {
  if (loading_) return;
  const SimulatorInfo *info = registry_->find_simulator(simulator_->currentText().toStdString());
  loading_ = true;
  simOptions_->setText(QStringLiteral("{}"));
  fillParameterTable(info ? info->theta_fid : std::vector<double>{},
                     info ? info->delta_theta : std::vector<double>{});
  loading_ = false;
  validate();
  emit changed();
}

void ConfigPanel::fillParameterTable(const std::vector<double> &theta,
                                     const std::vector<double> &delta) {
  const SimulatorInfo *info = registry_->find_simulator(simulator_->currentText().toStdString());
  const std::size_t n = info ? info->param_names.size() : theta.size();
  const bool wasLoading = loading_;
  loading_ = true;
  params_->setRowCount(static_cast<int>(n));
  auto readOnly = [](const QString &text) {
    auto *item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
  };
  for (std::size_t i = 0; i < n; ++i) {
    const int row = static_cast<int>(i);
    const QString name = info ? QString::fromStdString(info->param_names[i]) : QString::number(i);
    params_->setItem(row, 0, readOnly(name));
    params_->setItem(row, 1, new QTableWidgetItem(i < theta.size() ? numberText(theta[i]) : ""));
    params_->setItem(row, 2, new QTableWidgetItem(i < delta.size() ? numberText(delta[i]) : ""));
    const bool box = info && i < info->prior_low.size() && i < info->prior_high.size();
    params_->setItem(row, 3, readOnly(box ? numberText(info->prior_low[i]) : "—"));
    params_->setItem(row, 4, readOnly(box ? numberText(info->prior_high[i]) : "—"));
  }
  // Tall enough for every parameter (the panel scrolls, not the table).
  params_->setFixedHeight(params_->horizontalHeader()->sizeHint().height() +
                          params_->verticalHeader()->defaultSectionSize() * static_cast<int>(n) +
                          2 * params_->frameWidth() + 2);
  loading_ = wasLoading;
}

QWidget *ConfigPanel::field(const QString &key) const {
  return fields_.value(key).widget;
}

QLabel *ConfigPanel::fieldError(const QString &key) const {
  return fields_.value(key).error;
}

QString ConfigPanel::fieldKeyFor(const QString &key) const {
  QString k = key;
  k.remove(QRegularExpression(QStringLiteral("\\[\\d+\\]")));
  while (!k.isEmpty()) {
    if (fields_.contains(k)) return k;
    const qsizetype dot = k.lastIndexOf('.');
    k = dot < 0 ? QString() : k.left(dot);
  }
  return {};
}

void ConfigPanel::markError(const QString &key, const QString &message) {
  const QString k = key.isEmpty() ? QStringLiteral("config") : key;
  if (errorKey_.isEmpty()) {
    errorKey_ = k;
    errorMessage_ = message;
  }
  errorKeys_ << k;
  const QString fieldKey = fieldKeyFor(key);
  if (fieldKey.isEmpty()) {
    const QString line = key.isEmpty() ? message : QStringLiteral("`%1`: %2").arg(key, message);
    generalError_->setText(generalError_->isHidden() ? line : generalError_->text() + "\n" + line);
    generalError_->show();
    return;
  }
  const Field &f = fields_[fieldKey];
  // Two errors at one field (θ_fid and δθ share the table) both show.
  f.error->setText(f.error->isHidden() ? message : f.error->text() + "\n" + message);
  f.error->show();
  f.widget->setProperty("invalid", true);
  f.widget->style()->unpolish(f.widget);
  f.widget->style()->polish(f.widget);
}

QList<QPair<QString, QString>> ConfigPanel::inputErrors() const {
  QList<QPair<QString, QString>> out;
  QString why;
  auto number = [&](const char *key, QLineEdit *edit) {
    if (!numbers::parse(edit->text(), &why)) out.append({QString::fromLatin1(key), why});
  };
  if (!arrayMode() && !(mode_->currentText() == QLatin1String("auto") && !data_->isEmpty())) {
    const json options = optionsOf(simOptions_->text(), &why);
    if (!options.is_object())
      out.append(
          {QStringLiteral("simulator.options"),
           options.is_string() ? why : tr("give the plugin's options as a JSON object {…}")});
  }
  for (int row = 0; row < params_->rowCount(); ++row)
    for (const auto &[col, key] :
         {std::pair<int, const char *>{1, "theta_fid"}, {2, "delta_theta"}}) {
      const QTableWidgetItem *item = params_->item(row, col);
      if (!numbers::parse(item ? item->text() : QString(), &why))
        out.append(
            {QStringLiteral("%1[%2]").arg(QString::fromLatin1(key)).arg(row),
             tr("%1 of %2: %3")
                 .arg(params_->horizontalHeaderItem(col)->text(),
                      params_->item(row, 0) ? params_->item(row, 0)->text() : QString(), why)});
    }
  out.append(netOptions_->inputErrors());
  out.append(more_->inputErrors());
  number("optimiser.learning_rate", learningRate_);
  number("fit.lambda", lambda_);
  number("fit.epsilon", epsilon_);
  number("fit.memory_budget_mb", memoryBudget_);
  if (!numbers::parseUnsigned(seed_->text(), &why)) out.append({QStringLiteral("seed"), why});
  return out;
}

void ConfigPanel::validate() {
  errorKey_.clear();
  errorMessage_.clear();
  errorKeys_.clear();
  generalError_->clear();
  generalError_->hide();
  for (const Field &f : fields_) {
    f.error->clear();
    f.error->hide();
    if (f.widget->property("invalid").toBool()) {
      f.widget->setProperty("invalid", false);
      f.widget->style()->unpolish(f.widget);
      f.widget->style()->polish(f.widget);
    }
  }
  // Every error at once: what does not parse as typed, then the engine's checks, each
  // failing key replaced by its default for the next round so the next error shows.
  json j = toJson();
  QSet<QString> seen;
  for (const auto &[key, message] : inputErrors()) {
    markError(key, message);
    eraseKey(j, key);
    seen.insert(fieldKeyFor(key));
  }
  for (int round = 0; round < 32; ++round) {
    try {
      RunConfig c = RunConfig::from_json(j);
      c.resolve(*registry_);
      (void)registry_->resolve_network_options(c.network.plugin, c.network.options, c.n_summaries);
      // The network must take the simulations: build it on their shape so that the
      // plugin's shape errors (a kernel larger than the input) show at their field now.
      if (!c.array_mode()) {
        const auto sim = registry_->create_simulator(c.simulator.plugin, c.simulator.options);
        (void)registry_->build_network(c.network.plugin, c.network.options, sim->input_shape(),
                                       c.n_summaries);
      }
      break;
    } catch (const ConfigError &e) {
      const QString key = QString::fromStdString(e.key());
      const QString field = fieldKeyFor(key);
      // An error already shown at that field comes from what failed to parse, or the
      // default that replaced it: say nothing twice.
      if (!seen.contains(field.isEmpty() ? key : field))
        markError(key, engineText(QString::fromStdString(e.message())));
      seen.insert(field.isEmpty() ? key : field);
      if (!eraseKey(j, key)) break;
    } catch (const std::exception &e) {
      markError({}, QString::fromStdString(e.what()));
      break;
    }
  }
  if (isValid() != lastValid_ || !isValid()) emit validityChanged(isValid());
  lastValid_ = isValid();
}

} // namespace imnn::gui
