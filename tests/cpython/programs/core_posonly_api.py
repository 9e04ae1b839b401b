"""A small HTTP-ish request builder exercising positional-only and keyword-only parameters."""


def build_url(scheme, host, /, path="/", *, query=None, port=None):
    netloc = host if port is None else f"{host}:{port}"
    url = f"{scheme}://{netloc}{path}"
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return url


def clamp(value, /, low=0, high=100):
    return max(low, min(high, value))


def request(method, url, /, **headers):
    lines = [f"{method.upper()} {url}"]
    for name, value in headers.items():
        lines.append(f"{name.replace('_', '-').title()}: {value}")
    return "\n".join(lines)


print(build_url("https", "example.com"))
print(build_url("http", "localhost", "/api/v1/users", port=8000))
print(build_url("https", "shop.test", "/search", query={"q": "lamp", "page": 2}))

try:
    build_url(scheme="https", host="example.com")
except TypeError as exc:
    print("TypeError:", exc)

try:
    build_url("https", "example.com", "/", {"a": 1})
except TypeError as exc:
    print("TypeError:", exc)

print([clamp(v) for v in (-5, 50, 150)])
print(clamp(7, 10, 20), clamp(25, high=20), clamp(3, low=5))

# 'method' and 'url' are positional-only, so they may also appear as header names.
print(request("post", "/upload", content_type="image/png", url="ignored-header", method="X"))

try:
    clamp(value=3)
except TypeError as exc:
    print("TypeError:", exc)
