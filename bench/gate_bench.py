#!/usr/bin/env python3
"""Benchmark of `aligncheck gate` on generated Markdown: much prose, few claims.

Generates SIZE megabytes of Markdown in FILES documents (headings, paragraphs,
lists, links, inline code and math, code blocks, blockquotes, tables), each
document with one embedded spec in three aligncheck blocks (two claims), and
a known number of planted prose findings: unqualified sentences that the
gate must report, beside near misses it must not (qualified sentences,
questions about what the notion means, "loss" in unrelated senses). Runs the gate once per repetition and
prints wall time, CPU time and peak resident memory (ru_maxrss of the child),
and checks that the findings reported are exactly the planted ones.

Usage: bench/gate_bench.py [--aligncheck build/aligncheck] [--size 100]
                           [--files 1] [--repeat 3] [--keep DIR]
                           [-- EXTRA GATE ARGS]
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

WORDS = ("the model data training we results section figure method network "
         "layer policy agent environment benchmark baseline experiment "
         "accuracy gradient sample batch dataset evaluation behaviour "
         "parameter update observation action value estimate error "
         "approach paper prior work setting analysis performance").split()

PLANTED = [  # each is reported once (AC101, AC102 or AC103)
    "Our loss function is aligned with the intended goal.",
    "The reward function captures what we want the agent to do.",
    "Outer alignment refers to aligning the specified loss function with the intended goal.",
    "The agent wants to maximize its reward.",
]
NEAR_MISSES = [  # must not be reported
    "The cross-entropy loss represents the negative log-likelihood of the labels.",
    "What does it mean for a loss function to be aligned with the goal?",
    "Read as an idealized minimizer over the training data, the loss is aligned with the goal.",
    "The loss curve is aligned with the x-axis after the first epoch.",
    "We report the training loss and the reward per episode in Table 2.",
    "The axes of the plot are aligned with the grid.",
]

SPEC_BLOCKS = [
    """domain Level = {coin_left, coin_right}
domain Move = {go_left, go_right}
fn coin_side: Level -> Move = {coin_left: go_left, coin_right: go_right}
loss misses_coin(x: Level, y: Move) = if y == coin_side(x) then 0 else 1
data train = {coin_right: 1}
data both_sides = Level
goal gets_coin(pi) = forall x in Level: pi(x) == coin_side(x)
""",
    """# aligncheck: ignore AC007
claim minimizers_get_coin:
  misses_coin aligned_with gets_coin as idealized_minimizer over train
  expect fails
""",
    """claim minimizers_get_coin_both_sides:
  misses_coin aligned_with gets_coin as idealized_minimizer over both_sides
  expect holds
