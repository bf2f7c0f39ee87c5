// Checks an analytic weight gradient against central finite differences of the
// loss on its `count` largest components (clear of float round-off).
#pragma once

#include <QtTest>
#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <vector>

// Returns an empty string when every checked component agrees to 3% (+1e-3),
// else a message naming the first weight that does not.
inline QString check_gradient_fd(const std::vector<float> &w, const std::vector<float> &grad,
                                 const std::function<double(const std::vector<float> &)> &loss,
                                 int count) {
  std::vector<std::size_t> idx(w.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::partial_sort(idx.begin(), idx.begin() + count, idx.end(),
                    [&](auto a, auto b) { return std::fabs(grad[a]) > std::fabs(grad[b]); });
  for (int k = 0; k < count; ++k) {
    const std::size_t i = idx[static_cast<std::size_t>(k)];
    const float h = 2e-3f * std::max(1.0f, std::fabs(w[i]));
    auto wp = w, wm = w;
    wp[i] += h;
    wm[i] -= h;
    const double fd = (loss(wp) - loss(wm)) / double(wp[i] - wm[i]);
    const double an = grad[i];
    if (!(std::fabs(fd - an) <= 0.03 * std::fabs(an) + 1e-3))
      return QString("weight %1: analytic %2 vs finite difference %3").arg(i).arg(an).arg(fd);
  }
  return {};
}
