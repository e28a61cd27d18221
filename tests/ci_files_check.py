#!/usr/bin/env python3
"""Checks the files that put aligncheck into other people's CI: the pre-commit
manifest, the GitHub Action and the example workflow. Run by ctest when
pre-commit (which brings python3-yaml and python3-identify) is installed."""
import json
import os
import subprocess
import sys
import tempfile

import yaml
from identify import identify

root = sys.argv[1]
build = sys.argv[2] if len(sys.argv) > 2 else None  # where aligncheck is
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def load(path):
    with open(os.path.join(root, path), encoding="utf-8") as f:
        return yaml.safe_load(f)


# pre-commit: its own validator, then what it does not check.
manifest = os.path.join(root, ".pre-commit-hooks.yaml")
run = subprocess.run(["pre-commit", "validate-manifest", manifest],
                     capture_output=True, text=True)
check(run.returncode == 0, "pre-commit validate-manifest: " + run.stdout + run.stderr)
hooks = {h["id"]: h for h in load(".pre-commit-hooks.yaml")}
for wanted in ("aligncheck-gate", "aligncheck-check",
               "aligncheck-gate-system", "aligncheck-check-system"):
    check(wanted in hooks, f"hook {wanted} missing")
for hook in hooks.values():
    for tag in hook.get("types_or", []) + hook.get("types", []):
        check(tag in identify.ALL_TAGS, f"{hook['id']}: unknown file type {tag}")
    if hook["language"] == "script":
        script = os.path.join(root, hook["entry"].split()[0])
        check(os.access(script, os.X_OK), f"{hook['id']}: {script} not executable")
    check(hook["entry"].split()[-1] in ("gate", "check"),
          f"{hook['id']}: entry does not name a subcommand")

# The composite action and the workflow that uses it.
action = load("action.yml")
check(action["runs"]["using"] == "composite", "action.yml: not a composite action")
sarif = action["inputs"]["sarif"]["default"]
gate_step = action["runs"]["steps"][-1]["run"]
check(" gate " in gate_step and "sarif:$SARIF" in gate_step,
      "action.yml: the last step does not run the gate with SARIF output")
workflow = load(".github/workflows/aligncheck-gate.yml")
steps = workflow["jobs"]["gate"]["steps"]
uses = [s.get("uses", "") for s in steps]
check("./" in uses, "workflow: does not use the action")
upload = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")]
check(len(upload) == 1 and upload[0]["with"]["sarif_file"] == sarif,
      "workflow: does not upload the SARIF file the action writes")
check(upload and upload[0].get("if") == "always()",
      "workflow: SARIF must be uploaded when the gate fails too")
check(workflow["permissions"].get("security-events") == "write",
      "workflow: upload-sarif needs security-events: write")
check(os.path.realpath(os.path.join(root, "examples/github-workflow.yml")) ==
      os.path.realpath(os.path.join(root, ".github/workflows/aligncheck-gate.yml")),
      "examples/github-workflow.yml does not point at the workflow")



def run_gate_step(paths, args, max_warnings=""):
    """Runs the action's gate step as the runner would, on the built binary."""
    with tempfile.TemporaryDirectory() as temp:
        os.makedirs(os.path.join(temp, "aligncheck-build"))
        os.symlink(os.path.join(build, "aligncheck"),
                   os.path.join(temp, "aligncheck-build", "aligncheck"))
        out = os.path.join(temp, "out.sarif")
        env = dict(os.environ, RUNNER_TEMP=temp, PATHS=paths, ARGS=args,
                   SARIF=out, MAX_WARNINGS=max_warnings)
        run = subprocess.run(["bash", "-e", "-c", gate_step], cwd=root, env=env,
                             capture_output=True, text=True)
        sarif_text = open(out, encoding="utf-8").read() if os.path.exists(out) else ""
        return run, sarif_text


if build:
    # Quoted globs reach aligncheck as one unexpanded argument.
    run, sarif_text = run_gate_step("examples", "--exclude 'examples/*.tex'")
    check(run.returncode == 0, f"action gate step: exit {run.returncode}: {run.stderr}")
    check("::warning file=examples/writeup.md" in run.stdout,
          "action gate step: no annotation for examples/writeup.md")
    check("writeup.tex" not in run.stdout + sarif_text,
          "action gate step: --exclude 'examples/*.tex' did not apply")
    try:
        check(json.loads(sarif_text)["version"] == "2.1.0",
              "action gate step: SARIF is not 2.1.0")
    except ValueError:
        check(False, "action gate step: no SARIF written")
    # A quoted path with a space; max-warnings makes the warnings fail.
    with tempfile.TemporaryDirectory() as temp:
        spaced = os.path.join(temp, "write ups")
        os.makedirs(spaced)
        with open(os.path.join(root, "examples", "writeup.md"), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(spaced, "writeup.md"), "w", encoding="utf-8") as f:
            f.write(text)
        run, _ = run_gate_step(f"'{spaced}'", "", max_warnings="0")
        check(run.returncode == 1 and "write ups/writeup.md" in run.stdout,
              f"action gate step on '{spaced}' with max-warnings 0: "
              f"exit {run.returncode}, expected 1: {run.stdout}{run.stderr}")

for f in failures:
    print("FAIL:", f)
print(f"ci files: {len(failures)} problem(s)")
sys.exit(1 if failures else 0)
