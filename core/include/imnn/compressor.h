// A trained IMNN used as a compressor (imnn-spec §2.7): the network of a run's
// model.json rebuilt from its plugin, giving the raw summaries (network outputs) or
// the quasi-maximum-likelihood estimates θ̂ = θ_fid + F⁻¹ (dμ/dθ)ᵀ C⁻¹ (x − μ) of a
// batch of data. This is what `imnn estimate`, `imnn summarise` and the LFI engine
// (lfi::CompressFn) use.
#pragma once

#include "imnn/arrays.h"
#include "imnn/lfi.h"
#include "imnn/nn.h"
#include "imnn/trained_model.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace imnn {

class PluginRegistry;

class Compressor {
public:
  // Rebuilds the network with registry.build_network(plugin, options, input_shape,
  // n_summaries) and checks that it takes the model's input shape, outputs
  // n_summaries values and has as many parameters as the stored weights (Error naming
  // both counts otherwise). threads <= 0: all cores.
  Compressor(TrainedModel model, const PluginRegistry &registry, int threads = 0);
  // path: a run directory (its model.json) or a model.json file.
  static Compressor load(const std::filesystem::path &path, const PluginRegistry &registry,
                         int threads = 0);
  // The model file a path names: path/model.json for a directory, else path itself.
  static std::filesystem::path model_file(const std::filesystem::path &path);

  Compressor(Compressor &&) noexcept;
  Compressor &operator=(Compressor &&) noexcept;
  ~Compressor();

  const TrainedModel &model() const;
  const std::vector<Index> &input_shape() const;
  Index input_size() const;
  Index n_summaries() const;
  Index n_params() const;

  // data: n simulations (n x input_size(), C order) -> n x n_summaries() raw network
  // outputs / n x n_params() estimates, written to out (C order). Work runs in batches
  // through one forward pass each (oneDNN GEMMs over all rows). Non-finite input is an
  // Error naming the simulation index. Not thread-safe: one call at a time.
  void summarise(const double *data, Index n, double *out);
  void estimate(const double *data, Index n, double *out);
  lfi::MatrixD summarise(const double *data, Index n);
  lfi::MatrixD estimate(const double *data, Index n);

  // The number of simulations in an array of shape (n, *input_shape) (returns n) or a
  // single (*input_shape) (returns 1, sets single). Anything else is an Error naming
  // the source, the expected shapes with their axes and what was found.
  Index batch_of(const ArrayInfo &info, bool *single = nullptr) const;

  // The quasi-ML estimate as an lfi::CompressFn (summaries = estimates, q = n_params),
  // for ABC/PMC with the Fisher distance F of the model. Non-finite simulations give
  // NaN estimates (the engine rejects them) instead of an error. Keeps a pointer to
  // this Compressor's state, which must outlive the function (moving is fine).
  lfi::CompressFn estimate_fn();

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace imnn
