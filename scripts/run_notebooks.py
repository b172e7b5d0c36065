"""Executes notebooks headless with nbclient and reports, per notebook, whether every cell ran cleanly.

Used by `npm run notebooks` (scripts/notebooks.ts), which prepares a temporary copy of the workspace first.
usage: run_notebooks.py WORKSPACE NOTEBOOK... ; prints one JSON object per notebook on stdout.

A cell "fails" when it raises, or when it writes to stderr: after an error, tslab refuses requests for ~200 ms,
so nbclient's allow_errors mode would silently skip the following cells. We stop at the first error instead.
"""

import json
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

KERNEL = "typescript-study"
# The Python companion notebooks name this kernel in their metadata; every other notebook runs on KERNEL.
PYTHON_KERNEL = "python-study"
POINTER = "\u270b"  # the hand that whenSolved() prints for an unsolved exercise


def run(workspace: str, rel: str) -> dict:
    path = os.path.join(workspace, rel)
    nb = nbformat.read(path, as_version=4)
    started = time.time()
    uses_exercises = any("./exercises/" in "".join(c.source) for c in nb.cells if c.cell_type == "code")
    result = {
        "notebook": rel,
        "ok": True,
        "cells": len(nb.cells),
        "usesExercises": uses_exercises,
        "pointers": 0,
        "error": None,
        "plots": 0,
    }
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name=PYTHON_KERNEL if nb.metadata.get("kernelspec", {}).get("name") == PYTHON_KERNEL else KERNEL,
        allow_errors=False,
        resources={"metadata": {"path": os.path.dirname(path)}},
    )
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        result["ok"] = False
        result["error"] = str(e)[-3000:]
    for index, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            text = json.dumps(out.get("data", {}), ensure_ascii=False) + str(out.get("text", ""))
            result["pointers"] += text.count(POINTER)
            if "application/vnd.plotly.v1+json" in out.get("data", {}):
                result["plots"] += 1
            if out.get("output_type") == "stream" and out.get("name") == "stderr" and result["ok"]:
                result["ok"] = False
                result["error"] = f"cell {index} wrote to stderr: {str(out.get('text'))[:1500]}"
            if out.get("output_type") == "error" and result["ok"]:
                result["ok"] = False
                result["error"] = f"cell {index}: {out.get('ename')}: {out.get('evalue')}"
    # The executed copy (in the throwaway workspace) lets the caller count plots per section of the outputs.
    nbformat.write(nb, path)
    result["seconds"] = round(time.time() - started, 1)
    return result


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    workspace = sys.argv[1]
    for rel in sys.argv[2:]:
        print(json.dumps(run(workspace, rel)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
