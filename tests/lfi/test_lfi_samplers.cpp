// Unit tests of the LFI module, part 2: input validation of problems and samplers, ABC
// bookkeeping, PMC weights and truncation, determinism across thread counts,
// cancellation, progress, error propagation and GetDist output.
#include "lfi_test_util.h"

#include <Eigen/LU>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

using namespace imnn::lfi;
using namespace lfi_test;
using imnn::Index;

class TestLfiSamplers : public QObject {
  Q_OBJECT

private slots:
  // ---- problems -----------------------------------------------------------------------
  void problem_errors_data() {
    QTest::addColumn<int>("defect");
    QTest::addColumn<QString>("expected");
    QTest::newRow("target shape") << 0 << "target has 3 summaries but the compressor gives 2";
    QTest::newRow("fisher F size") << 1 << "Fisher matrix F is 3x3 but there are 2 summaries";
    QTest::newRow("fisher F not PSD") << 2 << "not positive semi-definite";
    QTest::newRow("no prior") << 3 << "no prior";
    QTest::newRow("no simulator") << 4 << "no simulator";
    QTest::newRow("input size") << 5 << "input_size is 0";
    QTest::newRow("threads") << 6 << "threads is -1";
    QTest::newRow("target not finite") << 7 << "not finite";
  }
  void problem_errors() {
    QFETCH(int, defect);
    QFETCH(QString, expected);
    auto prior = box_prior();
    Problem p = gp::problem(prior.get(), target_at(0, 1), 1, 1);
    switch (defect) {
    case 0:
      p.target = Eigen::VectorXd::LinSpaced(3, 0.0, 2.0);
      break;
    case 1:
      p.distance.F = Eigen::MatrixXd::Identity(3, 3);
      break;
    case 2:
      p.distance.F(1, 1) = -1;
      break;
    case 3:
      p.prior = nullptr;
      break;
    case 4:
      p.simulate = nullptr;
      break;
    case 5:
      p.input_size = 0;
      break;
    case 6:
      p.threads = -1;
      break;
    case 7:
      p.target(0) = NAN;
      break;
    }
    const std::string a = error_of([&] { Abc abc(p); });
    QVERIFY2(contains(a, expected.toUtf8().constData()), a.c_str());
    QVERIFY2(contains(a, "ABC"), a.c_str());
    PmcSettings s;
    s.n_points = 10;
    const std::string b = error_of([&] { population_monte_carlo(p, s); });
    QVERIFY2(contains(b, expected.toUtf8().constData()), b.c_str());
    QVERIFY2(contains(b, "PMC"), b.c_str());
  }

  // ---- ABC ----------------------------------------------------------------------------
  void abc_settings_errors_data() {
    QTest::addColumn<double>("epsilon");
    QTest::addColumn<int>("n_samples");
    QTest::addColumn<int>("min_accepted");
    QTest::addColumn<QString>("expected");
    QTest::newRow("min_accepted without epsilon")
        << -1.0 << 100 << 10 << "min_accepted needs epsilon";
    QTest::newRow("epsilon without draws")
        << 0.5 << 0 << 0 << "epsilon given but there are no draws";
    QTest::newRow("nothing to do") << -1.0 << 0 << 0 << "nothing to do";
    QTest::newRow("negative n_samples") << 0.5 << -3 << 0 << "n_samples is -3";
    QTest::newRow("min_accepted without draws") << 0.5 << 0 << 10 << "min_accepted needs draws";
    QTest::newRow("nan epsilon") << double(NAN) << 10 << 0 << "epsilon is NaN";
  }
  void abc_settings_errors() {
    QFETCH(double, epsilon);
    QFETCH(int, n_samples);
    QFETCH(int, min_accepted);
    QFETCH(QString, expected);
    auto prior = box_prior();
    Abc abc(gp::problem(prior.get(), target_at(0, 1), 1, 1));
    AbcSettings s;
    s.epsilon = epsilon;
    s.n_samples = n_samples;
    s.min_accepted = min_accepted;
    const std::string msg = error_of([&] { abc.run(s); });
    QVERIFY2(contains(msg, expected.toUtf8().constData()), msg.c_str());
  }

