"""Acceptance of the re-fit at the estimate (issue 14 §3), label slow: the Gaussian
example with a target observed at (μ, Σ) = (0.8, 2.0). The rounds must converge to within
0.1 posterior sd of the target's maximum-likelihood (μ̂, Σ̂) = (mean, biased variance) in
at most 4 rounds, and the final det F be within 10% of the analytic Fisher at the final
θ_fid, det diag(n/Σ, n/(2Σ²)) = n² / (2Σ³) (Σ is the variance: imnn-spec §5.1).

Why the Σ margin is thin (measured, refitgui branch): neither the rounds nor the
tolerance. With the exact score each round is a Fisher-scoring step, (x̄, mean((x-μ_fid)²)),
whose fixed point is the ML in two rounds. The example's IMNN carries 94% of the analytic
F_ΣΣ (99% of F_μμ) in every round, and over 4000 simulations at the rounds' θ_fid its θ̂
differs from that exact step by 0.25 posterior sd rms in Σ (0.10 in μ), i.e.
√(1/0.94 − 1): the final offset (0.097 here) is one draw of that spread. Twice n_s
(96.5%, 0.21 sd) or twice the iterations (95.9%, 0.23 sd) do not close it."""
import json

import numpy as np

from conftest import SOURCE, gaussian_simulator, imnn_studio


def test_refit_converges_to_the_maximum_likelihood(tmp_path):
    with open(SOURCE / "resources" / "examples" / "gaussian_mean_variance.json") as f:
        c = json.load(f)
    c["seed"] = 1
    c["threads"] = 2
    run = imnn_studio.fit(c, run_dir=tmp_path / "run")
    target = gaussian_simulator(np.array([2024], dtype=np.uint64), np.array([[0.8, 2.0]]))[0]
    n = target.size
    ml = np.array([target.mean(), target.var()])
    r = run.refit(target, rounds=4, tolerance=0.1, warm_start=True)
    for rd in r["rounds"]:
        th = rd["theta_fid"]
        print("round %d at %s: estimate %s, det F %.3f (analytic %.3f), moved %.3f sd" % (
            rd["round"], np.round(th, 4), np.round(rd["estimate"], 4), rd["detF"],
            n * n / (2 * th[1] ** 3), rd["moved_sd"]))
    final = r["final"]
    sd = np.sqrt([ml[1] / n, 2 * ml[1] ** 2 / n])  # posterior sds at the ML, from F⁻¹
    off = (np.array(final["estimate"]) - ml) / sd
    analytic = n * n / (2 * final["theta_fid"][1] ** 3)
    print("ML %s; final estimate %s: %s posterior sd away; det F %.3f vs analytic %.3f" % (
        ml, final["estimate"], off, final["detF"], analytic))
    assert r["converged"] and len(r["rounds"]) - 1 <= 4
    assert np.all(np.abs(off) < 0.1)
    assert abs(final["detF"] / analytic - 1) < 0.1
