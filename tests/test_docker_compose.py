"""docker-compose.yml, deploy/nginx.conf and the Dockerfile agree with each other and with the app's
settings, routes and command line.

No Docker engine is needed: the files are parsed and checked against the code they configure (and, where
nginx is installed, the proxy's configuration is checked by `nginx -t`).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import tomllib
from dataclasses import dataclass, field
from ipaddress import ip_address, ip_network
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from starlette.routing import BaseRoute, Mount, Route
from tortoise.backends.base.config_generator import expand_db_url

from sern_graph.app import create_app
from sern_graph.cli import main as cli_main
from sern_graph.core.request_id import _ACCEPTABLE as ACCEPTABLE_REQUEST_ID
from sern_graph.settings import Settings

REPO_ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = REPO_ROOT / "docker-compose.yml"
NGINX_CONF = REPO_ROOT / "deploy" / "nginx.conf"
NGINX_CONF_TARGET = "/etc/nginx/nginx.conf"
PROXY_SERVICE = "proxy"
APP_SERVICE = "app"
MIGRATE_SERVICE = "migrate"
POSTGRES_SERVICE = "postgres"
REDIS_SERVICE = "redis"
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

# What an operator provides (README "Deploying"): the file refuses to load without these.
REQUIRED_VARIABLES = {"SERN_ADMIN_SECRET_KEY": "a-long-random-test-key", "POSTGRES_PASSWORD": "test-password"}

_VARIABLE = re.compile(
    r"\$(?:(?P<escaped>\$)|\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<operator>:?[-?+])(?P<argument>[^}]*))?\}"
    r"|(?P<bare>[A-Za-z_][A-Za-z0-9_]*))"
)


class MissingVariable(Exception):
    pass


def interpolate(text: str, variables: dict[str, str]) -> str:
    """Compose's variable interpolation: `$$`, `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
    `${VAR:?error}`, `${VAR?error}`, `${VAR:+replacement}`, `${VAR+replacement}`."""

    def substitute(match: re.Match[str]) -> str:
        if match.group("escaped"):
            return "$"
        name = match.group("braced") or match.group("bare")
        operator, argument = match.group("operator"), match.group("argument") or ""
        value = variables.get(name)
        usable = value is not None and (value != "" or not (operator or "").startswith(":"))
        if operator in {":-", "-"}:
            return value if usable and value is not None else argument
        if operator in {":?", "?"}:
            if not usable or value is None:
                raise MissingVariable(f"{name}: {argument}")
            return value
        if operator in {":+", "+"}:
            return argument if usable else ""
        return value or ""

    return _VARIABLE.sub(substitute, text)


def interpolate_all(node: Any, variables: dict[str, str]) -> Any:
    if isinstance(node, str):
        return interpolate(node, variables)
    if isinstance(node, list):
        return [interpolate_all(item, variables) for item in node]
    if isinstance(node, dict):
        return {key: interpolate_all(value, variables) for key, value in node.items()}
    return node


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


def depends_on(service: dict[str, Any]) -> dict[str, str]:
    """Each dependency with the condition the service waits for."""
    raw = service.get("depends_on", {})
    assert isinstance(raw, dict), "the short (list) form cannot wait for a healthy or finished dependency"
    return {name: str(options["condition"]) for name, options in raw.items()}


def duration_seconds(value: str) -> float:
    """A compose duration (`25s`, `1m30s`, `500ms`) in seconds."""
    units = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0}
    parts = re.findall(r"(\d+(?:\.\d+)?)(us|ms|s|m|h)", value)
    assert re.fullmatch(r"(?:\d+(?:\.\d+)?(?:us|ms|s|m|h))+", value), f"not a duration: {value}"
    return sum(float(number) * units[unit] for number, unit in parts)


def settings_from_environment(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The settings a container with this environment gets: read from the environment by pydantic-settings."""
    for name in list(os.environ):
        if name.startswith(ENV_PREFIX):
            monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return Settings()


def postgres_max_connections(service: dict[str, Any]) -> int:
    command = service.get("command", [])
    argv = command if isinstance(command, list) else shlex.split(command)
    for index, word in enumerate(argv):
        setting = argv[index + 1] if word == "-c" and index + 1 < len(argv) else word.removeprefix("--")
        name, _, value = setting.partition("=")
        if name.replace("-", "_") == "max_connections":
            return int(value)
    return 100  # PostgreSQL's default