  void abc_keeps_all_draws_and_accumulates() {
    auto prior = box_prior();
    const Problem problem = gp::problem(prior.get(), target_at(0.5, 1.0), 3, 2);
    Abc abc(problem);
    AbcSettings s;
    s.epsilon = 2.0;
    s.n_samples = 500;
    const AbcSamples &r = abc.run(s);
    QCOMPARE(r.parameters.rows(), Index{500});
    QCOMPARE(r.summaries.rows(), Index{500});
    QCOMPARE(r.distances.size(), std::size_t{500});
    QCOMPARE(r.n_simulations, Index{500});
    QCOMPARE(r.iterations, 1);
    Index accepted = 0;
    for (Index i = 0; i < 500; ++i) {
      const double *sm = r.summaries.row(i).data();
      QCOMPARE(r.distances[std::size_t(i)], problem.distance(sm, problem.target.data()));
      QCOMPARE(bool(r.accepted[std::size_t(i)]), r.distances[std::size_t(i)] < 2.0);
      accepted += r.accepted[std::size_t(i)];
      QVERIFY(prior->in_box(r.parameters.row(i).data()));
    }
    QCOMPARE(r.n_accepted, accepted);
    QVERIFY(accepted > 0 && accepted < 500);
    const MatrixD acc = r.accepted_parameters();
    QCOMPARE(acc.rows(), accepted);
    const MatrixD first = r.parameters;
    // Added to the earlier draws, new draws (a new seed batch).
    abc.run(s);
    QCOMPARE(r.parameters.rows(), Index{1000});
    QCOMPARE(r.n_simulations, Index{500});
    QVERIFY(r.parameters.topRows(500) == first);
    QVERIFY(r.parameters.row(500) != first.row(0));
    // Re-threshold the stored draws without simulating.
    AbcSettings re;
    re.epsilon = 1.0;
    abc.run(re);
    QCOMPARE(r.n_simulations, Index{0});
    QCOMPARE(r.parameters.rows(), Index{1000});
    for (std::size_t i = 0; i < 1000; ++i)
      QCOMPARE(bool(r.accepted[i]), r.distances[i] < 1.0);
    // Replace drops them.
    s.replace = true;
    abc.run(s);
    QCOMPARE(r.parameters.rows(), Index{500});
    // No epsilon: draws only.
    AbcSettings none;
    none.n_samples = 10;
    abc.run(none);
    QCOMPARE(r.n_accepted, Index{0});
    QCOMPARE(r.parameters.rows(), Index{510});
  }

  void abc_min_accepted_loop() {
    auto prior = box_prior();
    Abc abc(gp::problem(prior.get(), target_at(0.5, 1.0), 4, 2));
    AbcSettings s;
    s.epsilon = 0.5;
    s.n_samples = 1000;
    s.min_accepted = 20;
    s.max_iterations = 50;
    const AbcSamples &r = abc.run(s);
    QVERIFY(r.n_accepted >= 20);
    QCOMPARE(r.n_simulations, Index{1000} * r.iterations);
    QCOMPARE(r.parameters.rows(), r.n_simulations);
    QVERIFY(r.iterations < 50);
    // Stopping after max_iterations when epsilon is out of reach.
    s.epsilon = 1e-9;
    s.max_iterations = 3;
    s.replace = true;
    abc.run(s);
    QCOMPARE(r.iterations, 3);
    QCOMPARE(r.n_simulations, Index{3000});
    QCOMPARE(r.n_accepted, Index{0});
  }

  void abc_is_identical_for_any_thread_count() {
    auto prior = box_prior();
    AbcSettings s;
    s.epsilon = 1.0;
    s.n_samples = 3000;
    std::vector<MatrixD> params;
    std::vector<std::vector<double>> dists;
    for (const int threads : {1, 2, 3}) {
      Abc abc(gp::problem(prior.get(), target_at(0.5, 1.0), 17, threads));
      abc.run(s);
      const AbcSamples &r = abc.run(s); // two batches
      params.push_back(r.parameters);
      dists.push_back(r.distances);
      QCOMPARE(r.parameters.rows(), Index{6000});
    }
    QVERIFY(params[0] == params[1] && params[0] == params[2]);
    QVERIFY(dists[0] == dists[1] && dists[0] == dists[2]);
    Abc other(gp::problem(prior.get(), target_at(0.5, 1.0), 18, 2));
    QVERIFY(other.run(s).parameters != params[0].topRows(3000));
  }

