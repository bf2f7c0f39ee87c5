// The backend contract of nn.h: layers touch element memory only through Backend
// operations on the backend's own memory. A checking backend whose memory is "not host
// memory" (host_memory() false, as a GPU's) runs the CPU kernels but refuses any
// pointer outside its own allocations, so a layer that hands it a host array (weights
// not staged, a std::vector scratch) fails here; and Model's host-level passes must go
// through upload and download. Its results must equal the CPU backend's bit for bit.
#include "imnn/error.h"
#include "imnn/nn.h"

#include <QtTest>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <random>
#include <string>
#include <vector>

using namespace imnn;

namespace {

class CheckedBackend final : public Backend {
public:
  CheckedBackend() : inner_(make_cpu_backend(1)) {}
  std::string name() const override { return "checked"; }
  int threads() const override { return 1; }
  bool host_memory() const override { return false; }

  int uploads = 0, downloads = 0;

  void fill(float *x, Index n, float value) override {
    own("fill", x, n);
    inner_->fill(x, n, value);
  }
  void add(const float *x, float *y, Index n) override {
    own("add x", x, n);
    own("add y", y, n);
    inner_->add(x, y, n);
  }
  void copy_strided(Index rows, Index cols, const float *src, Index src_ld, float *dst,
                    Index dst_ld, bool accumulate) override {
    own("copy_strided src", src, (rows - 1) * src_ld + cols);
    own("copy_strided dst", dst, (rows - 1) * dst_ld + cols);
    inner_->copy_strided(rows, cols, src, src_ld, dst, dst_ld, accumulate);
  }
  void gemm(bool ta, bool tb, Index m, Index n, Index k, const float *a, Index lda, const float *b,
            Index ldb, float beta, float *c, Index ldc) override {
    own("gemm A", a, ((ta ? k : m) - 1) * lda + (ta ? m : k));
    own("gemm B", b, ((tb ? n : k) - 1) * ldb + (tb ? k : n));
    own("gemm C", c, (m - 1) * ldc + n);
    inner_->gemm(ta, tb, m, n, k, a, lda, b, ldb, beta, c, ldc);
  }
  void bias_add(float *x, Index rows, Index row_size, Index channels, const float *bias) override {
    own("bias_add x", x, rows * row_size);
    own("bias_add bias", bias, channels);
    inner_->bias_add(x, rows, row_size, channels, bias);
  }
  void bias_grad(const float *g, Index rows, Index row_size, Index channels,
                 float *bias_grad) override {
    own("bias_grad g", g, rows * row_size);
    own("bias_grad out", bias_grad, channels);
    inner_->bias_grad(g, rows, row_size, channels, bias_grad);
  }
  void activation_forward(const ActivationSpec &spec, const float *z, float *h, Index cols,
                          const RowLayout &layout) override {
    own("activation z", z, layout.rows() * cols);
    own("activation h", h, layout.rows() * cols);
    inner_->activation_forward(spec, z, h, cols, layout);
  }
  void activation_backward(const ActivationSpec &spec, const float *z, const float *h,
                           float *out_grad, float *in_grad, Index cols,
                           const RowLayout &layout) override {
    for (const float *p :
         {z, h, static_cast<const float *>(out_grad), static_cast<const float *>(in_grad)})
      own("activation_backward", p, layout.rows() * cols);
    inner_->activation_backward(spec, z, h, out_grad, in_grad, cols, layout);
  }
  void conv2d_forward(const Window2d &w, const float *in, const float *kernel,
                      float *out) override {
    own("conv in", in, w.rows * w.in.size());
    own("conv kernel", kernel, kernel_size(w));
    own("conv out", out, w.rows * w.out.size());
    inner_->conv2d_forward(w, in, kernel, out);
  }
  void conv2d_backward_data(const Window2d &w, const float *out_grad, const float *kernel,
                            float *in_grad) override {
    own("conv bwd out_grad", out_grad, w.rows * w.out.size());
    own("conv bwd kernel", kernel, kernel_size(w));
    own("conv bwd in_grad", in_grad, w.rows * w.in.size());
    inner_->conv2d_backward_data(w, out_grad, kernel, in_grad);
  }
  void conv2d_backward_weights(const Window2d &w, const float *in, const float *out_grad,
                               float *kernel_grad) override {
    own("conv bww in", in, w.rows * w.in.size());
    own("conv bww out_grad", out_grad, w.rows * w.out.size());
    own("conv bww kernel_grad", kernel_grad, kernel_size(w));
    inner_->conv2d_backward_weights(w, in, out_grad, kernel_grad);
  }
  void pool2d_forward(PoolKind kind, const Window2d &w, const float *in, float *out,
                      const RowLayout &layout) override {
    own("pool in", in, w.rows * w.in.size());
    own("pool out", out, w.rows * w.out.size());
    inner_->pool2d_forward(kind, w, in, out, layout);
  }
  void pool2d_backward(PoolKind kind, const Window2d &w, const float *in, const float *out_grad,
                       float *in_grad, const RowLayout &layout) override {
    own("pool bwd in", in, w.rows * w.in.size());
    own("pool bwd out_grad", out_grad, w.rows * w.out.size());
    own("pool bwd in_grad", in_grad, w.rows * w.in.size());
    inner_->pool2d_backward(kind, w, in, out_grad, in_grad, layout);
  }

protected:
  std::shared_ptr<float> allocate(Index n) override {
    auto *p = static_cast<float *>(std::aligned_alloc(64, ((n * 4 + 63) / 64) * 64));
    if (p == nullptr) throw Error("checked backend: out of memory");
    blocks_[reinterpret_cast<std::uintptr_t>(p)] = n;
    return std::shared_ptr<float>(p, [this](float *q) {
      blocks_.erase(reinterpret_cast<std::uintptr_t>(q));
      std::free(q);
    });
  }
  void write(const float *host, float *dst, Index n) override {
    own("write", dst, n);
    ++uploads;
    std::memcpy(dst, host, static_cast<std::size_t>(n) * sizeof(float));
  }
  void read(const float *src, float *host, Index n) override {
    own("read", src, n);
    ++downloads;
    std::memcpy(host, src, static_cast<std::size_t>(n) * sizeof(float));
  }

private:
  static Index kernel_size(const Window2d &w) {
    return w.kernel_h * w.kernel_w * w.in.channels * w.out.channels;
  }
  // [p, p + n) must lie inside one allocation of this backend.
  void own(const char *what, const float *p, Index n) const {
    const auto a = reinterpret_cast<std::uintptr_t>(p);
    auto it = blocks_.upper_bound(a);
    if (it != blocks_.begin()) {
      --it;
      if (a >= it->first && a + static_cast<std::uintptr_t>(n) * sizeof(float) <=
                                it->first + static_cast<std::uintptr_t>(it->second) * sizeof(float))
        return;
    }
    throw Error(std::string("checked backend: ") + what + " got memory that is not the backend's");
  }