# ---- nginx configuration parsing -------------------------------------------------------------------------


@dataclass
class Directive:
    name: str
    args: list[str]
    block: list[Directive] | None = None

    def children(self, name: str) -> list[Directive]:
        return [child for child in self.block or [] if child.name == name]

    def child(self, name: str) -> Directive:
        found = self.children(name)
        assert len(found) == 1, (
            f"expected one {name} in {self.name} {' '.join(self.args)}, found {len(found)}"
        )
        return found[0]

    def values(self, name: str) -> list[list[str]]:
        return [child.args for child in self.children(name)]


def nginx_tokens(text: str) -> list[str]:
    """Words, quoted strings (unquoted), `{`, `}` and `;`; comments dropped."""
    tokens: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char.isspace():
            index += 1
        elif char == "#":
            end = text.find("\n", index)
            index = len(text) if end == -1 else end
        elif char in "{};":
            tokens.append(char)
            index += 1
        elif char in "'\"":
            end = index + 1
            value = ""
            while text[end] != char:
                if text[end] == "\\":
                    end += 1
                value += text[end]
                end += 1
            tokens.append(value)
            index = end + 1
        else:
            match = re.compile(r"[^\s{};'\"]+").match(text, index)
            assert match
            tokens.append(match.group())
            index = match.end()
    return tokens


def parse_nginx(text: str) -> Directive:
    """The configuration as a tree of directives under a root `main` block."""
    tokens = nginx_tokens(text)
    position = 0

    def block() -> list[Directive]:
        nonlocal position
        directives: list[Directive] = []
        words: list[str] = []
        while position < len(tokens):
            token = tokens[position]
            position += 1
            if token == ";":
                assert words, "an empty directive"
                directives.append(Directive(words[0], words[1:]))
                words = []
            elif token == "{":
                assert words, "a block without a name"
                directives.append(Directive(words[0], words[1:], block()))
                words = []
            elif token == "}":
                assert not words, f"{words} has no terminating ;"
                return directives
            else:
                words.append(token)
        assert not words, f"{words} has no terminating ;"
        return directives

    root = Directive("main", [], block())
    assert position == len(tokens), "unbalanced }"
    return root


def handling_location(server: Directive, uri: str) -> Directive:
    """The location nginx picks for a URI: an exact match, else the longest prefix (no regex locations)."""
    locations = server.children("location")
    for location in locations:
        assert location.args[0] not in {"~", "~*"}, "regex locations are beyond this helper"
        if location.args[0] == "=" and location.args[1] == uri:
            return location
    prefixes = [location for location in locations if location.args[0] != "="]
    matching = [location for location in prefixes if uri.startswith(location.args[-1])]
    assert matching, f"no location handles {uri}"
    return max(matching, key=lambda location: len(location.args[-1]))


def nginx_size(value: str) -> int:
    match = re.fullmatch(r"(\d+)([kKmMgG]?)", value)
    assert match, f"not an nginx size: {value}"
    return int(match.group(1)) * {"": 1, "k": 2**10, "m": 2**20, "g": 2**30}[match.group(2).lower()]


