"""Version numbers and coordinates as ordered and frozen dataclasses."""
from dataclasses import dataclass, FrozenInstanceError, replace


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

    @classmethod
    def parse(cls, text: str) -> "Version":
        parts = [int(p) for p in text.lstrip("v").split(".")]
        return cls(*parts)

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"

    def bump(self, part: str) -> "Version":
        if part == "major":
            return Version(self.major + 1)
        if part == "minor":
            return replace(self, minor=self.minor + 1, patch=0)
        return replace(self, patch=self.patch + 1)


@dataclass(frozen=True)
class GeoPoint:
    lat: float
    lon: float


releases = [Version.parse(v) for v in ["1.10.0", "v1.2.3", "1.2", "2.0.0", "0.9.12", "1.2.10"]]
print(releases)
print("sorted:", [str(v) for v in sorted(releases)])
print("latest:", max(releases), "| oldest:", min(releases))
print("comparisons:", Version(1, 2) < Version(1, 10), Version(2) > Version(1, 99, 99), Version(1) == Version(1, 0, 0))
v = Version(1, 4, 2)
print("bumps:", v.bump("patch"), v.bump("minor"), v.bump("major"), "original:", v)
try:
    v.major = 3
except FrozenInstanceError as exc:
    print("FrozenInstanceError:", exc)
print("hashable:", len({Version(1), Version(1, 0, 0), Version(1, 0, 1)}))
print("as dict key:", {Version(1): "first", Version(2): "second"}[Version(1, 0, 0)])

office = GeoPoint(52.52, 13.405)
visits = {office: 3, GeoPoint(48.8566, 2.3522): 1}
visits[GeoPoint(52.52, 13.405)] += 1
print(visits)
try:
    office < GeoPoint(0, 0)
except TypeError as exc:
    print("TypeError:", exc)
print("replace:", replace(office, lon=0.0), office)
print("repr:", repr(Version(3, 1, 4)))
