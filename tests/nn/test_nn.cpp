// Tests of the nn module: activations and their derivatives, tangent propagation
// and gradients of small models against finite differences of a double-precision
// reference, the backend GEMM against a naive loop, errors, initialisation.
#include "imnn/error.h"
#include "imnn/nn.h"

#include "nn/activation_math.h"

#include <QtTest>
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace imnn;

namespace {

using MatD = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

const std::vector<std::string> kAllNames = {"identity", "relu", "leaky_relu", "tanh",
                                            "softplus", "elu",  "gelu",       "square"};

bool kinked(ActivationKind kind) {
  return kind == ActivationKind::relu || kind == ActivationKind::leaky_relu ||
         kind == ActivationKind::elu;
}

ActivationSpec make_spec(const std::string &name, double param) {
  ActivationSpec spec;
  spec.kind = activation_from_name(name);
  if (spec.kind == ActivationKind::leaky_relu) spec.negative_slope = static_cast<float>(param);
  if (spec.kind == ActivationKind::elu) spec.alpha = static_cast<float>(param);
  return spec;
}

// Activation values from textbook formulas, independent of activation_math.h.
double closed_form(const ActivationSpec &spec, double z) {
  switch (spec.kind) {
  case ActivationKind::identity:
    return z;
  case ActivationKind::relu:
    return z > 0 ? z : 0.0;
  case ActivationKind::leaky_relu:
    return z > 0 ? z : double(spec.negative_slope) * z;
  case ActivationKind::tanh:
    return (std::exp(z) - std::exp(-z)) / (std::exp(z) + std::exp(-z));
  case ActivationKind::softplus:
    return std::log(1.0 + std::exp(z));
  case ActivationKind::elu:
    return z > 0 ? z : double(spec.alpha) * (std::exp(z) - 1.0);
  case ActivationKind::gelu:
    return 0.5 * z * (1.0 + std::erf(z / std::sqrt(2.0)));
  case ActivationKind::square:
    return z * z;
  }
  return std::numeric_limits<double>::quiet_NaN();
}

// got vs ref: |got - ref| <= rel |ref| + floor * max|ref|. Returns a message on failure.
std::optional<std::string> mismatch(const char *what, const std::vector<double> &got,
                                    const std::vector<double> &ref, double rel, double floor) {
  if (got.size() != ref.size())
    return std::string(what) + ": size " + std::to_string(got.size()) + " vs " +
           std::to_string(ref.size());
  double scale = 0;
  for (double r : ref)
    scale = std::max(scale, std::abs(r));
  for (std::size_t i = 0; i < got.size(); ++i) {
    const double tol = rel * std::abs(ref[i]) + floor * scale;
    if (!(std::abs(got[i] - ref[i]) <= tol))
      return std::string(what) + ": element " + std::to_string(i) + " is " +
             std::to_string(got[i]) + ", expected " + std::to_string(ref[i]) + " (tolerance " +
             std::to_string(tol) + ")";
  }
  return std::nullopt;
}

#define CHECK_CLOSE(what, got, ref, rel, floor)                                                    \
  do {                                                                                             \
    const auto err_ = mismatch(what, got, ref, rel, floor);                                        \
    QVERIFY2(!err_, err_ ? err_->c_str() : "");                                                    \
  } while (false)

template <class M>
std::vector<double> flat(const M &m) {
  std::vector<double> v(static_cast<std::size_t>(m.size()));
  for (std::size_t i = 0; i < v.size(); ++i)
    v[i] = double(m.data()[i]);
  return v;
}

double max_abs(const std::vector<double> &v) {
  double m = 0;
  for (double x : v)
    m = std::max(m, std::abs(x));
  return m;
}

// Double-precision reference of a Model, built from its layers' descriptions.
struct RefNet {
  struct L {
    bool dense = false;
    Index in = 0, out = 0, offset = 0;
    ActivationSpec spec;
  };
  std::vector<L> layers;

  explicit RefNet(const Model &model) {
    Index offset = 0;
    for (const auto &layer : model.layers()) {
      const nlohmann::json j = layer->describe();
      L l;
      l.in = layer->input_size();
      l.out = layer->output_size();
      l.offset = offset;
      l.dense = j.at("type") == "dense";
      if (!l.dense) {
        l.spec.kind = activation_from_name(j.at("activation").get<std::string>());
        if (j.contains("negative_slope")) l.spec.negative_slope = j["negative_slope"].get<float>();
        if (j.contains("alpha")) l.spec.alpha = j["alpha"].get<float>();
      }
      offset += layer->n_parameters();
      layers.push_back(l);
    }
  }

