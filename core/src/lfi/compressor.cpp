// The trained IMNN as a compressor: network rebuilt from its plugin, batched
// primal-only forward passes, quasi-ML estimates via fisher.h.
#include "imnn/compressor.h"

#include "imnn/error.h"
#include "imnn/fisher.h"
#include "imnn/plugins.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace imnn {

namespace {

// Rows per forward pass: bounds the activations (rows x widest layer floats) while
// keeping the GEMMs large enough to run at full speed.
constexpr Index kBatchRows = 4096;

std::string shape_with_axes(const std::vector<Index> &shape, bool with_n) {
  std::string s = "(";
  if (with_n) s += "n";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (with_n || i > 0) s += ", ";
    s += (shape.size() == 1 ? std::string("input") : "input_" + std::to_string(i)) + "=" +
         std::to_string(shape[i]);
  }
  return s + ")";
}

} // namespace

struct Compressor::Impl {
  Impl(TrainedModel m, Model net) : model(std::move(m)), network(std::move(net)) {}
  TrainedModel model;
  Model network;
  std::unique_ptr<Backend> backend;
  Workspace ws;
  Index input_size = 0;
  Eigen::VectorXd theta_fid;

  // Batched forward passes / quasi-ML estimates, no input checks.
  void forward(const double *data, Index n, double *out);
  void estimate(const double *data, Index n, double *out);
  void check_finite(const double *data, Index n) const;
};

std::filesystem::path Compressor::model_file(const std::filesystem::path &path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return path / "model.json";
  return path;
}

Compressor Compressor::load(const std::filesystem::path &path, const PluginRegistry &registry,
                            int threads) {
  const auto file = model_file(path);
  std::error_code ec;
  if (!std::filesystem::exists(file, ec))
    throw Error(file.string() + " does not exist: give a run directory written by `imnn fit` " +
                "(it holds model.json once the fit has finished) or the path of a model.json");
  return Compressor(TrainedModel::load(file), registry, threads);
}

Compressor::Compressor(TrainedModel model, const PluginRegistry &registry, int threads) {
  const std::string plugin = model.network.value("plugin", "");
  if (plugin.empty())
    throw Error("model file: `network.plugin` is missing: the file does not say which network "
                "plugin built the weights; refit with `imnn fit`");
  const nlohmann::json options = model.network.value("options", nlohmann::json::object());
  Model network = registry.build_network(plugin, options, model.input_shape, model.n_summaries);
  if (network.n_parameters() != static_cast<Index>(model.weights.size()))
    throw Error("model file: the network plugin '" + plugin + "' with the stored options builds " +
                std::to_string(network.n_parameters()) + " parameters but the file has " +
                std::to_string(model.weights.size()) +
                " weights: the plugin changed since the fit (use the plugin version that made "
                "the run) or the file is damaged");
  if (network.output_size() != model.n_summaries)
    throw Error("model file: the network outputs " + std::to_string(network.output_size()) +
                " values but n_summaries is " + std::to_string(model.n_summaries));
  for (float w : model.weights)
    if (!std::isfinite(w))
      throw Error("model file: the weights contain NaN or Inf: the file is damaged; refit");
  impl_ = std::make_unique<Impl>(std::move(model), std::move(network));
  Impl &m = *impl_;
  m.input_size = m.network.input_size();
  m.theta_fid = Eigen::Map<const Eigen::VectorXd>(m.model.theta_fid.data(),
                                                  static_cast<Index>(m.model.theta_fid.size()));
  m.backend = make_cpu_backend(threads);
}

Compressor::Compressor(Compressor &&) noexcept = default;
Compressor &Compressor::operator=(Compressor &&) noexcept = default;
Compressor::~Compressor() = default;

const TrainedModel &Compressor::model() const {
  return impl_->model;
}
const std::vector<Index> &Compressor::input_shape() const {
  return impl_->model.input_shape;
}
Index Compressor::input_size() const {
  return impl_->input_size;
}
Index Compressor::n_summaries() const {
  return impl_->model.n_summaries;
}
Index Compressor::n_params() const {
  return static_cast<Index>(impl_->model.param_names.size());
}