  std::unique_ptr<Backend> inner_;
  std::map<std::uintptr_t, Index> blocks_;
};

Model make_net(const QString &kind) {
  std::vector<std::unique_ptr<Layer>> layers;
  const ActivationSpec act{ActivationKind::leaky_relu};
  if (kind == "dense") {
    layers.push_back(make_dense(6, 8));
    layers.push_back(make_activation(act, 8));
    layers.push_back(make_dense(8, 2));
    return Model({6}, std::move(layers));
  }
  // An inception block, a circular pad, pooling, a flatten and a dense head.
  const ImageShape in{8, 7, 1};
  std::vector<std::vector<std::unique_ptr<Layer>>> branches(3);
  branches[0].push_back(make_conv2d(in, 2, 1, 1, 2, 2, Padding::same));
  branches[1].push_back(make_conv2d(in, 3, 1, 1, 1, 1, Padding::same));
  branches[1].push_back(make_conv2d({8, 7, 3}, 2, 3, 3, 2, 2, Padding::same));
  branches[2].push_back(make_pool2d(PoolKind::max, in, 3, 3, 1, 1, Padding::same));
  branches[2].push_back(make_conv2d(in, 2, 1, 1, 2, 2, Padding::same));
  layers.push_back(make_concat(in, std::move(branches)));
  ImageShape img = image_output(*layers.back());
  layers.push_back(make_activation(act, img.size()));
  // A periodic wrap, a VALID convolution and band powers (square, average pool).
  layers.push_back(make_circular_pad(img, 1, 1, 1, 1));
  img = image_output(*layers.back());
  layers.push_back(make_conv2d(img, 2, 3, 3, 1, 1, Padding::valid));
  img = image_output(*layers.back());
  layers.push_back(make_activation(ActivationSpec{ActivationKind::square}, img.size()));
  layers.push_back(make_pool2d(PoolKind::average, img, 2, 2, 2, 2, Padding::same));
  img = image_output(*layers.back());
  layers.push_back(make_flatten(img));
  layers.push_back(make_dense(img.size(), 2));
  return Model({8, 7}, std::move(layers));
}

} // namespace

class TestBackendContract : public QObject {
  Q_OBJECT

private slots:
  void device_memory_backend_matches_cpu_data() {
    QTest::addColumn<QString>("net");
    QTest::newRow("dense") << "dense";
    QTest::newRow("inception block, circular pad, square, pool, flatten, dense") << "conv";
  }
  void device_memory_backend_matches_cpu() {
    QFETCH(QString, net);
    const Model model = make_net(net);
    const std::vector<float> w = model.initialise(5);
    const RowLayout lay{5, 3, 2};
    std::mt19937_64 rng(3);
    std::normal_distribution<float> normal;
    MatrixF x(lay.rows(), model.input_size()), og(lay.rows(), model.output_size());
    for (Index i = 0; i < x.size(); ++i)
      x.data()[i] = normal(rng);
    for (Index i = 0; i < og.size(); ++i)
      og.data()[i] = normal(rng);

    const auto cpu = make_cpu_backend(1);
    CheckedBackend checked;
    MatrixF out[2], in_grad[2];
    std::vector<float> grad[2];
    Backend *backends[2] = {cpu.get(), &checked};
    for (int b = 0; b < 2; ++b) {
      Workspace ws;
      ws.input = x;
      try {
        out[b] = model.forward(*backends[b], w, ws, lay);
        grad[b].assign(w.size(), 0.0f); // from zero: bit for bit (a device sums, then adds)
        model.backward(*backends[b], w, ws, lay, og, grad[b], &in_grad[b]);
        // Twice on one workspace: the same again.
        const MatrixF again = model.forward(*backends[b], w, ws, lay);
        QVERIFY(again == out[b]);
      } catch (const Error &e) {
        QFAIL(e.what());
      }
    }
    QVERIFY(out[0] == out[1]);
    QVERIFY(grad[0] == grad[1]);
    QVERIFY(in_grad[0] == in_grad[1]);
    QCOMPARE(in_grad[1].rows(), lay.rows());
    QCOMPARE(in_grad[1].cols(), model.input_size());
    QVERIFY(checked.uploads >= 4);   // weights and input, twice, and the output adjoint
    QVERIFY(checked.downloads >= 3); // output, gradient, input gradient
  }

