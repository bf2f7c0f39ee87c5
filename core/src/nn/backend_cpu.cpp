// CPU backend: GEMM through oneDNN 2.6 matmul primitives, one engine and stream
// per backend, primitives cached per shape.
//
// Threads: oneDNN's CPU runtime here is OpenMP, which takes its team size from
// the calling thread's nthreads ICV at primitive creation and execution. The
// backend sets that ICV (omp_set_num_threads) around each oneDNN call and
// restores it afterwards, so the caller's own OpenMP setting is left as it was.
// threads() is the given count, or for threads <= 0 OpenMP's default
// (OMP_NUM_THREADS, else all hardware threads) read at construction. A GEMM uses
// one thread per kFlopsPerThread of work, at most threads(): waking a sleeping
// OpenMP team (OMP_WAIT_POLICY=passive) costs tens of microseconds, more than a
// small GEMM gains from it. Elementwise layer loops use backend.threads() for
// large passes only (nn/common.h).
//
// Calls on one backend are serialised by a mutex (the primitive cache, the
// stream and the wrapped memory objects are shared); use one backend per thread
// for concurrent work.
#include "imnn/error.h"
#include "imnn/nn.h"

#include "nn/common.h"
#include "nn/cpu_kernels.h"
#include "omp_team.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <omp.h>
#include <oneapi/dnnl/dnnl.hpp>
#include <string>
#include <unordered_map>
#include <vector>

namespace imnn {
namespace {

struct GemmKey {
  Index m, n, k, lda, ldb, ldc;
  bool trans_a, trans_b;
  std::uint32_t beta_bits; // 0 for beta == 0 (no sum post-op)
  bool operator==(const GemmKey &) const = default;
};

struct GemmKeyHash {
  std::size_t operator()(const GemmKey &key) const noexcept {
    std::uint64_t h = 0x9e3779b97f4a7c15ull;
    auto mix = [&h](std::uint64_t v) {
      h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
      h *= 0xbf58476d1ce4e5b9ull;
    };
    mix(static_cast<std::uint64_t>(key.m));
    mix(static_cast<std::uint64_t>(key.n));
    mix(static_cast<std::uint64_t>(key.k));
    mix(static_cast<std::uint64_t>(key.lda));
    mix(static_cast<std::uint64_t>(key.ldb));
    mix(static_cast<std::uint64_t>(key.ldc));
    mix((key.trans_a ? 1u : 0u) | (key.trans_b ? 2u : 0u));
    mix(key.beta_bits);
    return static_cast<std::size_t>(h ^ (h >> 31));
  }
};

// Work (2 m n k flops) per OpenMP thread of a GEMM. With 8e6, the 3000 x 10 -> 128
// layer GEMMs (7.7 MFLOP) ran on one thread while the other waited; bench_fit
// measured 199-209 it/s before and 218-245 it/s after lowering it to 2e6.
constexpr double kFlopsPerThread = 2e6;
// Widest output that narrow_gemm computes instead of oneDNN.
constexpr Index kNarrow = 8;

// A cached primitive with its memory objects; only the data handles change per call.
struct GemmEntry {
  int team = 1; // OpenMP threads it was created for and runs with
  dnnl::matmul primitive;
  dnnl::memory a, b, c;
};

// Sets the calling thread's OpenMP team size for the scope, when asked to.
class OmpThreadsScope {
public:
  explicit OmpThreadsScope(int threads) {
    const int current = omp_get_max_threads();
    if (current != threads) {
      omp_set_num_threads(threads);
      previous_ = current;
    }
  }
  ~OmpThreadsScope() {
    if (previous_ > 0) omp_set_num_threads(previous_);
  }
  OmpThreadsScope(const OmpThreadsScope &) = delete;
  OmpThreadsScope &operator=(const OmpThreadsScope &) = delete;

private:
  int previous_ = 0;
};

// IMNN_CONV_LAYOUT=plain: convolutions in the layers' NHWC/HWIO layouts, without
// reorders (the layout before blocked layouts were used; bench_field compares both).
bool conv_layout_plain() {
  const char *v = std::getenv("IMNN_CONV_LAYOUT");
  return v != nullptr && std::strcmp(v, "plain") == 0;
}

class CpuBackend final : public Backend {
public:
  explicit CpuBackend(int threads)
      : threads_(threads > 0 ? threads : std::max(1, omp_get_max_threads())),
        blocked_(!conv_layout_plain()) {
    try {
      engine_ = dnnl::engine(dnnl::engine::kind::cpu, 0);
      stream_ = dnnl::stream(engine_);
    } catch (const dnnl::error &e) {
      throw Error(std::string("cpu backend: cannot create the oneDNN engine: ") + e.what());
    }
  }

