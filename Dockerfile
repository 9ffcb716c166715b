# syntax=docker/dockerfile:1
# Production image for sern-graph: `docker build -t sern-graph .` (docker-compose.yml builds it too).
# Two stages: `build` resolves the locked dependencies (uv.lock) into /app/.venv; `runtime` is a slim
# Python with only that virtualenv in it, run as a non-root user.

# ---- build: the locked virtualenv, with the project installed into it as a wheel ----------------------
FROM python:3.11-slim AS build

# uv pinned to the same version as the ./sern bootstrap script (UV_VERSION there).
RUN python -m pip install --no-cache-dir --disable-pip-version-check uv==0.13.8

# The image's own Python, never a downloaded one (the runtime stage has exactly this interpreter at the
# same path, so the venv's symlinks stay valid); bytecode compiled at build time, since the runtime user
# cannot write __pycache__ next to root-owned files; copies, not links, out of the cache mount.
ENV UV_PYTHON=/usr/local/bin/python3.11 \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/app/.venv \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy

WORKDIR /app

# Dependencies first, from the lock file alone: this layer is reused until pyproject.toml or uv.lock change.
COPY pyproject.toml uv.lock ./
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-install-project

# Then the package itself (README.md is the project's `readme`, which the wheel build reads). Installed
# non-editable, so the runtime stage needs the virtualenv only: the wheel carries the migrations, the seed
# dataset and the GraphiQL assets.
COPY README.md ./
COPY sern_graph ./sern_graph
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-editable

# ---- runtime ---------------------------------------------------------------------------------------------
FROM python:3.11-slim AS runtime

# A system user without a login shell; the virtualenv stays root-owned and read-only to it.
RUN groupadd --system --gid 10001 sern \
    && useradd --system --uid 10001 --gid sern --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin sern \
    && mkdir -p /app/data \
    && chown sern:sern /app/data

COPY --from=build /app/.venv /app/.venv

# Without SERN_DATABASE_URL the app would create sern.db in the working directory, which the non-root user
# cannot write: the image's default is an SQLite file in /app/data (mount a volume there to keep it).
# docker-compose.yml points SERN_DATABASE_URL at PostgreSQL instead.
ENV PATH=/app/.venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    SERN_DATABASE_URL=sqlite:///app/data/sern.db

WORKDIR /app
USER 10001:10001

EXPOSE 8000

# Liveness only (/healthz answers without the database); slim has no curl, so Python's urllib asks.
# urlopen raises on a refused connection, a timeout or a non-2xx answer, and the exception exits 1.
# The start period covers `serve` migrating and seeding an empty database before it listens.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]

# `serve` applies pending migrations and seeds an empty database (SERN_SEED_ON_START, default true), then
# runs uvicorn. The flags win over SERN_HOST/SERN_PORT; 0.0.0.0 so the published port reaches it.
CMD ["sern-graph", "serve", "--host", "0.0.0.0", "--port", "8000"]
