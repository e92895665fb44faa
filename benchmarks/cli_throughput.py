"""Throughput and memory of the command line on big JSONL files, for one and two worker processes.

    python benchmarks/cli_throughput.py                        # 50 and 200 MB, --jobs 1 and 2
    python benchmarks/cli_throughput.py --sizes 50 --jobs 1 2 4 --bench ../shared/bench

Builds a corpus from the development set's scraped-text views (``<bench>/aeb/views.jsonl``):
records ``{"id", "text"}`` from the ``recall`` and ``ptags`` views, repeated until the size is reached,
in a temporary folder. Then runs, as a subprocess,

    python -m cleaner clean corpus.jsonl -o out.jsonl --format jsonl --jobs N --quiet

and reports wall time, MB/s (input bytes / wall time, start-up included) and peak RSS (the largest
single process: the parent or one worker). Targets: >= 15 MB/s with one job, two jobs >= 1.7x one
job, and peak memory flat as the input grows. Prints a markdown table.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from devset import DEFAULT_BENCH
VIEWS = ("recall", "ptags")

# Runs one command and prints "<seconds> <max RSS of any descendant, KiB> <exit status>": the
# children's rusage of this wrapper covers exactly one cleaner run and its workers.
_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "status = subprocess.run(sys.argv[1:]).returncode\n"
    "seconds = time.perf_counter() - start\n"
    "print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, status)\n"
)


def build_corpus(views_path: Path, target: Path, megabytes: float) -> int:
    """Write records until ``megabytes`` (10^6 bytes) is reached; returns the size in bytes."""
    texts = []
    with views_path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                record = json.loads(line)
                texts.extend((f"{record['id']}-{view}", record["views"][view]) for view in VIEWS)
    limit = int(megabytes * 1e6)
    size = 0
    copy = 0
    with target.open("wb") as out:
        while size < limit:
            for name, text in texts:
                line = json.dumps({"id": f"{name}-{copy}", "text": text}, ensure_ascii=False).encode() + b"\n"
                out.write(line)
                size += len(line)
                if size >= limit:
                    break
            copy += 1
    return size


def run(corpus: Path, output: Path, jobs: int, extra: list[str]) -> tuple[float, int, int]:
    command = [sys.executable, "-m", "cleaner", "clean", str(corpus), "-o", str(output), "--format", "jsonl",
               "--jobs", str(jobs), "--quiet", *extra]
    done = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True)
    seconds, rss_kib, status = done.stdout.split()
    if int(status) != 0:
        sys.exit(f"error: cleaner exited with {status}")
    return float(seconds), int(rss_kib), int(status)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="folder with aeb/views.jsonl")
    parser.add_argument("--sizes", type=float, nargs="+", default=[50, 200], help="corpus sizes in MB (default: 50 200)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker counts (default: 1 2)")
    parser.add_argument("--engine", choices=("hyperscan", "re"), help="pass --engine to cleaner (default: its own)")
    args = parser.parse_args(argv)

    views_path = args.bench / "aeb" / "views.jsonl"
    if not views_path.is_file():
        sys.exit(f"error: no development set at {views_path} (pass --bench)")
    rows = []
    with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as tmp:
        for megabytes in args.sizes:
            corpus = Path(tmp) / f"corpus-{megabytes:g}.jsonl"
            size = build_corpus(views_path, corpus, megabytes)
            base = None
            for jobs in args.jobs:
                output = Path(tmp) / "out.jsonl"
                seconds, rss_kib, _ = run(corpus, output, jobs, ["--engine", args.engine] if args.engine else [])
                output.unlink()
                speed = size / 1e6 / seconds
                base = base or speed
                rows.append((megabytes, jobs, seconds, speed, speed / base, rss_kib / 1024))
                print(f"{megabytes:g} MB, --jobs {jobs}: {seconds:.1f} s, {speed:.2f} MB/s, "
                      f"peak RSS {rss_kib / 1024:.0f} MiB", file=sys.stderr, flush=True)
            corpus.unlink()
    print("| input | jobs | wall time (s) | MB/s | speed-up | peak RSS (MiB) |")
    print("|---:|---:|---:|---:|---:|---:|")
    for megabytes, jobs, seconds, speed, ratio, rss in rows:
        print(f"| {megabytes:g} MB | {jobs} | {seconds:.1f} | {speed:.2f} | {ratio:.2f}x | {rss:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
