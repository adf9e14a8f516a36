from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

HERE = Path(__file__).parent
PLUGIN_DIR = HERE / "plugin"


def _install_test_plugin(root: Path) -> Path:
    """Make the test plugin importable with a real ``lint_article`` entry point."""
    site = root / "site"
    dist = site / "lat_testplugin-0.1.dist-info"
    dist.mkdir(parents=True, exist_ok=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: lat-testplugin\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[lint_article]\ntestplugin = lat_testplugin\n")
    (site / "lat_testplugin.py").write_text((PLUGIN_DIR / "lat_testplugin.py").read_text())
    return site


@pytest.fixture(scope="session", autouse=True)
def installation_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tests' own installation folder and user folder (both lint.cache), so that
    no test writes beside the package or in the home folder: in-process runs and the runs
    the tests start (they inherit the variables)."""
    from lint.cache import INSTALL_ENV, USER_ENV

    folder = tmp_path_factory.mktemp("installation")
    os.environ[INSTALL_ENV] = str(folder)
    os.environ[USER_ENV] = str(tmp_path_factory.mktemp("user"))  # the user's secret, too
    return folder


@pytest.fixture(scope="session")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _install_test_plugin(tmp_path_factory.mktemp("plugin"))


RunCli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_cli(plugin_site: Path) -> RunCli:
    """Run ``lint-article`` as users do: a separate process, with the test plugin installed."""

    def run(
        *args: str,
        cwd: Path | None = None,
        input: str | None = None,
        plugin: bool = True,
        timeout: float = 60,
        env_vars: dict[str, str] | None = None,
    ) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ)
        env.pop("NO_COLOR", None)
        env.update(env_vars or {})
        if plugin:
            env["PYTHONPATH"] = str(plugin_site) + os.pathsep + env.get("PYTHONPATH", "")
        return subprocess.run(
            [sys.executable, "-m", "lint.cli", *args],
            cwd=cwd,
            input=input,
            capture_output=True,
            text=True,
            env=env,
            timeout=timeout,
        )

    return run
