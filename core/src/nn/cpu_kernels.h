// The CPU backend's own kernels (the work oneDNN does not do for us): bias, activation
// with its tangent and adjoint rules, pooling. Private to the nn module; layers reach
// them only through Backend.
#pragma once

#include "imnn/nn.h"

namespace imnn::nn_detail {

// threads: the backend's; each kernel uses one thread for small work (common.h).
void cpu_bias_add(float *x, Index rows, Index row_size, Index channels, const float *bias,
                  int threads);
void cpu_bias_grad(const float *g, Index rows, Index row_size, Index channels, float *bias_grad,
                   int threads);
void cpu_activation_forward(const ActivationSpec &spec, const float *z, float *h, Index cols,
                            const RowLayout &layout, int threads);
void cpu_activation_backward(const ActivationSpec &spec, const float *z, const float *h,
                             const float *out_grad, float *in_grad, Index cols,
                             const RowLayout &layout, int threads);
void cpu_pool_forward(PoolKind kind, const Window2d &w, const float *in, float *out,
                      const RowLayout &layout, int threads);
void cpu_pool_backward(PoolKind kind, const Window2d &w, const float *in, const float *out_grad,
                       float *in_grad, const RowLayout &layout, int threads);

} // namespace imnn::nn_detail
