"""cleaner against peer extractors on the raw HTML pages of the development set (AEB).

    python benchmarks/html_peers.py                                  # every system, all pages
    python benchmarks/html_peers.py --systems trafilatura resiliparse --limit 20
    python benchmarks/html_peers.py --bench ../shared/bench --out-md results.md --out-png results.png

Needs the ``bench`` extra (``pip install -e '.[bench]'``). Reads ``<bench>/aeb/html/<id>.html.gz`` and
``<bench>/aeb/ground-truth.json`` and scores with the reference scorer ``<bench>/score.py``.
``--bench`` defaults to ``../shared/bench`` relative to the repository root.

Each system runs in its own child process (so a hard crash or a leaked global cannot affect the
others) over all pages in turn: one untimed warm-up call on the first page, then every page timed
around the extraction call only; pages/s = pages / total timed seconds. A page that raises or takes
longer than ``--page-timeout`` seconds (SIGALRM) yields an empty text and counts as a failure.
Sockets are disabled in the children, so no system can reach the network (attempts are reported).

Prints a markdown table sorted by F1 (also written to ``--out-md``), the ratio of cleaner's time per
page to trafilatura's (default settings, same run), and draws precision against recall to ``--out-png``.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.metadata
import importlib.util
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from devset import DEFAULT_BENCH, load_scorer

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT_MD = REPO_ROOT / "benchmarks" / "results" / "html_peers.md"
DEFAULT_OUT_PNG = REPO_ROOT / "benchmarks" / "results" / "html_peers.png"

Extractor = Callable[[str, str], str]
"""html, url -> extracted text."""


class NotAvailable(Exception):
    """The system is installed but lacks the entry point (e.g. ``cleaner.clean_html`` not written yet)."""


class PageTimeout(Exception):
    """One page took longer than the per-page limit."""


# ----------------------------------------------------------------------------- systems
# Each factory imports its library and returns the extractor; an ImportError there means
# "not installed". Setup done by a factory (stoplists, extractor objects) is not timed.

BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption footer h1 h2 h3 h4 h5 h6 header "
    "hr li main ol p pre section table td th tr ul".split()
)


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment, one line per block element (for readability-lxml)."""
    import lxml.html

    if not fragment.strip():
        return ""
    root = lxml.html.fromstring(fragment)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _text_of(result: Any) -> str:
    """A str, or the ``.text`` of a result object (cleaner may return a CleanedText)."""
    if result is None:
        return ""
    if isinstance(result, str):
        return result
    return str(getattr(result, "text", result))


def make_cleaner(profile: str | None) -> Extractor:
    import cleaner

    clean_html = getattr(cleaner, "clean_html", None)
    if clean_html is None:
        raise NotAvailable("cleaner.clean_html does not exist yet")
    if profile is None:
        return lambda html, url: _text_of(clean_html(html, url=url))
    config = cleaner.CleanerConfig(profile=profile)
    return lambda html, url: _text_of(clean_html(html, url=url, config=config))


def make_trafilatura(**options: Any) -> Extractor:
    import trafilatura

    return lambda html, url: trafilatura.extract(html, url=url, **options) or ""


def make_readability() -> Extractor:
    from readability import Document

    return lambda html, url: html_to_text(Document(html).summary())


def make_justext() -> Extractor:
    import justext

    stoplist = justext.get_stoplist("English")

    def extract(html: str, url: str) -> str:
        paragraphs = justext.justext(html.encode("utf-8"), stoplist, encoding="utf-8")
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return extract


def make_boilerpy3() -> Extractor:
    from boilerpy3 import extractors

    extractor = extractors.ArticleExtractor()
    return lambda html, url: extractor.get_content(html) or ""


def make_goose3() -> Extractor:
    from goose3 import Goose

    goose = Goose()  # image fetching is off by default; raw_html means nothing is downloaded
    return lambda html, url: goose.extract(raw_html=html).cleaned_text or ""


