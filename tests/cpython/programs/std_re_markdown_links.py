"""Convert a little Markdown to HTML and collect links using regular expressions."""
import re

MARKDOWN = """# Release notes
Version **2.1** adds *faster* parsing and `--json` output.
See [the docs](https://example.com/docs) and [changelog](https://example.com/changes "History").
## Fixes
- Fixed a crash with **empty** files
- Improved [search](/search?q=re) speed
Contact: <mailto:dev@example.com>
"""

rules = [
    (re.compile(r"^## (.+)$", re.M), r"<h2>\1</h2>"),
    (re.compile(r"^# (.+)$", re.M), r"<h1>\1</h1>"),
    (re.compile(r"^- (.+)$", re.M), r"<li>\1</li>"),
    (re.compile(r"\*\*(.+?)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"\*(.+?)\*"), r"<em>\1</em>"),
    (re.compile(r"`([^`]+)`"), r"<code>\1</code>"),
    (re.compile(r'\[([^\]]+)\]\(([^)\s]+)(?: "([^"]*)")?\)'), None),
]


def link(m):
    text, href, title = m.group(1), m.group(2), m.group(3)
    title_attr = f' title="{title}"' if title else ""
    return f'<a href="{href}"{title_attr}>{text}</a>'


html = MARKDOWN
for pattern, replacement in rules:
    html = pattern.sub(replacement if replacement is not None else link, html)
html = re.sub(r"((?:<li>.*</li>\n)+)", lambda m: "<ul>\n" + m.group(1) + "</ul>\n", html)
print(html)

links = re.findall(r"\[([^\]]+)\]\(([^)\s]+)", MARKDOWN)
print("links:", links)
external = [href for _, href in links if re.match(r"https?://", href)]
print("external:", external)
print("domains:", sorted({re.sub(r"^https?://([^/]+).*$", r"\1", h) for h in external}))
print("headings:", re.findall(r"^(#+) (.*)$", MARKDOWN, flags=re.MULTILINE))
print("bold words:", re.findall(r"\*\*(.+?)\*\*", MARKDOWN), "| greedy would give:", re.findall(r"\*\*(.+)\*\*", MARKDOWN)[:1])
print("autolink:", re.search(r"<mailto:([^>]+)>", MARKDOWN).group(1))
