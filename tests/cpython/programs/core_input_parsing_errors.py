"""Parse user-entered form values, reporting exact Python error messages."""

form = {
    "age": "37",
    "height_m": "1.82",
    "weight_kg": "eighty",
    "children": "2.0",
    "zip": "02139",
    "score": "",
    "ratio": "1/3",
    "big": "1" + "0" * 30,
    "hex_color": "ff8800",
    "temperature": " -4.5 ",
    "ok": "yes",
}


def to_int(value):
    return int(value)


def to_float(value):
    return float(value)


def to_bool(value):
    mapping = {"yes": True, "no": False, "true": True, "false": False}
    try:
        return mapping[value.lower()]
    except KeyError:
        raise ValueError(f"not a boolean: {value!r}") from None


parsers = [("int", to_int), ("float", to_float), ("bool", to_bool)]
for field, raw in form.items():
    outcomes = []
    for label, parser in parsers:
        try:
            outcomes.append(f"{label}={parser(raw)!r}")
        except ValueError as exc:
            outcomes.append(f"{label}!({exc})")
    print(f"{field}:")
    for o in outcomes:
        print("   ", o)

print("int of float string via float:", int(float("2.0")))
print("base 16:", int(form["hex_color"], 16))
print("leading zeros:", int("02139"), "| underscores:", int("1_000"), float("1_0.5"))
for bad in ["1__0", "_1", "0x10", "١٢٣", "+-1"]:
    try:
        print(f"int({bad!r}) = {int(bad)}")
    except ValueError as exc:
        print("ValueError:", exc)
try:
    int(None)
except TypeError as exc:
    print("TypeError:", exc)
try:
    float([1])
except TypeError as exc:
    print("TypeError:", exc)
