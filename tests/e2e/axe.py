"""axe-core in the real window: injects ui/node_modules/axe-core/axe.min.js through WebDriver
(execute_script runs in the page's world regardless of the app's CSP, which forbids inline and
eval'd scripts in the page itself) and runs it on the document as it is now."""

import json
import os
from pathlib import Path

AXE_JS = Path(__file__).resolve().parents[2] / "ui" / "node_modules" / "axe-core" / "axe.min.js"
# What the scan fails on; "moderate" and "minor" findings are listed but do not fail it.
FAILING = ("serious", "critical")


def _source() -> str:
    if not AXE_JS.exists():
        raise RuntimeError(f"{AXE_JS} is missing: run `npm ci` in ui/ (axe-core is a devDependency)")
    return AXE_JS.read_text(encoding="utf-8")


def scan(driver, where: str) -> list[dict]:
    """The serious and critical violations on the screen as it is, each tagged with `where`."""
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(_source())
    driver.set_script_timeout(60)
    result = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        // A scan of the document as shown: hidden <dialog>s and off-screen parts count as they are.
        axe.run(document, {resultTypes: ['violations']})
          .then((r) => done(JSON.stringify(r.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map((n) => ({target: n.target.join(' '), summary: n.failureSummary,
                                        html: n.html.slice(0, 200)})),
          })))))
          .catch((e) => done(JSON.stringify({error: String(e)})));
        """
    )
    found = json.loads(result)
    if isinstance(found, dict):
        raise RuntimeError(f"axe failed on {where}: {found['error']}")
    log = os.environ.get("AXE_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as out:
            out.write(json.dumps({"where": where, "violations": found}, ensure_ascii=False) + "\n")
    return [dict(v, where=where) for v in found if v["impact"] in FAILING]


def describe(violations: list[dict]) -> str:
    """One readable block per violation: where, rule, impact, and the elements it names."""
    lines = []
    for v in violations:
        lines.append(f"[{v['where']}] {v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {node['target']}  {node['html'][:120]}")
            lines.append("      " + (node["summary"] or "").replace("\n", "\n      "))
    return "\n".join(lines)
