"""imnn refit / Run.refit: the rounds, their run directories and refit.json; the
array modes refused with the reason. (The Gaussian acceptance check with well-trained
rounds is test_refit_gaussian.py, label slow.)"""
import json
import subprocess

import numpy as np
import pytest

from conftest import IMNN, gaussian_simulator, imnn_studio, small_config


def trained_config():
    """Trained enough (val det F ~ 40 of 50 in ~5 s) for estimates inside the prior box."""
    c = small_config(min_iterations=500, max_iterations=500)
    c["n_s"] = c["n_d"] = 1000
    c["network"]["options"]["hidden"] = [64, 64, 64]
    c["optimiser"]["learning_rate"] = 0.003
    c["fit"].update({"n_validation": 1000, "n_statistics": 2000})
    return c


def test_cli_refit_rounds_and_files(tmp_path):
    cfg = tmp_path / "c.json"
    cfg.write_text(json.dumps(trained_config()))
    subprocess.run([str(IMNN), "fit", str(cfg), "--run-dir", str(tmp_path / "run"), "-q"],
                   check=True, capture_output=True)
    target = gaussian_simulator(np.array([7], dtype=np.uint64), np.array([[0.2, 1.1]]))[0]
    np.save(tmp_path / "t.npy", target)
    out = subprocess.run([str(IMNN), "refit", str(tmp_path / "run"), "--target", str(tmp_path / "t.npy"),
                          "--rounds", "2", "--max-iterations", "5", "--tolerance", "1e-9",
                          "--warm-start"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "did not converge after 2 rounds" in out.stdout
    assert "raise --rounds" in out.stderr
    j = json.loads((tmp_path / "run" / "refit.json").read_text())
    assert [r["round"] for r in j["rounds"]] == [0, 1, 2]
    assert not j["converged"]
    for k in (1, 2):  # each round fitted at the previous round's estimate
        assert j["rounds"][k]["theta_fid"] == pytest.approx(j["rounds"][k - 1]["estimate"], rel=1e-12)
        rd = tmp_path / "run" / "refit" / ("round_%d" % k)
        assert (rd / "model.json").exists() and json.loads((rd / "result.json").read_text())["iterations"] == 5
        assert j["rounds"][k]["moved_sd"] > 0
    # the estimate of round 0 is the run's own
    est = subprocess.run([str(IMNN), "estimate", str(tmp_path / "run"), str(tmp_path / "t.npy"), "-o",
                          str(tmp_path / "e.npy")], capture_output=True)
    assert est.returncode == 0
    np.testing.assert_array_equal(np.load(tmp_path / "e.npy"), j["rounds"][0]["estimate"])
    # a second refit refuses to overwrite the first
    out = subprocess.run([str(IMNN), "refit", str(tmp_path / "run"), "--target", str(tmp_path / "t.npy")],
                         capture_output=True, text=True)
    assert out.returncode == 1 and "--replace" in out.stderr
    # the target simulated at --target-theta with --target-seed instead of a file
    out = subprocess.run([str(IMNN), "refit", str(tmp_path / "run"), "--target-theta", "0.2", "1.1",
                          "--target-seed", "7", "--rounds", "1", "--max-iterations", "3",
                          "--replace"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    j2 = json.loads((tmp_path / "run" / "refit.json").read_text())
    assert j2["target_theta"] == [0.2, 1.1] and j2["target_seed"] == 7 and "target" not in j2
    assert len(j2["rounds"][0]["estimate"]) == 2 and len(j2["rounds"]) == 2
    out = subprocess.run([str(IMNN), "refit", str(tmp_path / "run"), "--target", str(tmp_path / "t.npy"),
                          "--target-theta", "0.2", "1.1"], capture_output=True, text=True)
    assert out.returncode != 0 and "excludes" in out.stderr


def test_python_refit_converges_with_a_loose_tolerance(tmp_path):
    run = imnn_studio.fit(trained_config(), run_dir=tmp_path / "run")
    target = gaussian_simulator(np.array([7], dtype=np.uint64), np.array([[0.2, 1.1]]))[0]
    seen = []
    r = run.refit(target, rounds=3, tolerance=1e6, max_iterations=5, warm_start=True,
                  callback=seen.append)
    assert r["converged"] and len(r["rounds"]) == 2  # the first round moves < 1e6 sd
    assert [d["round"] for d in seen] == [0, 1]
    assert r["trajectory"].shape == (2, 2)
    assert r["runs"][0].path == run.path and r["runs"][1].path.endswith("refit/round_1")
    np.testing.assert_array_equal(r["runs"][1].theta_fid, r["trajectory"][0])


def test_refit_refuses_array_modes(tmp_path):
    subprocess.run([str(IMNN), "simulate", "gaussian_mean_variance", "--mode", "gradient", "-o",
                    str(tmp_path / "data"), "-n", "200", "--n-d", "200"], check=True, capture_output=True)
    c = json.loads((tmp_path / "data" / "config.json").read_text())
    c["network"] = {"plugin": "mlp", "options": {"hidden": [16]}}
    c["fit"] = {"max_iterations": 3}
    (tmp_path / "data" / "config.json").write_text(json.dumps(c))
    run = imnn_studio.fit(str(tmp_path / "data" / "config.json"), run_dir=tmp_path / "run")
    with pytest.raises(RuntimeError, match='fitted in mode "gradient" to fixed arrays made at one theta_fid'):
        run.refit(np.zeros(10))


def test_refit_stops_at_an_estimate_outside_the_prior(tmp_path):
    run = imnn_studio.fit(small_config(max_iterations=2), run_dir=tmp_path / "run")
    with pytest.raises(RuntimeError, match="outside the simulator's prior box"):
        run.refit(np.full(10, 1e4))  # far outside what a 2-iteration IMNN can place


def test_python_refit_simulated_target_and_iteration_progress(tmp_path):
    run = imnn_studio.fit(trained_config(), run_dir=tmp_path / "run")
    records = []
    r = run.refit(target_theta=[0.2, 1.1], target_seed=7, rounds=2, tolerance=1e-9,
                  max_iterations=5, warm_start=True, iteration_callback=records.append,
                  callback_every=2)
    assert not r["converged"] and [d["round"] for d in r["rounds"]] == [0, 1, 2]
    assert r["target_theta"] == [0.2, 1.1] and r["target_seed"] == 7
    # the target is the run simulator's draw at that θ and seed, as infer's target_theta
    ga = run.infer("ga", target_theta=[0.2, 1.1], target_seed=7, n_samples=10)
    np.testing.assert_allclose(ga.estimate, r["rounds"][0]["estimate"], rtol=1e-12)
    # every 2nd record of each round and its last, in order, with the round's cap
    assert [(d["round"], d["iteration"]) for d in records] == [(1, 1), (1, 3), (1, 4),
                                                              (2, 1), (2, 3), (2, 4)]
    assert all(d["max_iterations"] == 5 and d["detF"] > 0 for d in records)
    # False from the iteration callback stops round 1's fit (its run is kept) and the refit
    stopped = run.refit(target_theta=[0.2, 1.1], rounds=3, tolerance=1e-9, max_iterations=5000,
                        replace=True, iteration_callback=lambda d: False)
    assert stopped["cancelled"] and not stopped["converged"] and len(stopped["rounds"]) <= 2
    assert all(d["iterations"] < 5000 for d in stopped["rounds"][1:])


def test_refit_target_arguments_are_checked(tmp_path):
    run = imnn_studio.fit(small_config(max_iterations=2), run_dir=tmp_path / "run")
    with pytest.raises(ValueError, match="no target"):
        run.refit()
    with pytest.raises(ValueError, match="both given"):
        run.refit(np.zeros(10), target_theta=[0.0, 1.0])
    with pytest.raises(RuntimeError, match="3 values but the simulator has 2"):
        run.refit(target_theta=[0.0, 1.0, 2.0])
    with pytest.raises(ValueError, match="callback_every"):
        run.refit(target_theta=[0.0, 1.0], callback_every=0)