  // ---- PMC ------------------------------------------------------------------------------
  void pmc_settings_errors_data() {
    QTest::addColumn<int>("n_points");
    QTest::addColumn<int>("n_initial");
    QTest::addColumn<double>("percentile");
    QTest::addColumn<double>("ratio");
    QTest::addColumn<QString>("expected");
    QTest::newRow("n_initial < n_points")
        << 100 << 50 << 75.0 << 0.1 << "n_initial_points (50) is smaller than n_points (100)";
    QTest::newRow("n_points 1") << 1 << 0 << 75.0 << 0.1 << "n_points is 1";
    QTest::newRow("percentile 0") << 100 << 0 << 0.0 << 0.1 << "percentile 0 is outside (0, 100)";
    QTest::newRow("percentile 100") << 100 << 0 << 100.0 << 0.1 << "outside (0, 100)";
    QTest::newRow("percentile nan") << 100 << 0 << double(NAN) << 0.1 << "outside (0, 100)";
    QTest::newRow("ratio 0") << 100 << 0 << 75.0 << 0.0 << "acceptance_ratio 0 is outside (0, 1]";
    QTest::newRow("ratio > 1") << 100 << 0 << 75.0 << 1.5 << "outside (0, 1]";
  }
  void pmc_settings_errors() {
    QFETCH(int, n_points);
    QFETCH(int, n_initial);
    QFETCH(double, percentile);
    QFETCH(double, ratio);
    QFETCH(QString, expected);
    auto prior = box_prior();
    PmcSettings s;
    s.n_points = n_points;
    s.n_initial_points = n_initial;
    s.percentile = percentile;
    s.acceptance_ratio = ratio;
    const std::string msg = error_of(
        [&] { population_monte_carlo(gp::problem(prior.get(), target_at(0, 1), 1, 1), s); });
    QVERIFY2(contains(msg, expected.toUtf8().constData()), msg.c_str());
  }

  void pmc_weights_and_truncation_data() {
    QTest::addColumn<double>("mu");
    QTest::addColumn<double>("sigma");
    QTest::addColumn<int>("max_samples");
    QTest::addColumn<bool>("gaussian_prior");
    QTest::newRow("interior") << 0.0 << 1.0 << 100000 << false;
    QTest::newRow("interior, gaussian prior") << 0.0 << 1.0 << 100000 << true;
    // The posterior sits in the corner mu = 3, Sigma = 0.1 of the box: most kernel draws
    // leave it and are redrawn.
    QTest::newRow("corner") << 2.95 << 0.12 << 100000 << false;
    // ... and with a single draw per proposal, many proposals are abandoned.
    QTest::newRow("corner, abandoning") << 2.95 << 0.12 << 1 << false;
  }
  void pmc_weights_and_truncation() {
    QFETCH(double, mu);
    QFETCH(double, sigma);
    QFETCH(int, max_samples);
    QFETCH(bool, gaussian_prior);
    auto prior = gaussian_prior
                     ? make_gaussian_prior({0.0, 1.0}, {1.0, 1.0}, {-3.0, 0.1}, {3.0, 5.0})
                     : box_prior();
    PmcSettings s;
    s.n_points = 300;
    s.max_iteration = 6;
    s.max_acceptance = 3;
    s.acceptance_ratio = 0.01;
    s.max_samples = max_samples;
    const PmcSamples r =
        population_monte_carlo(gp::problem(prior.get(), target_at(mu, sigma), 5, 2), s);
    QCOMPARE(r.parameters.rows(), Index{300});
    QCOMPARE(r.weights.size(), std::size_t{300});
    QVERIFY(std::fabs(sum(r.weights) - 1.0) < 1e-12);
    QVERIFY(r.iterations >= 1);
    QVERIFY(r.total_draws >= 3000);
    double max_d = 0.0;
    for (Index i = 0; i < 300; ++i) {
      QVERIFY(r.parameters.row(i).allFinite());
      QVERIFY2(prior->in_box(r.parameters.row(i).data()), "a point left the prior box");
      const double w = r.weights[std::size_t(i)];
      QVERIFY(w >= 0.0 && std::isfinite(w));
      if (w > 0) max_d = std::max(max_d, r.distances[std::size_t(i)]);
    }
    QCOMPARE(r.epsilon, max_d);
    QVERIFY(r.acceptance >= 0.0 && r.acceptance <= 1.0);
  }

