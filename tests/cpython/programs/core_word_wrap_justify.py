"""Greedy word wrapping with full justification, written without textwrap."""

TEXT = ("Python is a high-level, general-purpose programming language. Its design "
        "philosophy emphasizes code readability with the use of significant indentation. "
        "Python is dynamically typed and garbage-collected. It supports multiple programming "
        "paradigms, including structured, object-oriented and functional programming.")


def wrap(text, width):
    lines, current = [], []
    length = 0
    for word in text.split():
        extra = len(word) + (1 if current else 0)
        if current and length + extra > width:
            lines.append(current)
            current, length = [word], len(word)
        else:
            current.append(word)
            length += extra
    if current:
        lines.append(current)
    return lines


def justify(words, width):
    if len(words) == 1:
        return words[0].ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(map(len, words))
    base, extra = divmod(spaces, gaps)
    out = ""
    for i, w in enumerate(words[:-1]):
        out += w + " " * (base + (1 if i < extra else 0))
    return out + words[-1]


for width in (40, 28):
    print(f"width {width}".center(width, "="))
    lines = wrap(TEXT, width)
    for i, words in enumerate(lines):
        last = i == len(lines) - 1
        text = " ".join(words).ljust(width) if last else justify(words, width)
        print(f"|{text}|")
    print()

for width in (30,):
    for words in wrap(TEXT, width)[:4]:
        line = " ".join(words)
        print(f"[{line:<{width}}] [{line:>{width}}] [{line:^{width}}]")

print("line counts:", {w: len(wrap(TEXT, w)) for w in (20, 40, 60, 80)})
print("longest word:", max(TEXT.split(), key=len))
