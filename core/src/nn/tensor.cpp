// Tensor storage and the host <-> backend moves every backend shares (nn.h).
#include "imnn/error.h"
#include "imnn/nn.h"

#include <string>

namespace imnn {

void Backend::resize(Tensor &t, Index rows, Index cols) {
  if (rows < 0 || cols < 0)
    throw Error("tensor: negative shape " + std::to_string(rows) + "x" + std::to_string(cols));
  const Index n = rows * cols;
  if (t.backend_ != this || !t.storage_ || t.capacity_ < n) {
    t.storage_ = allocate(std::max<Index>(n, 1));
    t.capacity_ = std::max<Index>(n, 1);
    t.backend_ = this;
  }
  t.data_ = t.storage_.get();
  t.rows_ = rows;
  t.cols_ = cols;
}

Tensor Backend::view(float *data, Index rows, Index cols) const {
  if (rows < 0 || cols < 0)
    throw Error("tensor: negative shape " + std::to_string(rows) + "x" + std::to_string(cols));
  Tensor t;
  t.backend_ = this;
  t.data_ = data;
  t.rows_ = rows;
  t.cols_ = cols;
  t.capacity_ = rows * cols;
  return t;
}

void Backend::upload(const float *host, Index rows, Index cols, Tensor &t) {
  resize(t, rows, cols);
  if (t.size() > 0) write(host, t.data(), t.size());
}

void Backend::download(const Tensor &t, float *host) {
  if (t.backend_ != this)
    throw Error("tensor: download from a tensor of another backend (" +
                (t.backend_ ? t.backend_->name() : std::string("none")) + " into " + name() + ")");
  if (t.size() > 0) read(t.data(), host, t.size());
}

const Tensor &Backend::stage(const float *host, Index rows, Index cols, Tensor &storage) {
  if (host_memory())
    storage = view(const_cast<float *>(host), rows, cols); // read only through const Tensor&
  else
    upload(host, rows, cols, storage);
  return storage;
}

} // namespace imnn