  // min_abs_z: the smallest |pre-activation| of a primal row entering a kinked activation.
  MatD forward(const std::vector<double> &w, const MatD &x, const RowLayout &lay,
               double *min_abs_z = nullptr) const {
    MatD a = x;
    for (const L &l : layers) {
      if (l.dense) {
        Eigen::Map<const MatD> W(w.data() + l.offset, l.in, l.out);
        MatD z = a * W;
        for (Index j = 0; j < lay.n_primal; ++j)
          for (Index c = 0; c < l.out; ++c)
            z(j, c) += w[l.offset + l.in * l.out + c];
        a = std::move(z);
        continue;
      }
      MatD h(a.rows(), a.cols());
      nn_detail::visit_activation<double>(l.spec, [&](const auto &f) {
        for (Index j = 0; j < lay.n_primal; ++j)
          for (Index c = 0; c < a.cols(); ++c) {
            h(j, c) = f.value(a(j, c));
            if (min_abs_z && kinked(l.spec.kind))
              *min_abs_z = std::min(*min_abs_z, std::abs(a(j, c)));
          }
        for (Index al = 0; al < lay.n_tangents; ++al)
          for (Index j = 0; j < lay.n_tangent_rows; ++j) {
            const Index r = lay.n_primal + al * lay.n_tangent_rows + j;
            for (Index c = 0; c < a.cols(); ++c)
              h(r, c) = f.d1(a(j, c)) * a(r, c);
          }
      });
      a = std::move(h);
    }
    return a;
  }
};

// L = sum c (.) out + q/2 sum out^2 over all rows (primal and tangent).
double loss(const MatD &out, const MatD &c, double q) {
  return (c.array() * out.array()).sum() + 0.5 * q * out.squaredNorm();
}

Model small_model(const ActivationSpec &spec) {
  std::vector<std::unique_ptr<Layer>> layers;
  layers.push_back(make_dense(4, 5));
  layers.push_back(make_activation(spec, 5));
  layers.push_back(make_dense(5, 3));
  layers.push_back(make_activation(spec, 3));
  layers.push_back(make_dense(3, 2));
  return Model({4}, std::move(layers));
}

void add_activation_rows() {
  QTest::addColumn<QString>("name");
  QTest::addColumn<double>("param");
  QTest::addRow("identity") << "identity" << 0.0;
  QTest::addRow("relu") << "relu" << 0.0;
  QTest::addRow("leaky_relu 0.01") << "leaky_relu" << 0.01;
  QTest::addRow("leaky_relu 0.2") << "leaky_relu" << 0.2;
  QTest::addRow("tanh") << "tanh" << 0.0;
  QTest::addRow("softplus") << "softplus" << 0.0;
  QTest::addRow("elu 1") << "elu" << 1.0;
  QTest::addRow("elu 0.7") << "elu" << 0.7;
  QTest::addRow("gelu") << "gelu" << 0.0;
  QTest::addRow("square") << "square" << 0.0;
}

// A seeded model, weights and batch whose pre-activations keep clear of kinks.
struct Problem {
  std::vector<float> w;
  std::vector<double> wd;
  MatrixF x;
  MatD xd;
};

std::optional<Problem> make_problem(const Model &model, const RefNet &ref, const RowLayout &lay,
                                    bool kink) {
  for (std::uint64_t seed = 1; seed < 200; ++seed) {
    Problem p;
    p.w = model.initialise(seed);
    p.wd.assign(p.w.begin(), p.w.end());
    std::mt19937_64 rng(seed);
    std::normal_distribution<float> normal;
    p.x.resize(lay.rows(), model.input_size());
    for (Index i = 0; i < p.x.size(); ++i)
      p.x.data()[i] = normal(rng);
    p.xd = p.x.cast<double>();
    double min_z = std::numeric_limits<double>::infinity();
    ref.forward(p.wd, p.xd, lay, &min_z);
    if (!kink || min_z > 1e-2) return p;
  }
  return std::nullopt;
}

} // namespace

