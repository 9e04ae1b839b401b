"""Transform a JSON API response: reshape, filter, aggregate and re-serialise."""
import json

RESPONSE = """
{
  "page": 1,
  "results": [
    {"id": 17, "user": {"login": "ana", "country": "BR"}, "stars": 120, "tags": ["python", "cli"], "archived": false},
    {"id": 4, "user": {"login": "bob", "country": "US"}, "stars": 8, "tags": [], "archived": true},
    {"id": 23, "user": {"login": "chen", "country": "CN"}, "stars": 560, "tags": ["rust", "wasm"], "archived": false, "score": 9.75},
    {"id": 9, "user": {"login": "dana", "country": "US"}, "stars": 45, "tags": ["python"], "archived": false, "license": null}
  ]
}
"""

data = json.loads(RESPONSE)
print("types:", type(data).__name__, type(data["results"][0]["archived"]).__name__, data["results"][3]["license"])
active = [r for r in data["results"] if not r["archived"]]
summary = {
    "count": len(active),
    "total_stars": sum(r["stars"] for r in active),
    "by_country": {},
    "tags": sorted({t for r in active for t in r["tags"]}),
    "top": max(active, key=lambda r: r["stars"])["user"]["login"],
}
for r in active:
    summary["by_country"][r["user"]["country"]] = summary["by_country"].get(r["user"]["country"], 0) + 1

print(json.dumps(summary))
print(json.dumps(summary, indent=2))
print(json.dumps(summary, indent=4, sort_keys=True))
flat = [{"id": r["id"], "login": r["user"]["login"], "stars": r["stars"]} for r in sorted(active, key=lambda r: r["id"])]
print(json.dumps(flat, separators=(",", ":")))
print(json.dumps({"a": [1, 2, {"b": None}]}, indent="\t"))
print(json.dumps([1.0, 2.5, 1e20, 10 ** 20, -0.0, True, None, "x"]))
print(json.dumps({3: "int key", 1.5: "float key", True: "bool key", None: "none key"}))
print(json.dumps("quote \" backslash \\ newline \n tab \t"))
print(json.dumps({"nested": {"empty_list": [], "empty_dict": {}}}, indent=2))
print(json.loads("[1, 2.0, \"three\", null, true]"), json.loads('"\\u00e9"'), json.loads("  42 "))
