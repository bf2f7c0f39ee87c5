// Cost of an IMNN fit on the 2-D Gaussian random field (issue 11 §4), measured in one
// run, for the reference's inception network on both readings of a 128 x 128 field
// (input_layout "stax": H = 1, W = 128, C = 128, the reference's quirk; "image": one
// 128 x 128 channel):
//  1. seconds per simulation with its Jacobian (FFTs, noise), as the fit fills a chunk;
//  2. the network's forward and backward pass over one chunk (primal and tangent rows),
//     split by backend operation (convolutions, GEMMs, pooling, activations, ...);
//  3. the loss (Fisher statistics and their gradient, double) at n_s = n_d = 5000;
//  4. GFLOP/s of the chunk's convolutions as the fit runs them (NHWC/HWIO, the layout the
//     layers keep) beside oneDNN's own rate on the same shapes with the memory formats it
//     prefers (format_tag::any: blocked layouts), forward and both backward passes;
//  5. whether the aggregation's memory budget keeps one pass or needs two for
//     n_s = n_d = 5000 fields (the reference's settings; validation as large);
//  6. a short real fit (seconds per iteration, all included) and the memory high-water
//     mark (getrusage).
// Usage: bench_field [--device cpu] [--quick] [--full] [--threads T] [--chunk n]
//                    [--layout stax|image|both] [--fit-n n] [--fit-iterations k]
// Default: both readings, chunks of 16 simulations, a 4-iteration fit with
// n_s = n_d = 64 (stax reading); --quick: stax only, chunks of 8, a 3-iteration fit with
// n_s = n_d = 32; --full: chunks of 250 (the fit's default) and a fit with
// n_s = n_d = 1000 (stax). Per-iteration times at n_s = 5000 are estimates from the
// per-simulation costs and are printed as such.
#include "imnn/aggregate.h"
#include "imnn/config.h"
#include "imnn/error.h"
#include "imnn/fisher.h"
#include "imnn/fit.h"
#include "imnn/nn.h"
#include "imnn/plugins.h"
#include "imnn/seeds.h"
#include "imnn/sources.h"
#include "imnn/threads.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dnnl.hpp>
#include <map>
#include <random>
#include <string>
#include <sys/resource.h>
#include <tuple>
#include <vector>

using namespace imnn;
using clock_type = std::chrono::steady_clock;

namespace {

double since(clock_type::time_point t0) {
  return std::chrono::duration<double>(clock_type::now() - t0).count();
}

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         1e-6 * double(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

double max_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return double(u.ru_maxrss) / 1024.0; // kilobytes on Linux
}

using ConvKey = std::tuple<Index, Index, Index, Index, Index, Index, Index, Index, Index, Index,
                           Index, Index, Index, Index, Index>;
ConvKey key_of(const Window2d &w) {
  return {w.rows,      w.in.height,    w.in.width, w.in.channels, w.out.height,
          w.out.width, w.out.channels, w.kernel_h, w.kernel_w,    w.stride_h,
          w.stride_w,  w.pad_top,      w.pad_left, w.pad_bottom,  w.pad_right};
}
double conv_flops(const Window2d &w) {
  return 2.0 * double(w.rows) * double(w.out.height * w.out.width * w.out.channels) *
         double(w.kernel_h * w.kernel_w * w.in.channels);
}

enum Op {
  op_gemm,
  op_bias,
  op_activation,
  op_conv_f,
  op_conv_bd,
  op_conv_bw,
  op_pool,
  op_copy,
  op_count
};
const char *const op_names[op_count] = {"GEMM (dense)", "bias add/grad",  "activation",
                                        "conv forward", "conv bwd data",  "conv bwd weights",
                                        "pooling",      "copies (concat)"};

struct ConvRecord {
  Window2d w;
  double seconds[3] = {0, 0, 0}; // forward, backward data, backward weights
  int calls[3] = {0, 0, 0};
};

// The CPU backend with a stopwatch on every operation. Its memory is host memory of its
// own (the inner backend takes host pointers).
class TimingBackend final : public Backend {
public:
  explicit TimingBackend(std::unique_ptr<Backend> inner) : inner_(std::move(inner)) {
    if (!inner_->host_memory()) throw Error("bench_field: the timing backend needs host memory");
  }
  std::string name() const override { return inner_->name(); }
  int threads() const override { return inner_->threads(); }
  bool host_memory() const override { return true; }
  void reset() {
    for (auto &s : seconds)
      s = 0;
    convs.clear();
  }

