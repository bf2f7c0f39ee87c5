// Optimisers: Adam against the reference (stax) formula by hand, SGD steps, both
// minimising a quadratic, bit-exact state()/restore(), and config errors naming keys.
#include "imnn/error.h"
#include "imnn/optimiser.h"

#include <QtTest>
#include <cmath>
#include <limits>

using nlohmann::json;

namespace {

// grad of f(w) = sum_i a_i (w_i - c_i)^2.
std::vector<float> quadratic_grad(const std::vector<float> &w, const std::vector<double> &a,
                                  const std::vector<double> &c) {
  std::vector<float> g(w.size());
  for (std::size_t i = 0; i < w.size(); ++i)
    g[i] = static_cast<float>(2 * a[i] * (w[i] - c[i]));
  return g;
}

} // namespace

class TestOptimiser : public QObject {
  Q_OBJECT

private slots:
  void adam_first_steps_match_the_reference_formula() {
    // Reference (jax.example_libraries.optimizers.adam, defaults lr 1e-3, b1 0.9,
    // b2 0.999, eps 1e-8), one weight w0 = 1, gradients 0.5, -0.25, 2:
    //  t=0: m = 0.1*0.5 = 0.05, v = 0.001*0.25 = 0.00025, mhat = 0.05/0.1 = 0.5,
    //       vhat = 0.00025/0.001 = 0.25, w = 1 - 1e-3*0.5/(0.5 + 1e-8) = 0.99900000002
    //  t=1: m = 0.045 - 0.025 = 0.02, v = 0.00024975 + 0.0000625 = 0.00031225,
    //       mhat = 0.02/0.19 = 0.1052632, vhat = 0.00031225/0.001999 = 0.1562031,
    //       w -= 1e-3*0.1052632/(0.3952254 + 1e-8) -> 0.998733663
    //  t=2: m = 0.018 + 0.2 = 0.218, v = 0.00031193775 + 0.004 = 0.00431193775,
    //       mhat = 0.218/0.271 = 0.8044280, vhat = 0.00431193775/0.002997001 = 1.4387509,
    //       w -= 1e-3*0.8044280/1.1994794 -> 0.998063015
    auto adam = imnn::make_optimiser({{"name", "adam"}}, 1);
    std::vector<float> w{1.0f};
    const double expected[] = {0.99900000002, 0.9987336629870784, 0.9980630153452915};
    const float grads[] = {0.5f, -0.25f, 2.0f};
    for (int t = 0; t < 3; ++t) {
      adam->step(w, {grads[t]});
      // Float weights: half an ulp (6e-8 below 1) of rounding per step.
      QVERIFY2(std::abs(double(w[0]) - expected[t]) < 6e-8 * (t + 1),
               qPrintable(QString("step %1: %2 vs %3")
                              .arg(t)
                              .arg(double(w[0]), 0, 'g', 10)
                              .arg(expected[t], 0, 'g', 10)));
    }
    QCOMPARE(adam->state().at("step").get<int>(), 3);
    QVERIFY(std::abs(adam->state().at("m").at(0).get<double>() - 0.218) < 1e-7);
  }

