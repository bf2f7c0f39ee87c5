#include "work_split.h"

#include <QCoreApplication>
#include <QStringList>

namespace imnn::gui {

QString workSplitText(const nlohmann::json &aggregation) {
  if (!aggregation.is_object()) return {};
  QStringList devices;
  const auto d = aggregation.find("devices");
  if (d != aggregation.end() && d->is_array())
    for (const auto &e : *d)
      devices << QString::fromStdString(e.is_string() ? e.get<std::string>() : e.dump());
  auto number = [&](const char *key) {
    const auto it = aggregation.find(key);
    return it != aggregation.end() && it->is_number() ? it->get<double>() : 0.0;
  };
  const bool onePass = number("passes") == 1;
  const QString passes =
      (onePass ? QCoreApplication::translate("imnn::gui::WorkSplit",
                                             "one pass (activations kept: %1 MB, budget %2 MB)")
               : QCoreApplication::translate(
                     "imnn::gui::WorkSplit",
                     "two passes (activations recomputed: one pass needs %1 MB, budget %2 MB)"))
          .arg(number("one_pass_mb"), 0, 'f', 1)
          .arg(number("memory_budget_mb"), 0, 'g', 6);
  QString text =
      QCoreApplication::translate("imnn::gui::WorkSplit",
                                  "work split: %1 device(s) [%2] × n_per_device %3, chunks: %4, %5")
          .arg(devices.size())
          .arg(devices.join(QStringLiteral(", ")))
          .arg(static_cast<qlonglong>(number("n_per_device")))
          .arg(static_cast<qlonglong>(number("chunks")))
          .arg(passes);
  const auto s = aggregation.find("streamed");
  if (s != aggregation.end() && s->is_boolean() && s->get<bool>())
    text += QCoreApplication::translate("imnn::gui::WorkSplit", ", arrays streamed from disk");
  return text;
}

QString stopReasonText(const QString &reason, qint64 iterations) {
  if (reason == QLatin1String("cancelled"))
    return QCoreApplication::translate("imnn::gui::RunText", "stopped by you after %L1 iterations")
        .arg(iterations);
  if (reason == QLatin1String("patience"))
    return QCoreApplication::translate(
               "imnn::gui::RunText",
               "stopped by patience after %L1 iterations (no better validation det F)")
        .arg(iterations);
  if (reason == QLatin1String("max_iterations"))
    return QCoreApplication::translate("imnn::gui::RunText",
                                       "stopped at max_iterations (%L1 iterations)")
        .arg(iterations);
  return QCoreApplication::translate("imnn::gui::RunText", "stopped: %1 after %L2 iterations")
      .arg(reason)
      .arg(iterations);
}

} // namespace imnn::gui
