// Layers over images (conv2d, max and average pooling) against a double-precision
// reference written here from the definitions (NHWC images, HWIO kernels, SAME/VALID
// padding as TensorFlow and stax): forward values; tangent rows against central
// differences of the primal reference along the input tangents; weight and input
// gradients of a loss of primal and tangent outputs against central differences; the
// window arithmetic and its errors.
#include "imnn/error.h"
#include "imnn/nn.h"

#include "nn/activation_math.h"

#include <Eigen/LU>
#include <QtTest>
#include <cmath>
#include <random>
#include <string>
#include <variant>
#include <vector>

using namespace imnn;

namespace {

using MatD = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// One layer of the reference, mirroring a float layer and its parameter offset.
struct RefLayer {
  enum Kind { conv, max_pool, avg_pool, act, dense, concat, flatten, wrap } kind = conv;
  Window2d w;            // conv and pools; wrap: in, out and the paddings
  ActivationSpec spec;   // act
  Index in = 0, out = 0; // dense
  Index offset = 0;
  std::vector<std::vector<RefLayer>> branches; // concat: each branch's layers
  std::vector<Index> branch_channels;          // concat: each branch's output channels
};

Index primal_of(const RowLayout &lay, Index r) {
  return r < lay.n_primal ? r : (r - lay.n_primal) % lay.n_tangent_rows;
}

MatD ref_forward(const std::vector<RefLayer> &layers, const std::vector<double> &p, MatD a,
                 const RowLayout &lay) {
  for (const RefLayer &l : layers) {
    const Index rows = a.rows();
    if (l.kind == RefLayer::flatten) continue;
    if (l.kind == RefLayer::concat) { // branches over a, channels side by side
      Index total = 0;
      for (Index ch : l.branch_channels)
        total += ch;
      std::vector<MatD> outs;
      for (const auto &branch : l.branches)
        outs.push_back(ref_forward(branch, p, a, lay));
      const Index positions = outs[0].cols() / l.branch_channels[0];
      MatD out(rows, positions * total);
      Index off = 0;
      for (std::size_t b = 0; b < outs.size(); ++b) {
        const Index ch = l.branch_channels[b];
        for (Index r = 0; r < rows; ++r)
          for (Index q = 0; q < positions; ++q)
            for (Index c = 0; c < ch; ++c)
              out(r, q * total + off + c) = outs[b](r, q * ch + c);
        off += ch;
      }
      a = std::move(out);
      continue;
    }
    if (l.kind == RefLayer::wrap) { // output (y, x) is input ((y - top) mod H, (x - left) mod W)
      const Window2d &w = l.w;
      const Index C = w.in.channels;
      MatD out(rows, w.out.size());
      for (Index r = 0; r < rows; ++r)
        for (Index y = 0; y < w.out.height; ++y)
          for (Index x = 0; x < w.out.width; ++x) {
            const Index sy = (y - w.pad_top + 2 * w.in.height) % w.in.height;
            const Index sx = (x - w.pad_left + 2 * w.in.width) % w.in.width;
            for (Index c = 0; c < C; ++c)
              out(r, (y * w.out.width + x) * C + c) = a(r, (sy * w.in.width + sx) * C + c);
          }
      a = std::move(out);
      continue;
    }
    if (l.kind == RefLayer::dense) {
      Eigen::Map<const MatD> W(p.data() + l.offset, l.in, l.out);
      MatD z = a * W;
      for (Index j = 0; j < lay.n_primal; ++j)
        for (Index c = 0; c < l.out; ++c)
          z(j, c) += p[static_cast<std::size_t>(l.offset + l.in * l.out + c)];
      a = std::move(z);
      continue;
    }
    if (l.kind == RefLayer::act) {
      MatD h(rows, a.cols());
      nn_detail::visit_activation<double>(l.spec, [&](const auto &f) {
        for (Index r = 0; r < rows; ++r)
          for (Index c = 0; c < a.cols(); ++c)
            h(r, c) = r < lay.n_primal ? f.value(a(r, c)) : f.d1(a(primal_of(lay, r), c)) * a(r, c);
      });
      a = std::move(h);
      continue;
    }
    const Window2d &w = l.w;
    const Index C = w.in.channels, OC = w.out.channels;
    MatD out = MatD::Zero(rows, w.out.size());
    for (Index r = 0; r < rows; ++r)
      for (Index oy = 0; oy < w.out.height; ++oy)
        for (Index ox = 0; ox < w.out.width; ++ox)
          for (Index oc = 0; oc < OC; ++oc) {
            double sum = 0, best = -INFINITY;
            Index count = 0, arg = -1;
            for (Index ky = 0; ky < w.kernel_h; ++ky)
              for (Index kx = 0; kx < w.kernel_w; ++kx) {
                const Index y = oy * w.stride_h - w.pad_top + ky;
                const Index x = ox * w.stride_w - w.pad_left + kx;
                if (y < 0 || y >= w.in.height || x < 0 || x >= w.in.width) continue;
                if (l.kind == RefLayer::conv) {
                  for (Index ic = 0; ic < C; ++ic)
                    sum += a(r, (y * w.in.width + x) * C + ic) *
                           p[static_cast<std::size_t>(l.offset +
                                                      ((ky * w.kernel_w + kx) * C + ic) * OC + oc)];
                } else {
                  const Index i = (y * w.in.width + x) * C + oc;
                  sum += a(r, i);
                  ++count;
                  const double v = a(primal_of(lay, r), i); // the primal row decides
                  if (arg < 0 || v > best) {
                    best = v;
                    arg = i;
                  }
                }
              }
            double v = sum;
            if (l.kind == RefLayer::conv && r < lay.n_primal)
              v += p[static_cast<std::size_t>(l.offset + w.kernel_h * w.kernel_w * C * OC + oc)];
            if (l.kind == RefLayer::avg_pool) v = sum / double(count);
            if (l.kind == RefLayer::max_pool) v = a(r, arg);
            out(r, (oy * w.out.width + ox) * OC + oc) = v;
          }
    a = std::move(out);
  }
  return a;
}

double loss(const MatD &out, const MatD &c, double q) {
  return (c.array() * out.array()).sum() + 0.5 * q * out.squaredNorm();
}

std::vector<double> flat(const MatrixF &m) {
  return std::vector<double>(m.data(), m.data() + m.size());
}

// |got - ref| <= rel |ref| + floor max|ref| for every element.
QString mismatch(const std::vector<double> &got, const std::vector<double> &ref, double rel,
                 double floor) {
  if (got.size() != ref.size()) return QString("size %1 vs %2").arg(got.size()).arg(ref.size());
  double scale = 0;
  for (double r : ref)
    scale = std::max(scale, std::abs(r));
  for (std::size_t i = 0; i < got.size(); ++i)
    if (!(std::abs(got[i] - ref[i]) <= rel * std::abs(ref[i]) + floor * scale))
      return QString("element %1: %2 vs %3").arg(i).arg(got[i]).arg(ref[i]);
  return {};
}

// The float model and its reference, built from one list of steps.
struct Net {
  Model model;
  std::vector<RefLayer> ref;
};

// Steps separated by spaces: conv:OC:K:S:same|valid, max:K:S:p, avg:K:S:p, act,
// dense:N, flat, wrap:TOP:LEFT:BOTTOM:RIGHT (circular pad), and cat(A|B|...) whose branches list
// their steps separated by commas.
void add_steps(ImageShape &img, const QStringList &steps, Index &offset,
               std::vector<std::unique_ptr<Layer>> &layers, std::vector<RefLayer> &ref) {
  auto add = [&](std::unique_ptr<Layer> layer, RefLayer r) {
    r.offset = offset;
    offset += layer->n_parameters();
    ref.push_back(std::move(r));
    layers.push_back(std::move(layer));
  };
  ActivationSpec tanh_spec{ActivationKind::tanh};
  for (const QString &step : steps) {
    if (step.startsWith("cat(")) {
      RefLayer r;
      r.kind = RefLayer::concat;
      std::vector<std::vector<std::unique_ptr<Layer>>> branches;
      Index inner = offset;
      for (const QString &branch : step.mid(4, step.size() - 5).split('|')) {
        ImageShape bimg = img;
        std::vector<std::unique_ptr<Layer>> blayers;
        std::vector<RefLayer> bref;
        add_steps(bimg, branch.split(','), inner, blayers, bref);
        branches.push_back(std::move(blayers));
        r.branches.push_back(std::move(bref));
        r.branch_channels.push_back(bimg.channels);
      }
      auto layer = make_concat(img, std::move(branches));
      img = image_output(*layer);
      layers.push_back(std::move(layer));
      offset = inner;
      ref.push_back(std::move(r));
      continue;
    }
    const QStringList f = step.split(':');
    const Padding pad = f.back() == "valid" ? Padding::valid : Padding::same;
    if (f[0] == "conv") {
      auto layer = make_conv2d(img, f[1].toLongLong(), f[2].toLongLong(), f[2].toLongLong(),
                               f[3].toLongLong(), f[3].toLongLong(), pad);
      RefLayer r;
      r.kind = RefLayer::conv;
      r.w = make_window(img, f[1].toLongLong(), f[2].toLongLong(), f[2].toLongLong(),
                        f[3].toLongLong(), f[3].toLongLong(), pad);
      img = image_output(*layer);
      add(std::move(layer), r);
    } else if (f[0] == "max" || f[0] == "avg") {
      const PoolKind kind = f[0] == "max" ? PoolKind::max : PoolKind::average;
      auto layer = make_pool2d(kind, img, f[1].toLongLong(), f[1].toLongLong(), f[2].toLongLong(),
                               f[2].toLongLong(), pad);
      RefLayer r;
      r.kind = kind == PoolKind::max ? RefLayer::max_pool : RefLayer::avg_pool;
      r.w = make_window(img, img.channels, f[1].toLongLong(), f[1].toLongLong(), f[2].toLongLong(),
                        f[2].toLongLong(), pad);
      img = image_output(*layer);
      add(std::move(layer), r);
    } else if (f[0] == "wrap") {
      RefLayer r;
      r.kind = RefLayer::wrap;
      r.w.in = img;
      r.w.pad_top = f[1].toLongLong();
      r.w.pad_left = f[2].toLongLong();
      r.w.pad_bottom = f[3].toLongLong();
      r.w.pad_right = f[4].toLongLong();
      auto layer = make_circular_pad(img, r.w.pad_top, r.w.pad_left, r.w.pad_bottom, r.w.pad_right);
      img = image_output(*layer);
      r.w.out = img;
      add(std::move(layer), r);
    } else if (f[0] == "act") {
      RefLayer r;
      r.kind = RefLayer::act;
      r.spec = tanh_spec;
      add(make_activation(tanh_spec, img.size()), r);
    } else if (f[0] == "flat") {
      RefLayer r;
      r.kind = RefLayer::flatten;
      add(make_flatten(img), r);
      img = ImageShape{1, 1, img.size()};
    } else { // dense:N
      RefLayer r;
      r.kind = RefLayer::dense;
      r.in = img.size();
      r.out = f[1].toLongLong();
      add(make_dense(r.in, r.out), r);
      img = ImageShape{1, 1, r.out};
    }
  }
}

Net build(const ImageShape &in, const QString &arch) {
  std::vector<std::unique_ptr<Layer>> layers;
  std::vector<RefLayer> ref;
  ImageShape img = in;
  Index offset = 0;
  add_steps(img, arch.split(' ', Qt::SkipEmptyParts), offset, layers, ref);
  return Net{Model({in.height, in.width, in.channels}, std::move(layers)), std::move(ref)};
}

} // namespace

