// imnn-studio: the desktop app. Without a display it says how to run headless and
// exits non-zero instead of letting Qt abort.
#include "imnn/threads.h"

#include "app_paths.h"
#include "main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <cstdio>
#include <cstdlib>

namespace {

bool hasDisplay() {
  const char *platform = std::getenv("QT_QPA_PLATFORM");
  const std::string p = platform ? platform : "";
  if (!p.empty() && p.rfind("xcb", 0) != 0 && p.rfind("wayland", 0) != 0)
    return true; // offscreen, vnc, eglfs ...: no window system needed
  const char *x = std::getenv("DISPLAY");
  const char *w = std::getenv("WAYLAND_DISPLAY");
  return (x && *x) || (w && *w);
}

} // namespace

int main(int argc, char **argv) {
  imnn::bound_openmp_spinning(argv); // the GUI thread must not fight spinning workers
  if (!hasDisplay()) {
    std::fprintf(stderr, "imnn-studio: no display (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                         "Run the fit headless instead:\n"
                         "  imnn fit resources/examples/gaussian_mean_variance.json\n"
                         "or start the app in a virtual display: xvfb-run -a imnn-studio\n"
                         "(QT_QPA_PLATFORM=offscreen imnn-studio runs it without any window).\n");
    return 2;
  }
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("IMNN Studio"));
  QApplication::setApplicationName(QStringLiteral("imnn-studio"));
  QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

  // The language chosen in Tools ▸ Language, else the system locale's.
  imnn::gui::installTranslator(QSettings().value(QStringLiteral("language")).toString());

  QCommandLineParser parser;
  parser.setApplicationDescription(
      QStringLiteral("IMNN Studio: configure, fit and inspect information maximising neural "
                     "networks. Headless: imnn fit CONFIG."));
  parser.addHelpOption();
  parser.addVersionOption();
  QCommandLineOption pluginDir(QStringLiteral("plugin-dir"),
                               QStringLiteral("Extra plugin folder, searched first (repeatable)"),
                               QStringLiteral("DIR"));
  QCommandLineOption fresh(QStringLiteral("fresh"),
                           QStringLiteral("Start on the built-in example and the default layout, "
                                          "ignoring the remembered ones"));
  parser.addOption(pluginDir);
  parser.addOption(fresh);
  parser.addPositionalArgument(QStringLiteral("config"),
                               QStringLiteral("Run configuration (JSON) to open"), "[config]");
  parser.process(app);

  imnn::gui::MainWindowOptions options;
  options.pluginDirs = parser.values(pluginDir);
  options.restoreLast = !parser.isSet(fresh);
  if (!parser.positionalArguments().isEmpty())
    options.configFile = parser.positionalArguments().front();
  imnn::gui::MainWindow window(options);
  window.show();
  return app.exec();
}