  std::string name() const override { return "cpu"; }
  int threads() const override { return threads_; }
  bool host_memory() const override { return true; }

  void fill(float *x, Index n, float value) override {
    const int team = nn_detail::team_size(threads_, n);
    detail::omp_team(team, [&] {
#pragma omp for simd schedule(simd : static)
      for (Index i = 0; i < n; ++i)
        x[i] = value;
    });
  }
  void add(const float *x, float *y, Index n) override {
    const int team = nn_detail::team_size(threads_, n);
    detail::omp_team(team, [&] {
#pragma omp for simd schedule(simd : static)
      for (Index i = 0; i < n; ++i)
        y[i] += x[i];
    });
  }
  void copy_strided(Index rows, Index cols, const float *src, Index src_ld, float *dst,
                    Index dst_ld, bool accumulate) override {
    if (rows <= 0 || cols <= 0) return;
    if (src_ld < cols || dst_ld < cols)
      throw Error("copy_strided: a row stride (" + std::to_string(src_ld) + ", " +
                  std::to_string(dst_ld) + ") is smaller than the " + std::to_string(cols) +
                  " columns copied");
    const int team = nn_detail::team_size(threads_, rows * cols);
    detail::omp_team(team, [&] {
#pragma omp for schedule(static)
      for (Index r = 0; r < rows; ++r) {
        const float *s = src + r * src_ld;
        float *d = dst + r * dst_ld;
        if (accumulate) {
#pragma omp simd
          for (Index c = 0; c < cols; ++c)
            d[c] += s[c];
        } else {
          std::memcpy(d, s, static_cast<std::size_t>(cols) * sizeof(float));
        }
      }
    });
  }

  void gemm(bool trans_a, bool trans_b, Index m, Index n, Index k, const float *a, Index lda,
            const float *b, Index ldb, float beta, float *c, Index ldc) override {
    if (m < 0 || n < 0 || k < 0)
      throw Error("gemm: negative size (m " + std::to_string(m) + ", n " + std::to_string(n) +
                  ", k " + std::to_string(k) + ")");
    check_ld("lda", lda, trans_a ? m : k);
    check_ld("ldb", ldb, trans_b ? k : n);
    check_ld("ldc", ldc, n);
    if (m == 0 || n == 0) return;
    if (k == 0) { // C = beta C
      for (Index i = 0; i < m; ++i)
        for (Index j = 0; j < n; ++j)
          c[i * ldc + j] = beta == 0.0f ? 0.0f : beta * c[i * ldc + j];
      return;
    }
    if (!trans_a && n <= kNarrow) {
      narrow_gemm(trans_b, m, n, k, a, lda, b, ldb, beta, c, ldc);
      return;
    }
    const GemmKey key{m,       n,       k,
                      lda,     ldb,     ldc,
                      trans_a, trans_b, beta == 0.0f ? 0u : std::bit_cast<std::uint32_t>(beta)};

    std::lock_guard lock(mutex_);
    auto it = cache_.find(key);
    if (it == cache_.end()) it = cache_.emplace(key, create(key)).first;
    GemmEntry &entry = it->second;
    OmpThreadsScope omp_scope(entry.team);
    execute3(entry.primitive, {DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_DST},
             {&entry.a, &entry.b, &entry.c}, a, b, c, "gemm");
  }

  void bias_add(float *x, Index rows, Index row_size, Index channels, const float *bias) override {
    nn_detail::cpu_bias_add(x, rows, row_size, channels, bias, threads_);
  }
  void bias_grad(const float *g, Index rows, Index row_size, Index channels,
                 float *bias_grad) override {
    nn_detail::cpu_bias_grad(g, rows, row_size, channels, bias_grad, threads_);
  }
  void activation_forward(const ActivationSpec &spec, const float *z, float *h, Index cols,
                          const RowLayout &layout) override {
    nn_detail::cpu_activation_forward(spec, z, h, cols, layout, threads_);
  }
  void activation_backward(const ActivationSpec &spec, const float *z, const float *h,
                           float *out_grad, float *in_grad, Index cols,
                           const RowLayout &layout) override {
    nn_detail::cpu_activation_backward(spec, z, h, out_grad, in_grad, cols, layout, threads_);
  }
  void pool2d_forward(PoolKind kind, const Window2d &w, const float *in, float *out,
                      const RowLayout &layout) override {
    nn_detail::cpu_pool_forward(kind, w, in, out, layout, threads_);
  }
  void pool2d_backward(PoolKind kind, const Window2d &w, const float *in, const float *out_grad,
                       float *in_grad, const RowLayout &layout) override {
    nn_detail::cpu_pool_backward(kind, w, in, out_grad, in_grad, layout, threads_);
  }

