"""Toy RSA: key generation, encryption and signatures with three-argument pow."""
from math import gcd


def make_keys(p, q, e=65537):
    n = p * q
    phi = (p - 1) * (q - 1)
    if gcd(e, phi) != 1:
        raise ValueError("e must be coprime with phi")
    d = pow(e, -1, phi)
    return (n, e), (n, d)


def encrypt(message, public):
    n, e = public
    return [pow(b, e, n) for b in message.encode()]


def decrypt(cipher, private):
    n, d = private
    return bytes(pow(c, d, n) for c in cipher).decode()


public, private = make_keys(1009, 1013)
print("public:", public)
print("private exponent:", private[1])
print("check e*d mod phi:", public[1] * private[1] % ((1009 - 1) * (1013 - 1)))

msg = "Attack at dawn"
cipher = encrypt(msg, public)
print("cipher:", cipher[:5], "...")
print("decrypted:", decrypt(cipher, private))

for a, m in [(3, 11), (10, 17), (7, 40), (2, 1000003)]:
    inv = pow(a, -1, m)
    print(f"inverse of {a} mod {m} = {inv} (check {a * inv % m})")

try:
    pow(6, -1, 9)
except ValueError as exc:
    print("ValueError:", exc)

print("pow(2, 100, 97) =", pow(2, 100, 97))
print("pow(5, -2, 13) =", pow(5, -2, 13))
print("pow(-3, 3, 7) =", pow(-3, 3, 7))
print("big modexp:", pow(123456789, 987654321, 10**9 + 7))
print("negative exponent float:", pow(2, -3))
