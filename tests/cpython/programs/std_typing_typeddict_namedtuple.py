"""API response shapes with TypedDict and typed NamedTuple classes."""
from typing import NamedTuple, TypedDict, Optional, List


class Coordinates(NamedTuple):
    lat: float
    lon: float
    label: str = "unnamed"

    def distance_to(self, other: "Coordinates") -> float:
        return ((self.lat - other.lat) ** 2 + (self.lon - other.lon) ** 2) ** 0.5


class Station(TypedDict):
    id: str
    name: str
    location: Coordinates
    bikes: int


class StationUpdate(TypedDict, total=False):
    bikes: int
    name: str


stations: List[Station] = [
    {"id": "s1", "name": "Central", "location": Coordinates(51.5072, -0.1276, "centre"), "bikes": 12},
    {"id": "s2", "name": "Riverside", "location": Coordinates(51.5010, -0.1190), "bikes": 0},
    {"id": "s3", "name": "Park Gate", "location": Coordinates(51.5155, -0.1420, "park"), "bikes": 5},
]


def apply(station: Station, update: StationUpdate) -> Station:
    return {**station, **update}


def nearest_with_bikes(here: Coordinates) -> Optional[Station]:
    candidates = [s for s in stations if s["bikes"] > 0]
    return min(candidates, key=lambda s: here.distance_to(s["location"]), default=None)


me = Coordinates(51.5030, -0.1200)
print(me, me.label, me._fields, me._field_defaults)
print("as dict:", me._asdict())
print("replace:", me._replace(label="me"))
lat, lon, _ = me
print("unpacked:", lat, lon, "| indexing:", me[0], me[-1])
best = nearest_with_bikes(me)
print("nearest with bikes:", best["name"] if best else None)
stations[1] = apply(stations[1], {"bikes": 7})
print("updated:", stations[1])
print("nearest now:", nearest_with_bikes(me)["name"])
print("TypedDict is a dict at runtime:", type(stations[0]).__name__, Station.__required_keys__ == {"id", "name", "location", "bikes"})
print("optional keys:", sorted(StationUpdate.__optional_keys__))
print("tuple equality:", Coordinates(1, 2) == (1, 2, "unnamed"))
print("sorted by lat:", [s["id"] for s in sorted(stations, key=lambda s: s["location"].lat)])
