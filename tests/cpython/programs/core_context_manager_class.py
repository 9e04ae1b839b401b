"""A transaction context manager that commits or rolls back an in-memory key-value store."""


class Store:
    def __init__(self):
        self.data = {}
        self.journal = []

    def transaction(self, name):
        return Transaction(self, name)


class Transaction:
    def __init__(self, store, name):
        self.store = store
        self.name = name
        self.snapshot = None

    def __enter__(self):
        self.snapshot = dict(self.store.data)
        self.store.journal.append(f"begin {self.name}")
        return self.store.data

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.store.journal.append(f"commit {self.name}")
            return False
        self.store.data.clear()
        self.store.data.update(self.snapshot)
        self.store.journal.append(f"rollback {self.name}: {exc_type.__name__}: {exc}")
        # Swallow validation errors, let anything else propagate.
        return issubclass(exc_type, ValueError)


store = Store()
with store.transaction("seed") as data:
    data["alice"] = 100
    data["bob"] = 50

with store.transaction("transfer-ok") as data:
    data["alice"] -= 30
    data["bob"] += 30

with store.transaction("transfer-bad") as data:
    data["alice"] -= 500
    if data["alice"] < 0:
        raise ValueError("alice would be overdrawn")
    data["bob"] += 500

try:
    with store.transaction("typo") as data:
        data["carol"] = data["carl"] + 1
except KeyError as exc:
    print("KeyError escaped the block:", exc)

print(store.data)
for entry in store.journal:
    print(" ", entry)


class Indenter:
    def __init__(self):
        self.level = 0

    def __enter__(self):
        self.level += 1
        return self

    def __exit__(self, *exc_info):
        self.level -= 1

    def say(self, text):
        print("    " * self.level + text)


with Indenter() as out:
    out.say("level one")
    with out:
        out.say("level two")
        with out:
            out.say("level three")
    out.say("back to one")

with Indenter() as a, Indenter() as b:
    a.say("two managers in one with")
