// A chain of layers over a LayerWorkspace (nn/common.h): the body of Model and of each
// branch of a concat layer.
#include "nn/common.h"

namespace imnn::nn_detail {

const Tensor &sequence_forward(Backend &backend, const Sequence &seq, const float *params,
                               const Tensor &in, LayerWorkspace &ws, const RowLayout &layout) {
  const auto &layers = *seq.layers;
  const std::size_t n = layers.size();
  ws.tensors.resize(2 * n); // keeps existing storage
  ws.children.resize(n);
  const Tensor *x = &in;
  for (std::size_t i = 0; i < n; ++i) {
    layers[i]->forward(backend, params + (*seq.offsets)[i], *x, ws.tensors[i], layout,
                       ws.children[i]);
    x = &ws.tensors[i];
  }
  return *x;
}

void sequence_backward(Backend &backend, const Sequence &seq, const float *params, const Tensor &in,
                       LayerWorkspace &ws, Tensor &out_grad, Tensor *in_grad, float *param_grad,
                       const RowLayout &layout) {
  const auto &layers = *seq.layers;
  const std::size_t n = layers.size();
  if (ws.tensors.size() != 2 * n || ws.children.size() != n)
    throw Error("nn: backward without the forward pass of the same workspace");
  // Without an input adjoint to give, the layers before the first one with parameters
  // (a circular pad, a reshape) need no backward pass, and that one no input adjoint.
  std::size_t first = 0;
  if (in_grad == nullptr)
    while (first + 1 < n && layers[first]->n_parameters() == 0)
      ++first;
  for (std::size_t i = n; i-- > first;) {
    Tensor &g = i + 1 == n ? out_grad : ws.tensors[n + i];
    Tensor *ig = i > first ? &ws.tensors[n + i - 1] : (i > 0 ? nullptr : in_grad);
    const Tensor &x = i > 0 ? ws.tensors[i - 1] : in;
    const Index off = (*seq.offsets)[i];
    layers[i]->backward(backend, params + off, x, ws.tensors[i], g, ig, param_grad + off, layout,
                        ws.children[i]);
  }
}

} // namespace imnn::nn_detail
