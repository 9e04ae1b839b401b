"""Normalise API events of different JSON shapes with structural pattern matching."""
import json

raw_events = """
[
  {"type": "order", "id": 17, "items": [{"sku": "A1", "qty": 2, "price": 9.5}, {"sku": "B2", "qty": 1, "price": 20}]},
  {"type": "order", "id": 18, "items": []},
  {"type": "refund", "order_id": 17, "amount": 9.5, "reason": "damaged"},
  {"type": "refund", "order_id": 12, "amount": 3},
  {"type": "user", "user": {"name": "Dana", "email": "dana@example.com", "tags": ["vip", "beta"]}},
  {"type": "user", "user": {"name": "Eli"}},
  {"type": "ping"},
  {"type": "metrics", "values": [1, 2, 3, 4]},
  {"type": "metrics", "values": "n/a"},
  ["not", "an", "object"],
  {"kind": "legacy", "payload": null}
]
"""


def summarize(event):
    match event:
        case {"type": "order", "id": int(oid), "items": []}:
            return f"order #{oid}: empty order"
        case {"type": "order", "id": int(oid), "items": [*items]}:
            total = sum(i["qty"] * i["price"] for i in items)
            skus = ", ".join(i["sku"] for i in items)
            return f"order #{oid}: {len(items)} line(s) [{skus}] total {total:.2f}"
        case {"type": "refund", "order_id": oid, "amount": float(amt) | int(amt), "reason": str(why)}:
            return f"refund on #{oid}: {amt} ({why})"
        case {"type": "refund", "order_id": oid, "amount": amt}:
            return f"refund on #{oid}: {amt} (no reason given)"
        case {"type": "user", "user": {"name": name, "email": email, **extra}}:
            tags = extra.get("tags", [])
            return f"user {name} <{email}> tags={tags}"
        case {"type": "user", "user": {"name": name}}:
            return f"user {name} (no email)"
        case {"type": "metrics", "values": [first, *_, last] as values}:
            return f"metrics: {len(values)} points from {first} to {last}, mean {sum(values) / len(values)}"
        case {"type": "metrics"}:
            return "metrics: malformed values"
        case {"type": str(kind)}:
            return f"unhandled event type {kind!r}"
        case dict() as d:
            return f"untyped object with keys {sorted(d)}"
        case list() | tuple():
            return f"a sequence of {len(event)}, not an event"
    return "???"


events = json.loads(raw_events)
counts = {}
for n, event in enumerate(events, 1):
    line = summarize(event)
    kind = line.split()[0]
    counts[kind] = counts.get(kind, 0) + 1
    print(f"{n:2}. {line}")

print(json.dumps(counts, indent=2))
