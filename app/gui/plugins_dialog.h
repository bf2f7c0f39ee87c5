// Lists the loaded simulator and network plugins with their descriptors, the files
// and folders skipped with the reason (a missing plugin folder included), and the
// folders searched.
#pragma once

#include <QDialog>

class QTreeWidget;

namespace imnn {
class PluginRegistry;
}

namespace imnn::gui {

class PluginsDialog : public QDialog {
  Q_OBJECT
public:
  explicit PluginsDialog(const PluginRegistry &registry, QWidget *parent = nullptr);
  QTreeWidget *tree() const { return tree_; }
  // All text shown, one line per item (for tests and the clipboard).
  QString text() const;

private:
  QTreeWidget *tree_;
};

} // namespace imnn::gui