def make_newspaper4k() -> Extractor:
    import newspaper

    def extract(html: str, url: str) -> str:
        # input_html: never downloads the page; no image fetching, no meta-refresh follow-up.
        # Language from <meta> (default): the set has ru/id/ko/ja pages. ko and ja need optional
        # tokenizers (newspaper4k[nlp], [ja]); without them those pages raise and count as failures.
        article = newspaper.Article(url, fetch_images=False, follow_meta_refresh=False, memorize_articles=False)
        article.download(input_html=html)
        article.parse()
        return article.text or ""

    return extract


def make_resiliparse() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text

    return lambda html, url: extract_plain_text(html, main_content=True)


@dataclass(frozen=True)
class System:
    key: str
    label: str
    distribution: str
    factory: Callable[[], Extractor]


SYSTEMS: dict[str, System] = {
    s.key: s
    for s in (
        System("cleaner", "cleaner", "cleaner", lambda: make_cleaner(None)),
        System("cleaner-conservative", "cleaner (conservative)", "cleaner", lambda: make_cleaner("conservative")),
        System("trafilatura", "trafilatura", "trafilatura", make_trafilatura),
        System(
            "trafilatura-precision", "trafilatura (favor_precision)", "trafilatura",
            lambda: make_trafilatura(favor_precision=True),
        ),
        System(
            "trafilatura-no-comments", "trafilatura (include_comments=False)", "trafilatura",
            lambda: make_trafilatura(include_comments=False),
        ),
        System("readability", "readability-lxml", "readability-lxml", make_readability),
        System("justext", "jusText (English stoplist)", "jusText", make_justext),
        System("boilerpy3", "boilerpy3 (ArticleExtractor)", "boilerpy3", make_boilerpy3),
        System("goose3", "goose3", "goose3", make_goose3),
        System("newspaper4k", "newspaper4k", "newspaper4k", make_newspaper4k),
        System("resiliparse", "resiliparse (main_content)", "resiliparse", make_resiliparse),
    )
}
SPEED_PAIR = ("cleaner", "trafilatura")  # time per page of the first ÷ that of the second


# ----------------------------------------------------------------------------- data

@dataclass(frozen=True)
class Page:
    id: str
    url: str
    html: str
    gold: str


def load_pages(bench: Path, limit: int | None) -> list[Page]:
    aeb = bench / "aeb"
    truth_path = aeb / "ground-truth.json"
    if not truth_path.is_file():
        sys.exit(f"error: no development set at {truth_path} (pass --bench)")
    truth: dict[str, dict[str, str]] = json.loads(truth_path.read_text(encoding="utf-8"))
    pages: list[Page] = []
    for page_id in sorted(truth)[:limit]:
        html_path = aeb / "html" / f"{page_id}.html.gz"
        html = gzip.decompress(html_path.read_bytes()).decode("utf-8")
        record = truth[page_id]
        pages.append(Page(page_id, record.get("url") or "", html, record.get("articleBody") or ""))
    return pages


# ----------------------------------------------------------------------------- worker (child process)

_network_attempts = 0


