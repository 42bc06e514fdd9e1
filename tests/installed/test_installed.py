"""The package as a user receives it: the wheel and sdist `make dist` builds, installed into a fresh virtualenv with
no dev extra, used from a directory outside the repository; and an editable install that mypy can follow.

One build and one virtualenv for the module (the slow part: about 20 s, most of it pip). mypy runs from the dev
venv with --python-executable pointing at the clean one, so the user's venv needs no mypy; the user's own test run
installs pytest there, as a user's project would have it. `pytest -m "not installed"` leaves this module out.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import textwrap
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent  # the dev venv: build, twine, mypy, openapi-python-client
pytestmark = pytest.mark.installed


def run(*args: str | Path, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run a command as a user would in `cwd`: no PYTHONPATH, MYPYPATH or API key. The dev venv's bin leads PATH
    (the generator's post-hooks run its ruff), as under make."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "WITHALLO_API_KEY", "MYPYPATH"}}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, f"{done.args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def new_venv(path: Path) -> Path:
    """A fresh virtualenv without pip (the dev venv's pip installs into it with --python); returns its python."""
    ok(run(sys.executable, "-m", "venv", "--without-pip", path, cwd=path.parent))
    return path / "bin" / "python"


def pip_install(python: Path, *args: str | Path, cwd: Path) -> None:
    """pip from the dev venv, installing into another environment; pip's cache is reused, nothing but PyPI is used."""
    ok(run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", *args, cwd=cwd))


@dataclass(frozen=True)
class Built:
    wheel: Path
    sdist: Path
    user_python: Path  # a clean venv: the wheel (no extras) and pytest
    home: Path  # the user's project directory, outside the repository


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("installed")
    assert not base.resolve().is_relative_to(ROOT)
    dist = base / "dist"
    # PyPA's frontend, as `make dist` runs it: the sdist first, then the wheel built from that sdist.
    ok(run(sys.executable, "-m", "build", "--outdir", dist, ROOT, cwd=base))
    (wheel,) = dist.glob("withallo-*.whl")
    (sdist,) = dist.glob("withallo-*.tar.gz")
    python = new_venv(base / "venv")
    pip_install(python, wheel, "pytest", cwd=base)
    home = base / "project"
    home.mkdir()
    return Built(wheel, sdist, python, home)


def test_the_artefacts_pass_twine_check_and_hold_only_the_two_typed_packages(built: Built) -> None:
    ok(run(BIN / "twine", "check", "--strict", built.wheel, built.sdist, cwd=built.home))
    names = zipfile.ZipFile(built.wheel).namelist()
    assert {name.split("/")[0] for name in names} == {"withallo_client", "withallo_ext", "withallo-0.1.0.dist-info"}
    assert {"withallo_client/py.typed", "withallo_ext/py.typed", "withallo-0.1.0.dist-info/licenses/LICENSE"} <= set(
        names
    )


def test_the_wheel_holds_every_module_of_the_source_tree(built: Built) -> None:
    """A module the layout moves or adds (webhooks/, _resources/sms/, testing/...) ships: nothing only the clone has."""
    tracked = ok(run("git", "ls-files", "withallo_client", "withallo_ext", cwd=ROOT)).splitlines()
    source = {name for name in tracked if name.endswith((".py", ".yaml", "py.typed"))}
    source |= {"withallo_client/py.typed", "withallo_ext/py.typed"}  # written by make generate, not tracked
    in_wheel = set(zipfile.ZipFile(built.wheel).namelist())
    assert sorted(source - in_wheel) == []
    assert {"withallo_ext/webhooks/_receiver.py", "withallo_ext/_resources/sms/send_many.py"} <= in_wheel


def test_the_clean_venv_has_the_wheel_and_its_metadata_but_no_dev_extra(built: Built) -> None:
    script = textwrap.dedent("""
        import importlib.metadata as md, importlib.util, json, withallo_client, withallo_ext
        meta = md.metadata("withallo")
        print(json.dumps({
            "files": [withallo_client.__file__, withallo_ext.__file__],
            "urls": sorted(url.split(",")[0] for url in meta.get_all("Project-URL")),
            "keywords": meta["Keywords"],
            "classifiers": meta.get_all("Classifier"),
            "license": meta["License-Expression"],
            "readme": meta["Description-Content-Type"], "readme_starts": meta.get_payload()[:10],
            "dev": [m for m in ("respx", "mypy", "hypothesis", "openapi_python_client") if importlib.util.find_spec(m)],
        }))
    """)
    found = json.loads(ok(run(built.user_python, "-c", script, cwd=built.home)))
    site = built.user_python.parents[1] / "lib"
    assert all(Path(f).is_relative_to(site) for f in found["files"]), found["files"]
    assert found["urls"] == ["Changelog", "Documentation", "Issues", "Source"]
    assert "telephony" in found["keywords"].split(",")
    assert "Typing :: Typed" in found["classifiers"]
    assert [c for c in found["classifiers"] if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)] == [
        "Programming Language :: Python :: 3.11"  # what CI runs (.ci/run); no version claimed that is not tested
    ]
    assert (found["license"], found["readme"], found["readme_starts"]) == ("MIT", "text/markdown", "# withallo")
    assert found["dev"] == []


USER_CODE = """\
from withallo_client.api.phone_numbers import list_phone_numbers
from withallo_client.client import AuthenticatedClient
from withallo_ext import WithalloClient

client = WithalloClient(api_key="key")
reveal_type(client.phone_numbers.list()[0].number)
reveal_type(client.contacts.search().results[0].id)
reveal_type(list_phone_numbers.sync(client=AuthenticatedClient(base_url="https://allo.example", token="key")))
print(client.phone_numbers.list()[0].numbr)
"""


def mypy_strict(python: Path, home: Path) -> list[str]:
    """mypy --strict on USER_CODE in `home`, resolving imports in `python`'s environment; its report, line by line."""
    (home / "user_code.py").write_text(USER_CODE)
    done = run(
        BIN / "mypy", "--strict", "--python-executable", python, "--cache-dir", home / ".mypy_cache", "user_code.py",
        cwd=home,
    )  # fmt: skip
    assert done.returncode == 1, done.stdout + done.stderr  # the misspelt attribute is an error
    return done.stdout.splitlines()


def test_mypy_strict_on_user_code_sees_the_installed_types(built: Built) -> None:
    report = mypy_strict(built.user_python, built.home)
    assert report[:2] == [
        'user_code.py:6: note: Revealed type is "str"',
        'user_code.py:7: note: Revealed type is "str"',
    ]
    generated = report[2]  # the generated layer's functions are typed too, down to the models
    assert generated.startswith("user_code.py:8: note: Revealed type is "), report
    assert "withallo_client.models.phone_number_list_response.PhoneNumberListResponse" in generated
    assert "Any" not in generated
    assert report[3:] == [
        'user_code.py:9: error: "PhoneNumber" has no attribute "numbr"; maybe "number"?  [attr-defined]',
        "Found 1 error in 1 file (checked 1 source file)",
    ]


def test_the_quickstart_runs_against_the_fake_from_the_installed_wheel(built: Built) -> None:
    script = shutil.copy(ROOT / "examples" / "quickstart.py", built.home / "quickstart.py")
    out = ok(run(built.user_python, "-I", script, cwd=built.home, timeout=120))
    assert re.search(r"withallo quickstart against a fake Allo at http://127\.0\.0\.1:\d+/v1/api", out), out
    assert "31 calls over 4 page(s)" in out
    assert "delivered CALL_RECEIVED -> your endpoint answered 200" in out


def test_the_withallo_command_without_its_extra_says_what_to_install(built: Built) -> None:
    """The wheel installs the `withallo` script; without the cli extra (click, rich) it says so in one line."""
    script = built.user_python.parent / "withallo"
    assert script.exists()
    done = run(script, "numbers", "list", cwd=built.home)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == "withallo: the command line needs extra packages: pip install 'withallo[cli]'\n"


USER_TESTS = """\
import pytest

from withallo_ext.testing import FakeAllo, FakeAlloServer


def test_the_reminder_is_texted(fake_allo: FakeAllo) -> None:
    with fake_allo.client() as client:
        client.sms.send(from_="+14155550123", to="+14155550199", message="See you at 10")
    assert fake_allo.last_request.json == {"from": "+14155550123", "to": "+14155550199", "message": "See you at 10"}


@pytest.mark.fake_allo(seed=7, pagination="flat")
def test_a_rate_limit_is_ridden_out(fake_allo: FakeAllo) -> None:
    fake_allo.fail_next(1, "rate_limit", retry_after=0)
    with fake_allo.client() as client:
        assert len(client.phone_numbers.list()) == 3
    assert [r.status for r in fake_allo.requests] == [429, 200]


def test_over_http(fake_allo_server: FakeAlloServer) -> None:
    with fake_allo_server.client() as client:
        assert client.test_connection()
"""


def test_the_fake_allo_fixture_works_in_a_users_test_file(built: Built) -> None:
    """The pytest plugin comes with the wheel (entry point pytest11): no conftest, nothing from the repository."""
    (built.home / "test_user_code.py").write_text(USER_TESTS)
    out = ok(
        run(built.user_python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_user_code.py", cwd=built.home)
    )
    assert re.search(r"^3 passed", out, re.MULTILINE), out


def test_the_sdist_installs_and_holds_what_regenerating_needs(built: Built, tmp_path: Path) -> None:
    with tarfile.open(built.sdist) as sdist:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4+ (Debian 12 has 3.11.2): no links or paths outside
            sdist.extractall(tmp_path, filter="data")
        else:
            sdist.extractall(tmp_path)  # our own sdist, just built
    source = tmp_path / "withallo-0.1.0"
    needed = ["openapi/withallo.yaml", "generator-config.yml"]
    needed += [p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "templates").iterdir())]
    for name in needed:
        assert (source / name).read_bytes() == (ROOT / name).read_bytes(), name
    assert not (source / "tests").exists()

    # Regenerating from the sdist alone gives the withallo_client it ships (the Makefile adds py.typed after).
    generated = tmp_path / "regenerated"
    args = ["--path", "openapi/withallo.yaml", "--config", "generator-config.yml", "--meta", "none"]
    ok(run(BIN / "openapi-python-client", "generate", *args, "--custom-template-path", "templates",
           "--output-path", generated, cwd=source))  # fmt: skip
    shipped = {p.relative_to(source / "withallo_client") for p in (source / "withallo_client").rglob("*.py")}
    assert shipped == {p.relative_to(generated) for p in generated.rglob("*.py")}
    assert [p for p in shipped if (generated / p).read_bytes() != (source / "withallo_client" / p).read_bytes()] == []

    # Installed from the sdist (built into a wheel by pip), the same files land as from the wheel.
    python = new_venv(tmp_path / "venv")
    pip_install(python, "--no-deps", built.sdist, cwd=tmp_path)
    site = next((tmp_path / "venv" / "lib").glob("python3*/site-packages"))
    installed = {p.relative_to(site).as_posix() for p in site.glob("withallo_*/**/*") if p.is_file()}
    installed = {name for name in installed if "__pycache__" not in name}
    in_wheel = {n for n in zipfile.ZipFile(built.wheel).namelist() if n.startswith("withallo_")}
    assert installed == in_wheel


