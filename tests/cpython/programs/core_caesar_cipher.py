"""Encrypt and decrypt messages with Caesar and substitution ciphers via str.translate."""
import string

LOWER = string.ascii_lowercase
UPPER = string.ascii_uppercase


def caesar_table(shift):
    shift %= 26
    return str.maketrans(
        LOWER + UPPER,
        LOWER[shift:] + LOWER[:shift] + UPPER[shift:] + UPPER[:shift],
    )


def encrypt(message, shift):
    return message.translate(caesar_table(shift))


def decrypt(message, shift):
    return message.translate(caesar_table(-shift))


def crack(ciphertext, known_word):
    for shift in range(26):
        if known_word in decrypt(ciphertext, shift).lower():
            return shift
    return None


message = "Meet me at the Old Bridge at 9 PM, bring the MAP!"
for shift in (1, 3, 13, 25):
    secret = encrypt(message, shift)
    print(f"shift {shift:>2}: {secret}")
    assert decrypt(secret, shift) == message

unknown = encrypt("The treasure is buried under the palm tree", 11)
found = crack(unknown, "treasure")
print("cracked shift:", found, "->", decrypt(unknown, found))

# Remove punctuation and digits with the third maketrans argument.
strip_table = str.maketrans("", "", string.punctuation + string.digits)
print(message.translate(strip_table))

# Map characters to None or to longer strings with a dict table.
leet = str.maketrans({"a": "4", "e": "3", "o": "0", "t": "7", "s": "$$", "!": None})
print("leet:", "greetings from the coast!".translate(leet))

table = str.maketrans("abc", "xyz")
print("table is a dict of code points:", sorted(table.items()))
print("rot13 twice is identity:", encrypt(encrypt(message, 13), 13) == message)
