"""A tiny HTTP-style router: requests are tuples and dicts, routes are match cases."""
from collections import namedtuple

Request = namedtuple("Request", "method path query")

USERS = {1: "ada", 2: "grace", 3: "linus"}


def route(req: Request):
    match req.method, req.path.strip("/").split("/"):
        case "GET", [""]:
            return 200, "welcome"
        case "GET", ["users"]:
            limit = int(req.query.get("limit", len(USERS)))
            return 200, sorted(USERS.values())[:limit]
        case "GET", ["users", uid] if uid.isdigit():
            name = USERS.get(int(uid))
            return (200, name) if name else (404, f"no user {uid}")
        case "DELETE", ["users", uid] if uid.isdigit() and int(uid) in USERS:
            return 204, USERS.pop(int(uid))
        case ("PUT" | "POST") as method, ["users", *rest]:
            match req.query:
                case {"name": str(name)} if name:
                    uid = max(USERS, default=0) + 1 if not rest else int(rest[0])
                    USERS[uid] = name
                    return (201 if method == "POST" else 200), {"id": uid, "name": name}
                case _:
                    return 400, "name required"
        case _, ["users", *_]:
            return 405, f"{req.method} not allowed"
        case _:
            return 404, "not found"


requests = [
    Request("GET", "/", {}),
    Request("GET", "/users", {}),
    Request("GET", "/users", {"limit": "2"}),
    Request("GET", "/users/2", {}),
    Request("GET", "/users/9", {}),
    Request("GET", "/users/abc", {}),
    Request("POST", "/users", {"name": "barbara"}),
    Request("POST", "/users", {}),
    Request("PUT", "/users/1", {"name": "ada l."}),
    Request("DELETE", "/users/3", {}),
    Request("DELETE", "/users/3", {}),
    Request("GET", "/static/logo.png", {}),
]

for r in requests:
    status, body = route(r)
    match status:
        case 200 | 201 | 204:
            tag = "ok"
        case 400 | 404 | 405 as code if code < 500:
            tag = "client error"
        case _:
            tag = "?"
    print(f"{r.method:6} {r.path:<18} -> {status} {tag:<12} {body}")
print(USERS)
