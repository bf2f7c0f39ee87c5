// imnn_studio.fit: a run config (a dict or a config file) fitted into a run directory,
// as `imnn fit`, with the interpreter lock released, a callback with the records, and
// Ctrl-C stopping the fit cleanly; the simulator may be a Python function.
#pragma once

#include "run.h"

#include <memory>
#include <pybind11/pybind11.h>

namespace imnn::python {

// The arguments of imnn_studio.fit (the docstring in imnn_studio.cpp); kw: the
// reference's fit() settings (λ|lam, ε|epsilon, patience, min_iterations,
// max_iterations, best, seed, threads).
std::shared_ptr<Run> fit(pybind11::object config_arg, pybind11::object run_dir,
                         pybind11::object simulator, pybind11::object jacobian,
                         pybind11::object callback, int callback_every,
                         pybind11::object plugin_dirs_arg, pybind11::kwargs kw);

} // namespace imnn::python
