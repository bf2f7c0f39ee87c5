// Numeric arrays on disk: .npy, .npz (uncompressed or deflated) and HDF5 datasets,
// read whole or streamed a block of leading-axis rows at a time (memory-mapped
// .npy, hyperslabs of chunked HDF5), and written as .npy. Shapes are checked on
// load with messages that name the file, the expected axes and what was found.
//
// Paths: "data.npy"; "data.npz:fiducial" (member fiducial.npy of the archive);
// "data.h5:/group/dataset" (an HDF5 dataset). A bare .npz with one member or a bare
// .h5 with one dataset at the root may omit the name.
#pragma once

#include "imnn/nn.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace imnn {

enum class DType { f32, f64, i32, i64, u8, boolean };
std::string dtype_name(DType t); // "float32", ...

struct ArrayInfo {
  std::vector<Index> shape;
  DType dtype = DType::f64;
  std::string source;               // the path as given, for messages
  Index size() const;               // product of the shape
  std::string shape_string() const; // "(1000, 10)"
};

// Whole array converted to double (C order).
struct ArrayD {
  ArrayInfo info;
  std::vector<double> data;
};

ArrayInfo inspect_array(const std::string &path);
ArrayD load_array(const std::string &path);

// Streams blocks of rows along axis 0 without loading the whole array: .npy files
// are memory-mapped, HDF5 datasets read by hyperslab; .npz members are read once
// (zip members cannot be mapped). read_rows converts to float.
class ArrayStream {
public:
  explicit ArrayStream(const std::string &path);
  ~ArrayStream();
  ArrayStream(ArrayStream &&) noexcept;
  ArrayStream &operator=(ArrayStream &&) noexcept;
  const ArrayInfo &info() const;
  Index row_size() const; // product of shape[1:]
  // Rows [begin, begin + count) into out (count * row_size() floats). Thread-safe.
  void read_rows(Index begin, Index count, float *out) const;
  void read_rows(Index begin, Index count, double *out) const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Writes a little-endian C-order .npy (version 1.0, or 2.0 when the header needs
// it) atomically (temporary file + rename).
void save_npy(const std::filesystem::path &file, const std::vector<Index> &shape,
              const float *data);
void save_npy(const std::filesystem::path &file, const std::vector<Index> &shape,
              const double *data);

// Writes float32 datasets (named "/fiducial", ...) into a new HDF5 file, contiguous
// and without modification times, so that the same arrays give the same bytes; a
// temporary file is renamed into place.
struct NamedArray {
  std::string name;
  std::vector<Index> shape;
  const float *data = nullptr;
};
void save_hdf5(const std::filesystem::path &file, const std::vector<NamedArray> &datasets);

// Checks info.shape against expected, where -1 means "any extent"; axis_names names
// each axis for the message, e.g. check_shape(info, {1000, 2, 2, 10},
// {"n_d", "below/above", "n_params", "input"}) throws
// "data.npy: expected shape (n_d=1000, below/above=2, n_params=2, input=10) but found
// (1000, 2, 10)".
void check_shape(const ArrayInfo &info, const std::vector<Index> &expected,
                 const std::vector<std::string> &axis_names);

} // namespace imnn