  void conv2d_forward(const Window2d &w, const float *in, const float *kernel,
                      float *out) override {
    run_conv(ConvPass::forward, w, in, kernel, out);
  }
  void conv2d_backward_data(const Window2d &w, const float *out_grad, const float *kernel,
                            float *in_grad) override {
    run_conv(ConvPass::backward_data, w, out_grad, kernel, in_grad);
  }
  void conv2d_backward_weights(const Window2d &w, const float *in, const float *out_grad,
                               float *kernel_grad) override {
    // oneDNN writes the kernel gradient; the layer contract adds it.
    const std::size_t n =
        static_cast<std::size_t>(w.kernel_h * w.kernel_w * w.in.channels * w.out.channels);
    std::vector<float> scratch(n);
    run_conv(ConvPass::backward_weights, w, in, out_grad, scratch.data());
    for (std::size_t i = 0; i < n; ++i)
      kernel_grad[i] += scratch[i];
  }

protected:
  // 64-byte aligned (a cache line, and what oneDNN prefers); an allocation that fails
  // says how much was asked for.
  std::shared_ptr<float> allocate(Index n) override {
    const std::size_t bytes =
        (static_cast<std::size_t>(n) * sizeof(float) + std::size_t{63}) & ~std::size_t{63};
    void *p = std::aligned_alloc(64, bytes);
    if (p == nullptr)
      throw Error("cpu backend: cannot allocate " + std::to_string(bytes >> 20) + " MiB (" +
                  std::to_string(n) +
                  " floats) for network activations: make the batch smaller (memory_budget, "
                  "n_s) or the network narrower");
    return std::shared_ptr<float>(static_cast<float *>(p), [](float *q) { std::free(q); });
  }
  void write(const float *host, float *dst, Index n) override {
    std::memcpy(dst, host, static_cast<std::size_t>(n) * sizeof(float));
  }
  void read(const float *src, float *host, Index n) override {
    std::memcpy(host, src, static_cast<std::size_t>(n) * sizeof(float));
  }

private:
  enum class ConvPass { forward, backward_data, backward_weights };

  struct ConvKey {
    ConvPass pass;
    Index rows, ih, iw, ic, oh, ow, oc, kh, kw, sh, sw, pt, pl, pb, pr;
    bool operator==(const ConvKey &) const = default;
  };
  struct ConvKeyHash {
    std::size_t operator()(const ConvKey &k) const noexcept {
      std::uint64_t h = static_cast<std::uint64_t>(k.pass) + 0x9e3779b97f4a7c15ull;
      for (Index v : {k.rows, k.ih, k.iw, k.ic, k.oh, k.ow, k.oc, k.kh, k.kw, k.sh, k.sw, k.pt,
                      k.pl, k.pb, k.pr}) {
        h ^= static_cast<std::uint64_t>(v) + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
        h *= 0xbf58476d1ce4e5b9ull;
      }
      return static_cast<std::size_t>(h ^ (h >> 31));
    }
  };
  // A cached convolution primitive; its three arguments are (source-like, weights-like,
  // destination) for the pass: forward (src, weights, dst), backward data (diff_dst,
  // weights, diff_src), backward weights (src, diff_dst, diff_weights).
  // Where oneDNN prefers another layout for an argument than the layers' NHWC/HWIO
  // (blocked channels: nChw8c on AVX2), the argument goes through a buffer in that
  // layout: inputs are reordered into it before the convolution, the output out of it
  // after. The choice depends only on the shape and the CPU, so results stay
  // deterministic for a shape.
  struct Staging {
    bool on = false;
    dnnl::memory blocked; // owns its buffer
    dnnl::reorder reorder;
  };
  struct ConvEntry {
    int team = 1;
    dnnl::primitive primitive;
    int arg0 = 0, arg1 = 0, arg2 = 0;
    dnnl::memory m0, m1, m2;
    std::array<Staging, 3> staging;
  };

