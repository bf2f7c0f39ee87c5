"""The Gaussian example (imnn-spec §5.1) as a simulator written in Python, for
imnn_studio.fit(..., simulator=...) and for `imnn fit` through the `python` plugin
(resources/examples/python/gaussian_python.json):

    d = μ + √Σ ε,  ε ~ N(0, I_10),  θ = (μ, Σ),  θ_fid = (0, 1),  det F = 50.

The seed contract of the engine: simulation i must depend only on seeds[i] and
theta[i] (the same seed gives the same simulation, whatever else is in the batch), so
that the ± perturbed copies of a simulation share its noise and a run is
reproducible. Two ways to honour it:

* simple: one generator per simulation, numpy.random.Generator(numpy.random.Philox(
  key=seed)) (about 100 µs per simulation: fine for expensive simulators);
* vectorised (used here): a counter-based hash of (seed, draw index), SplitMix64,
  turned into normals with Box-Muller, for the whole batch at once (about 1 µs per
  simulation).
"""
import numpy as np

N_DATA = 10
GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def _splitmix64(x):
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def normals(seeds, n):
    """n standard normals per seed; row i is a pure function of seeds[i]."""
    seeds = np.asarray(seeds, dtype=np.uint64)
    k = np.arange(1, 2 * n + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        words = _splitmix64(seeds[:, None] + k[None, :] * GOLDEN)
    u = (words >> np.uint64(11)).astype(np.float64) * (1.0 / 9007199254740992.0)
    return np.sqrt(-2.0 * np.log1p(-u[:, :n])) * np.cos(2.0 * np.pi * u[:, n:])


def normals_philox(seeds, n):
    """The same contract, one numpy Philox generator per simulation (slower)."""
    return np.stack([np.random.Generator(np.random.Philox(key=int(s))).standard_normal(n)
                     for s in seeds])


def simulator(seeds, theta):
    """seeds: uint64 (n,), theta: float64 (n, 2) -> (n, 10)."""
    return theta[:, :1] + np.sqrt(theta[:, 1:2]) * normals(seeds, N_DATA)


def jacobian(seeds, theta):
    """-> (simulations (n, 10), d simulation / d θ (n, 10, 2))."""
    eps = normals(seeds, N_DATA)
    root = np.sqrt(theta[:, 1:2])
    return theta[:, :1] + root * eps, np.stack([np.ones_like(eps), eps / (2.0 * root)], axis=-1)
