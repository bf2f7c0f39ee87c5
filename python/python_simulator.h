// A simulator written in Python, served to the engine as an in-process simulator
// plugin table (imnn/simulator_abi.h) with the batch calls: the engine asks for a
// chunk of simulations, the table takes the interpreter lock once and calls
//
//     simulator(seeds: uint64[n], theta: float64[n, p]) -> array (n, *input_shape)
//     jacobian(seeds, theta) -> (out (n, *input_shape), jac (n, *input_shape, p))
//
// Errors carry the Python traceback; a wrong shape or dtype names the expected one.
#pragma once

#include "imnn/simulator_abi.h"

#include <cstdint>
#include <memory>
#include <pybind11/pybind11.h>
#include <string>
#include <vector>

namespace imnn::python {

struct PythonSimulatorSpec {
  std::string name = "python";
  std::vector<std::string> param_names;
  std::vector<std::int64_t> input_shape;
  std::vector<double> theta_fid, delta_theta, prior_low, prior_high;
  std::string description;
};

// Owns the Python callables, the descriptor's storage and the plugin table. Keep it
// alive (shared_ptr) while any Simulator made from its table exists.
class PythonSimulator {
public:
  PythonSimulator(pybind11::object simulate, pybind11::object jacobian, PythonSimulatorSpec spec);
  ~PythonSimulator();
  PythonSimulator(const PythonSimulator &) = delete;
  PythonSimulator &operator=(const PythonSimulator &) = delete;

  const imnn_simulator_plugin *table() const { return &table_; }
  // The functions every Python simulator shares (the instance is the
  // PythonSimulator), with instance_info; a plugin sets its descriptor, create and
  // destroy.
  static imnn_simulator_plugin table_template();
  // {"param_names", "theta_fid", "delta_theta", "prior_low", "prior_high",
  // "has_jacobian"}: simulator_abi.h instance_info.
  const std::string &info_json() const { return info_json_; }
  const PythonSimulatorSpec &spec() const { return spec_; }
  const pybind11::object &simulate_fn() const { return simulate_; }
  const pybind11::object &jacobian_fn() const { return jacobian_; }
  std::size_t input_size() const;

  // The batch calls with the interpreter lock taken here; false and message on failure.
  bool run(std::size_t n, const std::uint64_t *seeds, const double *thetas, double *out,
           double *jacobian, std::string &message) const;

  // The table's create() is a plain C function that cannot tell tables apart: it
  // returns the simulator of the innermost Creating scope on the calling thread (the
  // engine calls create on the thread that asks for a Simulator: prepare_fit,
  // run_inference), and fails with a message outside of one.
  class Creating {
  public:
    explicit Creating(const PythonSimulator *s);
    ~Creating();
    Creating(const Creating &) = delete;
    Creating &operator=(const Creating &) = delete;

  private:
    const PythonSimulator *previous_;
  };

private:
  pybind11::object simulate_, jacobian_;
  PythonSimulatorSpec spec_;
  std::vector<const char *> name_ptrs_;
  imnn_simulator_descriptor descriptor_{};
  imnn_simulator_plugin table_{};
  std::string info_json_;
};

// simulate(seeds, theta) -> (n, *input_shape) with its facts; None for what the
// defaults give: param_names theta_0.., delta_theta 0.1 max(1, |θ|), prior box θ ∓ 10
// max(1, |θ|), input_shape from one simulation at theta_fid with seed 0. Raises
// TypeError / ValueError naming the argument.
std::shared_ptr<PythonSimulator> make_python_simulator(
    pybind11::object simulate, pybind11::object jacobian, pybind11::object theta_fid,
    pybind11::object param_names, pybind11::object input_shape, pybind11::object delta_theta,
    pybind11::object prior_low, pybind11::object prior_high, const std::string &name);

// "Traceback (most recent call last): ... ValueError: ..." of the Python error being
// handled (error_already_set), for messages.
std::string format_python_error(pybind11::error_already_set &e);

} // namespace imnn::python