  void run_conv(ConvPass pass, const Window2d &w, const float *a, const float *b, float *c) {
    const ConvKey key{pass,          w.rows,       w.in.height,  w.in.width,
                      w.in.channels, w.out.height, w.out.width,  w.out.channels,
                      w.kernel_h,    w.kernel_w,   w.stride_h,   w.stride_w,
                      w.pad_top,     w.pad_left,   w.pad_bottom, w.pad_right};
    if (w.rows == 0) return;
    std::lock_guard lock(mutex_);
    auto it = conv_cache_.find(key);
    if (it == conv_cache_.end()) it = conv_cache_.emplace(key, create_conv(key)).first;
    ConvEntry &e = it->second;
    OmpThreadsScope omp_scope(e.team);
    const bool staged = e.staging[0].on || e.staging[1].on || e.staging[2].on;
    if (!staged) {
      execute3(e.primitive, {e.arg0, e.arg1, e.arg2}, {&e.m0, &e.m1, &e.m2}, a, b, c, "conv2d");
      return;
    }
    try {
      e.m0.set_data_handle(const_cast<float *>(a));
      e.m1.set_data_handle(const_cast<float *>(b));
      e.m2.set_data_handle(c);
      const std::array<dnnl::memory *, 3> user{&e.m0, &e.m1, &e.m2};
      std::array<dnnl::memory *, 3> used = user;
      for (int i = 0; i < 3; ++i)
        if (e.staging[i].on) used[i] = &e.staging[i].blocked;
      for (int i = 0; i < 2; ++i)
        if (e.staging[i].on) e.staging[i].reorder.execute(stream_, *user[i], *used[i]);
      e.primitive.execute(stream_, {{e.arg0, *used[0]}, {e.arg1, *used[1]}, {e.arg2, *used[2]}});
      if (e.staging[2].on) e.staging[2].reorder.execute(stream_, *used[2], *user[2]);
      stream_.wait();
    } catch (const dnnl::error &err) {
      throw Error(std::string("conv2d: oneDNN failed: ") + err.what());
    }
  }

  // Runs a cached primitive on (a, b) -> c through its three wrapped memory objects;
  // only the data handles change per call. Called with mutex_ held.
  void execute3(const dnnl::primitive &primitive, const std::array<int, 3> &arg_ids,
                const std::array<dnnl::memory *, 3> &mems, const float *a, const float *b, float *c,
                const char *what) {
    try {
      mems[0]->set_data_handle(const_cast<float *>(a));
      mems[1]->set_data_handle(const_cast<float *>(b));
      mems[2]->set_data_handle(c);
      // The C API takes a plain argument array: no per-call map allocation.
      const std::array<dnnl_exec_arg_t, 3> args{{{arg_ids[0], mems[0]->get()},
                                                 {arg_ids[1], mems[1]->get()},
                                                 {arg_ids[2], mems[2]->get()}}};
      dnnl::error::wrap_c_api(dnnl_primitive_execute(primitive.get(), stream_.get(),
                                                     static_cast<int>(args.size()), args.data()),
                              "could not execute the primitive");
      stream_.wait();
    } catch (const dnnl::error &err) {
      throw Error(std::string(what) + ": oneDNN failed: " + err.what());
    }
  }

