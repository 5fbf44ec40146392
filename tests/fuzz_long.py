#!/usr/bin/env python3
"""The fuzz test's mutations for as long as one likes, by hand: ``python tests/fuzz_long.py --minutes 10``.

Each round mutates a rulebook, an answers file or a CSV from the fixtures and runs it through the core
entry points (every 25th round through the installed command as well). A finding is anything but a
result or a ``ClientscreenError`` with a documented exit code within the budget, or, from the command, a
message with a control character; each is saved under --findings with what went wrong. The report gives
inputs tried and findings per kind.
"""

from __future__ import annotations

import argparse
import collections
import random
import re
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import fuzzing  # noqa: E402
from conftest import installed_command, plain_environment  # noqa: E402

CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
KINDS = {
    "rulebook": (fuzzing.RULEBOOKS, fuzzing.check_rulebook, lambda p: ["rules", "check", p]),
    "answers": (fuzzing.ANSWERS, lambda p: fuzzing.report_answers(p, fuzzing.HERE.parent / "rules" / "default.yaml"),
                lambda p: ["report", p, "-f", "json"]),
    "csv": (fuzzing.CSVS, fuzzing.score_csv,
            lambda p: ["score", "--rules", str(fuzzing.CSV_RULES), p, "-f", "jsonl"]),
}
PIECES_WEIGHTED = fuzzing.PIECES


def steps(rng: random.Random) -> list[fuzzing.Mutation]:
    kinds = ["insert", "replace", "delete", "repeat_line", "drop_line", "truncate", "swap_lines"]
    out = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3, 5, 8])):
        piece = rng.choice(PIECES_WEIGHTED) if rng.random() < 0.8 else rng.randbytes(rng.randint(1, 8))
        out.append((rng.choice(kinds), rng.randint(0, 1000), rng.randint(1, 64), piece))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--findings", type=Path, default=Path("fuzz-findings"))
    parser.add_argument("--command-every", type=int, default=25, help="every Nth input also through the command")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    tried: collections.Counter[str] = collections.Counter()
    through_command: collections.Counter[str] = collections.Counter()
    errors: collections.Counter[str] = collections.Counter()
    findings: list[tuple[str, Path, str]] = []
    slowest = 0.0
    deadline = time.monotonic() + args.minutes * 60
    n = 0
    with tempfile.TemporaryDirectory() as folder:
        while time.monotonic() < deadline:
            n += 1
            kind = rng.choice(sorted(KINDS))
            bases, core, command = KINDS[kind]
            base = rng.choice(bases)
            data = fuzzing.mutate(base.read_bytes(), steps(rng))
            path = Path(folder) / f"input{base.suffix}"
            path.write_bytes(data)
            tried[kind] += 1
            problem = None
            try:
                outcome = fuzzing.within_budget(lambda path=path, core=core: core(path))
                slowest = max(slowest, outcome.seconds)
                if outcome.error is not None:
                    errors[kind] += 1
            except BaseException as exc:  # noqa: BLE001 - a finding is whatever escapes
                if isinstance(exc, KeyboardInterrupt):
                    raise
                problem = "".join(traceback.format_exception(exc))
            if problem is None and n % args.command_every == 0:
                through_command[kind] += 1
                done = subprocess.run([installed_command(), *command(str(path))], capture_output=True,
                                      env=plain_environment(), timeout=120, check=False, cwd=folder)
                stderr = done.stderr.decode("utf-8", "replace")
                if done.returncode not in fuzzing.DOCUMENTED or "internal error" in stderr or "Traceback" in stderr:
                    problem = f"exit {done.returncode}\n{stderr}"
                elif CONTROLS.search(stderr):
                    problem = f"control character in a message\n{stderr!r}"
            if problem is not None:
                args.findings.mkdir(exist_ok=True)
                saved = args.findings / f"{kind}-{n}{base.suffix}"
                saved.write_bytes(data)
                saved.with_suffix(saved.suffix + ".txt").write_text(f"{base.name}\n{problem}", encoding="utf-8")
                findings.append((kind, saved, problem.strip().splitlines()[-1]))
    print(f"{sum(tried.values())} inputs in {args.minutes:g} min (seed {args.seed}); slowest core run {slowest:.2f} s")
    for kind in sorted(KINDS):
        found = sum(1 for k, _, _ in findings if k == kind)
        print(f"  {kind:9} {tried[kind]:6} tried, {errors[kind]:6} refused with our error, "
              f"{through_command[kind]:4} through the command, {found} findings")
    for _kind, saved, last in findings[:50]:
        print(f"  finding: {saved}: {last[:160]}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