class TestImageLayers : public QObject {
  Q_OBJECT

private slots:
  void window_arithmetic_data() {
    QTest::addColumn<int>("in");
    QTest::addColumn<int>("kernel");
    QTest::addColumn<int>("stride");
    QTest::addColumn<bool>("same");
    QTest::addColumn<int>("out");
    QTest::addColumn<int>("before");
    QTest::addColumn<int>("after");
    // TensorFlow's rule: SAME out = ceil(in / s), pad = max((out - 1) s + k - in, 0),
    // the odd one at the end; VALID out = floor((in - k) / s) + 1.
    QTest::newRow("same 5 k3 s1") << 5 << 3 << 1 << true << 5 << 1 << 1;
    QTest::newRow("same 7 k2 s2") << 7 << 2 << 2 << true << 4 << 0 << 1;
    QTest::newRow("same 128 k5 s4") << 128 << 5 << 4 << true << 32 << 0 << 1;
    QTest::newRow("same 6 k4 s1") << 6 << 4 << 1 << true << 6 << 1 << 2;
    QTest::newRow("valid 6 k3 s2") << 6 << 3 << 2 << false << 2 << 0 << 0;
    QTest::newRow("valid 5 k5 s1") << 5 << 5 << 1 << false << 1 << 0 << 0;
  }
  void window_arithmetic() {
    QFETCH(int, in);
    QFETCH(int, kernel);
    QFETCH(int, stride);
    QFETCH(bool, same);
    QFETCH(int, out);
    QFETCH(int, before);
    QFETCH(int, after);
    const Window2d w =
        make_window({in, 3, 1}, 2, kernel, 1, stride, 1, same ? Padding::same : Padding::valid);
    QCOMPARE(w.out.height, Index(out));
    QCOMPARE(w.pad_top, Index(before));
    QCOMPARE(w.pad_bottom, Index(after));
    QCOMPARE(w.out.channels, Index(2));
  }

