// Reading an array file every way the engine does (shared by the array fuzz targets).
#pragma once

#include "imnn/arrays.h"

#include "fuzz_common.h"

#include <algorithm>
#include <vector>

namespace imnn_fuzz {

// inspect_array, load_array, then every row through an ArrayStream in blocks of 1, 2,
// 3, ... rows as float and as double, compared with load_array; ends with an
// out-of-range request, which must be an error.
inline void exercise_array(const std::string &path) {
  const imnn::ArrayInfo info = imnn::inspect_array(path);
  const imnn::ArrayD whole = imnn::load_array(path);
  if (whole.info.shape != info.shape || whole.info.dtype != info.dtype) std::abort();
  if (static_cast<imnn::Index>(whole.data.size()) != info.size()) std::abort();
  if (info.shape.empty()) return; // a scalar cannot be streamed
  imnn::ArrayStream s(path);
  const imnn::Index row = s.row_size();
  // Rows of zero elements hold nothing to compare (and may number 2^60).
  const imnn::Index rows = row == 0 ? std::min<imnn::Index>(info.shape[0], 3) : info.shape[0];
  std::vector<float> f;
  std::vector<double> d;
  imnn::Index block = 1;
  for (imnn::Index begin = 0; begin < rows; begin += block, ++block) {
    const imnn::Index count = std::min(block, rows - begin);
    f.resize(static_cast<std::size_t>(count * row) + 1);
    d.resize(static_cast<std::size_t>(count * row) + 1);
    s.read_rows(begin, count, f.data());
    s.read_rows(begin, count, d.data());
    for (imnn::Index i = 0; i < count * row; ++i) {
      const double w = whole.data[static_cast<std::size_t>(begin * row + i)];
      const double v = d[static_cast<std::size_t>(i)];
      if (!(v == w || (w != w && v != v))) std::abort(); // NaN stays NaN
    }
  }
  // Out-of-range requests are errors, never reads.
  imnn_fuzz::run_one([&] { s.read_rows(info.shape[0], 1, d.data()); });
}

} // namespace imnn_fuzz
