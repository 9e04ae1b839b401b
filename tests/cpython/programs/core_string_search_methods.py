"""Scan a configuration file for directives using find, count, startswith and friends."""

CONFIG = """# web server configuration
server_name   example.org www.example.org
listen        443 ssl
root          /var/www/html
index         index.html index.htm
# limits
client_max_body_size  25M
keepalive_timeout     65
LISTEN 80
"""

lines = [l for l in CONFIG.splitlines() if l.strip() and not l.lstrip().startswith("#")]
print("directives:", [l.split()[0] for l in lines])
print("case-insensitive listen count:", CONFIG.lower().count("listen"), "| exact:", CONFIG.count("listen"))
print("find/rfind:", CONFIG.find("index"), CONFIG.rfind("index"), CONFIG.find("missing"))
print("index:", CONFIG.index("root"))
try:
    CONFIG.index("proxy_pass")
except ValueError as exc:
    print("ValueError:", exc)
print("find with range:", CONFIG.find("example", 30), CONFIG.count("e", 0, 40))
print("startswith tuple:", [l.split()[0] for l in lines if l.startswith(("listen", "LISTEN", "root"))])
print("endswith:", [l.split()[-1] for l in lines if l.endswith(("M", "65"))])
for l in lines:
    key, value = l.split(None, 1)
    flags = []
    if value.isdigit():
        flags.append("number")
    if value.endswith(("K", "M", "G")) and value[:-1].isdecimal():
        flags.append("size")
    if key.isupper():
        flags.append("UPPER")
    print(f"{key:<22} {value!r:<36} {','.join(flags)}")

samples = ["42", "4.2", "٤٢", "²", "½", "-1", " 7", "Ⅻ"]
for s in samples:
    print(f"{s!r:6} isdigit={s.isdigit()!s:<5} isdecimal={s.isdecimal()!s:<5} isnumeric={s.isnumeric()}")
print("strip family:", repr("  xx  ".strip()), repr("xxhixx".strip("x")), repr("..a..".lstrip(".")), repr("a\n".rstrip()))
print("replace count:", "a-b-c-d".replace("-", "+", 2), "|", "aaa".replace("a", "bb"), "|", "abc".replace("", "."))
print("join/split:", "/".join(["usr", "local", "bin"]), "a,,b".split(","), "  a  b ".split(), "a b".split(" "))
print("center/ljust/rjust:", "[" + "mid".center(9, "-") + "]", "[" + "ab".ljust(5, "*") + "]", "[" + "ab".rjust(5) + "]")
print("count overlapping?", "aaaa".count("aa"), "| in:", "ssl" in CONFIG, "| min/max char:", min("hello"), max("hello"))
