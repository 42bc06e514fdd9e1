"""scripts/system-packages.sh, which `make test` runs first: on a machine without Chromium or redis-server it installs
them with apt-get as root, and otherwise stops printing the exact command. Run with a PATH that hides the real tools
and a stand-in apt-get that records how it was called (nothing is installed or removed on this machine)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests._redis import redis_server_url

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "system-packages.sh"
BASH = "/bin/bash"

# A stand-in apt-get: records DEBIAN_FRONTEND and its arguments, and "installs" a package by creating the command
# it provides in the fake bin directory (python3-venv makes the fake python3's venv probe succeed).
FAKE_APT_GET = """#!/bin/bash
bin=${0%/*}
echo "DEBIAN_FRONTEND=${DEBIAN_FRONTEND:-} $*" >> "$bin/apt-get.log"
[ "$1" = install ] || exit 0
for arg in "$@"; do
  case "$arg" in
    -*|install) ;;
    python3-venv) : > "$bin/venv-installed" ;;
    *) [ -n "${APT_PROVIDES_NOTHING:-}" ] || { echo '#!/bin/bash' > "$bin/$arg"; /bin/chmod +x "$bin/$arg"; } ;;
  esac
done
"""
# python3 whose `import ensurepip, venv` works only once python3-venv is "installed".
FAKE_PYTHON3 = """#!/bin/bash
[ -e "${0%/*}/venv-installed" ]
"""


@dataclass
class Machine:
    bin: Path

    def add(self, name: str, body: str = "#!/bin/bash\n") -> None:
        path = self.bin / name
        path.write_text(body)
        path.chmod(0o755)

    def run(self, *needs: str, uid: int = 0, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        self.add("id", f'#!/bin/bash\n[ "$1" = -u ] && echo {uid}\n')
        return subprocess.run(
            [BASH, str(SCRIPT), *needs],
            env={"PATH": str(self.bin), **(env or {})},
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )

    @property
    def apt_calls(self) -> list[str]:
        log = self.bin / "apt-get.log"
        return log.read_text().splitlines() if log.exists() else []


@pytest.fixture
def machine(tmp_path: Path) -> Machine:
    """A PATH with neither Chromium nor redis-server (only the fakes below), Debian's apt-get, python3 without venv."""
    fake = Machine(tmp_path / "bin")
    fake.bin.mkdir()
    fake.add("apt-get", FAKE_APT_GET)
    fake.add("python3", FAKE_PYTHON3)
    return fake


def test_as_root_the_missing_packages_are_installed_with_apt_get(machine: Machine) -> None:
    done = machine.run("venv", "chromium", "redis-server", uid=0)
    assert done.returncode == 0, done.stderr
    assert machine.apt_calls == [
        "DEBIAN_FRONTEND=noninteractive update -qq",
        "DEBIAN_FRONTEND=noninteractive install -y -qq --no-install-recommends python3-venv chromium redis-server",
    ]
    assert "installing missing system packages: python3-venv chromium redis-server" in done.stdout
    assert (machine.bin / "chromium").exists()


def test_only_what_is_missing_is_installed(machine: Machine) -> None:
    machine.add("chromium-browser")  # another name find_chromium() accepts
    machine.add("venv-installed")
    done = machine.run("venv", "chromium", "redis-server", uid=0)
    assert done.returncode == 0, done.stderr
    assert machine.apt_calls[-1] == "DEBIAN_FRONTEND=noninteractive install -y -qq --no-install-recommends redis-server"


def test_nothing_missing_means_no_apt_get_and_no_output(machine: Machine) -> None:
    machine.add("chromium")
    machine.add("redis-server")
    done = machine.run("chromium", "redis-server", uid=1000)  # venv support not asked for: .venv exists
    assert (done.returncode, done.stdout, done.stderr, machine.apt_calls) == (0, "", "", [])


def test_not_root_stops_at_once_with_the_exact_command(machine: Machine) -> None:
    machine.add("redis-server")
    done = machine.run("chromium", "redis-server", uid=1000)
    assert done.returncode == 1
    assert machine.apt_calls == []
    assert "missing system packages: chromium." in done.stderr
    command = "sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends"
    assert f"    {command} chromium\n" in done.stderr


def test_without_apt_get_it_names_what_to_install(machine: Machine) -> None:
    (machine.bin / "apt-get").unlink()
    done = machine.run("chromium", "redis-server", uid=0)
    assert done.returncode == 1
    assert "missing system packages: chromium redis-server. Install them with your system's package" in done.stderr


def test_a_package_that_does_not_provide_the_command_fails_after_installing(machine: Machine) -> None:
    done = machine.run("redis-server", uid=0, env={"APT_PROVIDES_NOTHING": "1"})
    assert done.returncode == 1
    assert len(machine.apt_calls) == 2
    assert "still not met: redis-server" in done.stderr


def test_tmux_is_installed_when_missing(machine: Machine) -> None:
    done = machine.run("tmux", uid=0)
    assert done.returncode == 0, done.stderr
    assert machine.apt_calls[-1] == "DEBIAN_FRONTEND=noninteractive install -y -qq --no-install-recommends tmux"
    assert (machine.bin / "tmux").exists()
    again = machine.run("tmux", uid=0)
    assert (again.returncode, again.stdout) == (0, "")


def test_an_unknown_need_is_refused(machine: Machine) -> None:
    done = machine.run("chromium", "postgres", uid=0)
    assert done.returncode == 2
    assert "unknown need 'postgres'" in done.stderr
    assert machine.apt_calls == []


def test_make_test_provisions_first_and_pytest_knows_it() -> None:
    """`make test` runs the script before anything slow; its pytest run turns a missing redis-server into a failure."""
    done = subprocess.run(
        ["make", "--no-print-directory", "-n", "test"], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["scripts/system-packages.sh", "chromium", "redis-server", "tmux"]
    assert any(line.startswith("WITHALLO_TEST_PROVISIONED=1 ") and "-m pytest" in line for line in lines)


def test_under_make_a_missing_redis_server_fails_the_redis_tests(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Under `make test` (WITHALLO_TEST_PROVISIONED) no redis-server fails the redis_url fixture; bare pytest skips."""
    monkeypatch.delenv("WITHALLO_TEST_REDIS_URL", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # no redis-server here
    monkeypatch.setenv("WITHALLO_TEST_PROVISIONED", "1")
    with pytest.raises(pytest.fail.Exception, match="although make provisioned the system packages"):
        next(redis_server_url())
    monkeypatch.delenv("WITHALLO_TEST_PROVISIONED")
    with pytest.raises(pytest.skip.Exception, match="`make test` installs it"):
        next(redis_server_url())
