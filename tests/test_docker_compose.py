"""docker-compose.yml and the Dockerfile agree with each other and with the app's settings and routes.

No Docker engine is needed: the files are parsed and checked against the code they configure.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from starlette.routing import BaseRoute, Mount, Route
from tortoise.backends.base.config_generator import expand_db_url

from sern_graph.app import create_app
from sern_graph.settings import Settings

REPO_ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = REPO_ROOT / "docker-compose.yml"
APP_SERVICE = "app"
POSTGRES_SERVICE = "postgres"
ENV_PREFIX = "SERN_"


# ---- Dockerfile parsing ----------------------------------------------------------------------------------


@dataclass
class Instruction:
    keyword: str
    arguments: str


@dataclass
class Stage:
    base: str
    name: str | None
    instructions: list[Instruction] = field(default_factory=list)

    def all(self, keyword: str) -> list[Instruction]:
        return [instruction for instruction in self.instructions if instruction.keyword == keyword]

    def last(self, keyword: str) -> Instruction:
        found = self.all(keyword)
        assert found, f"the {self.name or self.base} stage has no {keyword}"
        return found[-1]


def parse_dockerfile(text: str) -> list[Stage]:
    """The stages of a Dockerfile, each with its instructions (continuations joined, comments dropped)."""
    logical_lines: list[str] = []
    pending = ""
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue  # comments and blank lines may sit inside a continued instruction too
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        logical_lines.append(pending + line)
        pending = ""
    assert not pending, "the Dockerfile ends inside a line continuation"

    stages: list[Stage] = []
    for line in logical_lines:
        keyword, _, arguments = line.partition(" ")
        keyword, arguments = keyword.upper(), arguments.strip()
        if keyword == "FROM":
            words = [word for word in arguments.split() if not word.startswith("--")]
            name = words[2] if len(words) == 3 and words[1].upper() == "AS" else None
            stages.append(Stage(base=words[0], name=name))
        elif keyword != "ARG" or stages:  # ARGs before the first FROM only parameterise the FROMs
            assert stages, f"{keyword} before the first FROM"
            stages[-1].instructions.append(Instruction(keyword, arguments))
    return stages


def exec_form(instruction: Instruction) -> list[str]:
    """The argv of a CMD/HEALTHCHECK CMD in exec (JSON) form; the shell form fails the test."""
    arguments = instruction.arguments
    if instruction.keyword == "HEALTHCHECK":
        options = re.match(r"((?:--\S+\s+)*)CMD\s+(.*)$", arguments, re.DOTALL)
        assert options, f"HEALTHCHECK without CMD: {arguments}"
        arguments = options.group(2)
    assert arguments.startswith("["), f"{instruction.keyword} should use the exec (JSON) form: {arguments}"
    argv = json.loads(arguments)
    assert isinstance(argv, list)
    assert all(isinstance(word, str) for word in argv)
    return argv


def copy_sources(instruction: Instruction) -> list[str]:
    """The build-context sources of a COPY/ADD; none for `--from=` (another stage or image)."""
    if instruction.arguments.lstrip().startswith("["):
        words: list[str] = json.loads(instruction.arguments)
    else:
        words = shlex.split(instruction.arguments)
    flags = [word for word in words if word.startswith("--")]
    paths = [word for word in words if not word.startswith("--")]
    if any(flag.startswith("--from=") for flag in flags):
        return []
    assert len(paths) >= 2, f"{instruction.keyword} needs a source and a destination: {instruction.arguments}"
    return paths[:-1]


def option_value(argv: list[str], option: str) -> str:
    assert option in argv, f"{option} missing from {argv}"
    index = argv.index(option)
    assert index + 1 < len(argv), f"{option} has no value in {argv}"
    return argv[index + 1]


# ---- .dockerignore matching (Docker's rules: Go filepath.Match per segment, ** across them) ---------------


def dockerignore_regex(pattern: str) -> re.Pattern[str]:
    parts: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            parts.append("(?:.*/)?")
            index += 3
            continue
        if pattern.startswith("**", index):
            parts.append(".*")
            index += 2
            continue
        if char == "*":
            parts.append("[^/]*")
        elif char == "?":
            parts.append("[^/]")
        elif char == "[":
            end = pattern.index("]", index + 1)
            body = pattern[index + 1 : end]
            parts.append("[" + ("^" + body[1:] if body.startswith(("!", "^")) else body) + "]")
            index = end
        else:
            parts.append(re.escape(char))
        index += 1
    return re.compile("".join(parts))


def excluded_by_dockerignore(relative_path: str, patterns: list[str]) -> bool:
    """Whether the path (or a directory above it) is left out of the build context."""
    segments = relative_path.strip("/").split("/")
    candidates = ["/".join(segments[: depth + 1]) for depth in range(len(segments))]
    excluded = False
    for raw_pattern in patterns:
        negated = raw_pattern.startswith("!")
        pattern = raw_pattern.removeprefix("!").strip().removeprefix("./").strip("/")
        regex = dockerignore_regex(pattern)
        if any(regex.fullmatch(candidate) for candidate in candidates):
            excluded = not negated
    return excluded


def read_dockerignore(context: Path) -> list[str]:
    path = context / ".dockerignore"
    if not path.exists():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


# ---- compose helpers -------------------------------------------------------------------------------------


def environment(service: dict[str, Any]) -> dict[str, str]:
    """A service's environment, from either the mapping or the KEY=VALUE list form."""
    raw = service.get("environment", {})
    if isinstance(raw, list):
        assert all("=" in item for item in raw), f"environment entries without a value: {raw}"
        return dict(item.split("=", 1) for item in raw)
    assert isinstance(raw, dict)
    assert all(value is not None for value in raw.values()), f"environment entries without a value: {raw}"
    return {str(key): str(value) for key, value in raw.items()}


