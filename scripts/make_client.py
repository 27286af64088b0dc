"""`make client`: write the public OpenAPI document and regenerate the typed Python client in clients/python.

The document is built in-process exactly as the gateway serves ``/v1/openapi.json`` (the gateway's own routes
merged with each service's document, then polished), so no server is needed. ``--check`` regenerates into a
temporary folder and fails if anything differs from what is committed (CI runs it through
``tests/test_openapi_client.py``).
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CLIENT_DIR = ROOT / "clients" / "python"
CONFIG = CLIENT_DIR / "config.yaml"
SPEC = CLIENT_DIR / "openapi.json"
GENERATED = ("phaen_client", "pyproject.toml", "README.md")
VENV_BIN = Path(sys.executable).parent


def build_document() -> dict[str, Any]:
    """The aggregated document the gateway serves, built from the apps' route tables (no database needed)."""
    os.environ.setdefault("PHAEN_DATABASE_URL", "postgresql://unused@localhost/unused")
    from phaen_budget.main import create_app as budget_app
    from phaen_gateway.main import create_app as gateway_app
    from phaen_gateway.openapi import aggregate, own_openapi
    from phaen_registry.main import create_app as registry_app
    from phaen_reports.main import create_app as reports_app

    services = {
        "registry": registry_app().openapi(),
        "budget": budget_app().openapi(),
        "reports": reports_app().openapi(),
    }
    return aggregate(own_openapi(gateway_app()), services)


def dump(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def generate(spec_path: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """Run openapi-python-client; its output (warnings included) is returned for the caller to judge."""
    env = {**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(
        [
            str(VENV_BIN / "openapi-python-client"),
            "generate",
            "--path",
            str(spec_path),
            "--output-path",
            str(out),
            "--meta",
            "uv",
            "--config",
            str(CONFIG),
            "--overwrite",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def problems(result: subprocess.CompletedProcess[str]) -> list[str]:
    """Lines of the generator's output that mean something was dropped or guessed."""
    text = result.stdout + result.stderr
    bad = ("warning", "unable", "cannot", "could not", "unsupported", "skipping", "error")
    return [line for line in text.splitlines() if any(word in line.lower() for word in bad)]


def differences(a: Path, b: Path) -> list[str]:
    """Files that differ between two generated trees (relative paths)."""
    out: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        out.extend(prefix + n for n in cmp.left_only + cmp.right_only + cmp.diff_files + cmp.funny_files)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b, ignore=["__pycache__"]), "")
    return sorted(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if clients/python is not up to date")
    args = parser.parse_args()
    text = dump(build_document())
    with tempfile.TemporaryDirectory(prefix="phaen-client-") as tmp:
        spec = Path(tmp) / "openapi.json"
        spec.write_text(text, encoding="utf-8")
        out = Path(tmp) / "out"
        result = generate(spec, out)
        if result.returncode != 0 or problems(result):
            print(result.stdout + result.stderr, file=sys.stderr)
            print("openapi-python-client reported problems (see above)", file=sys.stderr)
            return 1
        if args.check:
            stale = [] if SPEC.exists() and SPEC.read_text(encoding="utf-8") == text else ["openapi.json"]
            for name in GENERATED:
                target = CLIENT_DIR / name
                if not target.exists():
                    stale.append(name)
                elif target.is_dir():
                    stale += [f"{name}/{d}" for d in differences(out / name, target)]
                elif not filecmp.cmp(out / name, target, shallow=False):
                    stale.append(name)
            if stale:
                print("clients/python is stale; run `make client`. Differs: " + ", ".join(stale), file=sys.stderr)
                return 1
            print("clients/python matches the OpenAPI document")
            return 0
        SPEC.write_text(text, encoding="utf-8")
        for name in GENERATED:
            target = CLIENT_DIR / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
            src = out / name
            if src.is_dir():
                shutil.copytree(src, target, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(src, target)
    print(f"wrote {SPEC.relative_to(ROOT)} and clients/python/phaen_client")
    return 0


if __name__ == "__main__":
    sys.exit(main())
