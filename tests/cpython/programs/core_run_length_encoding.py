"""Run-length encode and decode strings and bitmaps, and measure compression."""


def rle_encode(text):
    if not text:
        return []
    runs = []
    current, count = text[0], 1
    for ch in text[1:]:
        if ch == current:
            count += 1
        else:
            runs.append((current, count))
            current, count = ch, 1
    runs.append((current, count))
    return runs


def rle_to_string(runs):
    return "".join(f"{n}{ch}" if n > 1 else ch for ch, n in runs)


def rle_from_string(encoded):
    out = []
    number = ""
    for ch in encoded:
        if ch.isdigit():
            number += ch
        else:
            out.append(ch * int(number or "1"))
            number = ""
    return "".join(out)


samples = ["WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW",
           "aabcccccaaa", "abc", "", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "ééééàà"]
for s in samples:
    runs = rle_encode(s)
    enc = rle_to_string(runs)
    ratio = len(enc) / len(s) if s else 0
    assert rle_from_string(enc) == s
    print(f"{s[:20]!r:24} -> {enc!r:28} runs={len(runs):>2} ratio={ratio:.2f}")

bitmap = [
    "....######....",
    "..##......##..",
    ".#..........#.",
    ".#..##..##..#.",
    ".#..........#.",
    "..##......##..",
    "....######....",
]
total_in = total_out = 0
for row in bitmap:
    enc = rle_to_string(rle_encode(row))
    total_in += len(row)
    total_out += len(enc)
    print(f"{row}  {enc}")
print(f"bitmap: {total_in} chars -> {total_out} chars ({1 - total_out / total_in:.1%} saved)")
print("decoded rows equal:", [rle_from_string(rle_to_string(rle_encode(r))) for r in bitmap] == bitmap)
print("runs of a list:", rle_encode([1, 1, 2, 2, 2, 3]))