def published_ports(service: dict[str, Any]) -> list[tuple[int, int]]:
    """(host port, container port) for each published port, from the short or the long syntax."""
    ports: list[tuple[int, int]] = []
    for entry in service.get("ports", []):
        if isinstance(entry, dict):
            ports.append((int(entry["published"]), int(entry["target"])))
            continue
        text = str(entry).split("/")[0]  # drop a /tcp suffix
        *_, host, container = text.split(":")
        ports.append((int(host), int(container)))
    return ports


def healthcheck_url(service: dict[str, Any]) -> str:
    test = service["healthcheck"]["test"]
    command = " ".join(test) if isinstance(test, list) else str(test)
    urls = re.findall(r"https?://[^\s'\"]+", command)
    assert len(urls) == 1, f"expected one URL in the healthcheck, found {urls}"
    return str(urls[0])


def route_paths(routes: list[BaseRoute]) -> set[str]:
    return {route.path for route in routes if isinstance(route, Route | Mount)}


# ---- fixtures --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


@pytest.fixture(scope="module")
def app_service(compose: dict[str, Any]) -> dict[str, Any]:
    service: dict[str, Any] = compose["services"][APP_SERVICE]
    return service


@pytest.fixture(scope="module")
def postgres_service(compose: dict[str, Any]) -> dict[str, Any]:
    service: dict[str, Any] = compose["services"][POSTGRES_SERVICE]
    return service


@pytest.fixture(scope="module")
def build_context(app_service: dict[str, Any]) -> Path:
    build = app_service["build"]
    context = build if isinstance(build, str) else build.get("context", ".")
    return (COMPOSE_FILE.parent / context).resolve()


@pytest.fixture(scope="module")
def dockerfile_path(app_service: dict[str, Any], build_context: Path) -> Path:
    build = app_service["build"]
    name = "Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile")
    return build_context / name


@pytest.fixture(scope="module")
def stages(dockerfile_path: Path) -> list[Stage]:
    parsed = parse_dockerfile(dockerfile_path.read_text(encoding="utf-8"))
    assert parsed, "the Dockerfile has no FROM"
    return parsed


@pytest.fixture(scope="module")
def runtime_stage(stages: list[Stage]) -> Stage:
    return stages[-1]


@pytest.fixture(scope="module")
def cmd(runtime_stage: Stage) -> list[str]:
    return exec_form(runtime_stage.last("CMD"))


@pytest.fixture(scope="module")
def app_routes() -> set[str]:
    app = create_app(Settings(database_url="sqlite://:memory:"), manage_database=False)
    return route_paths(app.routes)


# ---- compose ---------------------------------------------------------------------------------------------


def test_compose_services_are_app_and_postgres(compose: dict[str, Any]) -> None:
    assert "version" not in compose, "the Compose spec has no version key"
    assert set(compose["services"]) == {APP_SERVICE, POSTGRES_SERVICE}


def test_compose_app_builds_from_repo_dockerfile(app_service: dict[str, Any], dockerfile_path: Path) -> None:
    assert "image" not in app_service, "the app is built from the repository, not pulled"
    assert dockerfile_path == REPO_ROOT / "Dockerfile"
    assert dockerfile_path.is_file()


def test_compose_app_environment_only_settings_fields(app_service: dict[str, Any]) -> None:
    env = environment(app_service)
    assert env, "the app service gets no environment"
    for name in env:
        assert name.startswith(ENV_PREFIX), f"{name} is not a SERN_ setting"
        assert name.removeprefix(ENV_PREFIX).lower() in Settings.model_fields, f"{name} is no Settings field"


