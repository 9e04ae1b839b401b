"""Resolve settings from CLI > environment > file > defaults with ChainMap."""
from collections import ChainMap

defaults = {"theme": "light", "language": "en", "autosave": True, "font_size": 12}
config_file = {"theme": "solarized", "font_size": 14}
environment = {"language": "de"}
cli = {}

settings = ChainMap(cli, environment, config_file, defaults)
print("effective:", dict(settings))
print("theme:", settings["theme"], "| language:", settings["language"], "| autosave:", settings["autosave"])
print("where is font_size from?", next(i for i, m in enumerate(settings.maps) if "font_size" in m))

cli["theme"] = "dark"
print("after CLI override:", settings["theme"])
settings["font_size"] = 16
print("writes go to the first map:", cli, "| file untouched:", config_file)
del settings["theme"]
print("after delete, theme falls back to:", settings["theme"])
try:
    del settings["language"]
except KeyError as exc:
    print("cannot delete from deeper maps:", exc)

session = settings.new_child({"theme": "high-contrast"})
print("child:", session["theme"], "| parent:", session.parents["theme"])
print("maps:", len(session.maps), "| keys:", sorted(session))
print("len/in:", len(settings), "autosave" in settings, "missing" in settings)
print("get with default:", settings.get("missing", "n/a"))
print("repr:", ChainMap({"a": 1}, {"b": 2}))
scopes = ChainMap({"x": "local"}, {"x": "enclosing", "y": "enclosing"}, {"x": "global", "y": "global", "z": "global"})
print("variable lookup:", {name: scopes[name] for name in "xyz"})
print("iteration order:", list(scopes))
