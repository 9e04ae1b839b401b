"""Route webhook-style event payloads with mapping patterns."""

events = [
    {"type": "push", "repo": "api", "commits": [{"id": "a1"}, {"id": "b2"}], "branch": "main"},
    {"type": "push", "repo": "web", "commits": [], "branch": "feature/login"},
    {"type": "issue", "action": "opened", "number": 42, "title": "Crash on start"},
    {"type": "issue", "action": "closed", "number": 17},
    {"type": "deploy", "env": "prod", "status": {"ok": True, "duration": 93}},
    {"type": "deploy", "env": "staging", "status": {"ok": False, "error": "timeout"}},
    {"type": "ping"},
    {"kind": "mystery", "value": 3},
]

stats = {}


def route(event):
    match event:
        case {"type": "push", "commits": [], "branch": branch}:
            return f"empty push to {branch}"
        case {"type": "push", "repo": repo, "commits": [first, *others], "branch": "main"}:
            return f"{repo}: {1 + len(others)} commit(s) to main, first {first['id']}"
        case {"type": "issue", "action": "opened", "number": n, "title": str(title)}:
            return f"issue #{n} opened: {title.upper()}"
        case {"type": "issue", "action": action, "number": int(n)}:
            return f"issue #{n} {action}"
        case {"type": "deploy", "env": env, "status": {"ok": True, "duration": secs}}:
            minutes, seconds = divmod(secs, 60)
            return f"deployed to {env} in {minutes}m{seconds:02d}s"
        case {"type": "deploy", "env": env, "status": {"ok": False, **details}}:
            return f"deploy to {env} FAILED: {details}"
        case {"type": str(kind), **rest} if not rest:
            return f"bare {kind} event"
        case other:
            return f"unrouted: {sorted(other)}"


for event in events:
    message = route(event)
    key = event.get("type", "?")
    stats[key] = stats.get(key, 0) + 1
    print(message)

print(stats)
