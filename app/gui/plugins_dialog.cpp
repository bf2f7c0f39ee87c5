#include "plugins_dialog.h"

#include "imnn/plugins.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <functional>

namespace imnn::gui {

namespace {

QString q(const std::string &s) {
  return QString::fromStdString(s);
}

template <typename T>
QString list(const std::vector<T> &v) {
  QStringList out;
  for (const auto &e : v) {
    if constexpr (std::is_same_v<T, std::string>)
      out << q(e);
    else
      out << QString::number(static_cast<double>(e), 'g', 6);
  }
  return out.join(", ");
}

QTreeWidgetItem *item(QTreeWidgetItem *parent, const QString &a, const QString &b = {}) {
  auto *it = new QTreeWidgetItem(parent, {a, b});
  it->setToolTip(1, b);
  return it;
}

void addOptions(QTreeWidgetItem *parent, const nlohmann::json &help) {
  if (!help.is_object() || help.empty()) return;
  auto *options = item(parent, QObject::tr("options"));
  for (auto it = help.begin(); it != help.end(); ++it)
    item(options, q(it.key()), it->is_string() ? q(it->get<std::string>()) : q(it->dump()));
}

} // namespace

PluginsDialog::PluginsDialog(const PluginRegistry &registry, QWidget *parent)
    : QDialog(parent), tree_(new QTreeWidget) {
  setWindowTitle(tr("Plugins"));
  tree_->setColumnCount(2);
  tree_->setHeaderLabels({tr("plugin"), tr("details")});
  tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

  auto *sims =
      new QTreeWidgetItem(tree_, {tr("Simulators (%1)").arg(registry.simulators().size())});
  for (const SimulatorInfo &s : registry.simulators()) {
    auto *p = item(sims, q(s.name), q(s.description));
    item(p, tr("version"), q(s.version));
    item(p, tr("file"), QString::fromStdString(s.path.string()));
    item(p, tr("parameters"), list(s.param_names));
    item(p, tr("θ_fid"), list(s.theta_fid));
    item(p, tr("δθ"), list(s.delta_theta));
    item(p, tr("prior low"), list(s.prior_low));
    item(p, tr("prior high"), list(s.prior_high));
    item(p, tr("input shape"), list(s.default_input_shape));
    item(p, tr("Jacobian"), s.has_jacobian ? tr("yes (simulate_with_jacobian)") : tr("no"));
    addOptions(p, s.options_help);
  }
  auto *nets = new QTreeWidgetItem(tree_, {tr("Networks (%1)").arg(registry.networks().size())});
  for (const NetworkInfo &n : registry.networks()) {
    auto *p = item(nets, q(n.name), q(n.description));
    item(p, tr("version"), q(n.version));
    item(p, tr("file"), QString::fromStdString(n.path.string()));
    addOptions(p, n.options_help);
  }
  auto *skipped = new QTreeWidgetItem(
      tree_, {tr("Skipped (%1)").arg(registry.skipped().size()), tr("file or folder: reason")});
  for (const SkippedPlugin &s : registry.skipped())
    item(skipped, QString::fromStdString(s.path.string()), q(s.reason));
  auto *searched = new QTreeWidgetItem(tree_, {tr("Searched folders")});
  for (const auto &f : registry.searched())
    item(searched, QString::fromStdString(f.string()));
  tree_->expandToDepth(0);

  auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto *layout = new QVBoxLayout(this);
  layout->addWidget(tree_);
  layout->addWidget(buttons);
  resize(760, 520);
}

QString PluginsDialog::text() const {
  QStringList lines;
  std::function<void(QTreeWidgetItem *, int)> walk = [&](QTreeWidgetItem *it, int depth) {
    lines << QString(depth * 2, ' ') + it->text(0) +
                 (it->text(1).isEmpty() ? QString() : QStringLiteral(": ") + it->text(1));
    for (int i = 0; i < it->childCount(); ++i)
      walk(it->child(i), depth + 1);
  };
  for (int i = 0; i < tree_->topLevelItemCount(); ++i)
    walk(tree_->topLevelItem(i), 0);
  return lines.join('\n');
}

} // namespace imnn::gui
