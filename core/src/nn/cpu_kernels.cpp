// The CPU backend's own kernels: bias, pooling. Written by hand because oneDNN's
// pooling cannot carry tangents (a max pool's tangent row must take its element at
// the primal row's argmax, and oneDNN's workspace that records it is opaque), and a
// bias on primal rows only is a loop. Each output element is computed in a fixed
// order by one thread, so results do not depend on the thread count.
#include "nn/cpu_kernels.h"

#include "nn/common.h"
#include "omp_team.h"

#include <algorithm>

namespace imnn::nn_detail {

void cpu_bias_add(float *x, Index rows, Index row_size, Index channels, const float *bias,
                  int threads) {
  const int team = team_size(threads, rows * row_size);
  detail::omp_team(team, [&] {
#pragma omp for schedule(static)
    for (Index r = 0; r < rows; ++r) {
      float *row = x + r * row_size;
      for (Index p = 0; p < row_size; p += channels) {
#pragma omp simd
        for (Index c = 0; c < channels; ++c)
          row[p + c] += bias[c];
      }
    }
  });
}

void cpu_bias_grad(const float *g, Index rows, Index row_size, Index channels, float *bias_grad,
                   int) {
  // One fixed order for every thread count: rows, then positions.
  for (Index r = 0; r < rows; ++r) {
    const float *row = g + r * row_size;
    for (Index p = 0; p < row_size; p += channels) {
#pragma omp simd
      for (Index c = 0; c < channels; ++c)
        bias_grad[c] += row[p + c];
    }
  }
}

namespace {

// The input rows [y0, y1) x [x0, x1) of output (oy, ox).
struct Span {
  Index y0, y1, x0, x1;
};

Span span_of(const Window2d &w, Index oy, Index ox) {
  const Index y = oy * w.stride_h - w.pad_top, x = ox * w.stride_w - w.pad_left;
  return {std::max<Index>(y, 0), std::min(y + w.kernel_h, w.in.height), std::max<Index>(x, 0),
          std::min(x + w.kernel_w, w.in.width)};
}

// Row r of the batch is primal row primal_of(r) or a tangent of it.
Index tangent_row(const RowLayout &layout, Index a, Index j) {
  return layout.n_primal + a * layout.n_tangent_rows + j;
}

// The element of channel c in window s with the largest value of an image (the first
// of equal ones), as an index into the image.
Index window_argmax(const Window2d &w, const Span &s, const float *image, Index c) {
  const Index C = w.in.channels;
  Index best = (s.y0 * w.in.width + s.x0) * C + c;
  for (Index y = s.y0; y < s.y1; ++y)
    for (Index x = s.x0; x < s.x1; ++x) {
      const Index i = (y * w.in.width + x) * C + c;
      if (image[i] > image[best]) best = i;
    }
  return best;
}

} // namespace

void cpu_pool_forward(PoolKind kind, const Window2d &w, const float *in, float *out,
                      const RowLayout &layout, int threads) {
  const Index C = w.in.channels, is = w.in.size(), os = w.out.size();
  const Index tangents = layout.n_tangents > 0 ? layout.n_tangent_rows : 0;
  const int team = team_size(threads, layout.rows() * os * w.kernel_h * w.kernel_w);
  detail::omp_team(team, [&] {
#pragma omp for schedule(static)
    for (Index j = 0; j < layout.n_primal; ++j) {
      const Index blocks = j < tangents ? layout.n_tangents : 0;
      const float *pin = in + j * is;
      for (Index oy = 0; oy < w.out.height; ++oy)
        for (Index ox = 0; ox < w.out.width; ++ox) {
          const Span s = span_of(w, oy, ox);
          const Index o = (oy * w.out.width + ox) * C;
          for (Index c = 0; c < C; ++c) {
            if (kind == PoolKind::max) {
              const Index best = window_argmax(w, s, pin, c);
              out[j * os + o + c] = pin[best];
              for (Index a = 0; a < blocks; ++a) {
                const Index r = tangent_row(layout, a, j);
                out[r * os + o + c] = in[r * is + best];
              }
            } else {
              const float inv = 1.0f / static_cast<float>((s.y1 - s.y0) * (s.x1 - s.x0));
              for (Index a = -1; a < blocks; ++a) {
                const Index r = a < 0 ? j : tangent_row(layout, a, j);
                const float *rin = in + r * is;
                float sum = 0.0f;
                for (Index y = s.y0; y < s.y1; ++y)
                  for (Index x = s.x0; x < s.x1; ++x)
                    sum += rin[(y * w.in.width + x) * C + c];
                out[r * os + o + c] = sum * inv;
              }
            }
          }
        }
    }
  });
}

void cpu_pool_backward(PoolKind kind, const Window2d &w, const float *in, const float *out_grad,
                       float *in_grad, const RowLayout &layout, int threads) {
  const Index C = w.in.channels, is = w.in.size(), os = w.out.size();
  const Index tangents = layout.n_tangents > 0 ? layout.n_tangent_rows : 0;
  const int team = team_size(threads, layout.rows() * os * w.kernel_h * w.kernel_w);
  detail::omp_team(team, [&] {
  // A primal row and its tangent rows are written by one thread only.
#pragma omp for schedule(static)
    for (Index j = 0; j < layout.n_primal; ++j) {
      const Index blocks = j < tangents ? layout.n_tangents : 0;
      std::fill(in_grad + j * is, in_grad + (j + 1) * is, 0.0f);
      for (Index a = 0; a < blocks; ++a) {
        const Index r = tangent_row(layout, a, j);
        std::fill(in_grad + r * is, in_grad + (r + 1) * is, 0.0f);
      }
      const float *pin = in + j * is;
      for (Index oy = 0; oy < w.out.height; ++oy)
        for (Index ox = 0; ox < w.out.width; ++ox) {
          const Span s = span_of(w, oy, ox);
          const Index o = (oy * w.out.width + ox) * C;
          for (Index c = 0; c < C; ++c) {
            if (kind == PoolKind::max) {
              const Index best = window_argmax(w, s, pin, c);
              // The tangent's position depends on the primal only: no second-order term.
              for (Index a = -1; a < blocks; ++a) {
                const Index r = a < 0 ? j : tangent_row(layout, a, j);
                in_grad[r * is + best] += out_grad[r * os + o + c];
              }
            } else {
              const float inv = 1.0f / static_cast<float>((s.y1 - s.y0) * (s.x1 - s.x0));
              for (Index a = -1; a < blocks; ++a) {
                const Index r = a < 0 ? j : tangent_row(layout, a, j);
                const float g = out_grad[r * os + o + c] * inv;
                for (Index y = s.y0; y < s.y1; ++y)
                  for (Index x = s.x0; x < s.x1; ++x)
                    in_grad[r * is + (y * w.in.width + x) * C + c] += g;
              }
            }
          }
        }
    }
  });
}

} // namespace imnn::nn_detail