class TestNn : public QObject {
  Q_OBJECT

private slots:
  void activationDerivatives_data() { add_activation_rows(); }
  void activationDerivatives();
  void activationLayerMatchesDerivatives_data() { add_activation_rows(); }
  void activationLayerMatchesDerivatives();
  void activationNames();
  void modelTangentsMatchFiniteDifferences_data();
  void modelTangentsMatchFiniteDifferences();
  void modelGradientsMatchFiniteDifferences_data();
  void modelGradientsMatchFiniteDifferences();
  void backwardAccumulatesAndReusesWorkspace();
  void gemmMatchesNaiveLoop_data();
  void gemmMatchesNaiveLoop();
  void gemmEdgeCases();
  void backendThreads();
  void modelSizeMismatchNamesLayer();
  void forwardRejectsBadInput();
  void initialiseIsDeterministic();
  void initialiseStatistics();
  void describe();
};

// sigma' and sigma'' (double) against central differences of sigma, and sigma
// against textbook formulas.
void TestNn::activationDerivatives() {
  QFETCH(QString, name);
  QFETCH(double, param);
  const ActivationSpec spec = make_spec(name.toStdString(), param);
  nn_detail::visit_activation<double>(spec, [&](const auto &f) {
    int checked = 0;
    for (double z = -8.0; z <= 8.0; z += 0.0371) {
      if (kinked(spec.kind) && std::abs(z) < 1e-2) continue;
      const double v = f.value(z);
      QVERIFY2(
          std::abs(v - closed_form(spec, z)) <= 1e-12 * (1 + std::abs(v)),
          qPrintable(QString("value at z=%1: %2 vs %3").arg(z).arg(v).arg(closed_form(spec, z))));
      const double h1 = 1e-5, h2 = 1e-4;
      const double fd1 = (f.value(z + h1) - f.value(z - h1)) / (2 * h1);
      const double fd2 = (f.value(z + h2) - 2 * v + f.value(z - h2)) / (h2 * h2);
      QVERIFY2(std::abs(f.d1(z) - fd1) <= 1e-7 * (1 + std::abs(fd1)),
               qPrintable(QString("sigma' at z=%1: %2 vs FD %3").arg(z).arg(f.d1(z)).arg(fd1)));
      QVERIFY2(std::abs(f.d2(z) - fd2) <= 1e-5 * (1 + std::abs(fd2)),
               qPrintable(QString("sigma'' at z=%1: %2 vs FD %3").arg(z).arg(f.d2(z)).arg(fd2)));
      ++checked;
    }
    QVERIFY(checked > 400);
  });
}

// The float layer: tangent rows of the forward give sigma'(z) z_dot; the backward
// gives sigma'(z) h_bar + sigma''(z) sum_a z_dot_a h_dot_bar_a on rows with
// tangents, sigma'(z) h_bar on rows without.
void TestNn::activationLayerMatchesDerivatives() {
  QFETCH(QString, name);
  QFETCH(double, param);
  const ActivationSpec spec = make_spec(name.toStdString(), param);
  std::vector<float> zs;
  for (double z = -6.0; z <= 6.0; z += 0.0713)
    if (!kinked(spec.kind) || std::abs(z) > 1e-2) zs.push_back(static_cast<float>(z));
  const Index n = static_cast<Index>(zs.size()); // > 64: several column blocks
  const RowLayout lay{2, 1, 2};                  // row 1 carries no tangents
  const auto layer = make_activation(spec, n);
  const auto backend = make_cpu_backend(1);
  MatrixF in(lay.rows(), n), out, in_grad;
  for (Index c = 0; c < n; ++c) {
    in(0, c) = zs[c];
    in(1, c) = zs[c];
    in(2, c) = 1.0f; // z_dot_1
    in(3, c) = 2.0f; // z_dot_2
  }
  // The layer on its own, through backend tensors (views of the host matrices).
  LayerWorkspace lws;
  const Tensor tin = backend->view(in.data(), in.rows(), in.cols());
  Tensor tout;
  layer->forward(*backend, nullptr, tin, tout, lay, lws);
  out = Eigen::Map<const MatrixF>(tout.data(), tout.rows(), tout.cols());
  MatrixF out_grad(lay.rows(), n);
  out_grad.row(0).setConstant(1.0f); // h_bar
  out_grad.row(1).setConstant(1.0f); // h_bar, no tangents
  out_grad.row(2).setConstant(1.0f); // h_dot_bar_1
  out_grad.row(3).setConstant(0.5f); // h_dot_bar_2
  Tensor tog = backend->view(out_grad.data(), out_grad.rows(), out_grad.cols()), tig;
  layer->backward(*backend, nullptr, tin, tout, tog, &tig, nullptr, lay, lws);
  in_grad = Eigen::Map<const MatrixF>(tig.data(), tig.rows(), tig.cols());
  QCOMPARE(in_grad.rows(), lay.rows());
  std::vector<double> r_out, r_grad;
  nn_detail::visit_activation<double>(spec, [&](const auto &f) {
    for (int row = 0; row < 4; ++row)
      for (Index c = 0; c < n; ++c) {
        const double z = zs[c];
        const double d1 = f.d1(z), d2 = f.d2(z);
        const double o[4] = {f.value(z), f.value(z), d1, 2 * d1};
        const double g[4] = {d1 + d2 * (1.0 * 1.0 + 2.0 * 0.5), d1, d1, 0.5 * d1};
        r_out.push_back(o[row]);
        r_grad.push_back(g[row]);
      }
  });
  CHECK_CLOSE("forward", flat(out), r_out, 1e-4, 1e-6);
  CHECK_CLOSE("backward", flat(in_grad), r_grad, 1e-4, 1e-6);
}

