// Lists the loaded simulator and network plugins with their descriptors, the files
// and folders skipped with the reason (a missing plugin folder included), and the
// folders searched; the selected plugin's whole descriptor, wrapped, below the list.
#pragma once

#include <QDialog>

class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace imnn {
class PluginRegistry;
}

namespace imnn::gui {

class PluginsDialog : public QDialog {
  Q_OBJECT
public:
  explicit PluginsDialog(const PluginRegistry &registry, QWidget *parent = nullptr);
  QTreeWidget *tree() const { return tree_; }
  // The selected row in full (a plugin's whole descriptor, wrapped to the width).
  QTextBrowser *details() const { return details_; }
  // All text shown, one line per item (for tests and the clipboard).
  QString text() const;

private:
  void showDetails(QTreeWidgetItem *item);
  QTreeWidget *tree_;
  QTextBrowser *details_;
};

} // namespace imnn::gui