  void fill(float *x, Index n, float value) override {
    Timer t(this, op_copy);
    inner_->fill(x, n, value);
  }
  void add(const float *x, float *y, Index n) override {
    Timer t(this, op_copy);
    inner_->add(x, y, n);
  }
  void copy_strided(Index rows, Index cols, const float *src, Index src_ld, float *dst,
                    Index dst_ld, bool accumulate) override {
    Timer t(this, op_copy);
    inner_->copy_strided(rows, cols, src, src_ld, dst, dst_ld, accumulate);
  }
  void gemm(bool ta, bool tb, Index m, Index n, Index k, const float *a, Index lda, const float *b,
            Index ldb, float beta, float *c, Index ldc) override {
    Timer t(this, op_gemm);
    inner_->gemm(ta, tb, m, n, k, a, lda, b, ldb, beta, c, ldc);
  }
  void bias_add(float *x, Index rows, Index row_size, Index channels, const float *bias) override {
    Timer t(this, op_bias);
    inner_->bias_add(x, rows, row_size, channels, bias);
  }
  void bias_grad(const float *g, Index rows, Index row_size, Index channels,
                 float *bias_grad) override {
    Timer t(this, op_bias);
    inner_->bias_grad(g, rows, row_size, channels, bias_grad);
  }
  void activation_forward(const ActivationSpec &spec, const float *z, float *h, Index cols,
                          const RowLayout &layout) override {
    Timer t(this, op_activation);
    inner_->activation_forward(spec, z, h, cols, layout);
  }
  void activation_backward(const ActivationSpec &spec, const float *z, const float *h,
                           float *out_grad, float *in_grad, Index cols,
                           const RowLayout &layout) override {
    Timer t(this, op_activation);
    inner_->activation_backward(spec, z, h, out_grad, in_grad, cols, layout);
  }
  void conv2d_forward(const Window2d &w, const float *in, const float *kernel,
                      float *out) override {
    ConvTimer t(this, w, 0);
    inner_->conv2d_forward(w, in, kernel, out);
  }
  void conv2d_backward_data(const Window2d &w, const float *out_grad, const float *kernel,
                            float *in_grad) override {
    ConvTimer t(this, w, 1);
    inner_->conv2d_backward_data(w, out_grad, kernel, in_grad);
  }
  void conv2d_backward_weights(const Window2d &w, const float *in, const float *out_grad,
                               float *kernel_grad) override {
    ConvTimer t(this, w, 2);
    inner_->conv2d_backward_weights(w, in, out_grad, kernel_grad);
  }
  void pool2d_forward(PoolKind kind, const Window2d &w, const float *in, float *out,
                      const RowLayout &layout) override {
    Timer t(this, op_pool);
    inner_->pool2d_forward(kind, w, in, out, layout);
  }
  void pool2d_backward(PoolKind kind, const Window2d &w, const float *in, const float *out_grad,
                       float *in_grad, const RowLayout &layout) override {
    Timer t(this, op_pool);
    inner_->pool2d_backward(kind, w, in, out_grad, in_grad, layout);
  }

