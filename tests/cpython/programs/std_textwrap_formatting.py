"""Format help text and notes for a terminal with textwrap."""
import textwrap

DESCRIPTION = ("The backup tool copies changed files to the remote store, verifies their checksums "
               "and prunes snapshots older than the retention period. Run it nightly from cron; "
               "use --dry-run first to see what would change.")

print(textwrap.fill(DESCRIPTION, width=50))
print()
for line in textwrap.wrap(DESCRIPTION, width=36, initial_indent="* ", subsequent_indent="  "):
    print(line)
print()
print("shorten:", textwrap.shorten(DESCRIPTION, width=60))
print("shorten custom:", textwrap.shorten("Hello    world, this is long", width=15, placeholder=" [...]"))

code = """
    def greet(name):
        print(f"hi {name}")

    greet("world")
"""
dedented = textwrap.dedent(code)
print("dedent:")
print(dedented)
print("indent all:")
print(textwrap.indent(dedented.strip(), "> "))
print("indent non-empty only:")
print(textwrap.indent("line one\n\nline three", "+ ", predicate=lambda l: l.strip() != ""))

options = {"--dry-run": "Show what would be copied without copying anything at all.",
           "--retention DAYS": "Keep snapshots for DAYS days (default 30).",
           "-v": "Verbose."}
for flag, help_text in options.items():
    lines = textwrap.wrap(help_text, width=30)
    print(f"  {flag:<18}{lines[0]}")
    for extra in lines[1:]:
        print(" " * 20 + extra)
wrapper = textwrap.TextWrapper(width=20, break_long_words=True, max_lines=3, placeholder="...")
print(wrapper.wrap("Supercalifragilisticexpialidocious words are rather long for narrow columns indeed"))
print(textwrap.wrap("tabs\tand  spaces", width=40, expand_tabs=True, replace_whitespace=True))
print(textwrap.wrap("a-very-long-hyphenated-identifier here", width=12))
print(textwrap.wrap("", width=10), textwrap.fill("short", width=80))