  ConvEntry create_conv(const ConvKey &k) {
    using dims = dnnl::memory::dims;
    using dt = dnnl::memory::data_type;
    using tag = dnnl::memory::format_tag;
    const double flops =
        2.0 * double(k.rows) * double(k.oh * k.ow * k.oc) * double(k.kh * k.kw * k.ic);
    const int team = static_cast<int>(std::clamp(flops / kFlopsPerThread, 1.0, double(threads_)));
    OmpThreadsScope omp_scope(team);
    try {
      // NHWC activations and HWIO kernels, as the layers store them (the user side);
      // the primitive's own layouts are oneDNN's choice (format any) unless
      // IMNN_CONV_LAYOUT=plain asks for the layers' layouts (bench_field compares).
      const dnnl::memory::dims src_d{k.rows, k.ic, k.ih, k.iw}, wei_d{k.oc, k.ic, k.kh, k.kw},
          dst_d{k.rows, k.oc, k.oh, k.ow};
      const dnnl::memory::desc src(src_d, dt::f32, tag::nhwc), wei(wei_d, dt::f32, tag::hwio),
          dst(dst_d, dt::f32, tag::nhwc);
      // Only kernels larger than 1x1 on at least 16 input channels: a 1x1 convolution
      // is a GEMM in disguise, whose reorders cost more than the blocked kernels save
      // (bench_field --shapes: 1x1 shapes ran 0.1-0.6x as fast blocked, 3x3 and 5x5 on
      // 64 or 128 channels mostly 1-12x), and few channels are padded to a whole block
      // (a 128x128 field with one channel: the field example's cnn ran 25% slower).
      const bool blocked = blocked_ && (k.kh > 1 || k.kw > 1) && k.ic >= 16;
      const auto pick = [&](const dnnl::memory::dims &d, const dnnl::memory::desc &plain) {
        return blocked ? dnnl::memory::desc(d, dt::f32, tag::any) : plain;
      };
      const dnnl::memory::desc psrc = pick(src_d, src), pwei = pick(wei_d, wei),
                               pdst = pick(dst_d, dst);
      const dims strides{k.sh, k.sw}, pad_l{k.pt, k.pl}, pad_r{k.pb, k.pr};
      const auto algo = dnnl::algorithm::convolution_direct;
      const dnnl::convolution_forward::desc fd(dnnl::prop_kind::forward_training, algo, psrc, pwei,
                                               pdst, strides, pad_l, pad_r);
      const dnnl::convolution_forward::primitive_desc fpd(fd, engine_);
      ConvEntry e;
      e.team = team;
      std::array<dnnl::memory::desc, 3> plain, chosen;
      if (k.pass == ConvPass::forward) {
        e.primitive = dnnl::convolution_forward(fpd);
        e.arg0 = DNNL_ARG_SRC;
        e.arg1 = DNNL_ARG_WEIGHTS;
        e.arg2 = DNNL_ARG_DST;
        plain = {src, wei, dst};
        chosen = {fpd.src_desc(), fpd.weights_desc(), fpd.dst_desc()};
      } else if (k.pass == ConvPass::backward_data) {
        const dnnl::convolution_backward_data::desc bd(algo, psrc, pwei, pdst, strides, pad_l,
                                                       pad_r);
        const dnnl::convolution_backward_data::primitive_desc bpd(bd, engine_, fpd);
        e.primitive = dnnl::convolution_backward_data(bpd);
        e.arg0 = DNNL_ARG_DIFF_DST;
        e.arg1 = DNNL_ARG_WEIGHTS;
        e.arg2 = DNNL_ARG_DIFF_SRC;
        plain = {dst, wei, src};
        chosen = {bpd.diff_dst_desc(), bpd.weights_desc(), bpd.diff_src_desc()};
      } else {
        const dnnl::convolution_backward_weights::desc wd(algo, psrc, pwei, pdst, strides, pad_l,
                                                          pad_r);
        const dnnl::convolution_backward_weights::primitive_desc wpd(wd, engine_, fpd);
        e.primitive = dnnl::convolution_backward_weights(wpd);
        e.arg0 = DNNL_ARG_SRC;
        e.arg1 = DNNL_ARG_DIFF_DST;
        e.arg2 = DNNL_ARG_DIFF_WEIGHTS;
        plain = {src, dst, wei};
        chosen = {wpd.src_desc(), wpd.diff_dst_desc(), wpd.diff_weights_desc()};
      }
      e.m0 = dnnl::memory(plain[0], engine_, DNNL_MEMORY_NONE);
      e.m1 = dnnl::memory(plain[1], engine_, DNNL_MEMORY_NONE);
      e.m2 = dnnl::memory(plain[2], engine_, DNNL_MEMORY_NONE);
      const std::array<dnnl::memory *, 3> user{&e.m0, &e.m1, &e.m2};
      for (std::size_t i = 0; i < 3; ++i) {
        if (chosen[i] == plain[i]) continue;
        Staging &st = e.staging[i];
        st.on = true;
        st.blocked = dnnl::memory(chosen[i], engine_);
        st.reorder =
            i < 2 ? dnnl::reorder(*user[i], st.blocked) : dnnl::reorder(st.blocked, *user[i]);
      }
      return e;
    } catch (const dnnl::error &err) {
      throw Error("conv2d: cannot create a oneDNN convolution for " + std::to_string(k.rows) +
                  " images of " + std::to_string(k.ih) + "x" + std::to_string(k.iw) + "x" +
                  std::to_string(k.ic) + ", kernel " + std::to_string(k.kh) + "x" +
                  std::to_string(k.kw) + " -> " + std::to_string(k.oc) + ": " + err.what());
    }
  }

