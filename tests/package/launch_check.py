#!/usr/bin/env python3
"""Launches an installed Switchboard binary once and checks that it really came up: its window
(titled "Switchboard") is mapped, the screen shows rendered content (the same distinct-colours
test as tests/bench/measure.py, so a blank or black window fails), the process is still alive
after a few idle seconds, and it opened its database under the expected identifier's data
folder. Run under Xvfb with a keyring (scripts/package does); exits non-zero on any failure.

Waits for each condition with a generous deadline instead of sleeping a fixed time, so a slow
machine makes it slower, not flaky."""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from measure import distinct_colours  # noqa: E402


def wait_for(what: str, check, proc: subprocess.Popen, deadline: float) -> None:
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"launch check: the app exited with status {proc.returncode} before {what}")
        if check():
            print(f"launch check: {what}", flush=True)
            return
        time.sleep(0.1)
    raise SystemExit(f"launch check: timed out waiting until {what}")


def window_titled(display: str, title: str) -> bool:
    tree = subprocess.run(["xwininfo", "-root", "-tree"], env={**os.environ, "DISPLAY": display},
                          capture_output=True, text=True).stdout
    return f'"{title}"' in tree


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("binary", type=Path)
    parser.add_argument("--identifier", required=True, help="the build's data-folder name")
    parser.add_argument("--timeout", type=float, default=90.0)
    parser.add_argument("--screenshot", type=Path, help="a PNG of the screen once it has painted")
    args = parser.parse_args()
    display = os.environ["DISPLAY"]
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "XDG_DATA_HOME": f"{home}/data", "XDG_CONFIG_HOME": f"{home}/config",
               "XDG_CACHE_HOME": f"{home}/cache", "LANG": "en_US.UTF-8"}
        baseline = distinct_colours(display)
        # A file, not a pipe: a chatty app must never block on a full pipe nobody reads.
        stderr = open(f"{home}/stderr.log", "w+")
        proc = subprocess.Popen([str(args.binary)], env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        deadline = time.monotonic() + args.timeout
        database = Path(home, "data", args.identifier, "switchboard.sqlite3")
        try:
            wait_for("its window is mapped", lambda: window_titled(display, "Switchboard"), proc, deadline)
            wait_for("the window has painted",
                     lambda: distinct_colours(display) > max(20, baseline * 4), proc, deadline)
            wait_for(f"it opened {database.relative_to(home)}", database.exists, proc, deadline)
            idle_until = time.monotonic() + 3
            wait_for("it stays up idle", lambda: time.monotonic() > idle_until, proc, deadline)
            if args.screenshot:
                subprocess.run(["import", "-display", display, "-window", "root", str(args.screenshot)],
                               check=True)
                print(f"launch check: screen saved to {args.screenshot}", flush=True)
        except SystemExit:
            stderr.seek(0)
            print(stderr.read()[-4000:], file=sys.stderr)
            raise
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
            stderr.close()
    print("launch check: passed")


if __name__ == "__main__":
    main()