void Compressor::Impl::forward(const double *data, Index n, double *out) {
  const Index q = model.n_summaries;
  for (Index start = 0; start < n; start += kBatchRows) {
    const Index rows = std::min(kBatchRows, n - start);
    ws.input =
        Eigen::Map<const lfi::MatrixD>(data + start * input_size, rows, input_size).cast<float>();
    const MatrixF &y = network.forward(*backend, model.weights, ws, RowLayout{rows, 0, 0});
    Eigen::Map<lfi::MatrixD>(out + start * q, rows, q) = y.topRows(rows).cast<double>();
  }
}

void Compressor::Impl::estimate(const double *data, Index n, double *out) {
  const Index q = model.n_summaries, p = theta_fid.size();
  lfi::MatrixD x;
  for (Index start = 0; start < n; start += kBatchRows) {
    const Index rows = std::min(kBatchRows, n - start);
    x.resize(rows, q);
    forward(data + start * input_size, rows, x.data());
    Eigen::Map<lfi::MatrixD>(out + start * p, rows, p) =
        quasi_ml_estimate(model.statistics, theta_fid, x);
  }
}

void Compressor::Impl::check_finite(const double *data, Index n) const {
  // The network computes in float: a finite double beyond float's range becomes Inf
  // on conversion and NaN a layer later, so it is refused here as NaN and Inf are.
  constexpr double kFloatMax = std::numeric_limits<float>::max();
  for (Index k = 0; k < n * input_size; ++k)
    if (!std::isfinite(data[k]) || std::fabs(data[k]) > kFloatMax) {
      std::ostringstream v;
      if (std::isnan(data[k]))
        v << "NaN";
      else if (std::isinf(data[k]))
        v << (data[k] > 0 ? "Inf" : "-Inf");
      else
        v << data[k];
      throw Error("simulation " + std::to_string(k / input_size) + ", element " +
                  std::to_string(k % input_size) + " is " + v.str() +
                  (std::isfinite(data[k]) ? ", beyond the float32 range (±3.4e38) the network "
                                            "computes in"
                                          : "") +
                  ": the network cannot compress it; check the data");
    }
}

namespace {

// The checked calls never return NaN silently: a non-finite output (the weights or
// the statistics overflow on this data) is an error naming the simulation.
void check_outputs(const double *out, Index n, Index width, const char *what) {
  for (Index k = 0; k < n * width; ++k)
    if (!std::isfinite(out[k]))
      throw Error(std::string("the ") + what + " of simulation " + std::to_string(k / width) +
                  " is not finite (NaN or Inf): the data are far outside what the IMNN was "
                  "fitted to; check their scale");
}

} // namespace

void Compressor::summarise(const double *data, Index n, double *out) {
  impl_->check_finite(data, n);
  impl_->forward(data, n, out);
  check_outputs(out, n, n_summaries(), "summary");
}

void Compressor::estimate(const double *data, Index n, double *out) {
  impl_->check_finite(data, n);
  impl_->estimate(data, n, out);
  check_outputs(out, n, n_params(), "estimate");
}

lfi::MatrixD Compressor::summarise(const double *data, Index n) {
  lfi::MatrixD out(n, n_summaries());
  summarise(data, n, out.data());
  return out;
}

lfi::MatrixD Compressor::estimate(const double *data, Index n) {
  lfi::MatrixD out(n, n_params());
  estimate(data, n, out.data());
  return out;
}

Index Compressor::batch_of(const ArrayInfo &info, bool *single) const {
  const auto &shape = input_shape();
  const auto r = static_cast<std::size_t>(shape.size());
  if (info.shape.size() == r && std::equal(shape.begin(), shape.end(), info.shape.begin())) {
    if (single) *single = true;
    return 1;
  }
  if (info.shape.size() == r + 1 &&
      std::equal(shape.begin(), shape.end(), info.shape.begin() + 1)) {
    if (single) *single = false;
    return info.shape[0];
  }
  throw Error(info.source + ": expected shape " + shape_with_axes(shape, true) +
              " (n simulations of the network's input) or a single " +
              shape_with_axes(shape, false) + " but found " + info.shape_string() +
              ": give data with the input shape the IMNN was fitted to");
}

lfi::CompressFn Compressor::estimate_fn() {
  // Unchecked: a simulation with NaN gives NaN estimates, which the LFI engine turns
  // into an infinite distance (rejected), as for any non-finite summary.
  Impl *impl = impl_.get();
  return [impl](const double *data, Index n, double *summaries) {
    impl->estimate(data, n, summaries);
  };
}

} // namespace imnn
