#include "imnn/streamed_source.h"

#include "imnn/error.h"

#include <cmath>

namespace imnn {

namespace {

// Throws naming the array, the simulation (its index in the whole array) and where
// in it, as the in-memory array modes do.
void check_finite(const float *v, Index count, Index per_simulation, Index first,
                  const std::string &key, const ArrayStream &stream, const char *what) {
  for (Index k = 0; k < count; ++k)
    if (!std::isfinite(v[k]))
      throw NumericalError(key + " (" + stream.info().source + "): " + what + " " +
                           std::to_string(first + k / per_simulation) +
                           " contains NaN, Inf or a value beyond float32's range (value " +
                           std::to_string(k % per_simulation) +
                           " of that simulation); fix or remove that simulation: it would "
                           "make the Fisher information undefined");
}

} // namespace

StreamedArraySource::StreamedArraySource(DerivativeKind kind, Index n_params,
                                         std::vector<double> delta_theta, const DataFiles &files,
                                         const ArrayDataShape &shape)
    : SimulationSource(kind, shape.input_shape, n_params, std::move(delta_theta)) {
  training_.size = shape.training;
  training_.fiducial = std::make_unique<ArrayStream>(files.fiducial);
  training_.derivative = std::make_unique<ArrayStream>(files.derivative);
  training_.fiducial_key = "data.fiducial";
  training_.derivative_key = "data.derivative";
  if (shape.validation.n > 0) {
    validation_.size = shape.validation;
    validation_.fiducial = std::make_unique<ArrayStream>(files.validation_fiducial);
    validation_.derivative = std::make_unique<ArrayStream>(files.validation_derivative);
    validation_.fiducial_key = "data.validation_fiducial";
    validation_.derivative_key = "data.validation_derivative";
  }
}

StreamedArraySource::~StreamedArraySource() = default;

std::string StreamedArraySource::mode() const {
  return kind() == DerivativeKind::tangent ? "gradient" : "numerical";
}

const StreamedArraySource::Set &StreamedArraySource::set_for(SeedStream stream) const {
  if (stream == SeedStream::training || !has_validation()) return training_;
  return validation_;
}

SetSize StreamedArraySource::set_size(SeedStream stream, SetSize) const {
  return set_for(stream).size;
}

void StreamedArraySource::fill_part(SeedStream stream, std::uint64_t, SetSize set, Index begin,
                                    SetSize part, MatrixF &inputs) const {
  const Set &s = set_for(stream);
  if (!(set == s.size) || begin < 0 || begin + part.n > set.n ||
      (part.n_d > 0 && begin + part.n_d > set.n_d))
    throw Error("internal: the streamed array set has a different size than requested");
  const Index size = input_size(), p = n_params(), n = part.n, nd = part.n_d;
  const bool tangent = kind() == DerivativeKind::tangent;
  inputs.resize(layout(part).rows(), size);
  s.fiducial->read_rows(begin, n, inputs.data());
  check_finite(inputs.data(), n * size, size, begin, s.fiducial_key, *s.fiducial, "simulation");
  if (nd == 0) return;
  if (tangent) {
    // (n_d, *input, p) -> p blocks of nd tangent rows.
    std::vector<float> buffer(static_cast<std::size_t>(nd * size * p));
    s.derivative->read_rows(begin, nd, buffer.data());
    check_finite(buffer.data(), nd * size * p, size * p, begin, s.derivative_key, *s.derivative,
                 "the derivative of simulation");
    for (Index i = 0; i < nd; ++i)
      for (Index e = 0; e < size; ++e)
        for (Index a = 0; a < p; ++a)
          inputs(n + a * nd + i, e) = buffer[static_cast<std::size_t>((i * size + e) * p + a)];
  } else {
    // (n_d, 2, p, *input) in C order is exactly the finite-difference row order.
    float *rows = inputs.row(n).data();
    s.derivative->read_rows(begin, nd, rows);
    check_finite(rows, nd * 2 * p * size, 2 * p * size, begin, s.derivative_key, *s.derivative,
                 "the perturbed simulations of row");
  }
}

double array_input_bytes(const RunConfig &config, const ArrayDataShape &shape) {
  Index size = 1;
  for (Index e : shape.input_shape)
    size *= e;
  const auto p = static_cast<Index>(config.theta_fid.size());
  const Index k = config.mode == "numerical" ? 2 : 1;
  const Index rows = shape.training.n + k * p * shape.training.n_d + shape.validation.n +
                     k * p * shape.validation.n_d;
  return static_cast<double>(rows) * static_cast<double>(size) * sizeof(float);
}

} // namespace imnn
