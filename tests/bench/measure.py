#!/usr/bin/env python3
"""Launch-to-painted time and idle memory of Switchboard's release build beside a bare Tauri
window, in one run on one X server. A benchmark, not a test: it prints numbers and ratios and
exits 0 whatever they are.

Painted = the window's pixels show rendered content (many distinct colours), read from the X
server with `xwd` every few milliseconds. Memory = PSS of the app and its WebKit processes after
a few seconds idle (from /proc/PID/smaps_rollup)."""

import argparse
import os
import statistics
import struct
import subprocess
import tempfile
import time
from pathlib import Path

GOALS = {"time": 1.1, "memory": 1.2}


def distinct_colours(display: str) -> int:
    raw = subprocess.run(["xwd", "-root", "-silent"], env={**os.environ, "DISPLAY": display},
                         capture_output=True, check=True).stdout
    header = struct.unpack(">25I", raw[:100])
    header_size, width, height, bpp, ncolors = header[0], header[4], header[5], header[11], header[19]
    bytes_per_line = header[12]
    pixels = raw[header_size + ncolors * 12:]
    step = bpp // 8
    seen = set()
    for y in range(0, height, 7):
        row = pixels[y * bytes_per_line:(y + 1) * bytes_per_line]
        for x in range(0, width * step, step * 11):
            seen.add(row[x:x + step])
    return len(seen)


def descendants(pid: int) -> list[int]:
    children = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def pss_mib(pid: int) -> float:
    total = 0
    for p in descendants(pid):
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def run_once(binary: Path, display: str, idle: float) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "DISPLAY": display, "XDG_DATA_HOME": f"{home}/d",
               "XDG_CONFIG_HOME": f"{home}/c", "XDG_CACHE_HOME": f"{home}/k", "LANG": "en_US.UTF-8",
               # Switchboard sets this itself on Linux (blank-window workaround); give the bare
               # window the same renderer so the comparison is like for like.
               "WEBKIT_DISABLE_DMABUF_RENDERER": "1"}
        baseline = distinct_colours(display)
        start = time.monotonic()
        proc = subprocess.Popen([str(binary)], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        try:
            painted = None
            while time.monotonic() - start < 30:
                if distinct_colours(display) > max(20, baseline * 4):
                    painted = time.monotonic() - start
                    break
                time.sleep(0.01)
            if painted is None:
                raise RuntimeError(f"{binary.name} never painted")
            time.sleep(idle)
            return painted, pss_mib(proc.pid)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            time.sleep(0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--app", required=True, type=Path)
    parser.add_argument("--bare", required=True, type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--idle", type=float, default=3.0, help="seconds idle before memory")
    args = parser.parse_args()
    display = os.environ["DISPLAY"]
    results = {"switchboard": [], "bare window": []}
    for i in range(args.runs):
        # Alternate so drift on the machine affects both alike.
        for name, binary in (("bare window", args.bare), ("switchboard", args.app)):
            results[name].append(run_once(binary, display, args.idle))
            t, m = results[name][-1]
            print(f"run {i + 1}: {name:<12} painted after {t:.3f} s, {m:.0f} MiB PSS", flush=True)
    med = {name: (statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs))
           for name, rs in results.items()}
    (app_t, app_m), (bare_t, bare_m) = med["switchboard"], med["bare window"]
    print()
    print(f"{'median':<14}{'launch → painted':>18}{'idle memory (PSS)':>20}")
    print(f"{'switchboard':<14}{app_t:>16.3f} s{app_m:>16.0f} MiB")
    print(f"{'bare window':<14}{bare_t:>16.3f} s{bare_m:>16.0f} MiB")
    print(f"{'ratio':<14}{app_t / bare_t:>17.2f}×{app_m / bare_m:>19.2f}×"
          f"   (goal ≤ {GOALS['time']}× time, ≤ {GOALS['memory']}× memory)")


if __name__ == "__main__":
    main()