""",
]


def sentence(rng):
    n = rng.randint(8, 22)
    words = [rng.choice(WORDS) for _ in range(n)]
    r = rng.random()
    if r < 0.05:
        words.insert(rng.randrange(n), "`x_%d`" % rng.randrange(1000))
    elif r < 0.08:
        words.insert(rng.randrange(n), "$\\theta_%d$" % rng.randrange(10))
    elif r < 0.10:
        words.insert(rng.randrange(n), "[link](https://example.org/%d)" % rng.randrange(10**6))
    elif r < 0.12:
        words.insert(rng.randrange(n), "loss")
    s = " ".join(words)
    return s[0].upper() + s[1:] + "."


def paragraph(rng, width=76):
    text = " ".join(sentence(rng) for _ in range(rng.randint(3, 7)))
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = word if not line else line + " " + word
    lines.append(line)
    return "\n".join(lines) + "\n"


def other_block(rng):
    r = rng.random()
    if r < 0.3:
        return "```python\nloss = model(x)  # the loss function is aligned with the goal\n```\n"
    if r < 0.5:
        return "".join("- %s\n" % sentence(rng) for _ in range(rng.randint(2, 5)))
    if r < 0.65:
        return "> " + paragraph(rng).replace("\n", "\n> ").rstrip("> ") + "\n"
    if r < 0.8:
        return "| a | b |\n|---|---|\n| %d | %d |\n" % (rng.randrange(99), rng.randrange(99))
    return "$$\n\\mathcal{L}(\\theta) = \\sum_i \\ell(x_i)\n$$\n"


def document(rng, target_bytes, planted_every):
    """Returns (text, planted findings in it)."""
    parts, size, planted, blocks = ["# Generated write-up\n"], 0, 0, 0
    n_par = 0
    while size < target_bytes:
        if blocks < len(SPEC_BLOCKS) and size >= blocks * target_bytes / 3:
            chunk = "```aligncheck\n" + SPEC_BLOCKS[blocks] + "```\n"
            blocks += 1
        elif n_par % 40 == 0:
            chunk = "## Section %d\n" % (n_par // 40)
        elif n_par % 7 == 3:
            chunk = other_block(rng)
        elif n_par % planted_every == planted_every - 1:
            chunk = PLANTED[planted % len(PLANTED)] + "\n"
            planted += 1
        elif n_par % planted_every == planted_every // 2:
            chunk = NEAR_MISSES[n_par % len(NEAR_MISSES)] + "\n"
        else:
            chunk = paragraph(rng)
        parts.append(chunk + "\n")
        size += len(chunk) + 1
        n_par += 1
    while blocks < len(SPEC_BLOCKS):
        parts.append("```aligncheck\n" + SPEC_BLOCKS[blocks] + "```\n\n")
        blocks += 1
    return "".join(parts), planted


def measure(cmd, out_path, err_path):
    """Runs `cmd` with stdout and stderr to files; returns exit code, wall
    and CPU seconds and peak RSS in MB of that process alone. The peak comes
    from GNU time when installed: a process started from Python directly
    inherits Python's own peak at exec."""
    gnu_time = "/usr/bin/time"
    rss_path = out_path + ".rss"
    if os.access(gnu_time, os.X_OK):
        cmd = [gnu_time, "-f", "%M", "-o", rss_path] + cmd
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    actions = [(os.POSIX_SPAWN_OPEN, 1, out_path, flags, 0o644),
               (os.POSIX_SPAWN_OPEN, 2, err_path, flags, 0o644)]
    start = time.monotonic()
    pid = os.posix_spawn(shutil.which(cmd[0]) or cmd[0], cmd, os.environ,
                         file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    wall = time.monotonic() - start
    rss_kb = usage.ru_maxrss
    if cmd[0] == gnu_time:
        with open(rss_path) as f:
            rss_kb = int(f.read().split()[-1])
    return (os.waitstatus_to_exitcode(status), wall,
            usage.ru_utime + usage.ru_stime, rss_kb / 1024)


def generate(out_dir, args):
    rng = random.Random(1)
    paths, planted, total = [], 0, 0
    per_file = int(args.size * 1e6 / args.files)
    for i in range(args.files):
        text, n = document(rng, per_file, args.planted_every)
        path = os.path.join(out_dir, "doc%03d.md" % i)
        with open(path, "w") as f:
            f.write(text)
        paths.append(path)
        planted += n
        total += len(text.encode())
    print(json.dumps({"paths": paths, "planted": planted, "bytes": total}))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--aligncheck", default="build/aligncheck")
    ap.add_argument("--size", type=float, default=100, help="megabytes in all")
    ap.add_argument("--files", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--planted-every", type=int, default=20000,
                    help="one planted finding per this many paragraphs")
    ap.add_argument("--keep", help="write the documents here and keep them")
    ap.add_argument("--generate-only", action="store_true",
                    help=argparse.SUPPRESS)
    ap.add_argument("extra", nargs="*", help="more arguments for the gate")
    args = ap.parse_args()

    out_dir = args.keep or tempfile.mkdtemp(prefix="aligncheck-gate-bench-")
    os.makedirs(out_dir, exist_ok=True)
    if args.generate_only:
        generate(out_dir, args)
        return 0
    # Generate in a child process: a child forked from this one would count
    # the generator's memory in its own peak RSS.
    gen = subprocess.run([sys.executable, __file__, "--generate-only",
                          "--keep", out_dir, "--size", str(args.size),
                          "--files", str(args.files),
                          "--planted-every", str(args.planted_every)],
                         capture_output=True, text=True, check=True)
    stats = json.loads(gen.stdout)
    paths, planted = stats["paths"], stats["planted"]
    print("generated %d file(s), %.1f MB, %d planted findings, %d claims"
          % (args.files, stats["bytes"] / 1e6, planted, 2 * args.files))

    cmd = [args.aligncheck, "gate", "--format", "json"] + args.extra + paths
    ok = True
    out_path = os.path.join(out_dir, "gate.out")
    err_path = os.path.join(out_dir, "gate.err")
    for rep in range(args.repeat):
        code, wall, cpu, rss_mb = measure(cmd, out_path, err_path)
        found = -1
        try:
            with open(out_path) as f:
                report = json.load(f)
            found = len([d for d in report["diagnostics"]
                         if d.get("id", "").startswith("AC1")])
        except (ValueError, KeyError, TypeError):
            pass
        print("run %d: exit %d, wall %.2f s, cpu %.2f s, peak RSS %.0f MB, "
              "prose findings %d (planted %d)"
              % (rep + 1, code, wall, cpu, rss_mb, found, planted))
        if found != planted:
            ok = False
            with open(err_path) as f:
                sys.stderr.write(f.read()[-2000:])
    if not args.keep:
        shutil.rmtree(out_dir)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
