"""Validate passwords against a policy with any()/all() and report every failed rule."""

SPECIALS = set("!@#$%^&*()-_=+[]{};:,.<>/?")
COMMON = {"password", "123456", "qwerty", "letmein", "admin"}

RULES = [
    ("at least 10 characters", lambda p: len(p) >= 10),
    ("an uppercase letter", lambda p: any(c.isupper() for c in p)),
    ("a lowercase letter", lambda p: any(c.islower() for c in p)),
    ("a digit", lambda p: any(c.isdigit() for c in p)),
    ("a special character", lambda p: any(c in SPECIALS for c in p)),
    ("no spaces", lambda p: all(not c.isspace() for c in p)),
    ("no 3 repeated characters", lambda p: all(not (a == b == c) for a, b, c in zip(p, p[1:], p[2:]))),
    ("not a common password", lambda p: p.lower() not in COMMON),
]


def check(password):
    return [desc for desc, rule in RULES if not rule(password)]


def strength(password):
    passed = len(RULES) - len(check(password))
    return ["very weak", "weak", "fair", "good", "strong"][min(4, max(0, passed - 4))]


candidates = ["password", "Tr0ub4dor&3", "correct horse battery staple", "aaaBBB111!!!x",
              "Sh0rt!", "NoDigitsHere!!", "G00d-Enough-Pass", "", "Ünïcode-Pässw0rd"]
for pw in candidates:
    problems = check(pw)
    status = "OK" if not problems else "needs " + ", ".join(problems)
    print(f"{pw!r:32} {strength(pw):>9} | {status}")

print("all empty:", all([]), "any empty:", any([]))
print("all strong:", all(not check(p) for p in candidates), "| any strong:", any(not check(p) for p in candidates))
print("counts:", sum(not check(p) for p in candidates), "accepted of", len(candidates))
accepted = [p for p in candidates if not check(p)]
print("accepted:", accepted)
print("mixed iterables:", any(x > 3 for x in range(5)), all(isinstance(x, int) for x in (1, 2, "3")))