def test_compose_app_environment_parses_into_settings(
    app_service: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The values are read exactly as in the container: from the environment, by pydantic-settings."""
    for name in list(os.environ):
        if name.startswith(ENV_PREFIX):
            monkeypatch.delenv(name)
    env = environment(app_service)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = Settings()
    for name, value in env.items():
        assert str(getattr(settings, name.removeprefix(ENV_PREFIX).lower())) == value


def test_compose_database_url_points_at_postgres_service(
    app_service: dict[str, Any], postgres_service: dict[str, Any]
) -> None:
    url = Settings(database_url=environment(app_service)["SERN_DATABASE_URL"]).database_url
    parts = urlsplit(url)
    postgres_env = environment(postgres_service)
    assert parts.scheme == "postgres"
    assert parts.hostname == POSTGRES_SERVICE
    assert parts.port in {None, 5432}
    assert parts.username == postgres_env["POSTGRES_USER"]
    assert parts.password == postgres_env["POSTGRES_PASSWORD"]
    assert parts.path.removeprefix("/") == postgres_env["POSTGRES_DB"]
    assert expand_db_url(url)["engine"] == "tortoise.backends.asyncpg"


def test_compose_app_waits_for_healthy_postgres(app_service: dict[str, Any]) -> None:
    depends_on = app_service["depends_on"]
    assert isinstance(depends_on, dict), "the short (list) form cannot wait for a healthy database"
    assert depends_on[POSTGRES_SERVICE]["condition"] == "service_healthy"


@pytest.mark.parametrize("service_name", [APP_SERVICE, POSTGRES_SERVICE])
def test_compose_service_has_healthcheck(compose: dict[str, Any], service_name: str) -> None:
    healthcheck = compose["services"][service_name]["healthcheck"]
    assert not healthcheck.get("disable", False)
    test = healthcheck["test"]
    assert isinstance(test, list)
    assert test[0] in {"CMD", "CMD-SHELL"}
    assert len(test) > 1


def test_compose_postgres_healthcheck_checks_its_database(postgres_service: dict[str, Any]) -> None:
    test = postgres_service["healthcheck"]["test"]
    argv = test[1:] if test[0] == "CMD" else shlex.split(test[1])
    env = environment(postgres_service)
    assert argv[0] == "pg_isready"
    assert option_value(argv, "-U") == env["POSTGRES_USER"]
    assert option_value(argv, "-d") == env["POSTGRES_DB"]


def test_compose_app_healthcheck_hits_served_route(
    app_service: dict[str, Any], app_routes: set[str], cmd: list[str]
) -> None:
    url = urlsplit(healthcheck_url(app_service))
    assert url.hostname in {"127.0.0.1", "localhost"}
    assert url.port == int(option_value(cmd, "--port"))
    assert url.path in app_routes, f"{url.path} is not one of the app's routes {sorted(app_routes)}"


def test_compose_published_port_matches_dockerfile(
    app_service: dict[str, Any], runtime_stage: Stage, cmd: list[str]
) -> None:
    cmd_port = int(option_value(cmd, "--port"))
    exposed = {
        int(word.split("/")[0]) for item in runtime_stage.all("EXPOSE") for word in item.arguments.split()
    }
    assert exposed == {cmd_port}
    assert [container for _, container in published_ports(app_service)] == [cmd_port]
    env = environment(app_service)
    if "SERN_PORT" in env:
        assert int(env["SERN_PORT"]) == cmd_port


# ---- Dockerfile ------------------------------------------------------------------------------------------


def test_dockerfile_cmd_runs_sern_graph_serve_on_all_interfaces(cmd: list[str]) -> None:
    scripts = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert cmd[:2] == ["sern-graph", "serve"]
    assert cmd[0] in scripts, "the CMD runs a console script the project does not install"
    assert option_value(cmd, "--host") == "0.0.0.0"


def test_dockerfile_healthcheck_hits_served_route(
    runtime_stage: Stage, cmd: list[str], app_routes: set[str]
) -> None:
    argv = exec_form(runtime_stage.last("HEALTHCHECK"))
    assert argv[0] == "python", "the slim image has no curl"
    urls = re.findall(r"https?://[^\s'\"]+", " ".join(argv))
    assert len(urls) == 1
    url = urlsplit(urls[0])
    assert url.port == int(option_value(cmd, "--port"))
    assert url.path in app_routes


def test_dockerfile_runtime_stage_is_slim_non_root(runtime_stage: Stage, stages: list[Stage]) -> None:
    assert len(stages) >= 2, "expected a build stage and a runtime stage"
    assert runtime_stage.base == "python:3.11-slim"
    user = runtime_stage.last("USER").arguments.split(":")[0]
    assert user not in {"root", "0"}
    env_lines = " ".join(item.arguments for item in runtime_stage.all("ENV"))
    assert "PATH=/app/.venv/bin:$PATH" in env_lines


def test_dockerfile_env_settings_are_settings_fields(stages: list[Stage]) -> None:
    names = [
        match
        for stage in stages
        for item in stage.all("ENV")
        for match in re.findall(r"(?:^|\s)(SERN_\w+)=", item.arguments)
    ]
    for name in names:
        assert name.removeprefix(ENV_PREFIX).lower() in Settings.model_fields, f"{name} is no Settings field"


def test_dockerfile_installs_locked_dependencies_with_pinned_uv(stages: list[Stage]) -> None:
    runs = [item.arguments for stage in stages[:-1] for item in stage.all("RUN")]
    syncs = [run for run in runs if "uv sync" in run]
    assert syncs, "no `uv sync` in the build stage"
    for run in syncs:
        assert "--frozen" in run.split()
        assert "--no-dev" in run.split()
    script = (REPO_ROOT / "sern").read_text(encoding="utf-8")
    bootstrap_version = re.search(r"^UV_VERSION=(\S+)$", script, re.MULTILINE)
    assert bootstrap_version
    dockerfile_text = (
        " ".join(runs) + " " + " ".join(item.arguments for stage in stages for item in stage.all("COPY"))
    )
    pinned = re.findall(r"uv==([\w.]+)|ghcr\.io/astral-sh/uv:([\w.]+)", dockerfile_text)
    assert pinned, "uv is not pinned"
    assert {first or second for first, second in pinned} == {bootstrap_version.group(1)}


def test_dockerfile_copy_sources_exist_in_build_context(stages: list[Stage], build_context: Path) -> None:
    patterns = read_dockerignore(build_context)
    sources = [
        source
        for stage in stages
        for item in stage.all("COPY") + stage.all("ADD")
        for source in copy_sources(item)
    ]
    assert sources, "the Dockerfile copies nothing from the repository"
    for source in sources:
        path = build_context / source
        assert path.exists(), f"COPY source {source} does not exist"
        assert not excluded_by_dockerignore(source, patterns), f".dockerignore excludes COPY source {source}"
        if path.is_dir():
            for file in path.rglob("*"):
                relative = file.relative_to(build_context).as_posix()
                if "__pycache__" in file.parts or file.suffix == ".pyc":
                    continue
                assert not excluded_by_dockerignore(relative, patterns), f".dockerignore excludes {relative}"


# ---- the helpers themselves, so that a broken parser cannot make the checks above pass vacuously ----------


def test_dockerignore_matching_follows_docker_rules() -> None:
    patterns = [".venv", "**/__pycache__", "*.db", "docs", "!docs/keep.md"]
    assert excluded_by_dockerignore(".venv/bin/python", patterns)
    assert excluded_by_dockerignore("sern_graph/seed/__pycache__/loader.cpython-311.pyc", patterns)
    assert excluded_by_dockerignore("sern.db", patterns)
    assert not excluded_by_dockerignore("data/sern.db", patterns)  # no **/: top level only
    assert excluded_by_dockerignore("docs/seed-format.md", patterns)
    assert not excluded_by_dockerignore("docs/keep.md", patterns)
    assert not excluded_by_dockerignore("sern_graph/app.py", patterns)


def test_parse_dockerfile_splits_stages_and_continuations() -> None:
    stages = parse_dockerfile(
        "# syntax=docker/dockerfile:1\n"
        "ARG X=1\n"
        "FROM python:3.11-slim AS build\n"
        "COPY --chown=1:1 a b \\\n"
        "    # a comment inside the continuation\n"
        "    ./\n"
        "COPY --from=build /x /y\n"
        "FROM python:3.11-slim\n"
        'HEALTHCHECK --interval=5s CMD ["python", "-c", "pass"]\n'
        'CMD ["sern-graph", "serve"]\n'
    )
    assert [(stage.base, stage.name) for stage in stages] == [
        ("python:3.11-slim", "build"),
        ("python:3.11-slim", None),
    ]
    assert [copy_sources(item) for item in stages[0].all("COPY")] == [["a", "b"], []]
    assert exec_form(stages[1].last("HEALTHCHECK")) == ["python", "-c", "pass"]
    assert exec_form(stages[1].last("CMD")) == ["sern-graph", "serve"]