void TestNn::activationNames() {
  for (const auto &name : kAllNames)
    QCOMPARE(activation_name(activation_from_name(name)), name);
  try {
    activation_from_name("swish");
    QFAIL("no error for an unknown activation");
  } catch (const Error &e) {
    const std::string msg = e.what();
    QVERIFY2(msg.find("swish") != std::string::npos, e.what());
    for (const auto &name : kAllNames)
      QVERIFY2(msg.find(name) != std::string::npos,
               qPrintable("missing " + QString::fromStdString(name)));
  }
}

void TestNn::modelTangentsMatchFiniteDifferences_data() {
  add_activation_rows();
}

// Tangent rows of the output equal the directional derivative of the primal
// output along the input tangents (central differences of the double reference).
void TestNn::modelTangentsMatchFiniteDifferences() {
  QFETCH(QString, name);
  QFETCH(double, param);
  const ActivationSpec spec = make_spec(name.toStdString(), param);
  const Model model = small_model(spec);
  const RefNet ref(model);
  const RowLayout lay{5, 3, 2};
  const auto p = make_problem(model, ref, lay, kinked(spec.kind));
  QVERIFY2(p, "no seed keeps the pre-activations clear of the kink");
  const auto backend = make_cpu_backend(2);
  Workspace ws;
  ws.input = p->x;
  const MatrixF out = model.forward(*backend, p->w, ws, lay);
  QCOMPARE(out.rows(), lay.rows());
  QCOMPARE(out.cols(), Index(2));

  const MatD out_ref = ref.forward(p->wd, p->xd, lay);
  CHECK_CLOSE("float forward vs double reference", flat(out), flat(out_ref), 1e-3, 1e-4);

  // FD of the primal network along each tangent direction.
  const RowLayout primal{lay.n_primal, 0, 0};
  const double eps = 1e-6;
  std::vector<double> fd, ref_t, got_t;
  for (Index al = 0; al < lay.n_tangents; ++al)
    for (Index j = 0; j < lay.n_tangent_rows; ++j) {
      const Index r = lay.n_primal + al * lay.n_tangent_rows + j;
      MatD xp = p->xd.topRows(lay.n_primal), xm = xp;
      xp.row(j) += eps * p->xd.row(r);
      xm.row(j) -= eps * p->xd.row(r);
      const MatD d = (ref.forward(p->wd, xp, primal) - ref.forward(p->wd, xm, primal)) / (2 * eps);
      for (Index c = 0; c < 2; ++c) {
        fd.push_back(d(j, c));
        ref_t.push_back(out_ref(r, c));
        got_t.push_back(out(r, c));
      }
    }
  QVERIFY(max_abs(fd) > 1e-3); // not trivially zero
  CHECK_CLOSE("double reference tangents vs FD", ref_t, fd, 1e-6, 1e-7);
  CHECK_CLOSE("model tangents vs FD", got_t, fd, 1e-2, 1e-3);
}

