"""The floor: the reference queries' data fetched with hand-written SQL and serialised to JSON.

No GraphQL, no ORM, no HTTP: a lower bound for what the server could do with the same data.
Serialised with orjson when it is importable, else with the standard library's json (the
benchmark says which); orjson is not a dependency of the project.
"""

from __future__ import annotations

import base64
import json
import sqlite3
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import asyncpg

try:
    import orjson

    def dumps(value: Any) -> bytes:
        return orjson.dumps(value)

    SERIALISER = "orjson"
except ImportError:  # pragma: no cover - depends on the environment

    def dumps(value: Any) -> bytes:
        return json.dumps(value, default=str, separators=(",", ":")).encode()

    SERIALISER = "json (stdlib; orjson is not installed)"

Row = dict[str, Any]


def cursor(offset: int) -> str | None:
    """The API's opaque offset cursor (None on an empty page)."""
    return base64.b64encode(f"cursor:{offset}".encode()).decode() if offset >= 0 else None


def expand(sql: str, params: Sequence[Any]) -> tuple[str, list[Any]]:
    """Lists in params become `?, ?, ?` (one placeholder each) in the SQL."""
    parts = sql.split("?")
    out, flat = [parts[0]], []
    for value, rest in zip(params, parts[1:], strict=True):
        if isinstance(value, list | tuple):
            out.append(", ".join("?" * len(value)) if value else "NULL")
            flat += list(value)
        else:
            out.append("?")
            flat.append(value)
        out.append(rest)
    return "".join(out), flat


