#include "plugin_options_form.h"

#include "imnn/json_reader.h"

#include "number_format.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QRegularExpression>

namespace imnn::gui {

using json = nlohmann::json;

PluginOptionsForm::PluginOptionsForm(QString prefix, AddField add, RemoveField remove,
                                     QObject *parent)
    : QObject(parent), prefix_(std::move(prefix)), add_(std::move(add)),
      remove_(std::move(remove)) {}

PluginOptionsForm::Kind PluginOptionsForm::kindOf(const json &v) {
  if (v.is_boolean()) return Kind::boolean;
  if (v.is_number_integer() || v.is_number_unsigned()) return Kind::integer;
  if (v.is_number()) return Kind::number;
  if (v.is_string()) return Kind::string;
  if (v.is_array()) {
    bool ints = true, nums = true;
    for (const auto &e : v) {
      ints = ints && (e.is_number_integer() || e.is_number_unsigned());
      nums = nums && e.is_number();
    }
    if (ints) return Kind::integers;
    if (nums) return Kind::numbers;
  }
  return Kind::json;
}

QString PluginOptionsForm::display(const json &v, Kind kind) {
  const QLocale l = numbers::locale();
  switch (kind) {
  case Kind::integer:
    return l.toString(v.get<long long>());
  case Kind::number:
    return numbers::format(v.get<double>(), 7); // float options: no 0.009999999776
  case Kind::integers: {
    QStringList parts;
    for (const auto &e : v)
      parts << l.toString(e.get<long long>());
    return parts.join(numbers::listSeparator());
  }
  case Kind::numbers: {
    std::vector<double> d;
    for (const auto &e : v)
      d.push_back(e.get<double>());
    return numbers::formatList(d, 7);
  }
  case Kind::string:
    return QString::fromStdString(v.get<std::string>());
  case Kind::boolean:
    return v.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
  case Kind::json:
    break;
  }
  return QString::fromStdString(v.dump());
}

QString PluginOptionsForm::text(const Option &o) const {
  if (auto *e = qobject_cast<QLineEdit *>(o.widget)) return e->text();
  if (auto *c = qobject_cast<QComboBox *>(o.widget)) return c->currentText();
  if (auto *b = qobject_cast<QCheckBox *>(o.widget))
    return b->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
  return {};
}

void PluginOptionsForm::rebuild(const QString &plugin, const json &help, const json &defaults,
                                const json &values, const QStringList &skip) {
  for (const Option &o : options_) {
    remove_(prefix_ + "." + o.key, o.widget);
  }
  options_.clear();
  plugin_ = plugin;
  if (!defaults.is_object()) return;
  // "identity, relu, leaky_relu ... or gelu (leaky_relu)": a choice.
  static const QRegularExpression choices(
      QStringLiteral("^([a-z0-9_]+(?:, [a-z0-9_]+)*(?:,? or [a-z0-9_]+))\\b"));
  for (const auto &[k, dflt] : defaults.items()) {
    const QString key = QString::fromStdString(k);
    if (skip.contains(key)) continue;
    const Kind kind = kindOf(dflt);
    const QString helpText = help.is_object() && help.contains(k) && help[k].is_string()
                                 ? QString::fromStdString(help[k].get<std::string>())
                                 : QString();
    const bool loaded = values.is_object() && values.contains(k) && kindOf(values[k]) == kind;
    const json &shown = loaded ? values[k] : dflt;
    QWidget *widget = nullptr;
    if (kind == Kind::boolean) {
      auto *b = new QCheckBox;
      b->setChecked(shown.get<bool>());
      connect(b, &QCheckBox::toggled, this, &PluginOptionsForm::edited);
      widget = b;
    } else if (kind == Kind::string) {
      auto *c = new QComboBox;
      c->setEditable(true);
      const auto m = choices.match(helpText);
      if (m.hasMatch())
        for (QString item : m.captured(1).split(QRegularExpression(QStringLiteral(",? or |, "))))
          c->addItem(item.trimmed());
      const QString value = display(shown, kind);
      if (c->findText(value) < 0) c->addItem(value);
      c->setCurrentText(value);
      connect(c, &QComboBox::currentTextChanged, this, &PluginOptionsForm::edited);
      widget = c;
    } else {
      auto *e = new QLineEdit(display(shown, kind));
      connect(e, &QLineEdit::textChanged, this, &PluginOptionsForm::edited);
      widget = e;
    }
    const QString configKey = prefix_ + "." + key;
    add_(configKey, key, widget,
         tr("`%1`: %2 (an option of the %3 plugin; reference: the layers of its stax model)")
             .arg(configKey, helpText.isEmpty() ? tr("no description") : helpText, plugin));
    options_.append(Option{key, kind, widget, display(dflt, kind), loaded});
  }
}

std::optional<json> PluginOptionsForm::parse(const Option &o, QString *why) const {
  const QString t = text(o);
  switch (o.kind) {
  case Kind::integer:
    if (const auto v = numbers::parseInteger(t, why)) return json(*v);
    return std::nullopt;
  case Kind::number:
    if (const auto v = numbers::parse(t, why)) return json(*v);
    return std::nullopt;
  case Kind::integers:
    if (const auto v = numbers::parseIntegerList(t, why)) return json(*v);
    return std::nullopt;
  case Kind::numbers:
    if (const auto v = numbers::parseList(t, why)) return json(*v);
    return std::nullopt;
  case Kind::string:
    return json(t.trimmed().toStdString());
  case Kind::boolean:
    return json(t == QLatin1String("true"));
  case Kind::json:
    try {
      return parse_json_text(t.toStdString(), "the value");
    } catch (const std::exception &e) {
      if (why) *why = QString::fromStdString(e.what());
      return std::nullopt;
    }
  }
  return std::nullopt;
}

json PluginOptionsForm::options(json base) const {
  if (!base.is_object()) base = json::object();
  for (const Option &o : options_) {
    if (!o.loaded && text(o) == o.defaultText) continue; // the plugin's default stands
    const auto v = parse(o, nullptr);
    base[o.key.toStdString()] = v ? *v : json(text(o).toStdString());
  }
  return base;
}

QList<QPair<QString, QString>> PluginOptionsForm::inputErrors() const {
  QList<QPair<QString, QString>> out;
  QString why;
  for (const Option &o : options_)
    if (!parse(o, &why)) out.append({prefix_ + "." + o.key, why});
  return out;
}

} // namespace imnn::gui
