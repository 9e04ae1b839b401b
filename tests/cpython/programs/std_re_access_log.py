"""Extract fields from web server access logs with named groups and groupdict."""
import re

LOG = """\
192.168.1.10 - - [10/Mar/2024:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 2326 "-" "Mozilla/5.0"
10.0.0.7 - alice [10/Mar/2024:13:56:01 +0000] "POST /api/login HTTP/1.1" 302 0 "https://example.com/" "curl/8.0"
192.168.1.10 - - [10/Mar/2024:13:57:12 +0000] "GET /images/logo.png HTTP/1.1" 304 0 "-" "Mozilla/5.0"
172.16.0.3 - bob [10/Mar/2024:14:01:45 +0000] "DELETE /api/items/42 HTTP/2.0" 403 117 "-" "python-requests/2.31"
garbage line that does not match
10.0.0.7 - alice [10/Mar/2024:14:03:09 +0000] "GET /api/items?page=2&size=50 HTTP/1.1" 200 5120 "-" "curl/8.0"
"""

PATTERN = re.compile(
    r'(?P<ip>\d{1,3}(?:\.\d{1,3}){3}) - (?P<user>\S+) \[(?P<time>[^\]]+)\] '
    r'"(?P<method>[A-Z]+) (?P<path>\S+) HTTP/(?P<version>[\d.]+)" (?P<status>\d{3}) (?P<size>\d+)'
)

entries = []
for line in LOG.splitlines():
    m = PATTERN.match(line)
    if not m:
        print("no match:", line)
        continue
    entry = m.groupdict()
    entry["status"] = int(entry["status"])
    entry["size"] = int(entry["size"])
    entries.append(entry)

for e in entries:
    print(f"{e['ip']:<14} {e['user']:<6} {e['method']:<7} {e['status']} {e['size']:>5} {e['path']}")

first = PATTERN.match(LOG)
print("m[0] length:", len(first[0]), "| m[1]:", first[1], "| m['method']:", first["method"])
print("group by name/number:", first.group("status", "size"), first.group(2), first.groups()[:3])
print("span of path:", first.span("path"), "| start/end:", first.start("ip"), first.end("ip"))
print("lastgroup:", first.lastgroup, "| re attrs:", first.re.groups, sorted(first.re.groupindex)[:3])
errors = [e for e in entries if e["status"] >= 400]
print("errors:", [(e["ip"], e["status"]) for e in errors])
bytes_by_ip = {}
for e in entries:
    bytes_by_ip[e["ip"]] = bytes_by_ip.get(e["ip"], 0) + e["size"]
print("bytes by ip:", bytes_by_ip)
query = re.search(r"\?(.*?) ", LOG)
params = dict(re.findall(r"(\w+)=(\w+)", query.group(1)))
print("query params:", params)
print("optional group default:", re.match(r"(a)?(b)", "b").groups(), re.match(r"(a)?(b)", "b").groups("-"))