  void bad_windows_name_the_problem() {
    auto error = [](auto f) {
      try {
        f();
      } catch (const Error &e) {
        return std::string(e.what());
      }
      return std::string();
    };
    std::string e = error([] { make_conv2d({4, 4, 1}, 2, 5, 5, 1, 1, Padding::valid); });
    QVERIFY2(e.find("conv2d layer: kernel 5x5 is larger than the unpadded input image 4x4x1") !=
                 std::string::npos,
             e.c_str());
    e = error([] { make_pool2d(PoolKind::max, {8, 8, 3}, 2, 2, 0, 2, Padding::same); });
    QVERIFY2(e.find("max_pool layer: stride 0x2: both must be >= 1") != std::string::npos,
             e.c_str());
    e = error([] { make_conv2d({8, 8, 1}, 0, 3, 3, 1, 1, Padding::same); });
    QVERIFY2(e.find("output channels 0") != std::string::npos, e.c_str());
    e = error([] { make_circular_pad({4, 3, 1}, 1, 4, 1, 1); });
    QVERIFY2(e.find("circular_pad layer: padding (top 1, left 4, bottom 1, right 1) wraps more "
                    "than once around the input image 4x3x1") != std::string::npos,
             e.c_str());
    // SAME padding takes any kernel: a 5x5 kernel over a 4x4 image is fine.
    QCOMPARE(image_output(*make_conv2d({4, 4, 1}, 2, 5, 5, 1, 1, Padding::same)),
             (ImageShape{4, 4, 2}));
  }

