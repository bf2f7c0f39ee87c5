// A form for a plugin's options built from the plugin's own description of them: its
// options_help (key -> meaning with the default) and its resolved defaults (the type
// of each value). Numbers and lists follow number_format.h; a string option whose help
// starts "a, b or c" is a choice. So the cnn, mlp and any third-party network plugin
// are configurable without GUI code.
#pragma once

#include <QFormLayout>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QWidget>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>

namespace imnn::gui {

class PluginOptionsForm : public QObject {
  Q_OBJECT
public:
  // Rows are added to form; prefix is the config key of the options
  // ("network.options"); addField registers each row with the panel (key, label,
  // widget, tooltip).
  using AddField = std::function<void(const QString &key, const QString &label, QWidget *widget,
                                      const QString &tooltip)>;
  using RemoveField = std::function<void(const QString &key, QWidget *widget)>;
  PluginOptionsForm(QString prefix, AddField add, RemoveField remove, QObject *parent = nullptr);

  // Rebuilds the rows: one per key of defaults (except `skip`), showing the value of
  // `values` where it has one of the right kind, else the default.
  void rebuild(const QString &plugin, const nlohmann::json &help, const nlohmann::json &defaults,
               const nlohmann::json &values, const QStringList &skip);
  // The options as typed: kept keys of `base` (a loaded file's), plus every option
  // that was loaded or differs from its default; text that does not parse is kept
  // as a string for the engine to refuse.
  nlohmann::json options(nlohmann::json base) const;
  // (config key, message) for every option that does not parse as its kind.
  QList<QPair<QString, QString>> inputErrors() const;
  QString plugin() const { return plugin_; }

signals:
  void edited();

private:
  enum class Kind { integer, number, integers, numbers, string, boolean, json };
  struct Option {
    QString key;
    Kind kind;
    QWidget *widget;
    QString defaultText;
    bool loaded;
  };
  QString text(const Option &o) const;
  // The value of the text as the option's kind, or nullopt with *why.
  std::optional<nlohmann::json> parse(const Option &o, QString *why) const;
  static Kind kindOf(const nlohmann::json &value);
  static QString display(const nlohmann::json &value, Kind kind);

  QString prefix_, plugin_;
  AddField add_;
  RemoveField remove_;
  QList<Option> options_;
};

} // namespace imnn::gui
