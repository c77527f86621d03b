"""Write the site into a fresh folder next to dist/ and swap it in, so a failed build keeps the last good site."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


def write_site(out: Path, files: dict[str, bytes]) -> None:
    """Replace `out` by a folder holding exactly `files`; until the swap the old site stays complete."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    retired = out.parent / f".{out.name}-old"
    moved_old = False
    try:
        for relative, data in sorted(files.items()):
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        staging.chmod(0o755)
        if retired.exists():
            shutil.rmtree(retired)
        if out.exists():
            out.rename(retired)
            moved_old = True
        staging.rename(out)
        shutil.rmtree(retired, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if moved_old and not out.exists():  # the swap failed halfway: put the last good site back
            retired.rename(out)
        raise