  void tangents_and_gradients_match_finite_differences_data() {
    QTest::addColumn<QString>("arch");
    QTest::addColumn<int>("h");
    QTest::addColumn<int>("w");
    QTest::addColumn<int>("c");
    QTest::addColumn<int>("n_primal");
    QTest::addColumn<int>("n_tangent_rows");
    QTest::addColumn<int>("n_tangents");
    const char *archs[] = {
        "conv:3:3:1:same",
        "conv:2:2:2:same",
        "conv:4:3:2:valid",
        "conv:2:1:1:valid",
        "max:2:2:same",
        "max:3:2:valid",
        "avg:2:2:same",
        "avg:3:1:same",
        "conv:3:3:1:same act max:2:2:same conv:2:3:2:same act avg:2:1:valid dense:2",
        // An inception block (1x1 | 1x1 -> 3x3 | 1x1 -> 5x5 | 3x3 max pool -> 1x1) with a
        // shared input, strided, then a flattened dense head.
        "cat(conv:2:1:2:same|conv:2:1:1:same,act,conv:2:3:2:same|conv:1:1:1:same,act,"
        "conv:2:5:2:same|max:3:2:same,conv:1:1:1:same) act flat dense:2",
        "conv:2:1:1:same act cat(conv:3:1:1:same|avg:3:1:same) conv:2:3:2:valid",
        // Circular padding (periodic fields): SAME's amounts wrapped, then VALID windows;
        // uneven paddings, a wrap of the whole width, and one that pads nothing.
        "wrap:1:1:1:1 conv:3:3:1:valid act wrap:0:1:1:0 avg:2:2:valid dense:2",
        "wrap:2:0:1:5 conv:2:3:2:valid wrap:0:0:0:0 max:2:1:valid",
    };
    for (const char *a : archs) {
      QTest::addRow("%s 3/2x2", a) << a << 6 << 5 << 2 << 3 << 2 << 2;
      QTest::addRow("%s primal only", a) << a << 7 << 6 << 1 << 3 << 0 << 0;
    }
    // 16 input channels and kernels larger than 1x1: the CPU backend runs these in
    // oneDNN's blocked layouts through reorders (backend_cpu.cpp, Staging).
    QTest::addRow("blocked layouts 16 channels")
        << "conv:2:3:1:same act conv:16:1:1:same act conv:2:5:2:same dense:2" << 5 << 4 << 16 << 3
        << 2 << 2;
    QTest::addRow("blocked layouts 1 x L, 16 channels")
        << "conv:2:3:2:same act conv:16:1:1:same conv:2:5:4:same dense:2" << 1 << 12 << 16 << 2 << 2
        << 2;
    // A series read as a 1 x L image: kernels taller than the image, padded rows only.
    QTest::addRow("series 1x10") << "conv:4:3:1:same act max:2:2:same conv:3:3:1:same dense:2" << 1
                                 << 10 << 1 << 3 << 3 << 2;
  }

