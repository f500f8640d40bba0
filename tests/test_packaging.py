"""The package as users get it: `python -m build` makes an sdist and a wheel (built from that sdist) that
install in a fresh virtual environment and build a new site there."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*command: str | Path, cwd: Path | None = None) -> str:
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd or Path(os.sep),  # never the project folder: it would shadow the installed package
        capture_output=True,
        text=True,
        # not PYTHONPATH (tests run with PYTHONPATH=<clone>): the fresh venv imported the clone, not the wheel
        env={
            **{name: value for name, value in os.environ.items() if name != "PYTHONPATH"},
            "NO_MKDOCS_2_WARNING": "1",
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        },
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def test_sdist_and_wheel_install_in_a_fresh_venv_and_build_a_site(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    # no network: the build backend comes from this environment (hatchling is in the test extra)
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", dist, ROOT)
    [sdist] = dist.glob("*.tar.gz")
    [wheel] = dist.glob("*.whl")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"LICENSE", "CHANGELOG.md", "README.md", "pyproject.toml", "mkdocs_convaudio/py.typed"} <= names
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(archive.read(n).decode() for n in names if n.endswith("dist-info/entry_points.txt"))
    assert {"mkdocs_convaudio/py.typed", "mkdocs_convaudio/assets/convaudio.js"} <= names
    assert any(name.endswith("dist-info/licenses/LICENSE") for name in names)
    assert "[mkdocs.plugins]\nconvaudio = mkdocs_convaudio.plugin:ConvAudioPlugin" in entry_points
    assert "[properdocs.plugins]" in entry_points

    fresh = tmp_path / "fresh"
    run(sys.executable, "-m", "venv", "--without-pip", fresh)
    python = fresh / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", wheel)
    # the dependencies (numpy, MkDocs, ...) are the ones this environment already has: seen after the wheel
    purelib = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").strip())
    (purelib / "zz_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    where = run(python, "-c", "import mkdocs_convaudio; print(mkdocs_convaudio.__file__)")
    assert where.strip().startswith(str(fresh)), where

    site = tmp_path / "new-site"
    (site / "docs").mkdir(parents=True)
    (site / "mkdocs.yml").write_text("site_name: New\nplugins:\n  - convaudio\n", encoding="utf-8")
    (site / "docs/index.md").write_text(
        '---\naudio: true\n---\n\n```json\n[{"speaker": "A", "line": "Installed from the wheel."}]\n```\n',
        encoding="utf-8",
    )
    log = run(python, "-m", "mkdocs", "build", "--strict", cwd=site)
    assert "1 conversation, 1 line: 1 synthesized" in log, log
    assert (site / "site/assets/convaudio/index-1.mp3").stat().st_size > 1000


def test_the_readme_s_links_work_on_pypi_and_its_docs_paths_exist() -> None:
    """README.md is PyPI's project page (`readme` in pyproject.toml), where a relative link resolves against
    pypi.org and is broken: every link is absolute. The guide's pages it names (`docs/player.md`, as text, or in a
    link to the repository's own tree) are files that exist."""
    import re
    import tomllib

    root = Path(__file__).resolve().parent.parent
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["readme"] == "README.md"
    text = (root / "README.md").read_text(encoding="utf-8")
    inline = re.findall(r"\]\(\s*<?([^)\s>]+)", text)
    reference = re.findall(r"^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", text, flags=re.MULTILINE)
    html = re.findall(r"""(?:href|src)\s*=\s*["']([^"']+)""", text)
    targets = [*inline, *reference, *html]
    relative = [target for target in targets if not re.match(r"[a-z][a-z0-9+.-]*:", target) and target[0] != "#"]
    assert not relative, f"relative links are broken on PyPI; make them absolute: {relative}"
    repositories = [str(url).rstrip("/") for url in project.get("urls", {}).values()]
    own = [
        re.sub(r"^/(?:blob|tree)/[^/]+/", "", target[len(base) :])
        for target in targets
        for base in repositories
        if target.startswith(base + "/")
    ]
    named = re.findall(r"(?<![\w/.-])((?:docs|benchmarks)/[\w./-]*\w)", text)
    missing = sorted({path.split("#")[0] for path in [*own, *named] if not (root / path.split("#")[0]).exists()})
    assert not missing, f"README.md names files that do not exist: {missing}"