void TestNn::modelGradientsMatchFiniteDifferences_data() {
  QTest::addColumn<QString>("name");
  QTest::addColumn<double>("param");
  QTest::addColumn<int>("n_primal");
  QTest::addColumn<int>("n_tangent_rows");
  QTest::addColumn<int>("n_tangents");
  const std::vector<std::pair<const char *, double>> acts = {
      {"identity", 0}, {"relu", 0}, {"leaky_relu", 0.01}, {"leaky_relu", 0.2}, {"tanh", 0},
      {"softplus", 0}, {"elu", 1},  {"elu", 0.7},         {"gelu", 0},         {"square", 0}};
  for (const auto &[name, param] : acts) {
    QTest::addRow("%s %g 5/3x2", name, param) << name << param << 5 << 3 << 2;
    QTest::addRow("%s %g 3/3x1", name, param) << name << param << 3 << 3 << 1;
    QTest::addRow("%s %g primal only", name, param) << name << param << 4 << 0 << 0;
  }
}

// Weight gradients (Model::backward) and input gradients (Layer::backward with
// in_grad) of a loss of primal and tangent outputs vs central differences.
void TestNn::modelGradientsMatchFiniteDifferences() {
  QFETCH(QString, name);
  QFETCH(double, param);
  QFETCH(int, n_primal);
  QFETCH(int, n_tangent_rows);
  QFETCH(int, n_tangents);
  const ActivationSpec spec = make_spec(name.toStdString(), param);
  const Model model = small_model(spec);
  const RefNet ref(model);
  const RowLayout lay{n_primal, n_tangent_rows, n_tangents};
  const auto p = make_problem(model, ref, lay, kinked(spec.kind));
  QVERIFY2(p, "no seed keeps the pre-activations clear of the kink");

  std::mt19937_64 rng(99);
  std::normal_distribution<double> normal;
  MatD coef(lay.rows(), 2);
  for (Index i = 0; i < coef.size(); ++i)
    coef.data()[i] = normal(rng);
  const double q = 0.7;

  const auto backend = make_cpu_backend(2);
  Workspace ws;
  ws.input = p->x;
  const MatrixF &out = model.forward(*backend, p->w, ws, lay);
  const MatrixF out_grad = (coef.cast<float>().array() + float(q) * out.array()).matrix();
  std::vector<float> grad(model.n_parameters(), 0.0f);
  model.backward(*backend, p->w, ws, lay, out_grad, grad);

  // Input gradient: a second backward that also asks for dL/d(input) adds the same
  // weight gradient again.
  std::vector<float> grad2(model.n_parameters(), 0.0f);
  MatrixF g0;
  model.forward(*backend, p->w, ws, lay);
  model.backward(*backend, p->w, ws, lay, out_grad, grad2, &g0);
  QCOMPARE(g0.rows(), lay.rows());
  QCOMPARE(g0.cols(), model.input_size());
  CHECK_CLOSE("backward with and without the input gradient", flat(grad2),
              std::vector<double>(grad.begin(), grad.end()), 1e-6, 1e-7);

  const double eps = 1e-6;
  std::vector<double> fd_w(p->wd.size());
  for (std::size_t i = 0; i < p->wd.size(); ++i) {
    std::vector<double> wp = p->wd, wm = p->wd;
    wp[i] += eps;
    wm[i] -= eps;
    fd_w[i] =
        (loss(ref.forward(wp, p->xd, lay), coef, q) - loss(ref.forward(wm, p->xd, lay), coef, q)) /
        (2 * eps);
  }
  QVERIFY(max_abs(fd_w) > 1e-3);
  CHECK_CLOSE("weight gradient vs FD", std::vector<double>(grad.begin(), grad.end()), fd_w, 1e-2,
              1e-3);

  std::vector<double> fd_x(static_cast<std::size_t>(p->xd.size()));
  for (Index i = 0; i < p->xd.size(); ++i) {
    MatD xp = p->xd, xm = p->xd;
    xp.data()[i] += eps;
    xm.data()[i] -= eps;
    fd_x[i] =
        (loss(ref.forward(p->wd, xp, lay), coef, q) - loss(ref.forward(p->wd, xm, lay), coef, q)) /
        (2 * eps);
  }
  QVERIFY(max_abs(fd_x) > 1e-3);
  CHECK_CLOSE("input gradient vs FD", flat(g0), fd_x, 1e-2, 1e-3);
}

