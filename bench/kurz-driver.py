"""Runs Kurz's generating-function algorithm as implemented in frankhuettner/powerindices on one game.

Usage: python3 kurz-driver.py <powerindices checkout> <banzhaf|shapley> < game.json
game.json: {"quota": int, "weights": [int, ...]}. Prints one JSON line: {"index", "values", "computeMs"}.

The package is imported from the checkout via sys.path (it is one file, and PyPI may be unreachable), so the
benchmark measures exactly the fetched commit. computeMs times the library call alone; the benchmark also times
the whole process (interpreter start and numpy import included).
"""

import json
import sys
import time


def main() -> None:
    checkout, index = sys.argv[1], sys.argv[2]
    sys.path.insert(0, checkout)
    import powerindices  # noqa: E402 — the path is only known at run time

    game = json.load(sys.stdin)
    compute = {"banzhaf": powerindices.compute_pbi, "shapley": powerindices.compute_ssi}[index]
    start = time.perf_counter()
    # compute_pbi returns the Penrose (absolute) index, swings / 2^(n-1); compute_ssi the Shapley–Shubik index.
    values = compute(game["quota"], list(game["weights"]))
    elapsed_ms = (time.perf_counter() - start) * 1000
    print(json.dumps({"index": index, "values": [float(v) for v in values], "computeMs": elapsed_ms}))


if __name__ == "__main__":
    main()
