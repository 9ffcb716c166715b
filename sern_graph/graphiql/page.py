"""The self-hosted GraphiQL page: HTML that loads only assets vendored in this package.

The page contains no inline script or style, so it works under a strict
Content-Security-Policy (``script-src 'self'; style-src 'self'``). The endpoint
and the example query reach ``init.js`` through a ``<script type="application/json">``
data block, which browsers never execute.
"""

from __future__ import annotations

import hashlib
import html
import json
from functools import cache
from pathlib import Path

from starlette.staticfiles import StaticFiles

ASSETS_DIR: Path = Path(__file__).resolve().parent / "assets"

PAGE_TITLE = "sern-graph · GraphiQL"

# Loaded in this order; GraphiQL's UMD build expects the React and ReactDOM globals.
_STYLESHEETS = ("graphiql/graphiql.min.css", "page.css")
_SCRIPTS = (
    "react/react.production.min.js",
    "react-dom/react-dom.production.min.js",
    "graphiql/graphiql.min.js",
    "init.js",
)
_FAVICON = "favicon.svg"

_PAGE_TEMPLATE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="referrer" content="same-origin">
    <title>{title}</title>
    <link rel="icon" type="image/svg+xml" href="{favicon}">
{stylesheets}
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <noscript>
      GraphiQL needs JavaScript; queries can still be POSTed to {endpoint}.
    </noscript>
    <script type="application/json" id="graphiql-config">{config}</script>
{scripts}
  </body>
</html>
"""


def _json_for_script_block(value: object) -> str:
    """JSON that cannot end or confuse the surrounding ``<script>`` element.

    Escaping every ``<``, ``>`` and ``&`` as a JSON unicode escape rules out
    ``</script>`` and ``<!--`` whatever the query contains; ``JSON.parse``
    turns them back into the original characters.
    """
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@cache
def _assets_fingerprint() -> str:
    """A short hash of all assets; in their URLs it makes browsers refetch upgrades."""
    digest = hashlib.sha256()
    for path in sorted(ASSETS_DIR.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(ASSETS_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _asset_href(assets_url: str, name: str) -> str:
    return html.escape(f"{assets_url.rstrip('/')}/{name}?v={_assets_fingerprint()}", quote=True)


def render_graphiql_page(*, endpoint: str, assets_url: str, example_query: str) -> str:
    """The complete GraphiQL HTML page.

    ``endpoint`` is the URL GraphiQL posts JSON queries to, ``assets_url`` the
    URL where :func:`assets_app` is mounted (e.g. ``/graphiql-assets``), and
    ``example_query`` fills the editor on a first visit.
    """
    stylesheets = "\n".join(
        f'    <link rel="stylesheet" href="{_asset_href(assets_url, name)}">' for name in _STYLESHEETS
    )
    scripts = "\n".join(f'    <script src="{_asset_href(assets_url, name)}"></script>' for name in _SCRIPTS)
    config = _json_for_script_block({"endpoint": endpoint, "exampleQuery": example_query})
    return _PAGE_TEMPLATE.format(
        title=html.escape(PAGE_TITLE),
        favicon=_asset_href(assets_url, _FAVICON),
        stylesheets=stylesheets,
        endpoint=html.escape(endpoint),
        config=config,
        scripts=scripts,
    )


def assets_app() -> StaticFiles:
    """ASGI app serving the vendored assets; mount it at ``/graphiql-assets``."""
    return StaticFiles(directory=ASSETS_DIR, check_dir=True)