  void tangents_and_gradients_match_finite_differences() {
    QFETCH(QString, arch);
    QFETCH(int, h);
    QFETCH(int, w);
    QFETCH(int, c);
    QFETCH(int, n_primal);
    QFETCH(int, n_tangent_rows);
    QFETCH(int, n_tangents);
    const RowLayout lay{n_primal, n_tangent_rows, n_tangents};
    const Net net = build({h, w, c}, arch);
    const Model &model = net.model;
    std::vector<float> p = model.initialise(7);
    std::mt19937_64 rng(11);
    std::normal_distribution<float> normal;
    for (float &v : p) // weights of order one keep the tanh layers away from linear
      v = normal(rng) * 0.5f;
    const std::vector<double> pd(p.begin(), p.end());
    MatrixF x(lay.rows(), model.input_size());
    for (Index i = 0; i < x.size(); ++i)
      x.data()[i] = normal(rng);
    const MatD xd = x.cast<double>();

    const auto backend = make_cpu_backend(2);
    Workspace ws;
    ws.input = x;
    const MatrixF out = model.forward(*backend, p, ws, lay);
    const MatD out_ref = ref_forward(net.ref, pd, xd, lay);
    QString m =
        mismatch(flat(out), std::vector<double>(out_ref.data(), out_ref.data() + out_ref.size()),
                 1e-4, 1e-5);
    QVERIFY2(m.isEmpty(), qPrintable("forward vs reference: " + m));

    // Tangent rows: central differences of the primal reference along the tangents.
    const RowLayout primal{lay.n_primal, 0, 0};
    const double eps = 1e-6;
    std::vector<double> fd, got;
    for (Index a = 0; a < lay.n_tangents; ++a)
      for (Index j = 0; j < lay.n_tangent_rows; ++j) {
        const Index r = lay.n_primal + a * lay.n_tangent_rows + j;
        MatD xp = xd.topRows(lay.n_primal), xm = xp;
        xp.row(j) += eps * xd.row(r);
        xm.row(j) -= eps * xd.row(r);
        const MatD d =
            (ref_forward(net.ref, pd, xp, primal) - ref_forward(net.ref, pd, xm, primal)) /
            (2 * eps);
        for (Index k = 0; k < d.cols(); ++k) {
          fd.push_back(d(j, k));
          got.push_back(out(r, k));
        }
      }
    m = mismatch(got, fd, 1e-3, 1e-4);
    QVERIFY2(m.isEmpty(), qPrintable("tangents vs FD: " + m));

    // Gradients of L = sum coef . out + q/2 |out|^2 over all rows.
    MatD coef(lay.rows(), model.output_size());
    std::normal_distribution<double> nd;
    for (Index i = 0; i < coef.size(); ++i)
      coef.data()[i] = nd(rng);
    const double q = 0.3;
    const MatrixF out_grad = (coef.cast<float>().array() + float(q) * out.array()).matrix();
    std::vector<float> grad(static_cast<std::size_t>(model.n_parameters()), 0.0f);
    model.backward(*backend, p, ws, lay, out_grad, grad);
    std::vector<double> fd_w(pd.size());
    for (std::size_t i = 0; i < pd.size(); ++i) {
      std::vector<double> wp = pd, wm = pd;
      wp[i] += eps;
      wm[i] -= eps;
      fd_w[i] = (loss(ref_forward(net.ref, wp, xd, lay), coef, q) -
                 loss(ref_forward(net.ref, wm, xd, lay), coef, q)) /
                (2 * eps);
    }
    m = mismatch(std::vector<double>(grad.begin(), grad.end()), fd_w, 1e-3, 1e-4);
    QVERIFY2(m.isEmpty(), qPrintable("weight gradient vs FD: " + m));

    // Input gradient: a second pass that also asks for dL/d(input) adds the same
    // weight gradient again.
    std::vector<float> grad2(grad.size(), 0.0f);
    MatrixF g0;
    model.forward(*backend, p, ws, lay);
    model.backward(*backend, p, ws, lay, out_grad, grad2, &g0);
    m = mismatch(std::vector<double>(grad2.begin(), grad2.end()),
                 std::vector<double>(grad.begin(), grad.end()), 1e-6, 1e-7);
    QVERIFY2(m.isEmpty(), qPrintable("backward with and without the input gradient: " + m));
    std::vector<double> fd_x(static_cast<std::size_t>(xd.size()));
    for (Index i = 0; i < xd.size(); ++i) {
      MatD xp = xd, xm = xd;
      xp.data()[i] += eps;
      xm.data()[i] -= eps;
      fd_x[static_cast<std::size_t>(i)] = (loss(ref_forward(net.ref, pd, xp, lay), coef, q) -
                                           loss(ref_forward(net.ref, pd, xm, lay), coef, q)) /
                                          (2 * eps);
    }
    m = mismatch(flat(g0), fd_x, 1e-3, 1e-4);
    QVERIFY2(m.isEmpty(), qPrintable("input gradient vs FD: " + m));
  }

