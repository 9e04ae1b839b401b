"""Take snapshots of a mutable game state with copy.copy and copy.deepcopy."""
import copy


class Player:
    def __init__(self, name, hp, inventory):
        self.name = name
        self.hp = hp
        self.inventory = inventory

    def __repr__(self):
        return f"Player({self.name!r}, hp={self.hp}, inventory={self.inventory})"


class Counter:
    def __init__(self):
        self.value = 0
        self.copies = 0

    def __copy__(self):
        new = Counter()
        new.value = self.value
        new.copies = self.copies + 1
        return new

    def __deepcopy__(self, memo):
        new = self.__copy__()
        new.copies += 10
        return new


state = {"turn": 3, "players": [Player("ann", 30, ["sword"]), Player("bo", 12, ["potion", "map"])], "log": ["start"]}
shallow = copy.copy(state)
deep = copy.deepcopy(state)

state["turn"] = 4
state["log"].append("ann attacks")
state["players"][1].hp -= 5
state["players"][0].inventory.append("shield")

print("original:", state)
print("shallow: ", shallow)
print("deep:    ", deep)
print("shallow shares players:", shallow["players"] is state["players"], "| deep does not:", deep["players"] is state["players"])

matrix = [[0] * 3] * 3
matrix[0][0] = 1
print("aliased rows:", matrix)
fixed = copy.deepcopy([[0] * 3 for _ in range(3)])
fixed[0][0] = 1
print("independent rows:", fixed)

shared = [1, 2]
pair = [shared, shared]
clone = copy.deepcopy(pair)
print("deepcopy keeps internal sharing:", clone[0] is clone[1], clone[0] is shared)
cyclic = [1]
cyclic.append(cyclic)
print("cyclic copy:", copy.deepcopy(cyclic)[1][1][0])
c = Counter()
c.value = 7
print("custom hooks:", vars(copy.copy(c)), vars(copy.deepcopy(c)))
print("immutables are returned as is:", copy.copy((1, 2)) is not None, copy.deepcopy("text"))
print("list methods:", state["log"].copy() == state["log"], list(state["log"]) is not state["log"], dict(state) == state)
