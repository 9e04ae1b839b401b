"""Find palindromic phrases and words, using slicing with steps."""

phrases = [
    "A man, a plan, a canal: Panama",
    "Was it a car or a cat I saw?",
    "No 'x' in Nixon",
    "Hello, World",
    "Step on no pets",
    "Able was I ere I saw Elba",
    "Not a palindrome at all",
]


def clean(text):
    return "".join(ch.lower() for ch in text if ch.isalnum())


def is_palindrome(text):
    c = clean(text)
    return c == c[::-1]


for p in phrases:
    mark = "yes" if is_palindrome(p) else "no "
    print(f"{mark} | {p!r:36} | reversed: {p[::-1]!r}")

word = "abracadabra"
print("every 2nd char:", word[::2])
print("every 3rd from 1:", word[1::3])
print("reverse every 2nd:", word[::-2])
print("middle reversed:", word[8:2:-1])
print("negative bounds:", word[-2:-9:-3])
print("empty slice:", repr(word[5:2]), repr(word[2:5:-1]))

nums = list(range(20))
print("evens:", nums[::2])
print("odds reversed:", nums[-1::-2])
print("tuple step:", tuple("palindrome")[::3])
print("bytes reversed:", b"level up"[::-1])

# Longest palindromic substring by expanding around centers.
def longest_palindrome(s):
    best = ""
    for center in range(len(s)):
        for lo, hi in ((center, center), (center, center + 1)):
            while lo >= 0 and hi < len(s) and s[lo] == s[hi]:
                lo -= 1
                hi += 1
            if hi - lo - 1 > len(best):
                best = s[lo + 1:hi]
    return best


for s in ["forgeeksskeegfor", "banana", "racecar drivers", "abc"]:
    print(f"longest palindrome in {s!r}: {longest_palindrome(s)!r}")

s = "0123456789"
s_list = list(s)
s_list[::3] = ["X"] * len(s_list[::3])
print("extended slice assignment:", "".join(s_list))
del s_list[1::2]
print("after del [1::2]:", s_list)
