"""W3 at any size: the cycle's results loaded from STORE and computed in one process, as the
window and every command compute them once the store is open (issue 16: ≤ 1 s at 2,000
platforms). The median and the best of 5 runs after one warm-up, and the CPU time of the
median run; the store is opened read-only, once, before.

    python benchmarks/results_in_process.py STORE [OUT.json]
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from jlpanel.services.results import compute_workspace_results
from jlpanel.services.workspace import open_workspace


def main(store: str, out: Path | None) -> None:
    with open_workspace(store, read_only=True) as ws:
        compute_workspace_results(ws)  # warm: imports, caches, the page cache
        runs: list[tuple[float, float]] = []
        for _ in range(5):
            c0, t0 = time.process_time(), time.perf_counter()
            results = compute_workspace_results(ws)
            runs.append((time.perf_counter() - t0, time.process_time() - c0))
    runs.sort()
    median, cpu = runs[len(runs) // 2]
    found = {
        "seconds": median,
        "best": runs[0][0],
        "cpu": cpu,
        "platforms": len(results.platforms),
        "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }
    print(
        f"results of {found['platforms']:,} platforms loaded and computed in "
        f"{median * 1000:.0f} ms (median of 5; best {runs[0][0] * 1000:.0f} ms; "
        f"CPU {cpu * 1000:.0f} ms)"
    )
    if out is not None:
        out.write_text(json.dumps(found))


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]) if len(sys.argv) > 2 else None)
