"""The entry points fail clearly: no Odoo 18, a busy port, a broken compose file."""

import re
import shutil
import socket
import subprocess
import sys

import pytest
import yaml
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


def test_docker_compose_file_is_valid():
    """``docker-compose config`` where it is installed; otherwise the same file
    is read as Compose reads it (YAML with merge keys) and its references are
    checked, so a clean machine without Docker still runs this test."""
    compose = ROOT / "docker-compose.yml"
    if shutil.which("docker-compose"):
        result = subprocess.run(
            ["docker-compose", "-f", str(compose), "config", "-q"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        assert result.returncode == 0, result.stderr
    config = yaml.safe_load(compose.read_text(encoding="utf-8"))
    services = config["services"]
    assert {"db", "odoo", "nginx", "test"} <= set(services)
    declared_volumes = set(config.get("volumes") or {})
    for name, service in services.items():
        assert service.get("image") or service.get("build"), f"{name}: no image"
        build = service.get("build")
        if build:
            assert (ROOT / build["context"] / build["dockerfile"]).is_file(), name
        depends = service.get("depends_on") or {}
        assert set(depends) <= set(services), f"{name} depends on {set(depends)}"
        for volume in service.get("volumes") or ():
            source = volume.split(":")[0]
            if source.startswith("."):
                assert (ROOT / source).exists(), f"{name}: {source} is missing"
            else:
                assert source in declared_volumes, f"{name}: volume {source}"
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    for variable in set(re.findall(r"\$\{(\w+):-", compose.read_text())):
        assert variable in example, f".env.example does not name {variable}"
