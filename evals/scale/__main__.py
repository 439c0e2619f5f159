"""`python -m evals.scale [--sizes 10 1000] [--model ...]`: the scale benchmark."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from assistant.config import PACKAGED_MINILM, PROJECT_ROOT
from evals.scale.bench import as_json, measure, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.scale", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 1000])
    parser.add_argument("--model", default=PACKAGED_MINILM, help="embedding model setting")
    parser.add_argument("--questions", type=int, default=30, help="generated QA cases")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved latency rounds")
    parser.add_argument("--embed-sample", type=int, default=2000, help="texts re-embedded raw")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--workdir", type=Path, default=PROJECT_ROOT / ".data" / "scale")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--chroma-server",
        action="store_true",
        help="also read the same store from a Chroma server (`chroma run`) through HttpClient",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure a corpus an earlier run left in the workdir without indexing it again",
    )
    args = parser.parse_args(argv)
    results = []
    for size in args.sizes:
        results.extend(
            measure(
                size,
                args.workdir,
                args.model,
                questions=args.questions,
                rounds=args.rounds,
                embed_sample=args.embed_sample,
                seed=args.seed,
                reuse=args.reuse,
                chroma_server=args.chroma_server,
            )
        )
        print(report(results), flush=True)
    if args.json:
        args.json.write_text(json.dumps(as_json(results), indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
