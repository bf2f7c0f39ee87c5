#!/usr/bin/env bash
# The plugin template (resources/plugin_template) as an outside author uses it:
# configured and built on its own with -Werror against the source tree's headers,
# found by `imnn plugins --plugin-dir`, and fitted with `imnn fit` in the exact-
# gradient mode (its Jacobian) to most of its analytic Fisher information.
# Usage: plugin_template_test.sh SOURCE_DIR WORK_DIR IMNN
set -euo pipefail
src=$1 work=$2 imnn=$3
rm -rf "$work" && mkdir -p "$work"
cmake -S "$src/resources/plugin_template" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DIMNN_INCLUDE_DIR="$src/core/include" -DCMAKE_C_FLAGS=-Werror >"$work/configure.log"
cmake --build "$work/build" >"$work/build.log"
test -f "$work/build/noisy_line.so" || { echo "FAIL: noisy_line.so not built"; exit 1; }

listing=$("$imnn" plugins --json --plugin-dir "$work/build")
grep -q '"noisy_line"' <<<"$listing" || { echo "FAIL: imnn plugins does not list noisy_line"; exit 1; }

# A bad option is refused with the plugin's message.
if out=$("$imnn" simulate noisy_line --mode gradient -o "$work/bad" --options '{"n_pts": 3}' \
  --plugin-dir "$work/build" 2>&1); then
  echo "FAIL: an unknown option was accepted"; exit 1
fi
grep -q 'unknown option "n_pts"' <<<"$out" || { echo "FAIL: message was: $out"; exit 1; }

cat >"$work/config.json" <<JSON
{"name": "template", "simulator": "noisy_line", "plugin_dirs": ["build"], "mode": "simulator",
 "n_s": 1000, "n_d": 1000, "seed": 3,
 "network": {"plugin": "mlp", "options": {"hidden": [128, 128, 128], "activation": "elu"}},
 "fit": {"max_iterations": 3000, "min_iterations": 1000, "patience": 500}}
JSON
(cd "$work" && "$imnn" fit config.json --quiet --run-dir runs/template)
result=$(find "$work/runs" -name result.json | head -n 1)
test -n "$result" || { echo "FAIL: no result.json"; exit 1; }
python3 - "$result" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
x = [i / 19 for i in range(20)]
bound = 20 * sum(v * v for v in x) - sum(x) ** 2  # det(X^T X) / sigma^4, sigma = 1
det = r["val_detF"]
print(f"noisy_line: val det F {det:.2f} of the analytic {bound:.2f} ({100 * det / bound:.1f}%)")
sys.exit(0 if det >= 0.9 * bound else 1)
PY