// backward adds into grad, and a second forward/backward on the same workspace
// gives the same result without reallocating its buffers.
void TestNn::backwardAccumulatesAndReusesWorkspace() {
  const Model model = small_model(ActivationSpec{ActivationKind::tanh});
  const RowLayout lay{6, 4, 2};
  const auto w = model.initialise(3);
  const auto backend = make_cpu_backend(2);
  Workspace ws;
  ws.input = MatrixF::Random(lay.rows(), 4);
  const MatrixF og = MatrixF::Random(lay.rows(), 2);
  std::vector<float> g1(model.n_parameters(), 0.0f);
  model.forward(*backend, w, ws, lay);
  model.backward(*backend, w, ws, lay, og, g1);
  const auto buffers = [&ws] {
    std::vector<const float *> ptrs;
    for (const auto &t : ws.net.tensors)
      ptrs.push_back(t.data());
    ptrs.push_back(ws.output.data());
    ptrs.push_back(ws.output_grad.data());
    return ptrs;
  };
  const std::vector<const float *> before = buffers();

  std::vector<float> g2(model.n_parameters(), 1.0f);
  model.forward(*backend, w, ws, lay);
  model.backward(*backend, w, ws, lay, og, g2);
  QVERIFY(buffers() == before);
  QVERIFY(max_abs(std::vector<double>(g1.begin(), g1.end())) > 1e-3);
  for (std::size_t i = 0; i < g1.size(); ++i)
    QVERIFY2(std::abs(g2[i] - (1.0f + g1[i])) <= 1e-5f * (1 + std::abs(g1[i])),
             qPrintable(QString("parameter %1: %2 vs 1 + %3").arg(i).arg(g2[i]).arg(g1[i])));

  // A different layout on the same workspace works too.
  const RowLayout lay2{3, 0, 0};
  ws.input = MatrixF::Random(lay2.rows(), 4);
  const MatrixF &out = model.forward(*backend, w, ws, lay2);
  QCOMPARE(out.rows(), Index(3));
  std::vector<float> g3(model.n_parameters(), 0.0f);
  model.backward(*backend, w, ws, lay2, MatrixF::Ones(3, 2), g3);
}

void TestNn::gemmMatchesNaiveLoop_data() {
  QTest::addColumn<bool>("ta");
  QTest::addColumn<bool>("tb");
  QTest::addColumn<float>("beta");
  QTest::addColumn<int>("m");
  QTest::addColumn<int>("n");
  QTest::addColumn<int>("k");
  for (bool ta : {false, true})
    for (bool tb : {false, true})
      for (float beta : {0.0f, 1.0f, 0.5f})
        // The narrow rows (n <= 8) take the backend's own dot-product path.
        for (auto [m, n, k] :
             {std::tuple{7, 5, 9}, std::tuple{67, 45, 133}, std::tuple{3001, 2, 130},
              std::tuple{513, 1, 7}, std::tuple{65, 8, 129}}) {
          QTest::addRow("%s%s beta=%g %dx%dx%d", ta ? "T" : "N", tb ? "T" : "N", double(beta), m, n,
                        k)
              << ta << tb << beta << m << n << k;
        }
}

// C = op(A) op(B) + beta C with leading dimensions wider than the rows; padding
// untouched; beta = 0 ignores NaNs in C; a second call (cached primitive) with
// new data is right too.
void TestNn::gemmMatchesNaiveLoop() {
  QFETCH(bool, ta);
  QFETCH(bool, tb);
  QFETCH(float, beta);
  QFETCH(int, m);
  QFETCH(int, n);
  QFETCH(int, k);
  const Index a_rows = ta ? k : m, a_cols = ta ? m : k;
  const Index b_rows = tb ? n : k, b_cols = tb ? k : n;
  const Index lda = a_cols + 3, ldb = b_cols + 5, ldc = n + 2;
  const auto backend = make_cpu_backend(2);
  std::mt19937 rng(static_cast<unsigned>(m * 131 + n * 7 + k + (ta ? 1000 : 0) + (tb ? 2000 : 0)));
  std::normal_distribution<float> normal;
  const float pad = -12345.0f;
  for (int call = 0; call < 2; ++call) {
    std::vector<float> a(a_rows * lda, pad), b(b_rows * ldb, pad), c(m * ldc, pad);
    for (Index i = 0; i < a_rows; ++i)
      for (Index j = 0; j < a_cols; ++j)
        a[i * lda + j] = normal(rng);
    for (Index i = 0; i < b_rows; ++i)
      for (Index j = 0; j < b_cols; ++j)
        b[i * ldb + j] = normal(rng);
    for (Index i = 0; i < m; ++i)
      for (Index j = 0; j < n; ++j)
        c[i * ldc + j] = beta == 0.0f ? std::numeric_limits<float>::quiet_NaN() : normal(rng);
    const std::vector<float> c0 = c;
    backend->gemm(ta, tb, m, n, k, a.data(), lda, b.data(), ldb, beta, c.data(), ldc);
    for (Index i = 0; i < m; ++i) {
      for (Index j = 0; j < n; ++j) {
        double ref = 0, mag = 0;
        for (Index l = 0; l < k; ++l) {
          const double av = ta ? a[l * lda + i] : a[i * lda + l];
          const double bv = tb ? b[j * ldb + l] : b[l * ldb + j];
          ref += av * bv;
          mag += std::abs(av * bv);
        }
        if (beta != 0.0f) {
          ref += double(beta) * c0[i * ldc + j];
          mag += std::abs(double(beta) * c0[i * ldc + j]);
        }
        const double got = c[i * ldc + j];
        QVERIFY2(std::abs(got - ref) <= 1e-5 * mag + 1e-6,
                 qPrintable(QString("call %1 C(%2,%3) = %4, expected %5")
                                .arg(call)
                                .arg(i)
                                .arg(j)
                                .arg(got)
                                .arg(ref)));
      }
      for (Index j = n; j < ldc; ++j)
        QCOMPARE(c[i * ldc + j], pad);
    }
  }
}

