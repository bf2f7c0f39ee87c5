"""resources/examples/python/fit_gaussian.py runs end to end (--quick)."""
import subprocess
import sys

from conftest import SOURCE


def test_example_script_runs(tmp_path):
    out = subprocess.run([sys.executable, str(SOURCE / "resources/examples/python/fit_gaussian.py"),
                          "--quick", "--out", str(tmp_path)], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert "det F at the kept weights" in out.stdout
    assert "ABC:" in out.stdout
    assert ("round 1:" in out.stdout) or ("refit stopped:" in out.stdout)  # --quick trains little
    # plots are made or their skipping is said
    assert ("history plot:" in out.stdout) or ("history plot skipped" in out.stdout)
    assert ("posterior plot:" in out.stdout) or ("posterior plot skipped" in out.stdout)
