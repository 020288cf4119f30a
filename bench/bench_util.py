"""Shared by the Python benchmarks (imported from the scripts' own directory)."""
import time


def best_of(fn, repeat=3):
    """The best wall time of `repeat` calls of fn, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result
