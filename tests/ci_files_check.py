#!/usr/bin/env python3
"""Checks the files that put aligncheck into other people's CI: the pre-commit
manifest, the GitHub Action and the example workflow. Run by ctest when
pre-commit (which brings python3-yaml and python3-identify) is installed."""
import os
import subprocess
import sys

import yaml
from identify import identify

root = sys.argv[1]
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

for f in failures:
    print("FAIL:", f)
print(f"ci files: {len(failures)} problem(s)")
sys.exit(1 if failures else 0)