  // C = A op(B) + beta C for n <= kNarrow columns (written by hand because oneDNN
  // 2.6's matmul ran the 3000x128 -> 2 output layer at about 11 GFLOP/s, 0.14 ms,
  // measured with DNNL_VERBOSE; such a GEMM is bound by streaming A, so one pass
  // over the rows with n dot products against a packed op(B) is faster). Each
  // element is one fixed-order dot product: results do not depend on threads.
  void narrow_gemm(bool trans_b, Index m, Index n, Index k, const float *a, Index lda,
                   const float *b, Index ldb, float beta, float *c, Index ldc) {
    std::vector<float> bt(static_cast<std::size_t>(n * k)); // op(B) column-wise: bt[j * k + l]
    for (Index l = 0; l < k; ++l)
      for (Index j = 0; j < n; ++j)
        bt[static_cast<std::size_t>(j * k + l)] = trans_b ? b[j * ldb + l] : b[l * ldb + j];
    const double flops = 2.0 * double(m) * double(n) * double(k);
    const int team = static_cast<int>(std::clamp(flops / kFlopsPerThread, 1.0, double(threads_)));
    const float *btp = bt.data();
    detail::omp_team(team, [&] {
#pragma omp for schedule(static)
      for (Index i = 0; i < m; ++i) {
        const float *ai = a + i * lda;
        for (Index j = 0; j < n; ++j) {
          const float *bj = btp + j * k;
          float s = 0.0f;
#pragma omp simd reduction(+ : s)
          for (Index l = 0; l < k; ++l)
            s += ai[l] * bj[l];
          float &out = c[i * ldc + j];
          out = beta == 0.0f ? s : s + beta * out;
        }
      }
    });
  }

  static void check_ld(const char *what, Index ld, Index width) {
    if (ld < std::max<Index>(width, 1))
      throw Error(std::string("gemm: ") + what + " " + std::to_string(ld) +
                  " is smaller than the row width " + std::to_string(width));
  }

  GemmEntry create(const GemmKey &key) {
    using dims = dnnl::memory::dims;
    using dt = dnnl::memory::data_type;
    // op(A) is m x k, op(B) is k x n: a transpose is just swapped strides.
    const dims a_strides = key.trans_a ? dims{1, key.lda} : dims{key.lda, 1};
    const dims b_strides = key.trans_b ? dims{1, key.ldb} : dims{key.ldb, 1};
    const double flops = 2.0 * double(key.m) * double(key.n) * double(key.k);
    const int team = static_cast<int>(std::clamp(flops / kFlopsPerThread, 1.0, double(threads_)));
    OmpThreadsScope omp_scope(team);
    try {
      const dnnl::memory::desc a_md({key.m, key.k}, dt::f32, a_strides);
      const dnnl::memory::desc b_md({key.k, key.n}, dt::f32, b_strides);
      const dnnl::memory::desc c_md({key.m, key.n}, dt::f32, dims{key.ldc, 1});
      dnnl::primitive_attr attr;
      if (key.beta_bits != 0) {
        dnnl::post_ops ops;
        ops.append_sum(std::bit_cast<float>(key.beta_bits));
        attr.set_post_ops(ops);
      }
      const dnnl::matmul::desc desc(a_md, b_md, c_md);
      const dnnl::matmul::primitive_desc pd(desc, attr, engine_);
      GemmEntry entry;
      entry.team = team;
      entry.primitive = dnnl::matmul(pd);
      entry.a = dnnl::memory(a_md, engine_, DNNL_MEMORY_NONE);
      entry.b = dnnl::memory(b_md, engine_, DNNL_MEMORY_NONE);
      entry.c = dnnl::memory(c_md, engine_, DNNL_MEMORY_NONE);
      return entry;
    } catch (const dnnl::error &e) {
      throw Error("gemm: cannot create a oneDNN matmul for m " + std::to_string(key.m) + ", n " +
                  std::to_string(key.n) + ", k " + std::to_string(key.k) + ": " + e.what());
    }
  }

  int threads_;
  bool blocked_; // convolutions in oneDNN's preferred layouts (see Staging)
  dnnl::engine engine_;
  dnnl::stream stream_;
  std::mutex mutex_;
  std::unordered_map<GemmKey, GemmEntry, GemmKeyHash> cache_;
  std::unordered_map<ConvKey, ConvEntry, ConvKeyHash> conv_cache_;
};

} // namespace

std::unique_ptr<Backend> make_cpu_backend(int threads) {
  return std::make_unique<CpuBackend>(threads);
}

} // namespace imnn
