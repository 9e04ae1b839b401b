"""Load configuration JSON robustly: decode errors with positions, hooks and parse_float."""
import json
from decimal import Decimal
from collections import OrderedDict

documents = {
    "valid": '{"name": "svc", "replicas": 3, "ratio": 0.1}',
    "trailing comma": '{"a": 1,}',
    "single quotes": "{'a': 1}",
    "unterminated": '{"a": "b',
    "extra data": '{"a": 1} {"b": 2}',
    "empty": "",
    "bare word": "yes",
    "nan literal": '{"x": NaN}',
}

for label, text in documents.items():
    try:
        value = json.loads(text)
        print(f"{label:<15} ok -> {value}")
    except json.JSONDecodeError as exc:
        print(f"{label:<15} JSONDecodeError: {exc.msg} (line {exc.lineno}, col {exc.colno}, pos {exc.pos})")

print("is a ValueError:", issubclass(json.JSONDecodeError, ValueError))
precise = json.loads('{"price": 19.99, "qty": 3}', parse_float=Decimal)
print("parse_float:", precise, type(precise["price"]).__name__)
print("parse_int:", json.loads("[1, 2, 3]", parse_int=lambda s: int(s) * 10))
print("object_pairs_hook:", json.loads('{"b": 1, "a": 2, "b": 3}', object_pairs_hook=list))
print("ordered:", json.loads('{"z": 1, "y": 2}', object_pairs_hook=OrderedDict))


def as_point(d):
    if set(d) == {"x", "y"}:
        return complex(d["x"], d["y"])
    return d


print("object_hook:", json.loads('{"points": [{"x": 1, "y": 2}, {"x": -3, "y": 0.5}], "n": 2}', object_hook=as_point))
multi = '{"id": 1}\n{"id": 2}\n{"id": 3}\n'
print("json lines:", [json.loads(line)["id"] for line in multi.splitlines()])
decoder = json.JSONDecoder()
obj, end = decoder.raw_decode('{"a": [1, 2]} trailing text')
print("raw_decode:", obj, end)
print("duplicate keys keep last:", json.loads('{"k": 1, "k": 2}'))
print("unicode escapes:", json.loads('"caf\\u00e9 \\ud83d\\ude00"'))
