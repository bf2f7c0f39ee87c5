// The plugin registry behind the imnn_studio module's fits, runs and plugins(): the
// plugin folders given, those next to the module, the default search paths, and a
// Python simulator (python_simulator.h) when there is one.
#pragma once

#include "imnn/plugins.h"

#include "python_simulator.h"

#include <memory>
#include <string>
#include <vector>

namespace imnn::python {

// As imnn::scan_plugins over dirs, the module's plugin folders (<build>/plugins from
// <build>/python, <prefix>/lib/imnn-studio/plugins from <prefix>/lib/python3/dist-packages)
// and the default search paths, with sim (may be null) added first.
std::shared_ptr<imnn::PluginRegistry> make_registry(std::vector<std::string> dirs,
                                                    const std::shared_ptr<PythonSimulator> &sim);

} // namespace imnn::python
