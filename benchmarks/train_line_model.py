"""Fit the line model (``cleaner/heuristics/line_model.json``) on the development set.

    python benchmarks/train_line_model.py                 # fit, cross-validate, write the model
    python benchmarks/train_line_model.py --dry-run       # cross-validate only

Training lines: every line the model may judge (not prose inside the main text, not already
removed by a rule) in the three text views of AEB. A line's label comes from the gold text with
the metric's own tokens, as in ``aeb/lines.jsonl``: boilerplate when under half of its word
4-grams occur in the gold (for lines of 1-3 tokens: when they do not occur as a sequence);
lines with a share between 0.2 and 0.8 are ambiguous and left out. Each line weighs its token
count over the document's, so every page counts the same, as in the metric.

The fit is L2-regularised logistic regression by Newton's method (numpy, a benchmark extra).
Five-fold cross-validation by page reports how the model does on pages it was not fitted on.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

import numpy as np

import cleaner
from cleaner import decide as decide_module
from cleaner.decide import analyse, apply_rules
from cleaner.heuristics.scoring import NAMES, LineModel
from devset import DEFAULT_BENCH, load_scorer, load_views

MODEL_PATH = Path(cleaner.__file__).parent / "heuristics" / "line_model.json"
VIEWS = ("ptags", "recall", "fulltext")
L2 = 1.0  # regularisation strength, in units of total sample weight


def label(tokens: list[str], gold_grams: set, gold_joined: str) -> float | None:
    """1.0 boilerplate, 0.0 content, None ambiguous or empty."""
    if not tokens:
        return None
    if len(tokens) < 4:
        return None if f" {' '.join(tokens)} " in gold_joined else 1.0
    grams = [tuple(tokens[k : k + 4]) for k in range(len(tokens) - 3)]
    share = sum(gram in gold_grams for gram in grams) / len(grams)
    if 0.2 < share < 0.8:
        return None
    return 0.0 if share >= 0.5 else 1.0


def collect(records: list[dict], score, worker: cleaner.Cleaner, views: tuple[str, ...] = VIEWS):
    """Rows (page index, vector, label, weight) of the lines the model may judge."""
    rows = []
    for page, record in enumerate(records):
        gold_tokens = score.tokenize(record["gold"])
        gold_grams = {tuple(gold_tokens[k : k + 4]) for k in range(len(gold_tokens) - 3)}
        gold_joined = f" {' '.join(gold_tokens)} "
        for view in views:
            measured = worker.measure(record["views"][view])
            if not measured.nonblank:
                continue
            decisions, weak = apply_rules(measured.matches)
            analysis = analyse(
                measured.nonblank, measured.texts, measured.features, measured.classes,
                measured.matches, decisions, weak,
            )  # fmt: skip
            page_rows = []
            protected = analysis.protected()  # the cleaner never judges these lines
            for position, (index, candidate) in enumerate(zip(measured.nonblank, analysis.candidates())):
                if not candidate or index in decisions.drop or position in protected:
                    continue
                tokens = score.tokenize(measured.texts[position])
                y = label(tokens, gold_grams, gold_joined)
                if y is not None:
                    page_rows.append((analysis.vector(position), y, len(tokens)))
            total = sum(len(score.tokenize(t)) for t in measured.texts) or 1
            rows.extend((page, vector, y, tokens / total) for vector, y, tokens in page_rows)
    return rows


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, iterations: int = 25) -> np.ndarray:
    """Weighted L2 logistic regression by Newton's method; returns [bias, weights...]."""
    design = np.hstack([np.ones((len(x), 1)), x])
    beta = np.zeros(design.shape[1])
    penalty = L2 * np.eye(design.shape[1])
    penalty[0, 0] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(design @ beta, -40, 40)))
        gradient = design.T @ (w * (y - p)) - penalty @ beta
        hessian = (design * (w * p * (1 - p))[:, None]).T @ design + penalty
        step = np.linalg.solve(hessian, gradient)
        beta += step
        if np.abs(step).max() < 1e-6:
            break
    return beta


def to_model(beta: np.ndarray) -> LineModel:
    return LineModel(tuple(float(b) for b in beta[1:]), float(beta[0]))


def evaluate(records: list[dict], score, model_for_page, profile: str = "default") -> dict[str, dict]:
    """F1/P/R per view, cleaning each page with ``model_for_page(page)``."""
    results = {}
    original = decide_module.line_model
    worker = cleaner.Cleaner(cleaner.CleanerConfig(profile=profile))
    try:
        for view in ("recall", "ptags", "fulltext"):
            outputs = []
            for page, record in enumerate(records):
                model = model_for_page(page)
                decide_module.line_model = lambda model=model: model
                outputs.append(worker.clean(record["views"][view]))
            results[view] = score.evaluate([r["gold"] for r in records], outputs)
    finally:
        decide_module.line_model = original
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--views", nargs="+", default=list(VIEWS), choices=VIEWS, help="views to fit on")
    parser.add_argument("--dry-run", action="store_true", help="cross-validate only; do not write the model")
    args = parser.parse_args(argv)

    score = load_scorer(args.bench)
    records = load_views(args.bench)
    rows = collect(records, score, cleaner.Cleaner(), tuple(args.views))
    pages = np.array([r[0] for r in rows])
    x = np.array([r[1] for r in rows])
    y = np.array([r[2] for r in rows])
    w = np.array([r[3] for r in rows])
    print(f"{len(rows)} training lines from {len(records)} pages x {len(args.views)} views; {y.mean():.1%} boilerplate")

    fold_of_page = [page % args.folds for page in range(len(records))]
    fold_models = []
    for fold in range(args.folds):
        train = np.array([fold_of_page[p] != fold for p in pages])
        fold_models.append(to_model(fit(x[train], y[train], w[train])))
    cross = evaluate(records, score, lambda page: fold_models[fold_of_page[page]])
    full = to_model(fit(x, y, w))
    fitted = evaluate(records, score, lambda page: full)
    print("| view | cross-validated F1 / P / R | fitted on all F1 / P / R |")
    print("|---|---|---|")
    for view in cross:
        c, f = cross[view], fitted[view]
        print(
            f"| {view} | {c['f1']:.3f} / {c['precision']:.3f} / {c['recall']:.3f} "
            f"| {f['f1']:.3f} / {f['precision']:.3f} / {f['recall']:.3f} |"
        )
    weights = dict(zip(NAMES, full.weights))
    for name in sorted(NAMES, key=lambda n: -abs(weights[n])):
        print(f"  {name:22} {weights[name]:+.3f}")
    if not args.dry_run:
        data = {
            "about": "Line model of cleaner: logistic regression over the features of "
            "cleaner/heuristics/scoring.py. Fitted by benchmarks/train_line_model.py on the AEB "
            "development set (ptags, recall and fulltext views).",
            "fitted": datetime.date.today().isoformat(),
            "training_views": args.views,
            "training_lines": len(rows),
            "cross_validated": {v: {k: round(r[k], 4) for k in ("f1", "precision", "recall")} for v, r in cross.items()},
            "bias": round(full.bias, 6),
            "weights": {name: round(weights[name], 6) for name in NAMES},
        }
        MODEL_PATH.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
