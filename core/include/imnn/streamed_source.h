// Arrays larger than memory (issue 3): modes "gradient" and "numerical" reading
// their simulations from disk a chunk at a time - memory-mapped .npy, hyperslabs of
// HDF5 datasets (imnn/arrays.h ArrayStream) - never holding the whole set. The
// Aggregator asks for n_per_device simulations at a time; NaN/Inf are found as the
// chunks are read and named by the simulation's index in the whole array.
#pragma once

#include "imnn/arrays.h"
#include "imnn/config.h"
#include "imnn/sources.h"

#include <memory>
#include <string>
#include <vector>

namespace imnn {

class StreamedArraySource : public SimulationSource {
public:
  // files: the config's data (paths checked by inspect_array_data); shape: their
  // input shape and set sizes.
  StreamedArraySource(DerivativeKind kind, Index n_params, std::vector<double> delta_theta,
                      const DataFiles &files, const ArrayDataShape &shape);
  ~StreamedArraySource() override;
  std::string mode() const override;
  SetSize set_size(SeedStream stream, SetSize requested) const override;
  bool has_validation() const override { return validation_.size.n > 0; }
  bool streamed() const override { return true; }
  void fill_part(SeedStream stream, std::uint64_t iteration, SetSize set, Index begin, SetSize part,
                 MatrixF &inputs) const override;

private:
  struct Set {
    SetSize size;
    std::unique_ptr<ArrayStream> fiducial, derivative;
    std::string fiducial_key, derivative_key;
  };
  const Set &set_for(SeedStream stream) const;
  Set training_, validation_;
};

// Bytes the arrays of an array-mode config take as float network inputs (training
// and validation), for data.stream "auto".
double array_input_bytes(const RunConfig &config, const ArrayDataShape &shape);

} // namespace imnn
