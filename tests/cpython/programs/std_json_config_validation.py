"""Validate a JSON service configuration against a hand-written schema and report all problems."""
import json
from typing import Any

SCHEMA = {
    "name": {"type": str, "required": True},
    "port": {"type": int, "required": True, "min": 1, "max": 65535},
    "debug": {"type": bool, "default": False},
    "workers": {"type": int, "default": 2, "min": 1},
    "hosts": {"type": list, "items": str, "default": []},
    "limits": {"type": dict, "default": {}},
}

CONFIGS = [
    '{"name": "api", "port": 8080, "hosts": ["a.internal", "b.internal"], "limits": {"rps": 100}}',
    '{"name": "worker", "port": 0, "workers": 0, "debug": "yes"}',
    '{"port": 443, "hosts": ["ok", 5], "extra": true}',
    '{"name": "broken", "port": 80,}',
]


def validate(config: dict[str, Any]) -> tuple[dict, list[str]]:
    errors = []
    result = {}
    for key, rule in SCHEMA.items():
        if key not in config:
            if rule.get("required"):
                errors.append(f"missing required key {key!r}")
            else:
                result[key] = rule.get("default")
            continue
        value = config[key]
        expected = rule["type"]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            errors.append(f"{key}: expected {expected.__name__}, got {type(value).__name__} {json.dumps(value)}")
            continue
        if "min" in rule and value < rule["min"]:
            errors.append(f"{key}: {value} is below {rule['min']}")
        if "max" in rule and value > rule["max"]:
            errors.append(f"{key}: {value} is above {rule['max']}")
        if "items" in rule:
            bad = [v for v in value if not isinstance(v, rule["items"])]
            if bad:
                errors.append(f"{key}: items must be {rule['items'].__name__}, found {bad}")
        result[key] = value
    for key in sorted(config.keys() - SCHEMA.keys()):
        errors.append(f"unknown key {key!r}")
    return result, errors


for text in CONFIGS:
    try:
        config = json.loads(text)
    except json.JSONDecodeError as exc:
        print(f"invalid JSON: {exc}")
        continue
    result, errors = validate(config)
    if errors:
        print(f"{config.get('name', '<unnamed>')}: {len(errors)} problem(s)")
        for e in errors:
            print("   -", e)
    else:
        print("valid:", json.dumps(result, sort_keys=True))
