"""Helpers shared by the Python benchmarks (imported from the script's own folder)."""
import time


def best_of(fn, repeat=3):
    """The fastest of `repeat` runs of fn() in seconds, and its last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result
