"""A Playlist class that behaves like a sequence via dunder methods."""


class Song:
    def __init__(self, title, artist, seconds):
        self.title = title
        self.artist = artist
        self.seconds = seconds

    def __repr__(self):
        return f"Song({self.title!r}, {self.artist!r}, {self.seconds})"

    def __eq__(self, other):
        return isinstance(other, Song) and (self.title, self.artist) == (other.title, other.artist)

    def __hash__(self):
        return hash((self.title, self.artist))


class Playlist:
    def __init__(self, name, songs=()):
        self.name = name
        self._songs = list(songs)

    def __len__(self):
        return len(self._songs)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Playlist(f"{self.name} (slice)", self._songs[index])
        return self._songs[index]

    def __setitem__(self, index, song):
        self._songs[index] = song

    def __delitem__(self, index):
        del self._songs[index]

    def __contains__(self, item):
        if isinstance(item, str):
            return any(s.title == item for s in self._songs)
        return item in self._songs

    def __iter__(self):
        return iter(self._songs)

    def __add__(self, other):
        return Playlist(f"{self.name} + {other.name}", self._songs + other._songs)

    def __bool__(self):
        return bool(self._songs)

    def __repr__(self):
        return f"<Playlist {self.name!r}: {len(self)} songs, {self.duration}>"

    @property
    def duration(self):
        minutes, seconds = divmod(sum(s.seconds for s in self), 60)
        return f"{minutes}:{seconds:02d}"


road = Playlist("Road trip", [
    Song("Highway Star", "Deep Purple", 367),
    Song("Born to Run", "Bruce Springsteen", 270),
    Song("Roadrunner", "The Modern Lovers", 245),
])
chill = Playlist("Chill", [Song("Teardrop", "Massive Attack", 330), Song("Roadrunner", "The Modern Lovers", 245)])

print(road, len(road), bool(road), bool(Playlist("empty")))
print(road[0], road[-1].title)
print(road[1:], [s.title for s in road[::2]])
print("Born to Run" in road, Song("Teardrop", "Massive Attack", 0) in chill, "Nope" in road)
both = road + chill
print(both)
print("unique songs:", len(set(both)))
road[1] = Song("Life is a Highway", "Tom Cochrane", 266)
del road[0]
print([s.title for s in road], road.duration)
print("sorted by length:", [s.title for s in sorted(both, key=lambda s: s.seconds)])
print("longest:", max(both, key=lambda s: s.seconds))
print("enumerate:", [(i, s.title) for i, s in enumerate(chill, 1)])
try:
    road[10]
except IndexError as exc:
    print("IndexError:", exc)