  double seconds[op_count] = {};
  std::map<ConvKey, ConvRecord> convs;

protected:
  std::shared_ptr<float> allocate(Index n) override {
    const std::size_t bytes = (std::size_t(n > 0 ? n : 1) * sizeof(float) + 63) / 64 * 64;
    auto *p = static_cast<float *>(std::aligned_alloc(64, bytes));
    if (p == nullptr) throw Error("bench_field: out of memory");
    return std::shared_ptr<float>(p, [](float *q) { std::free(q); });
  }
  void write(const float *host, float *dst, Index n) override {
    std::memcpy(dst, host, std::size_t(n) * sizeof(float));
  }
  void read(const float *src, float *host, Index n) override {
    std::memcpy(host, src, std::size_t(n) * sizeof(float));
  }

private:
  struct Timer {
    TimingBackend *b;
    Op op;
    clock_type::time_point t0 = clock_type::now();
    Timer(TimingBackend *b_, Op op_) : b(b_), op(op_) {}
    ~Timer() { b->seconds[op] += since(t0); }
  };
  struct ConvTimer {
    TimingBackend *b;
    const Window2d &w;
    int pass;
    clock_type::time_point t0 = clock_type::now();
    ConvTimer(TimingBackend *b_, const Window2d &w_, int pass_) : b(b_), w(w_), pass(pass_) {}
    ~ConvTimer() {
      const double s = since(t0);
      b->seconds[op_conv_f + pass] += s;
      auto &r = b->convs[key_of(w)];
      r.w = w;
      r.seconds[pass] += s;
      r.calls[pass] += 1;
    }
  };
  std::unique_ptr<Backend> inner_;
};

// oneDNN's own rate on one shape: convolution_direct with format_tag::any for the
// source, weights and destination (oneDNN picks its blocked layouts), `reps` runs of
// each pass after one warm-up. Returns seconds per call for forward, backward data and
// backward weights.
std::array<double, 3> onednn_rate(const Window2d &w, int reps) {
  using dt = dnnl::memory::data_type;
  using tag = dnnl::memory::format_tag;
  dnnl::engine eng(dnnl::engine::kind::cpu, 0);
  dnnl::stream s(eng);
  const dnnl::memory::dims src_d{w.rows, w.in.channels, w.in.height, w.in.width};
  const dnnl::memory::dims wei_d{w.out.channels, w.in.channels, w.kernel_h, w.kernel_w};
  const dnnl::memory::dims dst_d{w.rows, w.out.channels, w.out.height, w.out.width};
  const dnnl::memory::dims strides{w.stride_h, w.stride_w}, pl{w.pad_top, w.pad_left},
      pr{w.pad_bottom, w.pad_right};
  const dnnl::memory::desc src(src_d, dt::f32, tag::any), wei(wei_d, dt::f32, tag::any),
      dst(dst_d, dt::f32, tag::any);
  const auto algo = dnnl::algorithm::convolution_direct;
  const dnnl::convolution_forward::primitive_desc fpd(
      dnnl::convolution_forward::desc(dnnl::prop_kind::forward_training, algo, src, wei, dst,
                                      strides, pl, pr),
      eng);
  const dnnl::convolution_backward_data::primitive_desc bdpd(
      dnnl::convolution_backward_data::desc(algo, src, wei, dst, strides, pl, pr), eng, fpd);
  const dnnl::convolution_backward_weights::primitive_desc bwpd(
      dnnl::convolution_backward_weights::desc(algo, src, wei, dst, strides, pl, pr), eng, fpd);
  auto filled = [&](const dnnl::memory::desc &md) {
    dnnl::memory m(md, eng);
    auto *p = static_cast<float *>(m.get_data_handle());
    const std::size_t n = md.get_size() / sizeof(float);
    for (std::size_t i = 0; i < n; ++i)
      p[i] = 0.001f * float(i % 997) - 0.5f;
    return m;
  };
  dnnl::memory fsrc = filled(fpd.src_desc()), fwei = filled(fpd.weights_desc()),
               fdst = filled(fpd.dst_desc());
  dnnl::memory bdsrc = filled(bdpd.diff_src_desc()), bdwei = filled(bdpd.weights_desc()),
               bddst = filled(bdpd.diff_dst_desc());
  dnnl::memory bwsrc = filled(bwpd.src_desc()), bwwei = filled(bwpd.diff_weights_desc()),
               bwdst = filled(bwpd.diff_dst_desc());
  dnnl::convolution_forward f(fpd);
  dnnl::convolution_backward_data bd(bdpd);
  dnnl::convolution_backward_weights bw(bwpd);
  auto time = [&](auto &&run) {
    run();
    s.wait();
    const auto t0 = clock_type::now();
    for (int i = 0; i < reps; ++i)
      run();
    s.wait();
    return since(t0) / reps;
  };
  return {
      time([&] {
        f.execute(s, {{DNNL_ARG_SRC, fsrc}, {DNNL_ARG_WEIGHTS, fwei}, {DNNL_ARG_DST, fdst}});
      }),
      time([&] {
        bd.execute(
            s, {{DNNL_ARG_DIFF_SRC, bdsrc}, {DNNL_ARG_WEIGHTS, bdwei}, {DNNL_ARG_DIFF_DST, bddst}});
      }),
      time([&] {
        bw.execute(
            s, {{DNNL_ARG_SRC, bwsrc}, {DNNL_ARG_DIFF_WEIGHTS, bwwei}, {DNNL_ARG_DIFF_DST, bwdst}});
      })};
}

struct Options {
  std::string device = "cpu";
  int threads = 0;
  Index chunk = 16;
  std::vector<std::string> layouts{"stax", "image"};
  Index fit_n = 64;
  int fit_iterations = 4;
  bool shapes = false; // --shapes: each convolution shape, blocked vs plain
};

[[noreturn]] void usage(const std::string &problem) {
  std::fprintf(stderr,
               "usage: bench_field [--device cpu] [--quick] [--full] [--threads T] [--chunk n] "
               "[--layout stax|image|both] [--fit-n n] [--fit-iterations k] [--shapes]\n%s\n",
               problem.c_str());
  std::exit(2);
}

long positive(const char *flag, const char *value, long min) {
  char *end = nullptr;
  const long v = std::strtol(value, &end, 10);
  if (end == value || *end != '\0' || v < min)
    usage(std::string(flag) + " needs an integer >= " + std::to_string(min) + ", not '" + value +
          "'");
  return v;
}

Options parse(int argc, char **argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> const char * {
      if (i + 1 >= argc) usage(a + " needs a value");
      return argv[++i];
    };
    if (a == "--quick") {
      o.chunk = 8;
      o.layouts = {"stax"};
      o.fit_n = 32;
      o.fit_iterations = 3;
    } else if (a == "--full") {
      o.chunk = 250;
      o.fit_n = 1000;
      o.fit_iterations = 3;
    } else if (a == "--shapes") {
      o.shapes = true;
    } else if (a == "--device") {
      o.device = value();
    } else if (a == "--threads") {
      o.threads = int(positive("--threads", value(), 0));
    } else if (a == "--chunk") {
      o.chunk = positive("--chunk", value(), 1);
    } else if (a == "--fit-n") {
      o.fit_n = positive("--fit-n", value(), 0);
    } else if (a == "--fit-iterations") {
      o.fit_iterations = int(positive("--fit-iterations", value(), 2));
    } else if (a == "--layout") {
      const std::string v = value();
      if (v == "both")
        o.layouts = {"stax", "image"};
      else if (v == "stax" || v == "image")
        o.layouts = {v};
      else
        usage("--layout is stax, image or both, not '" + v + "'");
    } else {
      usage("unknown argument '" + a + "'");
    }
  }
  if (o.device != "cpu")
    usage("--device " + o.device +
          ": this build's bench_field measures the CPU backend only "
          "(cpu)");
  return o;
}

