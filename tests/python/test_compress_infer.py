"""Run.estimate / summarise / infer round trips against the CLI's files."""
import json
import subprocess

import numpy as np
import pytest

from conftest import IMNN, gaussian_simulator, imnn_studio


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    from conftest import small_config
    return imnn_studio.fit(small_config(max_iterations=30), run_dir=tmp_path_factory.mktemp("r") / "run")


def test_estimate_float64_float32_single_and_batch(run, tmp_path):
    x = gaussian_simulator(np.arange(5, dtype=np.uint64), np.tile([0.5, 1.5], (5, 1)))
    est = run.estimate(x)
    assert est.shape == (5, 2) and est.dtype == np.float64
    np.testing.assert_allclose(run.estimate(x.astype(np.float32)), est, rtol=1e-5, atol=1e-6)
    np.testing.assert_array_equal(run.estimate(x[0]), est[0])        # one (*input_shape)
    np.testing.assert_array_equal(run.estimate(np.asfortranarray(x)), est)
    assert run.summarise(x).shape == (5, 2)
    # the CLI on the same data gives the same numbers
    np.save(tmp_path / "x.npy", x)
    subprocess.run([str(IMNN), "estimate", run.path, str(tmp_path / "x.npy"), "-o",
                    str(tmp_path / "e.npy")], check=True, capture_output=True)
    np.testing.assert_array_equal(np.load(tmp_path / "e.npy"), est)


def test_estimate_wrong_shape_names_the_expected_one(run):
    with pytest.raises(RuntimeError, match=r"\(10\)|10"):
        run.estimate(np.zeros((3, 7)))


def test_infer_ga_and_abc(run):
    target = gaussian_simulator(np.array([99], dtype=np.uint64), np.array([[0.3, 1.2]]))[0]
    ga = run.infer("ga", target=target, n_samples=2000)
    assert ga.samples.shape == (2000, 2) and ga.weights.shape == (2000,)
    np.testing.assert_allclose(ga.weights.sum(), 1.0)
    np.testing.assert_allclose(ga.estimate, run.estimate(target), rtol=1e-12)
    with open(ga.getdist_root + ".paramnames") as f:
        assert f.read().split()[0] == "mu"
    assert (np.loadtxt(ga.getdist_root + "_1.txt").shape == (2000, 4))
    abc = run.infer("abc", target=target, n_samples=20000, accept_fraction=0.02, replace=True)
    assert abc.samples.shape[0] == 400
    np.testing.assert_array_equal(abc.estimate, ga.estimate)  # the same target compressed
    assert np.all((abc.samples >= [-10, 0]) & (abc.samples <= [10, 10]))  # the plugin's prior
    np.testing.assert_allclose(abc.weights.sum(), 1.0)
    assert abc.result["accepted"] == 400 and abc.result["method"] == "abc"
    assert json.loads(json.dumps(abc.result))["method"] == "abc"
    with pytest.raises(TypeError, match="unexpected option 'n_sample'"):
        run.infer("ga", target=target, n_sample=3)
