"""Benchmarks: run by `make bench`, never by `make test`.

Each benchmark measures a baseline in the same run and asserts a ratio against it, because these
machines are noisy: absolute times would say more about the neighbours than about our code.
"""

from __future__ import annotations

import statistics


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def report(name: str, ours: float, base: float, target: float, stat: str = "p95") -> None:
    ratio = ours / base
    verdict = "ok" if ratio <= target else "OVER TARGET"
    print(
        f"\n[bench] {name}: ours {stat} {ours * 1000:.3f} ms, "
        f"baseline {stat} {base * 1000:.3f} ms, ratio {ratio:.2f} (target <= {target}) {verdict}"
    )
