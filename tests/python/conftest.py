"""Shared pieces of the imnn_studio tests: the build tree, a small Gaussian config and
the Gaussian example's simulator written in Python (vectorised, seed contract kept)."""
import copy
import json
import os
import pathlib

import numpy as np
import pytest

BUILD = pathlib.Path(os.environ.get("IMNN_BUILD_DIR", pathlib.Path(__file__).resolve().parents[2] / "build"))
SOURCE = pathlib.Path(os.environ.get("IMNN_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
IMNN = BUILD / "bin" / "imnn"

import imnn_studio  # noqa: E402  (PYTHONPATH=<build>/python)

GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def splitmix64(x):
    """SplitMix64's output function on uint64 arrays (wrapping arithmetic)."""
    x = x.astype(np.uint64)
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def normals(seeds, n):
    """n standard normals per seed, a pure function of the seed: row i depends only on
    seeds[i] (counter-based: word k = splitmix64(seed + (k + 1) * golden)), so the
    batch's composition never changes a simulation."""
    seeds = np.asarray(seeds, dtype=np.uint64)
    k = np.arange(1, 2 * n + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        words = splitmix64(seeds[:, None] + k[None, :] * GOLDEN)
    u = (words >> np.uint64(11)).astype(np.float64) * (1.0 / 9007199254740992.0)
    u1, u2 = u[:, :n], u[:, n:]
    return np.sqrt(-2.0 * np.log1p(-u1)) * np.cos(2.0 * np.pi * u2)


def gaussian_simulator(seeds, theta):
    """The Gaussian example: d = μ + √Σ ε, ε ~ N(0, I_10)."""
    eps = normals(seeds, 10)
    return theta[:, :1] + np.sqrt(theta[:, 1:2]) * eps


def gaussian_jacobian(seeds, theta):
    eps = normals(seeds, 10)
    root = np.sqrt(theta[:, 1:2])
    d = theta[:, :1] + root * eps
    jac = np.stack([np.ones_like(eps), eps / (2.0 * root)], axis=-1)
    return d, jac


def small_config(**fit):
    """The Gaussian example cut down to a few seconds."""
    with open(SOURCE / "resources" / "examples" / "gaussian_mean_variance.json") as f:
        c = json.load(f)
    c = copy.deepcopy(c)
    c["n_s"] = 200
    c["n_d"] = 200
    c["threads"] = 2
    c["seed"] = 3
    c["network"]["options"]["hidden"] = [32, 32]
    c["fit"].update({"min_iterations": 5, "patience": 5, "max_iterations": 15,
                     "n_validation": 200, "n_statistics": 400, "checkpoint_every": 10})
    c["fit"].update(fit)
    return c


@pytest.fixture
def config():
    return small_config()