  // The split of a batch into chunks (rows) does not change a convolution's results.
  // Model::whiten_outputs: after it the outputs of the batch it was given have zero mean
  // and identity covariance, and the Fisher matrix of the outputs (M^T C^-1 M, M the mean
  // output tangent) is what it was (an affine map of the summaries). The batch is a
  // constant image plus 1e-3 noise, so that the outputs' spread is tiny as after a
  // global pool; models not ending in an affine layer are left alone.
  void whitening_makes_the_outputs_white_data() {
    QTest::addColumn<QString>("arch");
    QTest::addColumn<bool>("applies");
    QTest::newRow("dense head") << "conv:4:3:1:same act avg:8:8:same flat dense:6 act dense:3"
                                << true;
    QTest::newRow("1x1 conv head")
        << "conv:4:3:2:same act avg:4:4:same conv:3:1:1:same flat" << true;
    QTest::newRow("ends in an activation") << "conv:3:3:2:same act avg:4:4:same flat act" << false;
  }
  void whitening_makes_the_outputs_white() {
    QFETCH(QString, arch);
    QFETCH(bool, applies);
    const Net net = build({8, 8, 2}, arch);
    std::vector<float> p = net.model.initialise(11);
    const std::vector<float> p0 = p;
    const Index n = 300, q = net.model.output_size(), np = 2;
    const RowLayout lay{n, n, np};
    std::mt19937_64 rng(3);
    std::normal_distribution<float> normal;
    MatrixF x(lay.rows(), net.model.input_size());
    MatrixF base(1, x.cols());
    for (Index c = 0; c < x.cols(); ++c)
      base(0, c) = normal(rng);
    for (Index r = 0; r < x.rows(); ++r)
      for (Index c = 0; c < x.cols(); ++c)
        x(r, c) = r < n ? base(0, c) + 1e-3f * normal(rng) : 1e-3f * normal(rng);
    const auto backend = make_cpu_backend(1);
    Workspace ws;
    ws.input = x;
    // Outputs in double: primal rows, and F = M^T C^-1 M from the tangent blocks.
    auto outputs = [&](const std::vector<float> &w, Eigen::MatrixXd &C, Eigen::MatrixXd &F) {
      const MatrixF &out = net.model.forward(*backend, w, ws, lay);
      Eigen::MatrixXd xs = out.topRows(n).cast<double>();
      const Eigen::RowVectorXd mean = xs.colwise().mean();
      const Eigen::MatrixXd c = xs.rowwise() - mean;
      C = c.transpose() * c / double(n - 1);
      Eigen::MatrixXd M(q, np);
      for (Index a = 0; a < np; ++a)
        M.col(a) = out.middleRows(n + a * n, n).cast<double>().colwise().mean().transpose();
      F = M.transpose() * C.inverse() * M;
      return xs;
    };
    Eigen::MatrixXd C0, F0, C1, F1;
    const Eigen::MatrixXd x0 = outputs(p, C0, F0);
    QCOMPARE(net.model.whiten_outputs(p, x0), applies);
    const Eigen::MatrixXd x1 = outputs(p, C1, F1);
    qInfo("%s: output sd %.2e before; after: max |mean| %.2e, max |C - I| %.2e, F %.4g -> %.4g",
          qPrintable(arch), std::sqrt(C0(0, 0)), x1.colwise().mean().cwiseAbs().maxCoeff(),
          (C1 - Eigen::MatrixXd::Identity(q, q)).cwiseAbs().maxCoeff(), F0(0, 0), F1(0, 0));
    if (!applies) {
      QVERIFY(p == p0);
      return;
    }
    QVERIFY(C0(0, 0) < 1e-3); // the tiny spread the whitening is for
    QVERIFY(x1.colwise().mean().cwiseAbs().maxCoeff() < 1e-3);
    QVERIFY((C1 - Eigen::MatrixXd::Identity(q, q)).cwiseAbs().maxCoeff() < 1e-3);
    QVERIFY((F1 - F0).cwiseAbs().maxCoeff() < 1e-3 * F0.cwiseAbs().maxCoeff());
  }

  void results_do_not_depend_on_threads() {
    const Net net = build({9, 8, 2}, "conv:4:3:1:same act max:2:2:same conv:3:3:2:valid");
    const std::vector<float> p = net.model.initialise(3);
    const RowLayout lay{6, 4, 2};
    MatrixF x(lay.rows(), net.model.input_size());
    std::mt19937_64 rng(5);
    std::normal_distribution<float> normal;
    for (Index i = 0; i < x.size(); ++i)
      x.data()[i] = normal(rng);
    MatrixF outs[2];
    for (int t = 0; t < 2; ++t) {
      const auto backend = make_cpu_backend(t + 1);
      Workspace ws;
      ws.input = x;
      outs[t] = net.model.forward(*backend, p, ws, lay);
    }
    QVERIFY(outs[0] == outs[1]);
  }
};

QTEST_GUILESS_MAIN(TestImageLayers)
#include "test_image_layers.moc"