  void adam_uses_its_settings() {
    // Non-default settings, several weights, 5 steps, against the formula written out.
    const double lr = 0.01, b1 = 0.5, b2 = 0.9, eps = 1e-3;
    auto adam = imnn::make_optimiser(
        {{"learning_rate", lr}, {"beta1", b1}, {"beta2", b2}, {"epsilon", eps}}, 3);
    std::vector<float> w{1.0f, -2.0f, 0.0f};
    std::vector<double> ref(w.begin(), w.end()), m(3, 0.0), v(3, 0.0);
    const float grads[5][3] = {{0.1f, -3.0f, 0.0f},
                               {0.2f, 1.0f, 1e-4f},
                               {-0.3f, 2.0f, 0.0f},
                               {0.05f, -0.5f, 1.0f},
                               {0.0f, 0.0f, -2.0f}};
    for (int t = 0; t < 5; ++t) {
      adam->step(w, {grads[t][0], grads[t][1], grads[t][2]});
      for (int i = 0; i < 3; ++i) {
        const double g = grads[t][i];
        m[i] = b1 * m[i] + (1 - b1) * g;
        v[i] = b2 * v[i] + (1 - b2) * g * g;
        const double mhat = m[i] / (1 - std::pow(b1, t + 1));
        const double vhat = v[i] / (1 - std::pow(b2, t + 1));
        ref[i] -= lr * mhat / (std::sqrt(vhat) + eps);
        QVERIFY2(
            std::abs(w[i] - ref[i]) < 1e-6,
            qPrintable(QString("step %1 weight %2: %3 vs %4").arg(t).arg(i).arg(w[i]).arg(ref[i])));
      }
    }
    // First step of weight 0 by hand: w = 1 - 0.01 * 0.1 / (0.1 + 1e-3) = 0.990099...
    auto fresh = imnn::make_optimiser(adam->settings(), 1);
    std::vector<float> w0{1.0f};
    fresh->step(w0, {0.1f});
    QCOMPARE(w0[0], static_cast<float>(1 - 0.01 * 0.1 / (0.1 + 1e-3)));
  }

  void sgd_steps_data() {
    QTest::addColumn<double>("momentum");
    QTest::addColumn<double>("w1"); // after grad 0.5
    QTest::addColumn<double>("w2"); // then grad -1
    // lr 0.1, no momentum: 1 - 0.05 = 0.95; 0.95 + 0.1 = 1.05.
    QTest::newRow("plain") << 0.0 << 0.95 << 1.05;
    // momentum 0.5: v = 0.5, w = 0.95; v = 0.25 - 1 = -0.75, w = 0.95 + 0.075 = 1.025.
    QTest::newRow("momentum 0.5") << 0.5 << 0.95 << 1.025;
  }
  void sgd_steps() {
    QFETCH(double, momentum);
    QFETCH(double, w1);
    QFETCH(double, w2);
    auto sgd =
        imnn::make_optimiser({{"name", "sgd"}, {"learning_rate", 0.1}, {"momentum", momentum}}, 1);
    QCOMPARE(sgd->name(), std::string("sgd"));
    std::vector<float> w{1.0f};
    sgd->step(w, {0.5f});
    QCOMPARE(w[0], static_cast<float>(w1));
    sgd->step(w, {-1.0f});
    QVERIFY2(std::abs(w[0] - w2) < 1e-7, qPrintable(QString::number(w[0], 'g', 10)));
  }

  void optimisers_minimise_a_quadratic_data() {
    QTest::addColumn<QString>("settings");
    QTest::addColumn<int>("steps");
    QTest::newRow("adam") << R"({"name": "adam", "learning_rate": 0.05})" << 3000;
    QTest::newRow("sgd") << R"({"name": "sgd", "learning_rate": 0.1})" << 500;
    QTest::newRow("sgd momentum") << R"({"name": "sgd", "learning_rate": 0.02, "momentum": 0.9})"
                                  << 500;
  }
  void optimisers_minimise_a_quadratic() {
    QFETCH(QString, settings);
    QFETCH(int, steps);
    const std::vector<double> a{0.5, 1.0, 2.0, 4.0}, c{1.0, -2.0, 0.5, 3.0};
    auto opt = imnn::make_optimiser(json::parse(settings.toStdString()), 4);
    std::vector<float> w(4, 0.0f);
    for (int s = 0; s < steps; ++s)
      opt->step(w, quadratic_grad(w, a, c));
    for (std::size_t i = 0; i < 4; ++i)
      QVERIFY2(std::abs(w[i] - c[i]) < 2e-3,
               qPrintable(QString("w[%1] = %2, minimum at %3").arg(i).arg(w[i]).arg(c[i])));
  }