def nginx_seconds(value: str) -> float:
    """An nginx time (`60s`, `1m`, `500ms`, `30`); a bare number is seconds."""
    units = {"ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
    parts = re.findall(r"(\d+)(ms|s|m|h|d)?", value)
    assert re.fullmatch(r"(?:\d+(?:ms|s|m|h|d)?)+", value), f"not an nginx time: {value}"
    return sum(int(number) * units[unit or "s"] for number, unit in parts)


# ---- fixtures --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def raw_compose() -> dict[str, Any]:
    """The file as YAML (anchors resolved), before compose interpolates variables."""
    loaded = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


@pytest.fixture(scope="module")
def compose(raw_compose: dict[str, Any]) -> dict[str, Any]:
    """The file as compose reads it, with the required variables set and nothing else."""
    interpolated: dict[str, Any] = interpolate_all(raw_compose, REQUIRED_VARIABLES)
    return interpolated


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = compose["services"]
    return found


@pytest.fixture(scope="module")
def app_service(services: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return services[APP_SERVICE]


@pytest.fixture(scope="module")
def postgres_service(services: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return services[POSTGRES_SERVICE]


@pytest.fixture(scope="module")
def migrate_service(services: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return services[MIGRATE_SERVICE]


@pytest.fixture(scope="module")
def proxy_service(services: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return services[PROXY_SERVICE]


@pytest.fixture
def app_settings(app_service: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> Settings:
    return settings_from_environment(environment(app_service), monkeypatch)


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
def app_port(cmd: list[str]) -> int:
    return int(option_value(cmd, "--port"))


@pytest.fixture(scope="module")
def app_routes() -> set[str]:
    app = create_app(Settings(database_url="sqlite://:memory:"), manage_database=False)
    return route_paths(app.routes)


@pytest.fixture(scope="module")
def nginx_conf_path(proxy_service: dict[str, Any]) -> Path:
    """The host file mounted as the image's main configuration file."""
    for volume in proxy_service["volumes"]:
        source, target, *options = str(volume).split(":")
        if target == NGINX_CONF_TARGET:
            assert options == ["ro"], "the proxy's configuration is mounted read-only"
            return (COMPOSE_FILE.parent / source).resolve()
    raise AssertionError(f"nothing is mounted at {NGINX_CONF_TARGET}")


@pytest.fixture(scope="module")
def nginx_conf(nginx_conf_path: Path) -> Directive:
    return parse_nginx(nginx_conf_path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def nginx_server(nginx_conf: Directive) -> Directive:
    return nginx_conf.child("http").child("server")


@pytest.fixture(scope="module")
def proxied_location(nginx_server: Directive) -> Directive:
    """The location that sends API requests to the replicas."""
    return handling_location(nginx_server, "/graphql")


# ---- compose: the services -------------------------------------------------------------------------------


def test_compose_services_are_the_production_set(compose: dict[str, Any]) -> None:
    assert "version" not in compose, "the Compose spec has no version key"
    assert set(compose["services"]) == {
        PROXY_SERVICE,
        APP_SERVICE,
        MIGRATE_SERVICE,
        POSTGRES_SERVICE,
        REDIS_SERVICE,
    }


def test_compose_requires_secrets_from_the_environment(raw_compose: dict[str, Any]) -> None:
    """No default admin key or database password: compose refuses to start without them."""
    for name in REQUIRED_VARIABLES:
        others = {key: value for key, value in REQUIRED_VARIABLES.items() if key != name}
        with pytest.raises(MissingVariable, match=name):
            interpolate_all(raw_compose, others)
    raw_app_env = environment(raw_compose["services"][APP_SERVICE])
    assert raw_app_env["SERN_ADMIN_SECRET_KEY"].startswith("${SERN_ADMIN_SECRET_KEY:?")


@pytest.mark.parametrize("service_name", [APP_SERVICE, MIGRATE_SERVICE])
def test_compose_service_builds_from_repo_dockerfile(
    services: dict[str, dict[str, Any]], service_name: str, dockerfile_path: Path
) -> None:
    service = services[service_name]
    assert "image" not in service, "the app is built from the repository, not pulled"
    assert service["build"] == services[APP_SERVICE]["build"], "the migrate job runs the app's image"
    assert dockerfile_path == REPO_ROOT / "Dockerfile"
    assert dockerfile_path.is_file()


@pytest.mark.parametrize("service_name", [APP_SERVICE, MIGRATE_SERVICE])
def test_compose_environment_only_settings_fields(
    services: dict[str, dict[str, Any]], service_name: str
) -> None:
    env = environment(services[service_name])
    assert env, f"the {service_name} service gets no environment"
    for name in env:
        assert name.startswith(ENV_PREFIX), f"{name} is not a SERN_ setting"
        assert name.removeprefix(ENV_PREFIX).lower() in Settings.model_fields, f"{name} is no Settings field"


@pytest.mark.parametrize("service_name", [APP_SERVICE, MIGRATE_SERVICE])
def test_compose_environment_parses_into_settings(
    services: dict[str, dict[str, Any]], service_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read from the environment as in the container, each value means what it means when validated
    on its own (a list is split, not JSON-decoded; nothing is dropped)."""
    env = environment(services[service_name])
    from_environment = settings_from_environment(env, monkeypatch)
    validated = Settings.model_validate(
        {name.removeprefix(ENV_PREFIX).lower(): value for name, value in env.items()}
    )
    for name in env:
        field_name = name.removeprefix(ENV_PREFIX).lower()
        assert getattr(from_environment, field_name) == getattr(validated, field_name), name


@pytest.mark.parametrize("service_name", [APP_SERVICE, MIGRATE_SERVICE])
def test_compose_database_url_points_at_postgres_service(
    services: dict[str, dict[str, Any]], service_name: str, postgres_service: dict[str, Any]
) -> None:
    url = Settings(database_url=environment(services[service_name])["SERN_DATABASE_URL"]).database_url
    parts = urlsplit(url)
    postgres_env = environment(postgres_service)
    assert parts.scheme == "postgres"
    assert parts.hostname == POSTGRES_SERVICE
    assert parts.port in {None, 5432}
    assert parts.username == postgres_env["POSTGRES_USER"]
    assert parts.password == postgres_env["POSTGRES_PASSWORD"] == REQUIRED_VARIABLES["POSTGRES_PASSWORD"]
    assert parts.path.removeprefix("/") == postgres_env["POSTGRES_DB"]
    assert expand_db_url(url)["engine"] == "tortoise.backends.asyncpg"


def test_compose_migrate_is_a_one_shot_job(migrate_service: dict[str, Any]) -> None:
    command = migrate_service["command"]
    assert command == ["sern-graph", "migrate", "--seed-if-empty"]
    migrate_command = cli_main.commands["migrate"]
    assert command[2] in {option for param in migrate_command.params for option in param.opts}
    assert migrate_service["restart"] == "no"
    assert depends_on(migrate_service) == {POSTGRES_SERVICE: "service_healthy"}
    assert migrate_service["healthcheck"] == {"disable": True}, "the image's HEALTHCHECK asks a server"
    assert not published_ports(migrate_service)


def test_compose_app_waits_for_database_redis_and_migrations(app_service: dict[str, Any]) -> None:
    assert depends_on(app_service) == {
        POSTGRES_SERVICE: "service_healthy",
        REDIS_SERVICE: "service_healthy",
        MIGRATE_SERVICE: "service_completed_successfully",
    }


def test_compose_app_leaves_migrations_and_seeding_to_the_job(app_settings: Settings) -> None:
    assert not app_settings.migrate_on_start
    assert not app_settings.seed_on_start


def test_compose_app_replicas_share_state(
    app_settings: Settings, services: dict[str, dict[str, Any]]
) -> None:
    """Several replicas, no host port of their own, Redis and the admin key shared, JSON logs."""
    app_service = services[APP_SERVICE]
    assert app_service["deploy"]["replicas"] >= 2
    assert not published_ports(app_service), "only the proxy publishes a port"
    assert "container_name" not in app_service, "a fixed container name allows one replica only"
    assert app_settings.redis_url is not None
    redis_url = urlsplit(app_settings.redis_url)
    assert redis_url.scheme == "redis"
    assert redis_url.hostname == REDIS_SERVICE
    assert redis_url.port in {None, 6379}
    assert app_settings.admin_secret_key == REQUIRED_VARIABLES["SERN_ADMIN_SECRET_KEY"]
    assert app_settings.log_format == "json"


def test_compose_only_the_proxy_publishes_ports(services: dict[str, dict[str, Any]]) -> None:
    assert {name for name, service in services.items() if published_ports(service)} == {PROXY_SERVICE}


def test_compose_app_pools_fit_postgres_max_connections(
    app_service: dict[str, Any], app_settings: Settings, postgres_service: dict[str, Any]
) -> None:
    """Every replica's pool at its largest, plus the migrate job's connection, within max_connections."""
    replicas = int(app_service["deploy"]["replicas"])
    assert replicas * app_settings.database_pool_max + 1 <= postgres_max_connections(postgres_service)


def test_compose_app_stop_grace_period_covers_shutdown_timeout(
    app_service: dict[str, Any], app_settings: Settings
) -> None:
    """Docker's SIGKILL comes only after the app has had its whole SERN_SHUTDOWN_TIMEOUT."""
    assert "SERN_SHUTDOWN_TIMEOUT" in environment(app_service)
    assert duration_seconds(str(app_service["stop_grace_period"])) > app_settings.shutdown_timeout


@pytest.mark.parametrize("service_name", [PROXY_SERVICE, APP_SERVICE, POSTGRES_SERVICE, REDIS_SERVICE])
def test_compose_long_running_service_restarts_and_has_healthcheck(
    services: dict[str, dict[str, Any]], service_name: str
) -> None:
    service = services[service_name]
    assert service["restart"] in {"always", "unless-stopped", "on-failure"}
    healthcheck = service["healthcheck"]
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


def test_compose_postgres_keeps_its_data_in_a_volume(
    compose: dict[str, Any], postgres_service: dict[str, Any]
) -> None:
    volume = next(
        str(item) for item in postgres_service["volumes"] if ":/var/lib/postgresql/data" in str(item)
    )
    assert volume.split(":")[0] in compose["volumes"], "a named volume, not a path on the host"


def test_compose_redis_pings_and_keeps_nothing_on_disk(services: dict[str, dict[str, Any]]) -> None:
    """Redis holds caches, counters, lock-outs and pub/sub only: no snapshots, no volume."""
    redis = services[REDIS_SERVICE]
    assert redis["healthcheck"]["test"][1:] == ["redis-cli", "ping"]
    command = redis["command"]
    assert command[0] == "redis-server"
    assert option_value(command, "--save") == ""
    assert option_value(command, "--appendonly") == "no"
    assert "volumes" not in redis


def test_compose_app_healthcheck_asks_readiness(
    app_service: dict[str, Any], app_routes: set[str], app_port: int
) -> None:
    url = urlsplit(healthcheck_url(app_service))
    assert url.hostname in {"127.0.0.1", "localhost"}
    assert url.port == app_port
    assert url.path == "/readyz"
    assert url.path in app_routes, f"{url.path} is not one of the app's routes {sorted(app_routes)}"


def test_compose_app_port_matches_dockerfile(
    app_service: dict[str, Any], runtime_stage: Stage, app_port: int
) -> None:
    exposed = {
        int(word.split("/")[0]) for item in runtime_stage.all("EXPOSE") for word in item.arguments.split()
    }
    assert exposed == {app_port}
    env = environment(app_service)
    if "SERN_PORT" in env:
        assert int(env["SERN_PORT"]) == app_port


# ---- compose: the proxy ----------------------------------------------------------------------------------


def test_compose_proxy_is_pinned_nginx_waiting_for_healthy_app(proxy_service: dict[str, Any]) -> None:
    image = str(proxy_service["image"])
    assert re.fullmatch(r"nginx:\d+\.\d+(\.\d+)?(-alpine)?", image), f"pin nginx's version: {image}"
    assert depends_on(proxy_service) == {APP_SERVICE: "service_healthy"}


def test_compose_proxy_mounts_repository_nginx_conf(nginx_conf_path: Path) -> None:
    assert nginx_conf_path == NGINX_CONF
    assert nginx_conf_path.is_file()


def test_compose_proxy_publishes_nginx_listen_port(
    proxy_service: dict[str, Any], nginx_server: Directive
) -> None:
    listen_ports = {int(args[0].rsplit(":", 1)[-1]) for args in nginx_server.values("listen")}
    assert [container for _, container in published_ports(proxy_service)] == sorted(listen_ports)


def test_compose_proxy_healthcheck_asks_nginx_itself(
    proxy_service: dict[str, Any], nginx_server: Directive, app_routes: set[str]
) -> None:
    """nginx answers the proxy's /healthz without a replica: the same path means "this process is alive"
    on the app too."""
    url = urlsplit(healthcheck_url(proxy_service))
    assert url.hostname in {"127.0.0.1", "localhost"}
    listen_ports = {int(args[0].rsplit(":", 1)[-1]) for args in nginx_server.values("listen")}
    assert (url.port or 80) in listen_ports
    location = handling_location(nginx_server, url.path)
    assert location.args == ["=", url.path]
    assert location.values("return")[0][0] == "200"
    assert url.path in app_routes


def test_compose_trusted_proxy_is_the_proxys_fixed_address(
    compose: dict[str, Any], proxy_service: dict[str, Any], app_settings: Settings
) -> None:
    """The app believes X-Forwarded-For from the proxy's address only, which no other container can get."""
    proxy_networks = proxy_service["networks"]
    assert list(proxy_networks) == ["default"], "the proxy is on the network the replicas are on"
    address = ip_address(proxy_networks["default"]["ipv4_address"])
    assert app_settings.trusted_proxies == (str(address),)
    (pool,) = compose["networks"]["default"]["ipam"]["config"]
    assert address in ip_network(pool["subnet"])
    assert address not in ip_network(pool["ip_range"]), "a replica could be given the proxy's address"
    assert address != next(ip_network(pool["subnet"]).hosts()), "the first address is the network's gateway"


# ---- nginx.conf ------------------------------------------------------------------------------------------


def test_nginx_proxies_to_app_service_with_re_resolution(
    nginx_conf: Directive, proxied_location: Directive, app_port: int
) -> None:
    """A variable in proxy_pass makes nginx resolve `app` at request time, through Docker's DNS, so it
    sees every replica and notices scaling and replacements."""
    (resolver,) = nginx_conf.child("http").values("resolver")
    assert resolver[0] == "127.0.0.11"
    assert any(re.fullmatch(r"valid=\d+s", word) for word in resolver[1:])
    (target,) = proxied_location.values("proxy_pass")
    variable = re.fullmatch(r"http://\$(\w+)", target[0])
    assert variable, f"proxy_pass without a variable resolves once, at start: {target}"
    assignments = {args[0]: args[1] for args in proxied_location.values("set")}
    assert assignments[f"${variable.group(1)}"] == f"{APP_SERVICE}:{app_port}"


def test_nginx_passes_client_address_protocol_and_request_id(proxied_location: Directive) -> None:
    headers = {args[0].lower(): args[1] for args in proxied_location.values("proxy_set_header")}
    assert headers["x-forwarded-for"] == "$proxy_add_x_forwarded_for"
    assert headers["x-forwarded-proto"] == "$scheme"
    assert headers["x-request-id"].startswith("$")


def test_nginx_request_id_keeps_acceptable_client_ids(
    nginx_conf: Directive, proxied_location: Directive
) -> None:
    """The id the proxy logs is the id the app uses: the client's when the app would accept it."""
    variable = {args[0].lower(): args[1] for args in proxied_location.values("proxy_set_header")}[
        "x-request-id"
    ]
    (mapping,) = [item for item in nginx_conf.child("http").children("map") if item.args[1] == variable]
    assert mapping.args[0] == "$http_x_request_id"
    entries = {child.name: child.args[0] for child in mapping.block or []}
    assert entries["default"] == "$request_id"
    patterns = [key for key, value in entries.items() if value == "$http_x_request_id"]
    assert patterns == [f"~{ACCEPTABLE_REQUEST_ID.pattern}"]


def test_nginx_retries_only_unreached_requests(proxied_location: Directive) -> None:
    (conditions,) = proxied_location.values("proxy_next_upstream")
    assert "error" in conditions
    assert "non_idempotent" not in conditions, "a mutation that reached a replica must not run twice"


def test_nginx_denies_metrics(nginx_server: Directive) -> None:
    for uri in ["/metrics", "/metrics/", "/metrics?format=prometheus"]:
        location = handling_location(nginx_server, uri.split("?")[0])
        assert ["all"] in location.values("deny"), f"{uri} reaches a replica"
        assert not location.values("proxy_pass")


def test_nginx_body_limit_matches_app(nginx_server: Directive, app_settings: Settings) -> None:
    (limit,) = nginx_server.values("client_max_body_size")
    assert nginx_size(limit[0]) == app_settings.max_body_bytes


def test_nginx_waits_longer_than_execution_timeout(
    proxied_location: Directive, app_settings: Settings
) -> None:
    """The app stops a slow operation and answers before nginx would give up on it."""
    (timeout,) = proxied_location.values("proxy_read_timeout")
    assert nginx_seconds(timeout[0]) > app_settings.execution_timeout


def test_nginx_accepts_configuration(nginx_conf_path: Path, tmp_path: Path) -> None:
    """`nginx -t`, where nginx is installed, with the two things only the image has replaced: the
    `nginx` user and the privileged port 80 (a free local port instead)."""
    nginx = shutil.which("nginx", path=os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin"]))
    if nginx is None:
        if os.environ.get("CI"):
            pytest.fail("nginx is missing: .ci/run installs it (CI is set, so this test must run)")
        pytest.skip("nginx is not installed (apt-get install nginx)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free_port = probe.getsockname()[1]
    text = nginx_conf_path.read_text(encoding="utf-8")
    text = re.sub(r"^user\s+\S+;$", "", text, flags=re.MULTILINE)
    text = re.sub(r"^(\s*)listen\s+\d+;$", rf"\1listen 127.0.0.1:{free_port};", text, flags=re.MULTILINE)
    config = tmp_path / "nginx.conf"
    config.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [
            nginx,
            "-t",
            "-q",
            "-p",
            f"{tmp_path}/",
            "-e",
            "stderr",
            "-c",
            str(config),
            "-g",
            f"pid {tmp_path}/nginx.pid;",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr


# ---- Dockerfile ------------------------------------------------------------------------------------------


def test_dockerfile_cmd_runs_sern_graph_serve_on_all_interfaces(cmd: list[str]) -> None:
    scripts = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert cmd[:2] == ["sern-graph", "serve"]
    assert cmd[0] in scripts, "the CMD runs a console script the project does not install"
    assert option_value(cmd, "--host") == "0.0.0.0"


def test_dockerfile_healthcheck_hits_served_route(
    runtime_stage: Stage, app_port: int, app_routes: set[str]
) -> None:
    argv = exec_form(runtime_stage.last("HEALTHCHECK"))
    assert argv[0] == "python", "the slim image has no curl"
    urls = re.findall(r"https?://[^\s'\"]+", " ".join(argv))
    assert len(urls) == 1
    url = urlsplit(urls[0])
    assert url.port == app_port
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


def test_interpolate_follows_compose_rules() -> None:
    variables = {"SET": "value", "EMPTY": ""}
    assert interpolate("a $$SET ${SET} $SET", variables) == "a $SET value value"
    assert (
        interpolate("${UNSET:-fallback} ${EMPTY:-fallback} ${EMPTY-fallback}", variables)
        == "fallback fallback "
    )
    assert interpolate("${SET:+yes}${UNSET:+no}", variables) == "yes"
    assert interpolate("${UNSET}", variables) == ""
    assert interpolate("${SET:?needed}", variables) == "value"
    with pytest.raises(MissingVariable, match="EMPTY: needed, really"):
        interpolate("${EMPTY:?needed, really}", variables)
    assert interpolate("${EMPTY?needed}", variables) == ""
    with pytest.raises(MissingVariable):
        interpolate("${UNSET?needed}", variables)


def test_parse_nginx_builds_directive_tree() -> None:
    root = parse_nginx(
        "# a comment\n"
        "events { worker_connections 8; }\n"
        "http {\n"
        "    map $a $b { \"~^x{1,2}$\" $a; default 'one; two'; }  # trailing comment\n"
        '    server { listen 80; location = /healthz { return 200 \'{"status":"ok"}\'; }\n'
        "             location ^~ /metrics { deny all; } location / { proxy_pass http://$b; } }\n"
        "}\n"
    )
    http = root.child("http")
    (mapping,) = http.children("map")
    assert [(entry.name, entry.args) for entry in mapping.block or []] == [
        ("~^x{1,2}$", ["$a"]),
        ("default", ["one; two"]),
    ]
    server = http.child("server")
    assert handling_location(server, "/healthz").values("return") == [["200", '{"status":"ok"}']]
    assert handling_location(server, "/healthz/more").args == ["/"]
    assert handling_location(server, "/metrics/x").args == ["^~", "/metrics"]
    assert handling_location(server, "/graphql").values("proxy_pass") == [["http://$b"]]
    with pytest.raises(AssertionError):
        parse_nginx("http { listen 80 }")


def test_durations_and_sizes_parse() -> None:
    assert duration_seconds("1m30s") == 90
    assert duration_seconds("500ms") == 0.5
    assert nginx_seconds("60s") == nginx_seconds("1m") == nginx_seconds("60") == 60
    assert nginx_size("1m") == 1_048_576
    assert nginx_size("512k") == 524_288
    assert nginx_size("100") == 100
    assert postgres_max_connections({"command": ["postgres", "-c", "max_connections=40"]}) == 40
    assert postgres_max_connections({}) == 100
