#include "plugins_dialog.h"

#include "imnn/plugins.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTextBrowser>
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

// Rows as tall as their wrapped text in the column's current width (QTreeView alone
// sizes a row for one line and elides the rest).
class WrapDelegate : public QStyledItemDelegate {
public:
  explicit WrapDelegate(QTreeWidget *tree) : QStyledItemDelegate(tree), tree_(tree) {}
  QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QString text = index.data(Qt::DisplayRole).toString();
    const int width = tree_->columnWidth(index.column()) - 8;
    // The details column wraps; the names column is as wide as its names.
    if (index.column() != 1 || width <= 0 || text.isEmpty()) return size;
    const QRect bounds =
        option.fontMetrics.boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap, text);
    size.setHeight(std::max(size.height(), bounds.height() + 4));
    return size;
  }

private:
  QTreeWidget *tree_;
};

} // namespace

PluginsDialog::PluginsDialog(const PluginRegistry &registry, QWidget *parent)
    : QDialog(parent), tree_(new QTreeWidget), details_(new QTextBrowser) {
  setWindowTitle(tr("Plugins"));
  tree_->setColumnCount(2);
  tree_->setHeaderLabels({tr("plugin"), tr("details")});
  tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  tree_->header()->setStretchLastSection(true);
  // Long texts (descriptions, reasons) wrap in their column instead of being cut.
  tree_->setWordWrap(true);
  tree_->setUniformRowHeights(false);
  tree_->setTextElideMode(Qt::ElideNone);
  tree_->setItemDelegate(new WrapDelegate(tree_));
  // A wider or narrower column changes how many lines a text needs.
  connect(tree_->header(), &QHeaderView::sectionResized, tree_, [this] { tree_->doItemsLayout(); });

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
  auto *skipped = new QTreeWidgetItem(tree_, {tr("Skipped (%1)").arg(registry.skipped().size())});
  for (const SkippedPlugin &s : registry.skipped())
    item(skipped, QString::fromStdString(s.path.string()), q(s.reason));
  auto *searched = new QTreeWidgetItem(tree_, {tr("Searched folders")});
  for (const auto &f : registry.searched())
    item(searched, QString::fromStdString(f.string()));
  tree_->expandToDepth(0);

  // The selected row in full below the tree: a plugin's whole descriptor, wrapped.
  details_->setObjectName(QStringLiteral("pluginDetails"));
  details_->setLineWrapMode(QTextEdit::WidgetWidth);
  connect(tree_, &QTreeWidget::currentItemChanged, this,
          [this](QTreeWidgetItem *current) { showDetails(current); });
  if (sims->childCount() > 0)
    tree_->setCurrentItem(sims->child(0));
  else if (nets->childCount() > 0)
    tree_->setCurrentItem(nets->child(0));

  auto *split = new QSplitter(Qt::Vertical);
  split->addWidget(tree_);
  split->addWidget(details_);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto *layout = new QVBoxLayout(this);
  layout->addWidget(split);
  layout->addWidget(buttons);
  resize(760, 600);
}

void PluginsDialog::showDetails(QTreeWidgetItem *item) {
  if (!item) {
    details_->clear();
    return;
  }
  // A plugin's row (the children of a top-level group) with every descriptor line;
  // another row as it is.
  QTreeWidgetItem *plugin = item;
  while (plugin->parent() && plugin->parent()->parent())
    plugin = plugin->parent();
  QString html = QStringLiteral("<p><b>%1</b></p>").arg(plugin->text(0).toHtmlEscaped());
  if (!plugin->text(1).isEmpty())
    html += QStringLiteral("<p>%1</p>").arg(plugin->text(1).toHtmlEscaped());
  std::function<void(QTreeWidgetItem *, int)> rows = [&](QTreeWidgetItem *it, int depth) {
    for (int i = 0; i < it->childCount(); ++i) {
      QTreeWidgetItem *c = it->child(i);
      html += QStringLiteral("<tr><td style='padding-left:%1px'>%2</td><td>%3</td></tr>")
                  .arg(12 * depth)
                  .arg(c->text(0).toHtmlEscaped(), c->text(1).toHtmlEscaped());
      rows(c, depth + 1);
    }
  };
  if (plugin->childCount() > 0) {
    html += QStringLiteral("<table cellspacing='0' cellpadding='2'>");
    rows(plugin, 0);
    html += QStringLiteral("</table>");
  }
  details_->setHtml(html);
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
