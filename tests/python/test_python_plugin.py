"""The `python` simulator plugin: the same Python simulator in `imnn fit` (the
interpreter embedded in the plugin) and in imnn_studio.fit, with the same run."""
import json
import os
import shutil
import subprocess

import numpy as np
import pytest

from conftest import BUILD, IMNN, SOURCE, imnn_studio, small_config

EXAMPLES = SOURCE / "resources" / "examples" / "python"


def plugin_config(**options):
    c = small_config()
    c["mode"] = "auto"
    o = {"function": "gaussian_simulator:simulator", "jacobian": "gaussian_simulator:jacobian",
         "sys_path": str(EXAMPLES), "theta_fid": [0.0, 1.0], "param_names": ["mu", "Sigma"],
         "prior_low": [-10.0, 0.0], "prior_high": [10.0, 10.0]}
    o.update(options)
    c["simulator"] = {"plugin": "python", "options": o}
    return c


def history(run_dir):
    rows = (run_dir / "history.csv").read_text().splitlines()
    return [",".join(r.split(",")[:-1]) for r in rows]  # all but the wall time


def test_cli_and_module_give_the_same_run(tmp_path):
    cfg = tmp_path / "c.json"
    cfg.write_text(json.dumps(plugin_config()))
    out = subprocess.run([str(IMNN), "fit", str(cfg), "--run-dir", str(tmp_path / "cli"), "-q"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    cli = json.loads((tmp_path / "cli" / "config.json").read_text())
    assert cli["mode"] == "simulator" and cli["theta_fid"] == [0.0, 1.0]
    # the plugin inside this Python process
    run = imnn_studio.fit(plugin_config(), run_dir=tmp_path / "in_process")
    assert history(tmp_path / "cli") == history(tmp_path / "in_process")
    # the function given directly
    import sys
    sys.path.insert(0, str(EXAMPLES))
    import gaussian_simulator as g
    sim = imnn_studio.Simulator(g.simulator, g.jacobian, theta_fid=[0.0, 1.0],
                                param_names=["mu", "Sigma"], prior_low=[-10.0, 0.0],
                                prior_high=[10.0, 10.0])
    c = small_config()
    c["mode"] = "auto"
    del c["simulator"]
    direct = imnn_studio.fit(c, run_dir=tmp_path / "direct", simulator=sim)
    assert history(tmp_path / "cli") == history(tmp_path / "direct")
    assert direct.param_names == ["mu", "Sigma"]
    # and the CLI's inference uses the Python simulator for ABC
    out = subprocess.run([str(IMNN), "infer", "abc", str(tmp_path / "cli"), "--target-theta", "0.5",
                          "1.5", "--n-samples", "5000", "--accept-fraction", "0.02", "-q"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "100 samples" in out.stdout


def test_bad_options_and_missing_module_name_the_problem(tmp_path):
    cfg = tmp_path / "c.json"
    c = plugin_config()
    del c["simulator"]["options"]["function"]
    cfg.write_text(json.dumps(c))
    out = subprocess.run([str(IMNN), "fit", str(cfg), "--run-dir", str(tmp_path / "a"), "-q"],
                         capture_output=True, text=True)
    assert out.returncode == 1
    assert 'option \\"function\\" is missing' in out.stderr or 'option "function" is missing' in out.stderr
    cfg.write_text(json.dumps(plugin_config(function="no_such_module:f")))
    out = subprocess.run([str(IMNN), "fit", str(cfg), "--run-dir", str(tmp_path / "b"), "-q"],
                         capture_output=True, text=True)
    assert out.returncode == 1
    assert "ModuleNotFoundError: No module named 'no_such_module'" in out.stderr
    cfg.write_text(json.dumps(plugin_config(function="gaussian_simulator:simulater")))
    out = subprocess.run([str(IMNN), "fit", str(cfg), "--run-dir", str(tmp_path / "c"), "-q"],
                         capture_output=True, text=True)
    assert "has no attribute 'simulater'" in out.stderr
    cfg.write_text(json.dumps(plugin_config(sys_paht=".")))
    out = subprocess.run([str(IMNN), "fit", str(cfg), "--run-dir", str(tmp_path / "d"), "-q"],
                         capture_output=True, text=True)
    assert 'unknown option "sys_paht"' in out.stderr


def test_sys_path_is_relative_to_the_config_folder(tmp_path):
    # The module lives next to the config; imnn starts in another folder.
    (tmp_path / "cfg" / "mods").mkdir(parents=True)
    (tmp_path / "cfg" / "mods" / "gaussian_simulator.py").write_text(
        (EXAMPLES / "gaussian_simulator.py").read_text())
    (tmp_path / "elsewhere").mkdir()
    cfg = tmp_path / "cfg" / "c.json"
    c = plugin_config(sys_path="mods")
    c["fit"]["max_iterations"] = 2
    cfg.write_text(json.dumps(c))
    out = subprocess.run([str(IMNN), "fit", str(cfg), "--run-dir", str(tmp_path / "run"), "-q"],
                         capture_output=True, text=True, cwd=tmp_path / "elsewhere")
    assert out.returncode == 0, out.stderr
    saved = json.loads((tmp_path / "run" / "config.json").read_text())
    assert saved["simulator"]["options"]["sys_path"] == str(tmp_path / "cfg" / "mods")
    # a list is resolved entry by entry; absolute entries stay as they are
    c["simulator"]["options"]["sys_path"] = ["mods", str(EXAMPLES)]
    cfg.write_text(json.dumps(c))
    out = subprocess.run([str(IMNN), "fit", str(cfg), "--run-dir", str(tmp_path / "run2"), "-q"],
                         capture_output=True, text=True, cwd=tmp_path / "elsewhere")
    assert out.returncode == 0, out.stderr
    saved = json.loads((tmp_path / "run2" / "config.json").read_text())
    assert saved["simulator"]["options"]["sys_path"] == [str(tmp_path / "cfg" / "mods"),
                                                         str(EXAMPLES)]


MPIRUN = shutil.which("mpirun")
CACHE = BUILD / "CMakeCache.txt"
WITH_MPI = CACHE.exists() and "IMNN_MPI:BOOL=ON" in CACHE.read_text()


@pytest.mark.skipif(MPIRUN is None or not WITH_MPI, reason="imnn built without MPI (IMNN_MPI)")
def test_python_plugin_under_mpirun_gives_the_one_process_history(tmp_path):
    cfg = tmp_path / "c.json"
    c = plugin_config()
    c["threads"] = 1
    c["n_per_device"] = 50  # 4 chunks: both ranks simulate in Python
    cfg.write_text(json.dumps(c))
    one = subprocess.run([str(IMNN), "fit", str(cfg), "--run-dir", str(tmp_path / "one"), "-q"],
                         capture_output=True, text=True)
    assert one.returncode == 0, one.stderr
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1",
               OMPI_MCA_rmaps_base_oversubscribe="1", OMP_NUM_THREADS="1")
    two = subprocess.run([MPIRUN, "--oversubscribe", "-n", "2", str(IMNN), "fit", str(cfg),
                          "--run-dir", str(tmp_path / "two"), "-q"],
                         capture_output=True, text=True, env=env, timeout=240)
    assert two.returncode == 0, two.stderr
    result = json.loads((tmp_path / "two" / "result.json").read_text())
    assert result["aggregation"]["ranks"] == 2
    assert history(tmp_path / "one") == history(tmp_path / "two")
    assert json.loads((tmp_path / "one" / "model.json").read_text())["weights"] == \
        json.loads((tmp_path / "two" / "model.json").read_text())["weights"]