def test_an_editable_install_is_one_mypy_can_follow(tmp_path: Path) -> None:
    """`pip install -e .` from a clone writes a static .pth (pyproject.toml's [tool.setuptools] package-dir), not an
    import-hook finder: mypy run from another directory then finds withallo_ext and withallo_client."""
    python = new_venv(tmp_path / "venv")
    # With its dependencies, as a user's `pip install -e .` (without attrs mypy would not know the models' fields);
    # nothing but the repository can provide withallo_ext here (the wheel's clean venv is not involved).
    pip_install(python, "-e", ROOT, cwd=tmp_path)
    site = next((tmp_path / "venv" / "lib").glob("python3*/site-packages"))
    assert not list(site.glob("__editable__*finder*.py"))
    (pth,) = site.glob("__editable__.withallo-*.pth")
    assert pth.read_text().split() == [str(ROOT)]
    home = tmp_path / "elsewhere"
    home.mkdir()
    report = mypy_strict(python, home)
    assert report[:2] == [
        'user_code.py:6: note: Revealed type is "str"',
        'user_code.py:7: note: Revealed type is "str"',
    ]
    assert report[-2:] == [
        'user_code.py:9: error: "PhoneNumber" has no attribute "numbr"; maybe "number"?  [attr-defined]',
        "Found 1 error in 1 file (checked 1 source file)",
    ]
