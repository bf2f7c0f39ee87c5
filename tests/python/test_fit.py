"""imnn_studio.fit over the CLI's engine: the same config gives the same run, bit for
bit; the reference's argument names and checks; history keys; load_run."""
import csv
import json
import subprocess

import numpy as np
import pytest

from conftest import IMNN, gaussian_simulator, imnn_studio, small_config


def history_rows(run_dir):
    with open(run_dir / "history.csv") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    keep = [i for i, h in enumerate(header) if h != "seconds"]  # wall time differs
    return [[r[i] for i in keep] for r in rows]


def test_fit_from_dict_equals_cli_fit_bit_for_bit(tmp_path, config):
    cfg = tmp_path / "config.json"
    cfg.write_text(json.dumps(config))
    subprocess.run([str(IMNN), "fit", str(cfg), "--run-dir", str(tmp_path / "cli"), "-q"],
                   check=True, capture_output=True)
    run = imnn_studio.fit(config, run_dir=tmp_path / "py")
    cli, py = tmp_path / "cli", tmp_path / "py"
    assert history_rows(cli) == history_rows(py)
    assert len(history_rows(py)) == 1 + len(run.history["detF"]) > 1
    rc = json.loads((cli / "result.json").read_text())
    rp = json.loads((py / "result.json").read_text())
    for key in ["detF", "val_detF", "F", "invF", "iterations", "best_iteration", "stop_reason",
                "max_detF", "val_detC", "val_detinvC"]:
        assert rc[key] == rp[key], key
    mc = json.loads((cli / "model.json").read_text())
    mp = json.loads((py / "model.json").read_text())
    assert mc["weights"] == mp["weights"]
    # and the Run object holds the same numbers
    np.testing.assert_array_equal(run.F, np.array(rc["F"]))
    assert run.result["val_detF"] == rc["val_detF"]


def test_history_has_the_reference_keys(tmp_path, config):
    run = imnn_studio.fit(config, run_dir=tmp_path / "r")
    h = run.history
    for key in ["detF", "detC", "detinvC", "Λ2", "r", "val_detF", "val_detC", "val_detinvC",
                "val_Λ2", "val_r"]:
        assert isinstance(h[key], np.ndarray) and h[key].dtype == np.float64, key
        assert h[key].shape == (run.result["iterations"],), key
    assert h["max_detF"] == pytest.approx(run.result["max_detF"])
    assert np.all(np.isfinite(h["val_detF"]))
    # load_run reads the same run back (history.csv keeps 9 digits)
    back = imnn_studio.load_run(run.path)
    np.testing.assert_allclose(back.history["detF"], h["detF"], rtol=1e-8)
    assert back.history["max_detF"] == h["max_detF"]
    np.testing.assert_array_equal(back.F, run.F)
    assert back.stop_reason == run.stop_reason


def test_reference_argument_names_and_checks(tmp_path, config):
    run = imnn_studio.fit(config, run_dir=tmp_path / "a", λ=5.0, ϵ=0.2, patience=3,
                          min_iterations=2, max_iterations=4, best=False)
    fit = run.config["fit"]
    assert (fit["lambda"], fit["epsilon"], fit["patience"], fit["min_iterations"],
            fit["max_iterations"], fit["best"]) == (5.0, 0.2, 3, 2, 4, False)
    assert run.result["iterations"] <= 4
    run = imnn_studio.fit(config, run_dir=tmp_path / "b", lam=7.0, epsilon=0.05, max_iterations=2)
    assert (run.config["fit"]["lambda"], run.config["fit"]["epsilon"]) == (7.0, 0.05)
    with pytest.raises(ValueError, match="`λ` is None"):
        imnn_studio.fit(config, run_dir=tmp_path / "c", λ=None)
    with pytest.raises(TypeError, match="`λ` must be type <class 'float'>"):
        imnn_studio.fit(config, run_dir=tmp_path / "c", λ=10)
    with pytest.raises(TypeError, match="`patience` must be type <class 'int'>"):
        imnn_studio.fit(config, run_dir=tmp_path / "c", patience=1.0)
    with pytest.raises(ValueError, match="`best` is None"):
        imnn_studio.fit(config, run_dir=tmp_path / "c", best=None)
    with pytest.raises(TypeError, match="unexpected keyword argument 'patient'"):
        imnn_studio.fit(config, run_dir=tmp_path / "c", patient=3)
    assert not (tmp_path / "c").exists()


def test_config_errors_name_the_key(tmp_path, config):
    config["fit"]["patience"] = "many"
    with pytest.raises(ValueError, match="fit.patience"):
        imnn_studio.fit(config, run_dir=tmp_path / "x")
    with pytest.raises(TypeError, match="must be a dict"):
        imnn_studio.fit(42)


def test_plugins_lists_the_built_in_ones():
    p = imnn_studio.plugins()
    assert "gaussian_mean_variance" in [s["name"] for s in p["simulators"]]
    assert "mlp" in [n["name"] for n in p["networks"]]


def test_deeply_nested_json_is_refused_not_a_crash(tmp_path, config):
    """Config files given with a Python simulator and a run's result.json are read with the
    engine's JSON depth limit (64 levels), as `imnn fit` reads its config."""
    deep = "[" * 100000 + "]" * 100000
    path = tmp_path / "deep.json"
    path.write_text(json.dumps(config)[:-1] + ', "notes": ' + deep + "}")
    with pytest.raises(RuntimeError, match="deep.json nests arrays or objects deeper than 64"):
        imnn_studio.fit(str(path), simulator=gaussian_simulator, run_dir=tmp_path / "r")
    assert not (tmp_path / "r").exists()
    run = imnn_studio.fit(dict(config, fit=dict(config["fit"], max_iterations=2)),
                          run_dir=tmp_path / "ok")
    (tmp_path / "ok" / "result.json").write_text('{"notes": ' + deep + "}")
    with pytest.raises(RuntimeError, match="result.json nests arrays or objects deeper than 64"):
        imnn_studio.load_run(run.path)
