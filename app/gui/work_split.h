// How the engine split a fit's work (AggregationInfo, result.json "aggregation"), as
// one translated line for the fit status and the run browser: devices × n_per_device,
// chunks, one pass or two passes, and whether the arrays were streamed from disk.
#pragma once

#include <QString>
#include <nlohmann/json.hpp>

namespace imnn::gui {

// Empty when aggregation is not an object (a result.json written before the engine
// recorded the split).
QString workSplitText(const nlohmann::json &aggregation);
// Why a fit ended, in words ("stopped by you", "stopped by patience after 3 455
// iterations"), for the engine's stop_reason (patience, max_iterations, cancelled);
// another reason is shown as it is.
QString stopReasonText(const QString &reason, qint64 iterations);

} // namespace imnn::gui
