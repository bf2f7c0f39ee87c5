// Form rows built from option descriptions (imnn/option_schema.h), one per option:
// a check box for a flag, a combo box for a choice, a line edit for the rest (numbers
// and lists follow number_format.h, JSON as typed). The same class serves two kinds of
// description:
//  - the engine's own tables (the run config's keys the panel has no special widget
//    for), so that a key added to run_config_specs() appears in the app without GUI
//    code;
//  - a plugin's description of its options (options_help and resolved defaults, turned
//    into specs by pluginOptionSpecs()), so that the cnn, mlp and any third-party
//    network plugin are configurable without GUI code.
#pragma once

#include "imnn/option_schema.h"

#include <QFormLayout>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QWidget>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace imnn::gui {

// A plugin's options as specs: one per key of `defaults` (except `skip`), its type from
// the default's JSON kind, its help from `help`; a text option whose help starts
// "a, b or c" is a choice of those.
std::vector<OptionSpec> pluginOptionSpecs(const nlohmann::json &help,
                                          const nlohmann::json &defaults, const QStringList &skip);

class OptionsForm : public QObject {
  Q_OBJECT
public:
  // Rows go through addField (config key, label, widget, tooltip), which registers
  // each with the panel; removeField takes one out again. prefix is the config key the
  // option keys are under ("network.options"; empty: the keys are config keys).
  using AddField = std::function<void(const QString &key, const QString &label, QWidget *widget,
                                      const QString &tooltip)>;
  using RemoveField = std::function<void(const QString &key, QWidget *widget)>;
  using Tooltip = std::function<QString(const OptionSpec &spec)>;
  OptionsForm(QString prefix, AddField add, RemoveField remove, QObject *parent = nullptr);

  // Rebuilds the rows: one per spec, showing the value `values` has at the spec's key
  // (a dotted key reads nested objects) where it is of the right kind, else the
  // default.
  void rebuild(const std::vector<OptionSpec> &specs, const nlohmann::json &values,
               const Tooltip &tooltip);
  // Shows the values of `values` without rebuilding (the same specs).
  void load(const nlohmann::json &values);
  // `base` with the options as typed: every option that was loaded or differs from
  // its default is written at its key; text that does not parse is written as a
  // string for the engine to refuse; an emptied option without a default is removed.
  nlohmann::json options(nlohmann::json base) const;
  // (config key, message) for every option that does not parse as its kind.
  QList<QPair<QString, QString>> inputErrors() const;
  // Only the rows of options that apply to `group` (OptionSpec::groups) stay visible.
  void showGroup(QFormLayout *form, const std::string &group);
  QWidget *widget(const QString &key) const;
  // Significant digits of the numbers shown (7 for a plugin's float options, so that
  // 0.01 does not read 0.009999999776).
  void setNumberPrecision(int digits) { precision_ = digits; }

signals:
  void edited();

private:
  struct Option {
    OptionSpec spec;
    QWidget *widget;
    QString defaultText;
    bool loaded;
  };
  QString text(const Option &o) const;
  void show(Option &o, const nlohmann::json &values);
  // The value of the text as the option's type, or nullopt with *why; an empty text of
  // an option without a default is a null value (the option is left out).
  std::optional<nlohmann::json> parse(const Option &o, QString *why) const;
  QString configKey(const Option &o) const;

  QString prefix_;
  AddField add_;
  RemoveField remove_;
  QList<Option> options_;
  int precision_ = 12;
};

} // namespace imnn::gui
