#include "options_form.h"

#include "imnn/json_reader.h"

#include "number_format.h"
#include "option_text.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QRegularExpression>

namespace imnn::gui {

using json = nlohmann::json;

namespace {

bool isInteger(const json &v) {
  return v.is_number_integer() || v.is_number_unsigned();
}

// Whether a value read from a file is of the option's type (else the default shows).
bool fits(OptionType type, const json &v) {
  const auto all = [&](auto pred) {
    if (!v.is_array()) return false;
    for (const auto &e : v)
      if (!pred(e)) return false;
    return true;
  };
  switch (type) {
  case OptionType::integer:
    return isInteger(v);
  case OptionType::number:
    return v.is_number();
  case OptionType::text:
  case OptionType::choice:
    return v.is_string();
  case OptionType::flag:
    return v.is_boolean();
  case OptionType::numbers:
    return all([](const json &e) { return e.is_number(); });
  case OptionType::integers:
    return all(isInteger);
  case OptionType::number_or_auto:
    return v.is_number() || v == "auto";
  case OptionType::texts:
    return all([](const json &e) { return e.is_string(); });
  case OptionType::json:
    return true;
  }
  return false;
}

OptionType typeOf(const json &v) {
  if (v.is_boolean()) return OptionType::flag;
  if (isInteger(v)) return OptionType::integer;
  if (v.is_number()) return OptionType::number;
  if (v.is_string()) return OptionType::text;
  if (fits(OptionType::integers, v)) return OptionType::integers;
  if (fits(OptionType::numbers, v)) return OptionType::numbers;
  return OptionType::json;
}

// The value at a dotted key ("fit.best") of an object, or nullptr.
const json *at(const json &root, const std::string &key) {
  const json *v = &root;
  std::size_t begin = 0;
  while (true) {
    const std::size_t dot = key.find('.', begin);
    const std::string part = key.substr(begin, dot == std::string::npos ? dot : dot - begin);
    if (!v->is_object() || !v->contains(part)) return nullptr;
    v = &(*v)[part];
    if (dot == std::string::npos) return v;
    begin = dot + 1;
  }
}

// Writes (or, for null, removes) the value at a dotted key, making objects on the way.
void put(json &root, const std::string &key, const json &value) {
  json *v = &root;
  std::size_t begin = 0;
  while (true) {
    const std::size_t dot = key.find('.', begin);
    const std::string part = key.substr(begin, dot == std::string::npos ? dot : dot - begin);
    if (!v->is_object()) *v = json::object();
    if (dot == std::string::npos) {
      if (value.is_null())
        v->erase(part);
      else
        (*v)[part] = value;
      return;
    }
    v = &(*v)[part];
    begin = dot + 1;
  }
}

QString display(const json &v, OptionType type, int precision) {
  const QLocale l = numbers::locale();
  if (v.is_null()) return {};
  if (!fits(type, v)) return QString::fromStdString(v.dump());
  switch (type) {
  case OptionType::integer:
    return v.is_number_unsigned() ? l.toString(v.get<unsigned long long>())
                                  : l.toString(v.get<long long>());
  case OptionType::number:
    return numbers::format(v.get<double>(), precision);
  case OptionType::number_or_auto:
    return v.is_string() ? QStringLiteral("auto") : numbers::format(v.get<double>(), precision);
  case OptionType::integers: {
    QStringList parts;
    for (const auto &e : v)
      parts << l.toString(e.get<long long>());
    return parts.join(numbers::listSeparator());
  }
  case OptionType::numbers: {
    std::vector<double> d;
    for (const auto &e : v)
      d.push_back(e.get<double>());
    return numbers::formatList(d, precision);
  }
  case OptionType::text:
  case OptionType::choice:
    return QString::fromStdString(v.get<std::string>());
  case OptionType::flag:
    return v.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
  case OptionType::texts:
  case OptionType::json:
    break;
  }
  return QString::fromStdString(v.dump());
}

} // namespace

std::vector<OptionSpec> pluginOptionSpecs(const json &help, const json &defaults,
                                          const QStringList &skip) {
  std::vector<OptionSpec> out;
  if (!defaults.is_object()) return out;
  // "identity, relu, leaky_relu ... or gelu (leaky_relu)": a choice.
  static const QRegularExpression choices(
      QStringLiteral("^([a-z0-9_]+(?:, [a-z0-9_]+)*(?:,? or [a-z0-9_]+))\\b"));
  for (const auto &[k, dflt] : defaults.items()) {
    if (skip.contains(QString::fromStdString(k))) continue;
    OptionSpec s;
    s.key = k;
    s.type = typeOf(dflt);
    s.default_value = dflt;
    if (help.is_object() && help.contains(k) && help[k].is_string())
      s.help = help[k].get<std::string>();
    const auto m = choices.match(QString::fromStdString(s.help));
    if (s.type == OptionType::text && m.hasMatch()) {
      s.type = OptionType::choice;
      for (const QString &item :
           m.captured(1).split(QRegularExpression(QStringLiteral(",? or |, "))))
        s.choices.push_back(item.trimmed().toStdString());
    }
    out.push_back(std::move(s));
  }
  return out;
}

OptionsForm::OptionsForm(QString prefix, AddField add, RemoveField remove, QObject *parent)
    : QObject(parent), prefix_(std::move(prefix)), add_(std::move(add)),
      remove_(std::move(remove)) {}

QString OptionsForm::configKey(const Option &o) const {
  const QString key = QString::fromStdString(o.spec.key);
  return prefix_.isEmpty() ? key : prefix_ + "." + key;
}

QString OptionsForm::text(const Option &o) const {
  if (auto *e = qobject_cast<QLineEdit *>(o.widget)) return e->text();
  if (auto *c = qobject_cast<QComboBox *>(o.widget)) return c->currentText();
  if (auto *b = qobject_cast<QCheckBox *>(o.widget))
    return b->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
  return {};
}

void OptionsForm::show(Option &o, const json &values) {
  const json *v = at(values, o.spec.key);
  o.loaded = v && fits(o.spec.type, *v);
  const json &shown = o.loaded ? *v : o.spec.default_value;
  const QString value = display(shown, o.spec.type, precision_);
  const QSignalBlocker block(o.widget);
  if (auto *b = qobject_cast<QCheckBox *>(o.widget)) {
    b->setChecked(shown.is_boolean() && shown.get<bool>());
  } else if (auto *c = qobject_cast<QComboBox *>(o.widget)) {
    if (c->findText(value) < 0) c->addItem(value);
    c->setCurrentText(value);
  } else if (auto *e = qobject_cast<QLineEdit *>(o.widget)) {
    e->setText(value);
  }
}

void OptionsForm::rebuild(const std::vector<OptionSpec> &specs, const json &values,
                          const Tooltip &tooltip) {
  for (const Option &o : options_)
    remove_(configKey(o), o.widget);
  options_.clear();
  for (const OptionSpec &spec : specs) {
    QWidget *widget = nullptr;
    if (spec.type == OptionType::flag) {
      auto *b = new QCheckBox;
      connect(b, &QCheckBox::toggled, this, &OptionsForm::edited);
      widget = b;
    } else if (spec.type == OptionType::choice) {
      auto *c = new QComboBox;
      c->setEditable(true);
      for (const std::string &item : spec.choices)
        c->addItem(QString::fromStdString(item));
      connect(c, &QComboBox::currentTextChanged, this, &OptionsForm::edited);
      widget = c;
    } else {
      auto *e = new QLineEdit;
      if (spec.default_value.is_null() && !spec.default_text.empty())
        e->setPlaceholderText(QString::fromStdString(spec.default_text));
      connect(e, &QLineEdit::textChanged, this, &OptionsForm::edited);
      widget = e;
    }
    Option o{spec, widget, display(spec.default_value, spec.type, precision_), false};
    show(o, values);
    add_(configKey(o),
         spec.label.empty() ? QString::fromStdString(spec.key) : optionText(spec.label), widget,
         tooltip(spec));
    options_.append(o);
  }
}

void OptionsForm::load(const json &values) {
  for (Option &o : options_)
    show(o, values);
}

std::optional<json> OptionsForm::parse(const Option &o, QString *why) const {
  const QString t = text(o);
  const OptionType type = o.spec.type;
  if (t.trimmed().isEmpty() && o.spec.default_value.is_null() && type != OptionType::flag &&
      type != OptionType::choice)
    return json(nullptr);
  switch (type) {
  case OptionType::integer:
    if (const auto v = numbers::parseInteger(t, why)) return json(*v);
    return std::nullopt;
  case OptionType::number:
    if (const auto v = numbers::parse(t, why)) return json(*v);
    return std::nullopt;
  case OptionType::number_or_auto:
    if (t.trimmed() == QLatin1String("auto")) return json("auto");
    if (const auto v = numbers::parse(t, why)) return json(*v);
    return std::nullopt;
  case OptionType::integers:
    if (const auto v = numbers::parseIntegerList(t, why)) return json(*v);
    return std::nullopt;
  case OptionType::numbers:
    if (const auto v = numbers::parseList(t, why)) return json(*v);
    return std::nullopt;
  case OptionType::text:
  case OptionType::choice:
    return json(t.trimmed().toStdString());
  case OptionType::flag:
    return json(t == QLatin1String("true"));
  case OptionType::texts:
  case OptionType::json:
    try {
      return parse_json_text(t.toStdString(), "the value");
    } catch (const std::exception &e) {
      if (why) *why = QString::fromStdString(e.what());
      return std::nullopt;
    }
  }
  return std::nullopt;
}

json OptionsForm::options(json base) const {
  if (!base.is_object()) base = json::object();
  for (const Option &o : options_) {
    if (!o.loaded && text(o) == o.defaultText) continue; // the default stands
    const auto v = parse(o, nullptr);
    put(base, o.spec.key, v ? *v : json(text(o).toStdString()));
  }
  return base;
}

QList<QPair<QString, QString>> OptionsForm::inputErrors() const {
  QList<QPair<QString, QString>> out;
  QString why;
  for (const Option &o : options_)
    if (!parse(o, &why)) out.append({configKey(o), why});
  return out;
}

void OptionsForm::showGroup(QFormLayout *form, const std::string &group) {
  for (const Option &o : options_)
    form->setRowVisible(o.widget->parentWidget(), o.spec.applies_to(group));
}

QWidget *OptionsForm::widget(const QString &key) const {
  for (const Option &o : options_)
    if (configKey(o) == key) return o.widget;
  return nullptr;
}

} // namespace imnn::gui