  void state_round_trip_continues_bit_for_bit_data() {
    QTest::addColumn<QString>("settings");
    QTest::newRow("adam") << R"({"name": "adam", "learning_rate": 0.01})";
    QTest::newRow("sgd momentum") << R"({"name": "sgd", "learning_rate": 0.01, "momentum": 0.7})";
    QTest::newRow("adam decaying")
        << R"({"name": "adam", "learning_rate": 0.01, "decay_rate": 0.5, "decay_steps": 10})";
  }
  void state_round_trip_continues_bit_for_bit() {
    QFETCH(QString, settings);
    const json s = json::parse(settings.toStdString());
    const std::size_t n = 50;
    std::vector<double> a(n), c(n);
    for (std::size_t i = 0; i < n; ++i) {
      a[i] = 0.1 + 0.37 * double(i % 7);
      c[i] = std::sin(double(i)) * 3.1;
    }
    auto first = imnn::make_optimiser(s, n);
    std::vector<float> w1(n);
    for (std::size_t i = 0; i < n; ++i)
      w1[i] = static_cast<float>(std::cos(double(i)) / 3);
    for (int k = 0; k < 17; ++k)
      first->step(w1, quadratic_grad(w1, a, c));
    // Through text, as a checkpoint does.
    const std::string saved = first->state().dump();
    auto second = imnn::make_optimiser(s, n);
    second->restore(json::parse(saved));
    QCOMPARE(second->state(), first->state());
    std::vector<float> w2 = w1;
    for (int k = 0; k < 40; ++k) {
      first->step(w1, quadratic_grad(w1, a, c));
      second->step(w2, quadratic_grad(w2, a, c));
    }
    QVERIFY(w1 == w2);
    QCOMPARE(second->state(), first->state());
    QCOMPARE(first->state().at("step").get<int>(), 57);
    // A fresh optimiser (no restore) diverges from them: the state matters.
    auto third = imnn::make_optimiser(s, n);
    std::vector<float> w3 = w1, w1b = w1;
    first->step(w1b, quadratic_grad(w1b, a, c));
    third->step(w3, quadratic_grad(w3, a, c));
    QVERIFY(w1b != w3);
  }

  // Plain SGD on a constant gradient 1 moves the weight by exactly lr(t) at step t, so
  // the schedule is read off the weights (in double: the float weight would round).
  void learning_rate_follows_exponential_decay() {
    const double lr0 = 0.5, rate = 0.25, steps = 4, begin = 3, end = 0.01;
    auto sgd = imnn::make_optimiser({{"name", "sgd"},
                                     {"learning_rate", lr0},
                                     {"decay_rate", rate},
                                     {"decay_steps", steps},
                                     {"decay_begin", begin},
                                     {"end_learning_rate", end}},
                                    1);
    for (int t = 0; t < 30; ++t) {
      std::vector<float> w{0.0f};
      sgd->step(w, {1.0f});
      const double expected =
          t < begin ? lr0 : std::max(end, lr0 * std::pow(rate, (t - begin) / steps));
      QVERIFY2(std::abs(-double(w[0]) - expected) <= 1e-7 * expected,
               qPrintable(QString("step %1: lr %2, expected %3").arg(t).arg(-w[0]).arg(expected)));
    }
    // Adam: a decay rate below 1 makes smaller steps than the constant rate.
    auto constant = imnn::make_optimiser({{"learning_rate", 0.1}}, 1);
    auto decaying =
        imnn::make_optimiser({{"learning_rate", 0.1}, {"decay_rate", 0.1}, {"decay_steps", 1}}, 1);
    std::vector<float> wc{0.0f}, wd{0.0f};
    for (int t = 0; t < 3; ++t) {
      constant->step(wc, {1.0f});
      decaying->step(wd, {1.0f});
    }
    QVERIFY2(std::abs(-double(wc[0]) - 0.3) < 1e-6, qPrintable(QString::number(wc[0])));
    QVERIFY2(std::abs(-double(wd[0]) - 0.111) < 1e-6, qPrintable(QString::number(wd[0])));
  }