  void pmc_is_identical_for_any_thread_count() {
    auto prior = box_prior();
    PmcSettings s;
    s.n_points = 200;
    s.max_iteration = 4;
    s.max_acceptance = 2;
    std::vector<PmcSamples> runs;
    for (const int threads : {1, 2, 3})
      runs.push_back(
          population_monte_carlo(gp::problem(prior.get(), target_at(0.5, 1.0), 21, threads), s));
    for (int k = 1; k < 3; ++k) {
      QVERIFY(runs[0].parameters == runs[std::size_t(k)].parameters);
      QVERIFY(runs[0].weights == runs[std::size_t(k)].weights);
      QVERIFY(runs[0].distances == runs[std::size_t(k)].distances);
      QCOMPARE(runs[0].total_draws, runs[std::size_t(k)].total_draws);
      QCOMPARE(runs[0].iterations, runs[std::size_t(k)].iterations);
    }
  }

  // A simulator's batch call (Problem::simulate_batch: Python plugins, isolated ones)
  // gives the same draws, seeds, order and so bits as one simulate call per draw.
  void batch_simulation_is_identical_to_one_at_a_time() {
    auto prior = box_prior();
    std::atomic<long> calls{0}, simulations{0};
    auto batched = [&](Problem p) {
      p.simulate_batch = [&](Index n, const std::uint64_t *seeds, const double *thetas,
                             double *out) {
        ++calls;
        simulations += n;
        for (Index i = 0; i < n; ++i)
          gp::simulate(seeds[i], thetas + 2 * i, out + i * gp::n);
      };
      p.simulate = [](std::uint64_t, const double *, double *) {
        throw std::runtime_error("the batch call is used, not simulate");
      };
      return p;
    };
    AbcSettings a;
    a.epsilon = 1.0;
    a.n_samples = 3000;
    Abc one(gp::problem(prior.get(), target_at(0.5, 1.0), 17, 2));
    Abc many(batched(gp::problem(prior.get(), target_at(0.5, 1.0), 17, 2)));
    one.run(a);
    many.run(a);
    const AbcSamples &r1 = one.run(a), &r2 = many.run(a); // two batches
    QCOMPARE(simulations.load(), 6000L);
    QVERIFY2(calls.load() < 100, qPrintable(QString::number(calls.load()))); // chunks, not draws
    QVERIFY(r1.parameters == r2.parameters);
    QCOMPARE(r1.summaries.size(), r2.summaries.size());
    QVERIFY(std::memcmp(r1.summaries.data(), r2.summaries.data(),
                        sizeof(double) * static_cast<std::size_t>(r1.summaries.size())) == 0);
    QVERIFY(r1.distances == r2.distances);
    QVERIFY(r1.accepted == r2.accepted);
    QVERIFY(r1.n_accepted > 0);

    PmcSettings s;
    s.n_points = 200;
    s.max_iteration = 4;
    s.max_acceptance = 2;
    calls = 0;
    simulations = 0;
    const PmcSamples p1 =
        population_monte_carlo(gp::problem(prior.get(), target_at(0.5, 1.0), 21, 2), s);
    const PmcSamples p2 =
        population_monte_carlo(batched(gp::problem(prior.get(), target_at(0.5, 1.0), 21, 2)), s);
    QVERIFY(calls.load() > 0 && calls.load() < simulations.load());
    QVERIFY(p1.parameters == p2.parameters);
    QVERIFY(p1.weights == p2.weights);
    QVERIFY(p1.distances == p2.distances);
    QCOMPARE(p1.total_draws, p2.total_draws);
    QCOMPARE(p1.iterations, p2.iterations);
  }

  // A failing batch names the lowest failing draw, as one draw at a time does.
  void batch_simulation_errors_name_the_draw() {
    auto prior = box_prior();
    Problem p = gp::problem(prior.get(), target_at(0.5, 1.0), 10, 2);
    p.simulate = [](std::uint64_t, const double *theta, double *) {
      if (theta[0] > 2.0) throw std::runtime_error("bad draw at mu = " + std::to_string(theta[0]));
    };
    std::vector<std::string> messages;
    for (const bool batch : {false, true}) {
      Problem q = p;
      if (batch)
        q.simulate_batch = [](Index, const std::uint64_t *, const double *, double *) {
          throw std::runtime_error("the batch failed");
        };
      Abc abc(q);
      AbcSettings s;
      s.n_samples = 2000;
      try {
        abc.run(s);
        QFAIL("no exception");
      } catch (const std::runtime_error &e) {
        messages.push_back(e.what());
      }
    }
    QVERIFY(contains(messages[0], "bad draw"));
    QCOMPARE(messages[1], messages[0]);
  }