RunConfig field_config(const PluginRegistry &registry, const std::string &layout, Index n,
                       int threads) {
  nlohmann::json j{{"simulator", {{"plugin", "gaussian_random_field_2d"}}},
                   {"network", {{"plugin", "inception"}, {"options", {{"input_layout", layout}}}}},
                   {"n_s", n},
                   {"n_d", n},
                   {"n_summaries", 2},
                   {"threads", threads}};
  RunConfig c = RunConfig::from_json(j);
  c.resolve(registry);
  return c;
}

} // namespace

int main(int argc, char **argv) {
  bound_openmp_spinning(argv); // as the imnn and imnn-studio executables
  const Options opt = parse(argc, argv);
  const int nthreads = configure_threads(opt.threads);
  const auto t_start = clock_type::now();
  const double cpu_start = cpu_seconds();

  PluginRegistry registry;
  registry.scan({IMNN_PLUGIN_BUILD_DIR});
  auto simulator = registry.create_simulator("gaussian_random_field_2d", nlohmann::json::object());
  const Index p = simulator->n_params();
  std::printf("bench_field: gaussian_random_field_2d, N = 128, inception (the reference's: "
              "filters 64, strides 4 4 4 2), device %s, %d threads, chunks of %td simulations "
              "(+ %td x %td tangent rows)\n",
              opt.device.c_str(), nthreads, opt.chunk, p, opt.chunk);

  // 1. Simulations with their Jacobians, as the fit fills a chunk.
  const RunConfig base = field_config(registry, opt.layouts.front(), opt.chunk, opt.threads);
  SimulatorSource source(simulator, base.theta_fid, 0);
  const SetSize part{opt.chunk, opt.chunk};
  const RowLayout layout = source.layout(part);
  MatrixF inputs(layout.rows(), source.input_size());
  source.fill_part(SeedStream::training, 0, part, 0, part, inputs); // warm-up (plans, pool)
  auto t0 = clock_type::now();
  double c0 = cpu_seconds();
  const int sim_reps = 3;
  for (int r = 0; r < sim_reps; ++r)
    source.fill_part(SeedStream::training, std::uint64_t(r + 1), part, 0, part, inputs);
  const double sim_wall = since(t0) / double(sim_reps * opt.chunk);
  const double sim_cpu = (cpu_seconds() - c0) / double(sim_reps * opt.chunk);
  std::printf("\n1. simulation with Jacobian (FFTs, noise, into float rows): %.3f ms wall, %.3f ms "
              "CPU per simulation (%d x %td)\n",
              1e3 * sim_wall, 1e3 * sim_cpu, sim_reps, opt.chunk);

  // 3. The loss at n_s = n_d = 5000 (independent of the network).
  {
    const Index n = 5000, q = 2;
    std::mt19937_64 rng(1);
    std::normal_distribution<double> g;
    Eigen::MatrixXd x(n, q), dx(p * n, q);
    for (Index i = 0; i < x.size(); ++i)
      x.data()[i] = g(rng);
    for (Index i = 0; i < dx.size(); ++i)
      dx.data()[i] = 0.3 * g(rng) + (i % 3 == 0 ? 1.0 : 0.2);
    Regularisation reg;
    (void)fisher_loss(x, dx, p, reg);
    t0 = clock_type::now();
    const int reps = 20;
    double sink = 0;
    for (int r = 0; r < reps; ++r)
      sink += fisher_loss(x, dx, p, reg).loss;
    std::printf("3. loss and its gradient (double, n_s = n_d = 5000, q = 2): %.3f ms per "
                "iteration (check %.3g)\n",
                1e3 * since(t0) / reps, sink / reps);
  }

  for (const std::string &reading : opt.layouts) {
    const RunConfig config = field_config(registry, reading, opt.chunk, opt.threads);
    const Model model =
        registry.build_network("inception", config.network.options, simulator->input_shape(), 2);
    const std::vector<float> w = model.initialise(0);
    TimingBackend backend(make_cpu_backend(opt.threads));
    // The same network with the convolutions in the layers' own NHWC/HWIO layouts (no
    // reorders), the CPU backend's layout before blocked layouts: side by side.
    setenv("IMNN_CONV_LAYOUT", "plain", 1);
    TimingBackend plain_backend(make_cpu_backend(opt.threads));
    unsetenv("IMNN_CONV_LAYOUT");
    Workspace ws;
    ws.input = inputs;
    std::vector<float> grad(std::size_t(model.n_parameters()), 0.0f);
    MatrixF out_grad(layout.rows(), model.output_size());
    out_grad.setConstant(1e-3f);
    const int reps = 2;
    // Warm-up (primitive creation), then timed passes; forward and backward seconds.
    const auto time_passes = [&](TimingBackend &b) {
      (void)model.forward(b, w, ws, layout);
      model.backward(b, w, ws, layout, out_grad, grad);
      b.reset();
      double f = 0, g = 0;
      for (int r = 0; r < reps; ++r) {
        t0 = clock_type::now();
        (void)model.forward(b, w, ws, layout);
        f += since(t0);
        t0 = clock_type::now();
        model.backward(b, w, ws, layout, out_grad, grad);
        g += since(t0);
      }
      return std::pair<double, double>(f / reps, g / reps);
    };
    const auto [plain_fwd, plain_bwd] = time_passes(plain_backend);
    const auto [fwd, bwd] = time_passes(backend);
    double fwd_flops = 0;
    for (const auto &[k, r] : backend.convs)
      fwd_flops += conv_flops(r.w) * r.calls[0];
    fwd_flops /= reps;
    const double rows = double(layout.rows());
    std::printf("\n== inception, input_layout \"%s\": first image %s, %td parameters, %.1f M "
                "conv MACs per image forward\n",
                reading.c_str(),
                reading == "stax" ? "1 x 128 x 128 channels" : "128 x 128 x 1 channel",
                model.n_parameters(), fwd_flops / 2 / rows / 1e6);
    std::printf("2. network on a chunk of %td simulations (%td rows): forward %.3f s, backward "
                "%.3f s = %.3f ms per row forward+backward\n",
                opt.chunk, layout.rows(), fwd, bwd, 1e3 * (fwd + bwd) / rows);
    double total = 0;
    for (double s : backend.seconds)
      total += s;
    for (int o = 0; o < op_count; ++o)
      if (backend.seconds[o] > 0)
        std::printf("     %-18s %8.3f s per pass pair (%4.1f%%)\n", op_names[o],
                    backend.seconds[o] / reps, 100 * backend.seconds[o] / total);

    // 4. Convolution rate in the network (blocked layouts with reorders, and the layers'
    // plain layouts) vs oneDNN's own on the same shapes (no reorders counted).
    double net_s[3] = {}, plain_s[3] = {}, dnnl_s[3] = {}, flops[3] = {};
    for (const auto &[k, r] : backend.convs) {
      const auto own = onednn_rate(r.w, 2);
      const ConvRecord &pr = plain_backend.convs.at(k);
      for (int pass = 0; pass < 3; ++pass) {
        net_s[pass] += r.seconds[pass];
        plain_s[pass] += pr.seconds[pass];
        dnnl_s[pass] += own[std::size_t(pass)] * r.calls[pass];
        flops[pass] += conv_flops(r.w) * r.calls[pass];
      }
    }
    const char *pass_names[3] = {"forward", "backward data", "backward weights"};
    std::printf("4. convolutions (%zu shapes), GFLOP/s, same shapes, same run: the network "
                "(oneDNN's layouts, reorders included) | the network in plain NHWC/HWIO "
                "(IMNN_CONV_LAYOUT=plain) | oneDNN's own (format any, no reorders)\n",
                backend.convs.size());
    for (int pass = 0; pass < 3; ++pass)
      std::printf("     %-17s %7.1f | %7.1f | %7.1f  (network / plain: %.2f; network / "
                  "oneDNN's own: %.2f)\n",
                  pass_names[pass], flops[pass] / net_s[pass] / 1e9,
                  flops[pass] / plain_s[pass] / 1e9, flops[pass] / dnnl_s[pass] / 1e9,
                  plain_s[pass] / net_s[pass], dnnl_s[pass] / net_s[pass]);
    if (opt.shapes)
      for (const auto &[k, r] : backend.convs) {
        const ConvRecord &pr = plain_backend.convs.at(k);
        std::printf("     %tdx%tdx%td -> %tdx%tdx%td, kernel %tdx%td, stride %td: ms network | "
                    "plain: fwd %.2f | %.2f, bwd data %.2f | %.2f, bwd weights %.2f | %.2f\n",
                    r.w.in.height, r.w.in.width, r.w.in.channels, r.w.out.height, r.w.out.width,
                    r.w.out.channels, r.w.kernel_h, r.w.kernel_w, r.w.stride_h,
                    1e3 * r.seconds[0] / reps, 1e3 * pr.seconds[0] / reps,
                    1e3 * r.seconds[1] / reps, 1e3 * pr.seconds[1] / reps,
                    1e3 * r.seconds[2] / reps, 1e3 * pr.seconds[2] / reps);
      }
    std::printf("     whole network, forward + backward per row: %.3f ms vs %.3f ms plain "
                "(speed-up %.2f)\n",
                1e3 * (fwd + bwd) / rows, 1e3 * (plain_fwd + plain_bwd) / rows,
                (plain_fwd + plain_bwd) / (fwd + bwd));

    // 5. One pass or two at the reference's size.
    AggregationInfo info;
    {
      RunConfig big = field_config(registry, reading, 5000, opt.threads);
      auto big_source = make_simulation_source(big, simulator);
      const Model big_model =
          registry.build_network("inception", big.network.options, simulator->input_shape(), 2);
      Aggregator agg(big, big_model, *big_source);
      info = agg.info();
      std::printf("5. aggregation at n_s = n_d = 5000: %s -> %s (one pass would keep %.0f MB; "
                  "budget fit.memory_budget_mb = %.0f MB)\n",
                  info.summary().c_str(),
                  info.passes == 1 ? "ONE pass (activations kept)" : "TWO passes (recomputed)",
                  info.one_pass_mb, info.memory_budget_mb);
    }
    // Estimate of one iteration at the reference's size (n_s = n_d = 5000, validation as
    // large): the simulations (5000 training, 5000 validation, all with Jacobians; again in
    // pass 2 when two passes) spread over the threads, and the network's training forward
    // (again in pass 2) + backward and validation forward at this chunk's rate.
    const double per_row_fb = (fwd + bwd) / rows, per_row_f = fwd / rows;
    const double rows_5000 = double(5000 + p * 5000);
    const double sims = (info.passes == 2 ? 15000.0 : 10000.0) * sim_cpu / nthreads;
    const double est = sims + rows_5000 * (per_row_fb + per_row_f * (info.passes == 2 ? 2.0 : 1.0));
    std::printf("   estimate at n_s = n_d = 5000 (+ as many validation), %d pass(es): %.1f s per "
                "iteration (%.0f%% simulation) -> 1390 iterations (the reference's) %.1f h\n",
                info.passes, est, 100 * sims / est, est * 1390 / 3600);
  }

  // 6. A short real fit, everything included.
  if (opt.fit_n > 0) {
    RunConfig fc = field_config(registry, "stax", opt.fit_n, opt.threads);
    fc.fit.max_iterations = opt.fit_iterations;
    fc.fit.min_iterations = opt.fit_iterations;
    fc.fit.patience = opt.fit_iterations + 1;
    fc.fit.n_statistics = opt.fit_n;
    fc.fit.checkpoint_every = 0;
    Model m = registry.build_network("inception", fc.network.options, simulator->input_shape(), 2);
    Fitter fitter(fc, std::move(m), simulator);
    int done = 0;
    clock_type::time_point tf;
    double cf = 0;
    fitter.add_observer([&](const IterationRecord &) {
      if (++done == 1) {
        tf = clock_type::now();
        cf = cpu_seconds();
      }
    });
    fitter.fit();
    const double its = double(opt.fit_iterations - 1);
    std::printf("\n6. fit (stax, n_s = n_d = %td, validation as large, %d iterations timed after "
                "the first): %.3f s wall, %.3f s CPU per iteration; %s\n",
                opt.fit_n, opt.fit_iterations - 1, since(tf) / its, (cpu_seconds() - cf) / its,
                fitter.aggregation().summary().c_str());
  }
  std::printf("\nmemory high-water mark (getrusage ru_maxrss): %.0f MB; bench ran %.1f s wall, "
              "%.1f s CPU\n",
              max_rss_mb(), since(t_start), cpu_seconds() - cpu_start);
  return 0;
}