  void restore_checks_the_state_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("expected");
    QTest::newRow("adam m size") << "adam"
                                 << R"({"name": "adam", "step": 2, "m": [0, 0], "v": [0, 0, 0]})"
                                 << "`m` has 2 entries but the model has 3 parameters";
    QTest::newRow("adam v missing") << "adam"
                                    << R"({"name": "adam", "step": 2, "m": [0, 0, 0]})"
                                    << "`v` is missing";
    QTest::newRow("adam step") << "adam"
                               << R"({"name": "adam", "step": -1, "m": [0, 0, 0], "v": [0, 0, 0]})"
                               << "`step`";
    QTest::newRow("adam entry")
        << "adam"
        << R"({"name": "adam", "step": 1, "m": [0, null, 0], "v": [0, 0, 0]})"
        << "`m[1]` is not a number";
    QTest::newRow("wrong optimiser") << "adam"
                                     << R"({"name": "sgd", "step": 1, "velocity": [0, 0, 0]})"
                                     << "written by the 'sgd' optimiser";
    QTest::newRow("sgd velocity size") << "sgd"
                                       << R"({"name": "sgd", "step": 1, "velocity": [0]})"
                                       << "`velocity` has 1 entries but the model has 3";
    QTest::newRow("not an object") << "sgd"
                                   << "[1, 2]"
                                   << "expected a JSON object";
  }
  void restore_checks_the_state() {
    QFETCH(QString, name);
    QFETCH(QString, state);
    QFETCH(QString, expected);
    auto opt = imnn::make_optimiser({{"name", name.toStdString()}}, 3);
    std::vector<float> w{1, 2, 3};
    opt->step(w, {0.1f, 0.2f, 0.3f});
    const json before = opt->state();
    QString what;
    try {
      opt->restore(json::parse(state.toStdString()));
    } catch (const imnn::Error &e) {
      what = e.what();
    }
    QVERIFY2(what.contains(expected), qPrintable(what));
    QCOMPARE(opt->state(), before); // a refused restore changes nothing
  }

  void settings_are_fully_resolved() {
    const json adam = imnn::make_optimiser(json::object(), 1)->settings();
    const json constant = {{"learning_rate", 1e-3},
                           {"decay_rate", 1.0},
                           {"decay_steps", 1000.0},
                           {"decay_begin", 0.0},
                           {"end_learning_rate", 0.0}};
    json expected_adam = {{"name", "adam"}, {"beta1", 0.9}, {"beta2", 0.999}, {"epsilon", 1e-8}};
    expected_adam.update(constant);
    QCOMPARE(adam, expected_adam);
    const json sgd = imnn::make_optimiser({{"name", "sgd"}}, 1)->settings();
    json expected_sgd = {{"name", "sgd"}, {"momentum", 0.0}};
    expected_sgd.update(constant);
    QCOMPARE(sgd, expected_sgd);
    const json custom = {{"name", "adam"}, {"learning_rate", 2}, {"beta2", 0.5}};
    const json resolved = imnn::make_optimiser(custom, 1)->settings();
    QCOMPARE(resolved.at("learning_rate").get<double>(), 2.0);
    QCOMPARE(resolved.at("beta2").get<double>(), 0.5);
    QCOMPARE(imnn::make_optimiser(resolved, 1)->settings(), resolved); // round-trips
    QCOMPARE(imnn::make_optimiser(custom, 1)->name(), std::string("adam"));
  }

  void config_errors_name_the_key_data() {
    QTest::addColumn<QString>("settings");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown name") << R"({"name": "adamw"})"
                                  << "optimiser.name"
                                  << "unknown optimiser 'adamw'; known: adam, sgd";
    QTest::newRow("name type") << R"({"name": 3})"
                               << "optimiser.name"
                               << "expected a string";
    QTest::newRow("adam unknown key")
        << R"({"lr": 0.1})"
        << "optimiser.lr"
        << "unknown key for adam; known keys: name, learning_rate, beta1, beta2, epsilon, "
           "decay_rate, decay_steps, decay_begin, end_learning_rate";
    QTest::newRow("sgd unknown key")
        << R"({"name": "sgd", "beta1": 0.9})"
        << "optimiser.beta1"
        << "unknown key for sgd; known keys: name, learning_rate, momentum, decay_rate";
    QTest::newRow("lr negative") << R"({"learning_rate": -0.1})"
                                 << "optimiser.learning_rate"
                                 << "must be a finite number > 0, got -0.1";
    QTest::newRow("lr zero") << R"({"name": "sgd", "learning_rate": 0})"
                             << "optimiser.learning_rate"
                             << "must be a finite number > 0";
    QTest::newRow("lr type") << R"({"learning_rate": "fast"})"
                             << "optimiser.learning_rate"
                             << "expected a finite number > 0, got \"fast\"";
    QTest::newRow("beta1 one") << R"({"beta1": 1.0})"
                               << "optimiser.beta1"
                               << "must be a number in [0, 1), got 1";
    QTest::newRow("beta2 negative") << R"({"beta2": -0.1})"
                                    << "optimiser.beta2"
                                    << "must be a number in [0, 1)";
    QTest::newRow("epsilon zero") << R"({"epsilon": 0})"
                                  << "optimiser.epsilon"
                                  << "must be a finite number > 0";
    QTest::newRow("momentum negative") << R"({"name": "sgd", "momentum": -0.5})"
                                       << "optimiser.momentum"
                                       << "must be a number in [0, 1)";
    QTest::newRow("momentum type") << R"({"name": "sgd", "momentum": true})"
                                   << "optimiser.momentum"
                                   << "expected a number in [0, 1), got true";
    QTest::newRow("decay_rate zero") << R"({"decay_rate": 0})"
                                     << "optimiser.decay_rate"
                                     << "must be a number in (0, 1], got 0";
    QTest::newRow("decay_rate above one") << R"({"name": "sgd", "decay_rate": 1.5})"
                                          << "optimiser.decay_rate"
                                          << "must be a number in (0, 1], got 1.5";
    QTest::newRow("decay_steps zero") << R"({"decay_steps": 0})"
                                      << "optimiser.decay_steps"
                                      << "must be a finite number > 0";
    QTest::newRow("decay_begin negative") << R"({"decay_begin": -1})"
                                          << "optimiser.decay_begin"
                                          << "must be a finite number >= 0, got -1";
    QTest::newRow("end above start") << R"({"learning_rate": 0.01, "end_learning_rate": 0.1})"
                                     << "optimiser.end_learning_rate"
                                     << "must not exceed learning_rate (0.01), got 0.1";
    QTest::newRow("not an object") << "[1, 2]"
                                   << "optimiser"
                                   << "expected an object";
  }
  void config_errors_name_the_key() {
    QFETCH(QString, settings);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    QString got_key, what;
    try {
      (void)imnn::make_optimiser(json::parse(settings.toStdString()), 4);
    } catch (const imnn::ConfigError &e) {
      got_key = QString::fromStdString(e.key());
      what = QString::fromStdString(e.message());
    }
    QCOMPARE(got_key, key);
    QVERIFY2(what.contains(expected), qPrintable(what));
  }

  void step_checks_sizes_and_finiteness() {
    auto adam = imnn::make_optimiser(json::object(), 3);
    std::vector<float> w{1, 2, 3};
    QString what;
    try {
      adam->step(w, {1, 2});
    } catch (const imnn::Error &e) {
      what = e.what();
    }
    QVERIFY2(what.contains("expected 3 weights and gradients, got 3 weights and 2 gradients"),
             qPrintable(what));
    const json before = adam->state();
    bool numerical = false;
    try {
      adam->step(w, {1, std::numeric_limits<float>::quiet_NaN(), 3});
    } catch (const imnn::NumericalError &e) {
      numerical = QString(e.what()).contains("not finite at parameter 1");
    }
    QVERIFY(numerical);
    QCOMPARE(adam->state(), before);
    QVERIFY((w == std::vector<float>{1, 2, 3}));
  }
};

QTEST_APPLESS_MAIN(TestOptimiser)
#include "test_optimiser.moc"
