"""Notebook-style walk through imnn_studio on the reference's Gaussian example, with the
simulator written in Python (gaussian_simulator.py, next to this file).

    PYTHONPATH=build/python python3 resources/examples/python/fit_gaussian.py [--quick] [--out DIR]

1. fit an IMNN at θ_fid = (μ, Σ) = (0, 1) (analytic det F = 50), with a progress line
   from the callback; Ctrl-C stops the fit and keeps the run;
2. plot the history (det F, det C, Λ2) with matplotlib, if installed;
3. estimate θ for data observed at (μ, Σ) = (0.8, 2.0) and run ABC with the same Python
   simulator; plot the posterior with GetDist, if installed (else its files are still
   written as a GetDist root you can load later);
4. re-fit at the estimate (Run.refit) and print the trajectory of θ̂.
--quick runs a small version of each step (seconds, for the test suite).
"""
import argparse
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gaussian_simulator as g  # noqa: E402

try:
    import imnn_studio
except ImportError:
    sys.exit("imnn_studio not found: build IMNN Studio (cmake --build --preset default) and set "
             "PYTHONPATH=build/python, or install it (cmake --install build)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a small run of every step")
    ap.add_argument("--out", default="runs", help="folder for the run directories (runs)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")

    # The simulator: a batch per call; simulation i depends on seeds[i] and theta[i] only.
    sim = imnn_studio.Simulator(g.simulator, g.jacobian, theta_fid=[0.0, 1.0],
                                param_names=["mu", "Sigma"], prior_low=[-10.0, 0.0],
                                prior_high=[10.0, 10.0], name="gaussian_py")
    config = {
        "name": "gaussian_py",
        "network": {"plugin": "mlp", "options": {"hidden": [128, 128, 128], "activation": "elu"}},
        "n_s": 1000, "n_d": 1000, "seed": 0, "expected_detF": 50,
        "optimiser": {"name": "adam", "learning_rate": 0.001},
        "fit": {"n_validation": 1000, "n_statistics": 5000},
    }
    fit_args = dict(λ=10.0, ϵ=0.1, patience=250, min_iterations=1500, max_iterations=3000, best=True)
    if args.quick:
        config["network"]["options"]["hidden"] = [32, 32]
        config.update(n_s=200, n_d=200)
        config["fit"].update(n_validation=200, n_statistics=400)
        fit_args.update(patience=5, min_iterations=10, max_iterations=30)

    def progress(r):
        print("\riteration %5d  det F %7.3f  val det F %7.3f  Λ2 %8.3g" % (
            r["iteration"] + 1, r["detF"], r["val_detF"], r["Λ2"]), end="", flush=True)

    run = imnn_studio.fit(config, run_dir=os.path.join(args.out, "gaussian_py-" + stamp),
                          simulator=sim, callback=progress, callback_every=10, **fit_args)
    print("\n%s: %d iterations (%s), det F at the kept weights %.3f (analytic 50)" % (
        run.path, run.result["iterations"], run.stop_reason, run.detF))
    print("F =\n%s" % run.F)

    h = run.history
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots(3, 1, sharex=True, figsize=(5, 10))
        ax[0].plot(h["detF"], label="training")
        ax[0].plot(h["val_detF"], label="validation")
        ax[0].axhline(50, color="k", ls="--")
        ax[0].set_ylabel(r"$|F|$")
        ax[0].legend()
        ax[1].semilogy(h["detC"], label=r"$|C|$")
        ax[1].semilogy(h["detinvC"], ls=":", label=r"$|C^{-1}|$")
        ax[1].axhline(1, color="k", ls="--")
        ax[1].legend()
        ax[2].plot(h["Λ2"])
        ax[2].set_ylabel(r"$\Lambda_2$")
        ax[2].set_xlabel("iteration")
        fig.savefig(os.path.join(run.path, "history.png"), dpi=100, bbox_inches="tight")
        print("history plot: %s" % os.path.join(run.path, "history.png"))
    except ImportError:
        print("matplotlib is not installed: history plot skipped (apt-get install "
              "python3-matplotlib); the history is in run.history and history.csv")

    # Data observed at (0.8, 2.0), one simulation with seed 2024.
    target = g.simulator(np.array([2024], dtype=np.uint64), np.array([[0.8, 2.0]]))[0]
    print("target: sample mean %.4f, variance %.4f (the maximum-likelihood estimate)" % (
        target.mean(), target.var()))
    print("IMNN estimate θ̂ =", run.estimate(target))
    abc = run.infer("abc", target=target, n_samples=20000 if args.quick else 200000,
                    accept_fraction=0.01, replace=True)
    mean = np.average(abc.samples, axis=0, weights=abc.weights)
    print("ABC: %d samples, posterior mean %s -> %s" % (len(abc.samples), mean, abc.getdist_root))
    try:
        from getdist import loadMCSamples, plots
        samples = loadMCSamples(abc.getdist_root)
        p = plots.get_subplot_plotter()
        p.triangle_plot([samples], filled=True)
        p.export(os.path.join(abc.dir, "posterior.png"))
        print("posterior plot: %s" % os.path.join(abc.dir, "posterior.png"))
    except ImportError:
        print("GetDist is not installed: posterior plot skipped (pip install getdist); the "
              "samples are the GetDist root %s" % abc.getdist_root)

    # The reference's documentation: an IMNN is most informative at its fiducial point, so
    # refit there until the estimate stops moving.
    try:
        r = run.refit(target, rounds=1 if args.quick else 4, tolerance=0.1,
                      warm_start=True, max_iterations=10 if args.quick else -1)
    except RuntimeError as e:  # e.g. an estimate outside the prior box (too little training)
        print("refit stopped: %s" % e)
        return
    for rd in r["rounds"]:
        print("round %d: θ_fid %s -> θ̂ %s, det F %.3f, moved %.3f Fisher sd" % (
            rd["round"], np.round(rd["theta_fid"], 4), np.round(rd["estimate"], 4), rd["detF"],
            rd["moved_sd"]))
    print("refit %s; rounds in %s" % ("converged" if r["converged"] else "did not converge",
                                      os.path.join(run.path, "refit")))


if __name__ == "__main__":
    main()