  // The checking backend does catch a host pointer (the test above could not fail
  // otherwise).
  void checked_backend_refuses_host_memory() {
    CheckedBackend checked;
    std::vector<float> host(16, 1.0f);
    QVERIFY_THROWS_EXCEPTION(Error, checked.fill(host.data(), 16, 0.0f));
    Tensor t;
    checked.resize(t, 4, 4);
    checked.fill(t.data(), 16, 2.0f);
    QVERIFY_THROWS_EXCEPTION(Error, checked.fill(t.data(), 17, 0.0f)); // past its end
    checked.download(t, host.data());
    QCOMPARE(host[15], 2.0f);
  }

  void tensors_keep_storage_and_views_borrow() {
    const auto cpu = make_cpu_backend(1);
    Tensor t;
    cpu->resize(t, 10, 3);
    const float *p = t.data();
    cpu->resize(t, 5, 6); // same size: same storage
    QCOMPARE(t.data(), p);
    cpu->resize(t, 2, 2); // smaller: same storage
    QCOMPARE(t.data(), p);
    QCOMPARE(t.rows(), Index(2));
    std::vector<float> host{1, 2, 3, 4, 5, 6};
    Tensor v = cpu->view(host.data(), 2, 3);
    QVERIFY(v.is_view());
    QCOMPARE(v.data(), host.data());
    cpu->resize(v, 2, 3); // a view gets storage of its own when reshaped
    QVERIFY(!v.is_view());
    QVERIFY(v.data() != host.data());
    // A CPU backend stages host data in place; a device-memory one copies it.
    CheckedBackend checked; // before the tensor: a tensor must not outlive its backend
    Tensor s;
    QCOMPARE(cpu->stage(host.data(), 2, 3, s).data(), host.data());
    QVERIFY(checked.stage(host.data(), 2, 3, s).data() != host.data());
    std::vector<float> back(6);
    checked.download(s, back.data());
    QVERIFY(back == host);
    QVERIFY_THROWS_EXCEPTION(Error, cpu->download(s, back.data())); // another backend's
  }

  void concat_and_reshape_errors_name_the_problem() {
    auto error = [](auto f) {
      try {
        f();
      } catch (const Error &e) {
        return std::string(e.what());
      }
      return std::string();
    };
    const ImageShape in{8, 8, 2};
    std::string e = error([&] {
      std::vector<std::vector<std::unique_ptr<Layer>>> b(2);
      b[0].push_back(make_conv2d(in, 2, 1, 1, 2, 2, Padding::same));
      b[1].push_back(make_conv2d(in, 2, 1, 1, 1, 1, Padding::same));
      make_concat(in, std::move(b));
    });
    QVERIFY2(e.find("branch 2 gives 8x8x2 images but branch 1 gives 4x4x2") != std::string::npos,
             e.c_str());
    e = error([&] {
      std::vector<std::vector<std::unique_ptr<Layer>>> b(1);
      b[0].push_back(make_dense(in.size(), 3));
      make_concat(in, std::move(b));
    });
    QVERIFY2(e.find("branch 1 ends in a dense layer, which gives no image") != std::string::npos,
             e.c_str());
    e = error([&] {
      std::vector<std::vector<std::unique_ptr<Layer>>> b(1);
      b[0].push_back(make_conv2d({4, 4, 2}, 2, 1, 1, 1, 1, Padding::same));
      make_concat(in, std::move(b));
    });
    QVERIFY2(e.find("expects input size 32") != std::string::npos, e.c_str());
    e = error([] { make_reshape(10, {3, 3, 1}); });
    QVERIFY2(e.find("cannot read 10 values as a 3x3x1 image") != std::string::npos, e.c_str());
    QVERIFY_THROWS_EXCEPTION(Error, image_output(*make_flatten(in)));
    QCOMPARE(image_output(*make_reshape(12, {2, 3, 2})), (ImageShape{2, 3, 2}));
  }
};

QTEST_GUILESS_MAIN(TestBackendContract)
#include "test_backend_contract.moc"
