// Where the app finds its files: the built-in examples beside the executable (build
// tree and install tree alike: <bin>/../share/imnn-studio/examples, then the source
// tree's resources/examples as a last resort), and a fresh default run directory.
#pragma once

#include <QString>
#include <nlohmann/json.hpp>

namespace imnn::gui {

// Folder holding the built-in example configs, or an empty string when none is found.
QString examplesFolder();
// Folder of the compiled translations (imnn_studio_de.qm, ...):
// <bin>/../share/imnn-studio/translations.
QString translationsFolder();
// Installs the app's translator for `language` ("de", "fr", "en"; empty: the system
// locale). Returns the language loaded, or "" when the strings stay English.
QString installTranslator(const QString &language);
// Path of the built-in Gaussian example (gaussian_mean_variance.json) or "" when missing.
QString gaussianExamplePath();
// <root>/<name>-<yyyyMMdd-HHmmss>, as the CLI's default runs/<name>-<date>-<time>; a
// suffix -2, -3 ... when that directory already exists (two fits in one second).
QString defaultRunDirectory(const QString &root, const QString &name);
// A JSON file the app reads (config.json, result.json, model.json): null when it
// cannot be opened, discarded (is_discarded()) when it is not JSON or nests deeper than
// the engine allows (imnn::parse_json_text).
nlohmann::json readJsonFile(const QString &file);
// JSON text from a setting or a field, read as readJsonFile reads a file.
nlohmann::json readJsonText(const QByteArray &text);

} // namespace imnn::gui
