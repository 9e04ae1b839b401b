import json

doc = {
    "items": [
        {"id": i, "name": "item-%d" % i, "tags": ["a", "bc", "def"], "price": i * 0.25, "ok": i % 3 == 0}
        for i in range(11000)
    ]
}
text = json.dumps(doc)
back = json.loads(text)
print(len(text), len(back["items"]), back["items"][-1]["name"])