class Floor:
    """One connection; `run(name, variables)` answers a reference query as JSON bytes."""

    dialect: str

    async def fetch(self, sql: str, *params: Any) -> list[Row]:
        raise NotImplementedError

    async def close(self) -> None:
        raise NotImplementedError

    def day(self, value: str) -> Any:
        return value

    async def run(self, name: str, variables: dict[str, Any]) -> bytes:
        handler: Callable[[dict[str, Any]], Any] = getattr(self, name.lower())
        return dumps({"data": await handler(variables)})

    async def q1(self, variables: dict[str, Any]) -> Row:
        countries = await self.fetch(
            "SELECT id, code, name_en AS name FROM country WHERE state = 'published' ORDER BY code"
        )
        regions = await self.fetch(
            "SELECT id, country_id, code, name_en AS name FROM region WHERE state = 'published' ORDER BY code"
        )
        ranked = """
            WITH orgs AS (
              SELECT id, region_id, slug, name FROM (
                SELECT id, region_id, slug, name,
                       row_number() OVER (PARTITION BY region_id ORDER BY lower(name), id) AS n
                FROM organisation WHERE state = 'published' AND region_id IS NOT NULL
              ) ranked WHERE n <= 100
            )"""
        organisations = await self.fetch(f"{ranked} SELECT * FROM orgs ORDER BY region_id, lower(name), id")
        seats = await self.fetch(
            """SELECT b.organisation_id, b.role, b.start_date, p.family_name, p.given_name
            FROM board_membership b JOIN person p ON p.id = b.person_id
            WHERE b.organisation_id IN (?) AND b.state = 'published' AND p.state = 'published'
            ORDER BY b.organisation_id, b.start_date IS NOT NULL, b.start_date, b.id""",
            [org["id"] for org in organisations],
        )
        seats_of: dict[int, list[Row]] = {}
        for seat in seats:
            seats_of.setdefault(seat["organisation_id"], []).append(
                {
                    "role": seat["role"].upper(),
                    "startDate": seat["start_date"],
                    "person": {"familyName": seat["family_name"], "givenName": seat["given_name"]},
                }
            )
        orgs_of: dict[int, list[Row]] = {}
        for org in organisations:
            orgs_of.setdefault(org["region_id"], []).append(
                {
                    "node": {
                        "slug": org["slug"],
                        "name": org["name"],
                        "boardSeats": seats_of.get(org["id"], []),
                    }
                }
            )
        regions_of: dict[int, list[Row]] = {}
        for region in regions:
            regions_of.setdefault(region["country_id"], []).append(
                {
                    "code": region["code"],
                    "name": region["name"],
                    "organisations": {"edges": orgs_of.get(region["id"], [])},
                }
            )
        return {
            "countries": [
                {"code": c["code"], "name": c["name"], "regions": regions_of.get(c["id"], [])}
                for c in countries
            ]
        }

    async def q2(self, variables: dict[str, Any]) -> Row:
        found = await self.fetch(
            """SELECT o.id, o.slug, o.name, o.kind, r.code AS region_code, r.name_en AS region_name,
                      c.code AS country_code, c.name_en AS country_name
               FROM organisation o JOIN country c ON c.id = o.country_id
               LEFT JOIN region r ON r.id = o.region_id
               WHERE o.slug = ? AND o.state = 'published'""",
            variables["slug"],
        )
        if not found:
            return {"organisation": None}
        org = found[0]
        day = self.day(variables["asOf"])
        seats = await self.fetch(
            """SELECT b.role, b.start_date, b.end_date, p.family_name, p.given_name
               FROM board_membership b JOIN person p ON p.id = b.person_id
               WHERE b.organisation_id = ? AND b.state = 'published' AND p.state = 'published'
                 AND (b.start_date IS NULL OR b.start_date <= ?) AND (b.end_date IS NULL OR b.end_date >= ?)
               ORDER BY b.start_date IS NOT NULL, b.start_date, b.id""",
            org["id"],
            day,
            day,
        )
        projects = await self.fetch(
            """SELECT p.id, pp.role, p.acronym, p.title_en AS title, p.start_date
               FROM project_partnership pp JOIN project p ON p.id = pp.project_id
               WHERE pp.organisation_id = ? AND pp.state = 'published' AND p.state = 'published'
               ORDER BY p.start_date IS NULL, p.start_date DESC, p.id DESC LIMIT 100""",
            org["id"],
        )
        partners = await self.fetch(
            """SELECT pp.project_id, pp.role, o.slug, o.name
               FROM project_partnership pp JOIN organisation o ON o.id = pp.organisation_id
               WHERE pp.project_id IN (?) AND pp.state = 'published' AND o.state = 'published'
               ORDER BY lower(o.name), o.id""",
            [p["id"] for p in projects],
        )
        partners_of: dict[int, list[Row]] = {}
        for partner in partners:
            partners_of.setdefault(partner["project_id"], []).append(
                {"role": partner["role"].upper(), "node": {"slug": partner["slug"], "name": partner["name"]}}
            )
        return {
            "organisation": {
                "slug": org["slug"],
                "name": org["name"],
                "kind": org["kind"].upper(),
                "region": {"code": org["region_code"], "name": org["region_name"]},
                "country": {"code": org["country_code"], "name": org["country_name"]},
                "boardSeats": [
                    {
                        "role": s["role"].upper(),
                        "startDate": s["start_date"],
                        "endDate": s["end_date"],
                        "person": {"familyName": s["family_name"], "givenName": s["given_name"]},
                    }
                    for s in seats
                ],
                "projects": {
                    "edges": [
                        {
                            "role": p["role"].upper(),
                            "node": {
                                "acronym": p["acronym"],
                                "title": p["title"],
                                "startDate": p["start_date"],
                                "partners": {"edges": partners_of.get(p["id"], [])},
                            },
                        }
                        for p in projects
                    ]
                },
            }
        }

    async def q3(self, variables: dict[str, Any]) -> Row:
        total = await self.fetch("SELECT count(*) AS n FROM project WHERE state = 'published'")
        first = """
            WITH firsts AS (
              SELECT id, acronym, title_en AS title, start_date FROM project WHERE state = 'published'
              ORDER BY start_date IS NULL, start_date, id LIMIT 50
            )"""
        projects = await self.fetch(
            f"{first} SELECT * FROM firsts ORDER BY start_date IS NULL, start_date, id"
        )
        partners = await self.fetch(
            f"""{first}
            SELECT pp.project_id, pp.role, o.name, c.code, c.name_en AS country_name
            FROM project_partnership pp JOIN firsts f ON f.id = pp.project_id
            JOIN organisation o ON o.id = pp.organisation_id JOIN country c ON c.id = o.country_id
            WHERE pp.state = 'published' AND o.state = 'published'
            ORDER BY lower(o.name), o.id"""
        )
        partners_of: dict[int, list[Row]] = {}
        for partner in partners:
            partners_of.setdefault(partner["project_id"], []).append(
                {
                    "role": partner["role"].upper(),
                    "node": {
                        "name": partner["name"],
                        "country": {"code": partner["code"], "name": partner["country_name"]},
                    },
                }
            )
        return {
            "projects": {
                "totalCount": total[0]["n"],
                "edges": [
                    {
                        "node": {
                            "acronym": p["acronym"],
                            "title": p["title"],
                            "startDate": p["start_date"],
                            "partners": {"edges": partners_of.get(p["id"], [])},
                        }
                    }
                    for p in projects
                ],
            }
        }

    async def q4(self, variables: dict[str, Any]) -> Row:
        wanted = variables["filter"]
        where = """FROM organisation o JOIN country c ON c.id = o.country_id
                   LEFT JOIN region r ON r.id = o.region_id
                   WHERE o.state = 'published' AND o.kind IN (?) AND c.code IN (?)
                     AND (lower(o.name) LIKE ? OR lower(o.short_name) LIKE ?)"""
        search = f"%{wanted['search'].lower()}%"
        params = ([k.lower() for k in wanted["kinds"]], wanted["countryCodes"], search, search)
        total = await self.fetch(f"SELECT count(*) AS n {where}", *params)
        rows = await self.fetch(
            f"SELECT o.slug, o.name, o.kind, c.code, r.code AS region_code {where}"
            " ORDER BY lower(o.name), o.id LIMIT 21",
            *params,
        )
        return {
            "organisations": {
                "totalCount": total[0]["n"],
                "pageInfo": {"hasNextPage": len(rows) > 20, "endCursor": cursor(min(len(rows), 20) - 1)},
                "edges": [
                    {
                        "node": {
                            "slug": r["slug"],
                            "name": r["name"],
                            "kind": r["kind"].upper(),
                            "country": {"code": r["code"]},
                            "region": {"code": r["region_code"]} if r["region_code"] else None,
                        }
                    }
                    for r in rows[:20]
                ],
            }
        }