def disable_network() -> None:
    """Make every socket connection and name lookup fail (and count the attempts)."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        global _network_attempts
        _network_attempts += 1
        raise OSError("network access is disabled in html_peers benchmark")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse
    socket.getaddrinfo = refuse


@dataclass
class RunResult:
    status: str = "ok"  # ok | not installed | not available | setup failed | crashed
    detail: str = ""
    version: str = ""
    outputs: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    failures: int = 0
    timeouts: int = 0
    errors: list[str] = field(default_factory=list)
    network_attempts: int = 0


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise PageTimeout


def _guarded(extract: Extractor, page: Page, timeout: float) -> str:
    """The extracted text (raises on failure, PageTimeout after ``timeout`` seconds)."""
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return _text_of(extract(page.html, page.url))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def run_system(system: System, pages: list[Page], timeout: float) -> RunResult:
    result = RunResult()
    try:
        result.version = importlib.metadata.version(system.distribution)
    except importlib.metadata.PackageNotFoundError:
        pass
    disable_network()
    try:
        extract = system.factory()
    except ImportError as exc:
        return RunResult(status="not installed", detail=str(exc))
    except NotAvailable as exc:
        return RunResult(status="not available", detail=str(exc), version=result.version)
    except Exception as exc:  # noqa: BLE001 - any setup error is reported, not raised
        return RunResult(status="setup failed", detail=f"{type(exc).__name__}: {exc}", version=result.version)

    signal.signal(signal.SIGALRM, _on_alarm)
    if pages:  # warm-up: lazy imports and caches, not timed, result discarded
        try:
            _guarded(extract, pages[0], timeout)
        except Exception:  # noqa: BLE001
            pass
    for page in pages:
        text = ""
        start = time.perf_counter()
        try:
            text = _guarded(extract, page, timeout)
        except PageTimeout:
            result.failures += 1
            result.timeouts += 1
            result.errors.append(f"{page.id[:12]}: timeout after {timeout:g} s")
        except Exception as exc:  # noqa: BLE001 - a page that raises is scored as empty
            result.failures += 1
            result.errors.append(" ".join(f"{page.id[:12]}: {type(exc).__name__}: {exc}".split())[:200])
        result.seconds += time.perf_counter() - start
        result.outputs[page.id] = text
    result.network_attempts = _network_attempts
    return result


def worker_main(key: str, bench: Path, limit: int | None, timeout: float, out: Path) -> int:
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    result = run_system(SYSTEMS[key], load_pages(bench, limit), timeout)
    out.write_text(json.dumps(result.__dict__), encoding="utf-8")
    return 0


# ----------------------------------------------------------------------------- driver (parent process)

def run_in_child(key: str, args: argparse.Namespace, n_pages: int) -> RunResult:
    with tempfile.TemporaryDirectory(prefix="html_peers_") as tmp:
        out = Path(tmp) / "result.json"
        command = [
            sys.executable, str(Path(__file__).resolve()), "--worker", key, "--worker-out", str(out),
            "--bench", str(args.bench), "--page-timeout", str(args.page_timeout),
        ]
        if args.limit is not None:
            command += ["--limit", str(args.limit)]
        budget = (n_pages + 1) * args.page_timeout + 300
        try:
            proc = subprocess.run(command, capture_output=True, text=True, timeout=budget, check=False)
        except subprocess.TimeoutExpired:
            return RunResult(status="crashed", detail=f"whole run exceeded {budget:g} s")
        if proc.returncode != 0 or not out.is_file():
            code = proc.returncode
            how = f"killed by signal {-code}" if code < 0 else f"exit code {code}"
            tail = proc.stderr.strip().splitlines()[-1:] if proc.stderr.strip() else []
            return RunResult(status="crashed", detail="; ".join([how, *tail])[:300])
        return RunResult(**json.loads(out.read_text(encoding="utf-8")))


@dataclass
class Row:
    system: System
    run: RunResult
    scores: dict[str, float] | None
    n_pages: int

    @property
    def seconds_per_page(self) -> float | None:
        return self.run.seconds / self.n_pages if self.run.status == "ok" and self.n_pages else None

    @property
    def pages_per_second(self) -> float | None:
        return self.n_pages / self.run.seconds if self.run.status == "ok" and self.run.seconds > 0 else None


def render_table(rows: list[Row]) -> str:
    lines = [
        "| system | version | F1 | precision | recall | pages/s | failures | status |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        run = row.run
        version = run.version or "—"
        if row.scores is None:
            status = f"{run.status}: {run.detail}" if run.detail else run.status
            lines.append(f"| {row.system.label} | {version} | — | — | — | — | — | {status} |")
            continue
        failures = f"{run.failures}/{row.n_pages}" + (f" ({run.timeouts} timeouts)" if run.timeouts else "")
        notes = ["ok"]
        if run.network_attempts:
            notes.append(f"{run.network_attempts} network attempts blocked")
        lines.append(
            f"| {row.system.label} | {version} | {row.scores['f1']:.3f} | {row.scores['precision']:.3f} "
            f"| {row.scores['recall']:.3f} | {row.pages_per_second or 0:.1f} | {failures} | {', '.join(notes)} |"
        )
    return "\n".join(lines)


def speed_ratio_line(rows: list[Row]) -> str:
    by_key = {row.system.key: row for row in rows}
    numerator, denominator = (by_key.get(key) for key in SPEED_PAIR)
    if numerator is None or denominator is None:
        return f"Speed ratio {SPEED_PAIR[0]} ÷ {SPEED_PAIR[1]}: n/a (run both systems to measure it)."
    num_spp, den_spp = numerator.seconds_per_page, denominator.seconds_per_page
    if num_spp is None or den_spp is None or den_spp == 0:
        missing = numerator if num_spp is None else denominator
        return f"Speed ratio {SPEED_PAIR[0]} ÷ {SPEED_PAIR[1]}: n/a ({missing.system.label}: {missing.run.status})."
    return (
        f"Speed ratio (time per page, same run): {numerator.system.label} ÷ {denominator.system.label} = "
        f"{num_spp / den_spp:.2f} ({num_spp * 1000:.1f} ms vs {den_spp * 1000:.1f} ms per page)."
    )


def place_labels(ax: Any, labels: list[tuple[str, tuple[float, float]]]) -> None:
    """Annotate points, trying offsets until a label overlaps neither earlier labels nor the axes edge."""
    renderer = ax.figure.canvas.get_renderer()
    axes_box = ax.get_window_extent(renderer)
    placed: list[Any] = []
    candidates = [(6, 2, "left"), (-6, 2, "right"), (6, -11, "left"), (-6, -11, "right"),
                  (6, 13, "left"), (-6, 13, "right"), (6, -22, "left"), (-6, -22, "right"),
                  (6, 24, "left"), (-6, 24, "right"), (6, -33, "left"), (-6, -33, "right")]
    for text, xy in sorted(labels, key=lambda item: -item[1][1]):
        annotation = None
        for dx, dy, align in candidates:
            if annotation is not None:
                annotation.remove()
            annotation = ax.annotate(text, xy, fontsize=8, xytext=(dx, dy), textcoords="offset points", ha=align,
                                     arrowprops={"arrowstyle": "-", "color": "0.6", "linewidth": 0.5}
                                     if abs(dy) > 10 else None)
            box = annotation.get_window_extent(renderer)
            inside = axes_box.x0 <= box.x0 and box.x1 <= axes_box.x1 and box.y1 <= axes_box.y1
            if inside and not any(box.overlaps(other) for other in placed):
                break
        if annotation is not None:
            placed.append(annotation.get_window_extent(renderer))


def draw_chart(rows: list[Row], path: Path, n_pages: int) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    scored = [row for row in rows if row.scores is not None]
    fig, ax = plt.subplots(figsize=(8, 6.5), dpi=120)
    recalls = [row.scores["recall"] for row in scored if row.scores]
    precisions = [row.scores["precision"] for row in scored if row.scores]
    low = max(0.0, min([*recalls, *precisions, 0.8]) - 0.05)
    # iso-F1 curves for orientation
    for f1 in (0.7, 0.8, 0.85, 0.9, 0.95):
        xs = [low + i * (1.0 - low) / 200 for i in range(201)]
        pts = [(r, f1 * r / (2 * r - f1)) for r in xs if 2 * r - f1 > 0 and f1 * r / (2 * r - f1) <= 1.0]
        if pts:
            ax.plot([p[0] for p in pts], [p[1] for p in pts], color="0.85", linewidth=0.8, zorder=0)
            ax.annotate(f"F1={f1:g}", pts[-1], fontsize=7, color="0.6", xytext=(2, -8), textcoords="offset points")
    ax.set_xlim(low, 1.0)
    ax.set_ylim(low, 1.0)
    for row in scored:
        assert row.scores is not None
        color = "tab:red" if row.system.key.startswith("cleaner") else "tab:blue"
        ax.scatter(row.scores["recall"], row.scores["precision"], s=40, color=color, zorder=3)
    ax.set_xlabel("recall")
    ax.set_ylabel("precision")
    ax.set_title(f"Article body extraction from HTML, AEB development set ({n_pages} pages)")
    ax.grid(True, linewidth=0.3)
    fig.tight_layout()  # before the labels: their placement reads the final axes geometry
    place_labels(ax, [(f"{row.system.label} ({row.scores['f1']:.3f})",
                       (row.scores["recall"], row.scores["precision"])) for row in scored if row.scores])
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="folder with score.py and aeb/")
    parser.add_argument("--systems", nargs="+", default=list(SYSTEMS), choices=list(SYSTEMS), metavar="SYSTEM",
                        help=f"systems to run (default: all): {', '.join(SYSTEMS)}")
    parser.add_argument("--limit", type=int, help="only the first N pages (sorted by id)")
    parser.add_argument("--page-timeout", type=float, default=30.0, help="seconds per page (default 30)")
    parser.add_argument("--out-md", type=Path, default=DEFAULT_OUT_MD)
    parser.add_argument("--out-png", type=Path, default=DEFAULT_OUT_PNG)
    parser.add_argument("--worker", choices=list(SYSTEMS), help=argparse.SUPPRESS)
    parser.add_argument("--worker-out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.bench = args.bench.resolve()

    if args.worker:
        return worker_main(args.worker, args.bench, args.limit, args.page_timeout, args.worker_out)

    score = load_scorer(args.bench)
    pages = load_pages(args.bench, args.limit)
    golds = [page.gold for page in pages]
    rows: list[Row] = []
    for key in dict.fromkeys(args.systems):
        system = SYSTEMS[key]
        print(f"running {system.label} on {len(pages)} pages ...", file=sys.stderr, flush=True)
        start = time.perf_counter()
        run = run_in_child(key, args, len(pages))
        scores = score.evaluate(golds, [run.outputs.get(p.id, "") for p in pages]) if run.status == "ok" else None
        print(f"  {run.status} ({time.perf_counter() - start:.1f} s wall)", file=sys.stderr, flush=True)
        for error in run.errors[:3]:
            print(f"  failure: {error}", file=sys.stderr)
        rows.append(Row(system, run, scores, len(pages)))

    rows.sort(key=lambda row: -row.scores["f1"] if row.scores else 1.0)
    table = render_table(rows)
    ratio = speed_ratio_line(rows)
    print(table)
    print()
    print(ratio)

    args.out_md.parent.mkdir(parents=True, exist_ok=True)
    header = (
        f"# cleaner and peers on raw HTML (AEB development set, {len(pages)} pages)\n\n"
        f"Generated by `python benchmarks/html_peers.py` on {time.strftime('%Y-%m-%d')} "
        f"(Python {sys.version.split()[0]}, {os.cpu_count()} CPUs). Scored with `score.py`: "
        "word 4-gram shingles, per-page normalised. pages/s counts timed extraction calls only "
        "(one untimed warm-up page). jusText uses the English stoplist for every page.\n\n"
    )
    failures = [f"- {row.system.label}: {error}" for row in rows for error in row.run.errors[:10]]
    details = "\n\nFailed pages (scored as empty):\n\n" + "\n".join(failures) if failures else ""
    args.out_md.write_text(header + table + "\n\n" + ratio + details + "\n", encoding="utf-8")
    draw_chart(rows, args.out_png, len(pages))
    print(f"\nwrote {args.out_md} and {args.out_png}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
