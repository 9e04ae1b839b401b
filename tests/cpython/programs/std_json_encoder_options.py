"""Serialise domain objects to JSON with default=, a custom encoder and strict error handling."""
import json
from datetime import date, datetime
from decimal import Decimal
from enum import Enum


class Status(Enum):
    OPEN = "open"
    PAID = "paid"


class Invoice:
    def __init__(self, number, issued, total, status, lines):
        self.number = number
        self.issued = issued
        self.total = total
        self.status = status
        self.lines = lines


def to_jsonable(obj):
    if isinstance(obj, (date, datetime)):
        return obj.isoformat()
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, set):
        return sorted(obj)
    if hasattr(obj, "__dict__"):
        return vars(obj)
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


class InvoiceEncoder(json.JSONEncoder):
    def default(self, obj):
        if isinstance(obj, Invoice):
            return {"invoice": obj.number, "total": float(obj.total)}
        return super().default(obj)


inv = Invoice("2024-017", date(2024, 3, 1), Decimal("149.90"), Status.OPEN, [{"sku": "A1", "tags": {"b", "a"}}])
print(json.dumps(inv, default=to_jsonable))
print(json.dumps(inv, default=to_jsonable, indent=2, sort_keys=True))
print(json.dumps([inv, inv], cls=InvoiceEncoder))

for bad in [{1, 2}, Decimal("1.5"), date(2024, 1, 1), object]:
    try:
        json.dumps(bad)
    except TypeError as exc:
        print("TypeError:", exc)

text = {"city": "São Paulo", "emoji": "☕", "quote": "“smart”"}
print(json.dumps(text))
print(json.dumps(text, ensure_ascii=False))
print(json.dumps(float("nan")), json.dumps(float("inf")))
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as exc:
    print("ValueError:", exc)
print(json.dumps({"b": 1, "a": {"d": 2, "c": 3}}, sort_keys=True, separators=(",", ": ")))
try:
    json.dumps({(1, 2): "tuple key"})
except TypeError as exc:
    print("TypeError:", exc)
print(json.dumps({(1, 2): "tuple key", "ok": 1}, skipkeys=True))
