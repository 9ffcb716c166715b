"""A point on the map."""

from __future__ import annotations

import strawberry


@strawberry.type(description="A geographic position (WGS 84).")
class GeoPoint:
    latitude: float = strawberry.field(description="Latitude in degrees, -90 to 90.")
    longitude: float = strawberry.field(description="Longitude in degrees, -180 to 180.")