void TestNn::gemmEdgeCases() {
  const auto backend = make_cpu_backend(1);
  std::vector<float> a(12, 1.0f), b(12, 1.0f), c(12, 3.0f);
  // k = 0: C = beta C.
  backend->gemm(false, false, 3, 4, 0, a.data(), 1, b.data(), 4, 0.5f, c.data(), 4);
  for (float v : c)
    QCOMPARE(v, 1.5f);
  backend->gemm(false, false, 3, 4, 0, a.data(), 1, b.data(), 4, 0.0f, c.data(), 4);
  for (float v : c)
    QCOMPARE(v, 0.0f);
  // m = 0: nothing happens.
  backend->gemm(false, false, 0, 4, 3, a.data(), 3, b.data(), 4, 0.0f, c.data(), 4);
  // A leading dimension narrower than the row is an error.
  QVERIFY_THROWS_EXCEPTION(
      Error, backend->gemm(false, false, 3, 4, 3, a.data(), 2, b.data(), 4, 0.0f, c.data(), 4));
  QVERIFY_THROWS_EXCEPTION(
      Error, backend->gemm(false, true, 3, 4, 3, a.data(), 3, b.data(), 2, 0.0f, c.data(), 4));
  QVERIFY_THROWS_EXCEPTION(
      Error, backend->gemm(false, false, 3, 4, 3, a.data(), 3, b.data(), 4, 0.0f, c.data(), 3));
}

void TestNn::backendThreads() {
  QCOMPARE(make_cpu_backend(1)->threads(), 1);
  QCOMPARE(make_cpu_backend(3)->threads(), 3);
  QVERIFY(make_cpu_backend(0)->threads() >= 1);
  QCOMPARE(make_cpu_backend(0)->name(), std::string("cpu"));
}

void TestNn::modelSizeMismatchNamesLayer() {
  {
    std::vector<std::unique_ptr<Layer>> layers;
    layers.push_back(make_dense(4, 5));
    layers.push_back(make_activation(ActivationSpec{}, 5));
    layers.push_back(make_dense(6, 3));
    try {
      Model model({4}, std::move(layers));
      QFAIL("no error for mismatched layer sizes");
    } catch (const Error &e) {
      const std::string msg = e.what();
      QVERIFY2(msg.find("layer 2") != std::string::npos, e.what());
      QVERIFY2(msg.find('6') != std::string::npos && msg.find('5') != std::string::npos, e.what());
    }
  }
  {
    std::vector<std::unique_ptr<Layer>> layers;
    layers.push_back(make_dense(5, 3));
    try {
      Model model({2, 3}, std::move(layers));
      QFAIL("no error for a first layer that does not match the input shape");
    } catch (const Error &e) {
      const std::string msg = e.what();
      QVERIFY2(msg.find("layer 0") != std::string::npos, e.what());
      QVERIFY2(msg.find('6') != std::string::npos && msg.find('5') != std::string::npos, e.what());
    }
  }
  QVERIFY_THROWS_EXCEPTION(Error, make_dense(0, 3));
  QVERIFY_THROWS_EXCEPTION(Error, make_activation(ActivationSpec{}, 0));
}