  // ---- cancellation, progress, errors from simulators ------------------------------------
  void cancellation_stops_promptly_data() {
    QTest::addColumn<bool>("pmc");
    QTest::newRow("ABC") << false;
    QTest::newRow("PMC") << true;
  }
  void cancellation_stops_promptly() {
    QFETCH(bool, pmc);
    auto prior = box_prior();
    Problem p = gp::problem(prior.get(), target_at(0.5, 1.0), 8, 2);
    std::atomic<long> calls{0};
    p.simulate = [&](std::uint64_t seed, const double *theta, double *out) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1)); // ~100 s of work in all
      ++calls;
      gp::simulate(seed, theta, out);
    };
    std::atomic<bool> cancel{false};
    QElapsedTimer t;
    t.start();
    std::thread canceller([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(150));
      cancel = true;
    });
    double stopped_after = 0.0;
    bool flagged = false, converged = true;
    std::string convergence;
    Index sims = 0;
    if (pmc) {
      PmcSettings s;
      s.n_points = 10000; // 100000 initial simulations
      const PmcSamples r = population_monte_carlo(p, s, {}, &cancel);
      stopped_after = seconds(t);
      flagged = r.cancelled;
      converged = r.converged;
      convergence = r.convergence;
      sims = r.total_draws;
      QCOMPARE(r.parameters.rows(), Index{0}); // no complete population yet
    } else {
      Abc abc(p);
      AbcSettings s;
      s.n_samples = 100000;
      const AbcSamples &r = abc.run(s, {}, &cancel);
      stopped_after = seconds(t);
      flagged = r.cancelled;
      converged = r.converged;
      convergence = r.convergence;
      sims = r.n_simulations;
      QCOMPARE(r.parameters.rows(), r.n_simulations);
    }
    canceller.join();
    qInfo("cancelled after %.3f s (%ld simulations started, %td kept)", stopped_after, calls.load(),
          sims);
    QVERIFY(flagged);
    // a cancelled sample is never reported as the method's converged answer
    QVERIFY(!converged);
    QCOMPARE(convergence, std::string("cancelled"));
    QVERIFY2(stopped_after < 1.0, "cancellation took longer than 1 s");
    QVERIFY(calls.load() < 5000);
    // A flag set before the call stops it before any simulation.
    calls = 0;
    if (pmc) {
      PmcSettings s;
      s.n_points = 100;
      const PmcSamples r = population_monte_carlo(p, s, {}, &cancel);
      QVERIFY(r.cancelled && !r.converged);
    } else {
      Abc abc(p);
      AbcSettings s;
      s.n_samples = 100;
      QVERIFY(abc.run(s, {}, &cancel).cancelled);
    }
    QCOMPARE(calls.load(), 0L);
  }

  void progress_is_reported() {
    auto prior = box_prior();
    const Problem p = gp::problem(prior.get(), target_at(0.5, 1.0), 9, 2);
    for (const bool pmc : {false, true}) {
      std::vector<double> fractions;
      std::vector<std::string> messages;
      ProgressFn progress = [&](double f, const std::string &m) {
        fractions.push_back(f);
        messages.push_back(m);
      };
      if (pmc) {
        PmcSettings s;
        s.n_points = 1000; // 10000 initial simulations: two chunks
        s.max_iteration = 3;
        population_monte_carlo(p, s, progress);
      } else {
        Abc abc(p);
        AbcSettings s;
        s.n_samples = 20000; // three chunks
        s.epsilon = 0.5;
        s.min_accepted = 100;
        s.max_iterations = 5;
        abc.run(s, progress);
      }
      QVERIFY(fractions.size() >= 3);
      for (std::size_t i = 0; i < fractions.size(); ++i) {
        QVERIFY(fractions[i] >= 0.0 && fractions[i] <= 1.0);
        if (i > 0) QVERIFY2(fractions[i] >= fractions[i - 1], messages[i].c_str());
        QVERIFY(!messages[i].empty());
      }
      QCOMPARE(fractions.back(), 1.0);
      QVERIFY(contains(messages.back(), pmc ? "PMC" : "ABC"));
    }
  }

  void simulator_errors_are_rethrown() {
    auto prior = box_prior();
    Problem p = gp::problem(prior.get(), target_at(0.5, 1.0), 10, 1);
    p.simulate = [](std::uint64_t, const double *theta, double *) {
      if (theta[0] > 2.0) throw std::runtime_error("bad draw at mu = " + std::to_string(theta[0]));
    };
    std::vector<std::string> messages;
    for (const int threads : {1, 2}) {
      p.threads = threads;
      Abc abc(p);
      AbcSettings s;
      s.n_samples = 2000;
      try {
        abc.run(s);
        QFAIL("no exception");
      } catch (const std::runtime_error &e) {
        messages.push_back(e.what());
      }
    }
    QVERIFY(contains(messages[0], "bad draw"));
    QCOMPARE(messages[0], messages[1]); // the lowest failing index, whatever the threads
  }

  // ---- GetDist ---------------------------------------------------------------------------
  void getdist_round_trip() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::filesystem::path root = std::filesystem::path(dir.path().toStdString()) / "chain";
    MatrixD s(3, 2);
    s << 0.1, 1.0 / 3.0, -2.5e-12, 7.0, 1e300, -0.0;
    const std::vector<double> w{0.2, 0.3, 0.5}, mlp{1.5, 0.0, 2.0 / 3.0};
    write_getdist(root, s, w, mlp, {"mu", "Sigma"}, {-3.0, 0.1}, {3.0, 5.0});
    std::ifstream chain(root.string() + "_1.txt");
    QVERIFY(chain.good());
    std::string line;
    int rows = 0;
    while (std::getline(chain, line)) {
      std::istringstream ls(line);
      std::vector<double> v;
      double x;
      while (ls >> x)
        v.push_back(x);
      QCOMPARE(v.size(), std::size_t{4});
      QCOMPARE(v[0], w[std::size_t(rows)]);
      QCOMPARE(v[1], mlp[std::size_t(rows)]);
      QCOMPARE(v[2], s(rows, 0)); // exact: shortest round-trip representation
      QCOMPARE(v[3], s(rows, 1));
      ++rows;
    }
    QCOMPARE(rows, 3);
    std::ifstream names(root.string() + ".paramnames");
    std::string a, b, c;
    names >> a >> b;
    QCOMPARE(a, std::string("mu"));
    QCOMPARE(b, std::string("Sigma"));
    QVERIFY(!(names >> c));
    std::ifstream ranges(root.string() + ".ranges");
    double lo, hi;
    ranges >> a >> lo >> hi;
    QCOMPARE(a, std::string("mu"));
    QCOMPARE(lo, -3.0);
    QCOMPARE(hi, 3.0);
    ranges >> a >> lo >> hi;
    QCOMPARE(a, std::string("Sigma"));
    QCOMPARE(lo, 0.1);
    // Empty weights and -log(post): 1 and 0.
    write_getdist(root, s, {}, {}, {"mu", "Sigma"}, {-3.0, 0.1}, {3.0, 5.0});
    std::ifstream again(root.string() + "_1.txt");
    double x0, x1;
    again >> x0 >> x1;
    QCOMPARE(x0, 1.0);
    QCOMPARE(x1, 0.0);
    // Errors name the problem (and the file).
    QVERIFY(contains(error_of([&] {
                       write_getdist(root, s, w, {}, {"mu"}, {0, 0}, {1, 1});
                     }),
                     "1 parameter names for 2 columns"));
    QVERIFY(contains(error_of([&] {
                       write_getdist(root, s, {1.0}, {}, {"a", "b"}, {0, 0}, {1, 1});
                     }),
                     "1 weights for 3 samples"));
    QVERIFY(contains(error_of([&] {
                       write_getdist(root, s, w, {}, {"a b", "c"}, {0, 0}, {1, 1});
                     }),
                     "white space"));
    const auto missing = root.parent_path() / "no" / "such" / "dir" / "chain";
    const std::string e = error_of([&] {
      write_getdist(missing, s, w, {}, {"a", "b"}, {0, 0}, {1, 1});
    });
    QVERIFY2(contains(e, (missing.string() + "_1.txt").c_str()), e.c_str());
  }
};

QTEST_APPLESS_MAIN(TestLfiSamplers)
#include "test_lfi_samplers.moc"
