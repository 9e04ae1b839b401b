"""Toy RSA: generate a key pair from small primes, encrypt and sign messages, check with CRT."""
import math


def is_prime(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def next_prime(n):
    while not is_prime(n):
        n += 1
    return n


def make_keys(p_start, q_start, e=65537):
    p = next_prime(p_start)
    q = next_prime(q_start)
    n = p * q
    phi = math.lcm(p - 1, q - 1)
    d = pow(e, -1, phi)
    return {"p": p, "q": q, "n": n, "e": e, "d": d}


def encrypt(message, key):
    size = (key["n"].bit_length() + 7) // 8
    m = int.from_bytes(message.encode())
    if m >= key["n"]:
        raise ValueError("message too long for key")
    c = pow(m, key["e"], key["n"])
    return c.to_bytes(size)


def decrypt(cipher, key):
    c = int.from_bytes(cipher, byteorder="big")
    # Chinese remainder theorem speed-up.
    p, q, d = key["p"], key["q"], key["d"]
    mp = pow(c, d % (p - 1), p)
    mq = pow(c, d % (q - 1), q)
    q_inv = pow(q, -1, p)
    h = (q_inv * (mp - mq)) % p
    m = mq + h * q
    return m.to_bytes((m.bit_length() + 7) // 8).decode()


key = make_keys(10**40 + 3, 10**41 + 17)
print(f"n has {key['n'].bit_length()} bits, {len(str(key['n']))} digits")
print(f"e*d mod lcm = {key['e'] * key['d'] % math.lcm(key['p'] - 1, key['q'] - 1)}")
for text in ["hello", "attack at dawn", "RSA in 2024!"]:
    c = encrypt(text, key)
    back = decrypt(c, key)
    print(f"{text!r:>18} -> {c[:6].hex()}... ({len(c)} bytes) -> {back!r} ok={back == text}")

# Modular inverses for a table of small moduli.
print("inverses mod 26:", [(a, pow(a, -1, 26)) for a in range(1, 26) if math.gcd(a, 26) == 1])
for a, m in [(4, 26), (0, 7), (6, 9)]:
    try:
        pow(a, -1, m)
    except ValueError as exc:
        print(f"pow({a}, -1, {m}) failed: {exc}")
print("negative exponents:", pow(3, -2, 11), pow(2, -5, 101), pow(7, -1, -40))

# Affine cipher keys and the signed byte view of a checksum.
words = ["alpha", "bravo", "charlie"]
keys = [5, 7, 11]
for word, k in zip(words, keys, strict=True):
    inv = pow(k, -1, 26)
    enc = "".join(chr((k * (ord(ch) - 97) + 3) % 26 + 97) for ch in word)
    dec = "".join(chr((inv * (ord(ch) - 97 - 3)) % 26 + 97) for ch in enc)
    print(f"{word:<8} k={k:<3} inv={inv:<3} {enc} -> {dec}")
try:
    list(zip(words, keys[:2], strict=True))
except ValueError as exc:
    print("zip:", exc)
checksum = sum(map(ord, "".join(words))) * -37
raw = checksum.to_bytes(4, "little", signed=True)
print(checksum, raw.hex(), int.from_bytes(raw, "little", signed=True))
print("bits set:", [(n, n.bit_count()) for n in (key["e"], 2**64 - 1, 255)])
print("ratio:", (0.375).as_integer_ratio(), (7).as_integer_ratio(), (2.5).is_integer(), (4.0).is_integer())
print("combinations:", math.comb(52, 5), math.perm(10, 3), math.isqrt(key["n"]) ** 2 <= key["n"])
