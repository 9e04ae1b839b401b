"""A tiny text-adventure command interpreter using structural pattern matching."""

inventory = []
position = [0, 0]
log = []


def handle(command: str) -> str:
    words = command.lower().split()
    match words:
        case []:
            return "Say something."
        case ["look"]:
            return f"You are at {tuple(position)}. You carry {len(inventory)} item(s)."
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            dx, dy = {"north": (0, 1), "south": (0, -1), "east": (1, 0), "west": (-1, 0)}[direction]
            position[0] += dx
            position[1] += dy
            return f"You walk {direction}."
        case ["go", other]:
            return f"You can't go {other!r}."
        case ["take", *objects] if objects:
            inventory.extend(objects)
            return "Taken: " + ", ".join(objects)
        case ["drop", item] if item in inventory:
            inventory.remove(item)
            return f"Dropped {item}."
        case ["drop", item]:
            return f"You don't have {item}."
        case ["say", *rest]:
            return "You say: " + " ".join(rest).capitalize()
        case ["quit" | "exit"]:
            return "Goodbye!"
        case [verb, *_]:
            return f"I don't know how to {verb}."


script = [
    "",
    "look",
    "go north",
    "go north",
    "go east",
    "go up",
    "take lamp key",
    "take",
    "drop key",
    "drop sword",
    "say hello there",
    "dance wildly",
    "look",
    "quit",
]

for line in script:
    reply = handle(line)
    log.append(reply)
    print(f"> {line:<16} | {reply}")

print("Inventory:", inventory)
print("Final position:", position)
print("Replies:", len(log))
