"""Pretty-print a nested service inventory with pprint."""
import pprint

inventory = {
    "services": [
        {"name": "auth", "replicas": 3, "ports": [443, 8443], "env": {"LOG_LEVEL": "info", "TOKEN_TTL": 3600}},
        {"name": "billing", "replicas": 2, "ports": [8080], "env": {"CURRENCY": "EUR", "RETRIES": 5, "TIMEOUT_MS": 2500}},
        {"name": "search", "replicas": 5, "ports": [9200, 9300], "env": {}},
    ],
    "regions": ("eu-west-1", "us-east-1", "ap-southeast-2"),
    "owners": {"platform": ["ana", "bruno", "chen"], "payments": ["dara"]},
    "flags": ["beta", "canary"],
    "version": 12,
}

pprint.pprint(inventory)
print()
pprint.pprint(inventory, width=60, sort_dicts=False)
print()
pprint.pprint(inventory["services"][1], indent=2, width=40)
print()
pprint.pprint(inventory, depth=2)
print()
print(pprint.pformat(list(range(40)), width=50, compact=True))
print(pprint.pformat({"short": 1}))
long_text = {"description": "word " * 20}
pprint.pprint(long_text, width=50)
printer = pprint.PrettyPrinter(width=30, indent=4)
printer.pprint([{"a": 1, "b": [1, 2, 3]}, ("x", "y")])
print(pprint.isreadable(inventory), pprint.saferepr([1, "two", {3: "four"}]))
