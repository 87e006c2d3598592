"""The house plan holds: import-linter's contracts (.importlinter) are kept.

Blueprints sit above the web shell, the write path, the safety rules, the
models and the content doors; only content.images opens images, only
content.sanitise cleans HTML, only content.search speaks full text.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_import_contract_is_kept():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(  # noqa: S603 (our own linter, fixed arguments)
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True,
        text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
    assert result.stdout.count(" KEPT") == 8  # every contract in the file was checked
