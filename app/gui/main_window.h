// The main window: the Fit tab (configuration panel, live history plot, progress,
// Fit / Pause / Stop), the Runs tab (run browser), the Infer tab (InferPanel: GA,
// ABC and PMC on a trained run, overlaid on the corner plot, which first shows the
// Fisher forecast N(θ_fid, F⁻¹) of the last fit or opened run), menus with
// shortcuts, the plugins dialog, and the window layout and last config remembered in
// QSettings.
#pragma once

#include "fit_progress.h"

#include <QMainWindow>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>

class QAction;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;

namespace imnn {
class PluginRegistry;
}

namespace imnn::gui {

class ConfigPanel;
class CornerPlot;
class FitController;
class HistoryPlot;
class InferPanel;
class SimulationPreview;
class RunBrowser;

struct MainWindowOptions {
  QStringList pluginDirs;  // extra plugin folders (--plugin-dir), searched first
  QString configFile;      // config to open instead of the last one / the example
  bool restoreLast = true; // reopen the last config and window layout (QSettings)
};

class MainWindow : public QMainWindow {
  Q_OBJECT
public:
  explicit MainWindow(const MainWindowOptions &options = {}, QWidget *parent = nullptr);
  ~MainWindow() override;

  ConfigPanel *configPanel() const { return config_; }
  HistoryPlot *historyPlot() const { return history_; }
  RunBrowser *runBrowser() const { return runs_; }
  CornerPlot *cornerPlot() const { return corner_; }
  FitController *fitController() const { return controller_; }
  InferPanel *inferPanel() const { return infer_; }
  SimulationPreview *simulationPreview() const { return preview_; }
  QPushButton *fitButton() const { return fitButton_; }
  QPushButton *pauseButton() const { return pauseButton_; }
  QPushButton *stopButton() const { return stopButton_; }
  QProgressBar *progressBar() const { return progress_; }
  QLabel *patienceLabel() const { return patience_; }
  // Elapsed time, iterations per second and the estimated time left (FitProgress).
  QLabel *etaLabel() const { return eta_; }
  QLineEdit *expectedDetFEdit() const { return expectedDetF_; }
  QLabel *statusLabel() const { return status_; }
  QTabWidget *tabs() const { return tabs_; }
  const PluginRegistry &registry() const { return *registry_; }

  // Where fits write their run directories (default: ./runs, as the CLI).
  void setRunsFolder(const QString &folder);
  QString runsFolder() const { return runsFolder_; }
  // Asked when the window is closed during a fit; default: a Yes/No message box.
  void setCloseConfirmation(std::function<bool()> ask) { confirmClose_ = std::move(ask); }

public slots:
  void startFit();
  void stopFit();
  // Pauses a running fit, or resumes a paused one (Ctrl+P).
  void togglePause();
  void showPlugins();
  void openConfig();
  void saveConfig();
  void openRunFolder();
  void exportCorner();

protected:
  void closeEvent(QCloseEvent *event) override;

private:
  void buildMenus();
  void onStarted(const QString &runDir, int maxIterations, int patience, int minIterations);
  void onIterations();
  void onFinished(const QString &runDir, bool ok, const QString &message);
  void showFisherForecast(const QString &runDir);
  void updateActions();
  // The config's expected_detF in the Expected det F field, unless the user typed one.
  void prefillExpectedDetF();
  void fitProgressWidth(int maxIterations);

  MainWindowOptions options_;
  std::shared_ptr<PluginRegistry> registry_;
  ConfigPanel *config_;
  HistoryPlot *history_;
  RunBrowser *runs_;
  CornerPlot *corner_;
  FitController *controller_;
  QTabWidget *tabs_;
  InferPanel *infer_;
  QPushButton *fitButton_, *pauseButton_, *stopButton_;
  QProgressBar *progress_;
  QLabel *patience_, *eta_, *status_;
  QLineEdit *expectedDetF_;
  SimulationPreview *preview_;
  bool expectedTyped_ = false; // the field holds the user's own entry
  FitProgress fitProgress_;
  QAction *fitAction_, *pauseAction_, *stopAction_;
  QString runsFolder_;
  int maxIterations_ = 0, patienceMax_ = 0, minIterations_ = 0;
  std::function<bool()> confirmClose_;
};

} // namespace imnn::gui