class SqliteFloor(Floor):
    dialect = "sqlite"

    def __init__(self, path: str) -> None:
        self.connection = sqlite3.connect(path, check_same_thread=False)
        self.connection.row_factory = sqlite3.Row

    async def fetch(self, sql: str, *params: Any) -> list[Row]:
        query, flat = expand(sql, params)
        return [dict(row) for row in self.connection.execute(query, flat)]

    async def close(self) -> None:
        self.connection.close()


class PostgresFloor(Floor):
    dialect = "postgres"

    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    @classmethod
    async def connect(cls, url: str) -> PostgresFloor:
        return cls(await asyncpg.connect(url.replace("postgres://", "postgresql://", 1)))

    def day(self, value: str) -> Any:
        return date.fromisoformat(value)

    async def fetch(self, sql: str, *params: Any) -> list[Row]:
        query, flat = expand(sql, params)
        pieces = query.split("?")
        numbered = pieces[0] + "".join(f"${n}{rest}" for n, rest in enumerate(pieces[1:], start=1))
        return [dict(row) for row in await self.connection.fetch(numbered, *flat)]

    async def close(self) -> None:
        await self.connection.close()


async def open_floor(url: str) -> Floor:
    if url.startswith("sqlite://"):
        return SqliteFloor(url.removeprefix("sqlite://"))
    return await PostgresFloor.connect(url)