void TestNn::forwardRejectsBadInput() {
  const Model model = small_model(ActivationSpec{});
  const auto w = model.initialise(1);
  const auto backend = make_cpu_backend(1);
  Workspace ws;
  ws.input = MatrixF::Zero(5, 3); // wrong width
  QVERIFY_THROWS_EXCEPTION(Error, model.forward(*backend, w, ws, RowLayout{5, 0, 0}));
  ws.input = MatrixF::Zero(5, 4); // wrong row count for the layout
  QVERIFY_THROWS_EXCEPTION(Error, model.forward(*backend, w, ws, RowLayout{5, 1, 1}));
  QVERIFY_THROWS_EXCEPTION(Error, model.forward(*backend, w, ws, RowLayout{2, 3, 1})); // n_t > n_p
  const std::vector<float> short_w(3);
  QVERIFY_THROWS_EXCEPTION(Error, model.forward(*backend, short_w, ws, RowLayout{5, 0, 0}));
}

void TestNn::initialiseIsDeterministic() {
  std::vector<std::unique_ptr<Layer>> layers;
  layers.push_back(make_dense(5, 5));
  layers.push_back(make_activation(ActivationSpec{}, 5));
  layers.push_back(make_dense(5, 5));
  const Model model({5}, std::move(layers));
  const auto a = model.initialise(42), b = model.initialise(42), c = model.initialise(43);
  QCOMPARE(a.size(), std::size_t(60));
  QVERIFY(a == b);
  QVERIFY(a != c);
  // Two identical layers get distinct derived seeds.
  QVERIFY(!std::equal(a.begin(), a.begin() + 30, a.begin() + 30));
  for (float v : a)
    QVERIFY(std::isfinite(v) && v != 0.0f);
}

// W ~ N(0, 2 / (in + out)) (glorot normal), b ~ N(0, 0.01^2).
void TestNn::initialiseStatistics() {
  const auto layer = make_dense(300, 400);
  std::vector<float> p(layer->n_parameters());
  layer->initialise(5, p.data());
  auto stats = [](const float *x, Index n) {
    double s = 0, s2 = 0;
    for (Index i = 0; i < n; ++i) {
      s += x[i];
      s2 += double(x[i]) * x[i];
    }
    const double mean = s / double(n);
    return std::pair{mean, std::sqrt(s2 / double(n) - mean * mean)};
  };
  const auto [wm, ws] = stats(p.data(), 300 * 400);
  const double expected = std::sqrt(2.0 / 700.0);
  QVERIFY2(std::abs(ws / expected - 1) < 0.02, qPrintable(QString::number(ws)));
  QVERIFY2(std::abs(wm) < 0.02 * expected, qPrintable(QString::number(wm)));
  const auto [bm, bs] = stats(p.data() + 300 * 400, 400);
  QVERIFY2(std::abs(bs / 0.01 - 1) < 0.15, qPrintable(QString::number(bs)));
  QVERIFY2(std::abs(bm) < 0.003, qPrintable(QString::number(bm)));
}

void TestNn::describe() {
  std::vector<std::unique_ptr<Layer>> layers;
  layers.push_back(make_dense(6, 5));
  layers.push_back(make_activation(ActivationSpec{}, 5));
  layers.push_back(make_dense(5, 3));
  layers.push_back(make_activation(ActivationSpec{ActivationKind::elu, 0.01f, 0.5f}, 3));
  layers.push_back(make_dense(3, 2));
  const Model model({2, 3}, std::move(layers));
  QCOMPARE(model.input_size(), Index(6));
  QCOMPARE(model.output_size(), Index(2));
  QCOMPARE(model.n_parameters(), Index(6 * 5 + 5 + 5 * 3 + 3 + 3 * 2 + 2));
  const nlohmann::json expected = nlohmann::json::parse(R"({
    "input_shape": [2, 3],
    "layers": [
      {"type": "dense", "input_size": 6, "output_size": 5},
      {"type": "activation", "activation": "leaky_relu", "negative_slope": 0.01, "size": 5},
      {"type": "dense", "input_size": 5, "output_size": 3},
      {"type": "activation", "activation": "elu", "alpha": 0.5, "size": 3},
      {"type": "dense", "input_size": 3, "output_size": 2}
    ],
    "n_parameters": 61
  })");
  const nlohmann::json got = model.describe();
  QVERIFY2(got == expected, got.dump().c_str());
  QCOMPARE(model.layers()[1]->type(), std::string("activation"));
  QCOMPARE(model.layers()[0]->type(), std::string("dense"));
}

QTEST_APPLESS_MAIN(TestNn)
#include "test_nn.moc"
