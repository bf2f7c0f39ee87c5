// Engine messages where they reach the GUI (the config form's field errors): the
// fixed parts in the user's language, the values (numbers, keys, names) kept as the
// engine wrote them. A message no rule knows stays in English, whole.
#pragma once

#include <QString>

namespace imnn::gui {

QString engineText(const QString &message);

} // namespace imnn::gui
