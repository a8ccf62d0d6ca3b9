"""The entry points fail clearly: no Odoo 18, a busy port, a broken compose file."""

import shutil
import socket
import subprocess
import sys

import pytest
from conftest import ROOT


def run_dealer(*args, env_extra=None, tmp_path=None):
    env = {"PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(tmp_path or ROOT)}
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, str(ROOT / "bin" / "dealer"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("command", ["run", "test"])
def test_without_odoo_18_both_commands_stop_with_code_2(tmp_path, command):
    """An Odoo that is not 18 (here a stand-in package) stops run and test at once."""
    fake = tmp_path / "odoo"
    fake.mkdir()
    (fake / "__init__.py").write_text("")
    (fake / "release.py").write_text("version_info = (17, 0, 0, 'final', 0, '')\n")
    result = run_dealer(
        command, env_extra={"PYTHONPATH": str(tmp_path)}, tmp_path=tmp_path
    )
    assert result.returncode == 2
    assert "Odoo 18 is not importable" in result.stderr
    assert "docker compose up" in result.stderr
    assert "Source install" in result.stderr


def test_run_refuses_a_busy_port(tmp_path):
    """A port in use gets a sentence, not a traceback, and nothing is started."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_dealer("run", "--port", str(port), tmp_path=tmp_path)
    if result.returncode == 2:
        pytest.skip("Odoo 18 is not installed here")
    assert result.returncode == 3
    assert f"port {port} is already in use" in result.stderr
    assert "Traceback" not in result.stderr


def test_ci_calls_make_test_only():
    lines = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines[-1] == "exec make test"


def test_readme_names_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme


@pytest.mark.skipif(
    not shutil.which("docker-compose"), reason="docker-compose not installed"
)
def test_docker_compose_file_is_valid():
    result = subprocess.run(
        ["docker-compose", "-f", str(ROOT / "docker-compose.yml"), "config", "-q"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    services = subprocess.run(
        [
            "docker-compose",
            "-f",
            str(ROOT / "docker-compose.yml"),
            "config",
            "--services",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout.split()
    assert {"db", "odoo", "nginx", "test"} <= set(services)
