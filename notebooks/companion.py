"""Helpers of the Python companion notebooks (notebooks/week-0N-python-companion.ipynb, kernel "Python (study)").

    from companion import check_setup, ts_numbers
    ROOT = check_setup()          # finds the workspace, makes it the working directory, checks the pinned packages
    ts = ts_numbers("linear")     # the TypeScript side's numbers, recomputed by scripts/companion/ts-numbers.ts

Everything here is local: no network, servers only on loopback ports.
"""

from __future__ import annotations

import http.client
import importlib.metadata
import json
import os
import socket
import subprocess
import time
from pathlib import Path

PACKAGE_NAME = "ml-engineer-study"
# The packages the companion notebooks use, checked against requirements-lock.txt.
CHECKED = ["scikit-learn", "joblib", "fastapi", "uvicorn", "numpy"]


def find_root(start: Path | None = None) -> Path:
    """The workspace root: the nearest folder upwards whose package.json is this project's."""
    here = (start or Path.cwd()).resolve()
    for folder in [here, *here.parents]:
        pkg = folder / "package.json"
        if pkg.exists() and json.loads(pkg.read_text()).get("name") == PACKAGE_NAME:
            return folder
    raise RuntimeError(f"not inside the {PACKAGE_NAME} workspace (started looking in {here})")


def check_setup() -> Path:
    """Makes the workspace root the working directory and checks the packages are the pinned versions."""
    root = find_root()
    os.chdir(root)
    pinned = {}
    for line in (root / "requirements-lock.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            pinned[name.strip().lower()] = version.split(";")[0].strip()
    problems = []
    found = []
    for name in CHECKED:
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            problems.append(f"{name} is not installed")
            continue
        found.append(f"{name} {version}")
        want = pinned.get(name)
        if want and want != version:
            problems.append(f"{name} is {version}, the lock pins {want}")
    if not (root / "node_modules" / ".bin" / "tsx").exists():
        problems.append("node_modules is missing (npm ci)")
    if problems:
        raise RuntimeError("the workspace is not set up: " + "; ".join(problems) + ". Run npm run setup.")
    print(f"workspace {root}; {', '.join(found)}")
    return root


def ts_numbers(command: str, *args: str) -> dict:
    """Runs scripts/companion/ts-numbers.ts (TypeScript, the workspace's src/ library) and returns its JSON."""
    root = find_root()
    run = subprocess.run(
        [str(root / "node_modules" / ".bin" / "tsx"), "scripts/companion/ts-numbers.ts", command, *args],
        cwd=root,
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        raise RuntimeError(f"ts-numbers.ts {command} failed:\n{run.stderr}")
    return json.loads(run.stdout)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalServer:
    """A server process on a loopback port, its output in a log file, ready once `ready_path` answers 200."""

    def __init__(self, name: str, args: list[str], port: int, log: Path, env: dict, ready_path: str, cwd: Path):
        self.name, self.port = name, port
        self.log = log
        with log.open("wb") as out:
            self.process = subprocess.Popen(args, cwd=cwd, env={**os.environ, **env}, stdout=out, stderr=out)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{name} exited with {self.process.returncode}:\n{log.read_text()[-2000:]}")
            try:
                if self.request("GET", ready_path)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{name} was not ready within 60 s:\n{log.read_text()[-2000:]}")

    def request(self, method: str, path: str, body: bytes | None = None, conn=None) -> tuple[int, bytes]:
        own = conn is None
        conn = conn or http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers={"content-type": "application/json"})
            res = conn.getresponse()
            return res.status, res.read()
        finally:
            if own:
                conn.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
