# hashlib for mpwasm: md5, sha1, sha224, sha256, sha384, sha512 with
# CPython's interface (update, digest, hexdigest, copy, name, digest_size,
# block_size, new). sha256 runs in MicroPython's C code (uhashlib); the
# others are written here from their specifications (RFC 1321, FIPS 180-4).
# Written for mpwasm.

import uhashlib as _c
import binascii as _b

algorithms_guaranteed = {"md5", "sha1", "sha224", "sha256", "sha384", "sha512"}
algorithms_available = set(algorithms_guaranteed)

__all__ = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "new", "algorithms_guaranteed",
           "algorithms_available", "pbkdf2_hmac"]


class _Hash:
    # Data is kept until a digest is asked for, so digest() can be called
    # repeatedly and copy() is cheap (the C sha256 object finalises).
    def __init__(self, data=b""):
        self._buf = bytearray()
        if data:
            self.update(data)

    def update(self, data):
        if isinstance(data, str):
            raise TypeError("Strings must be encoded before hashing")
        self._buf += data

    def copy(self):
        h = type(self)()
        h._buf = bytearray(self._buf)
        return h

    def hexdigest(self):
        return _b.hexlify(self.digest()).decode()


class sha256(_Hash):
    name = "sha256"
    digest_size = 32
    block_size = 64

    def digest(self):
        return _c.sha256(bytes(self._buf)).digest()


def _rol(x, n):
    return ((x << n) | (x >> (32 - n))) & 0xFFFFFFFF


def _pad(data, length_bytes, big):
    n = len(data)
    bl = 128 if length_bytes == 16 else 64
    msg = bytearray(data)
    msg.append(0x80)
    while (len(msg) + length_bytes) % bl:
        msg.append(0)
    bits = (n * 8)
    msg += bits.to_bytes(length_bytes, "big" if big else "little")
    return msg


_MD5_S = (7, 12, 17, 22) * 4 + (5, 9, 14, 20) * 4 + (4, 11, 16, 23) * 4 + (6, 10, 15, 21) * 4
_MD5_K = None


def _md5_k():
    global _MD5_K
    if _MD5_K is None:
        from math import sin

        _MD5_K = [int(abs(sin(i + 1)) * 4294967296.0) & 0xFFFFFFFF for i in range(64)]
    return _MD5_K


class md5(_Hash):
    name = "md5"
    digest_size = 16
    block_size = 64

    def digest(self):
        K = _md5_k()
        S = _MD5_S
        msg = _pad(self._buf, 8, False)
        a0, b0, c0, d0 = 0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476
        for off in range(0, len(msg), 64):
            M = [int.from_bytes(msg[off + 4 * i:off + 4 * i + 4], "little") for i in range(16)]
            A, B, C, D = a0, b0, c0, d0
            for i in range(64):
                if i < 16:
                    F = (B & C) | (~B & D)
                    g = i
                elif i < 32:
                    F = (D & B) | (~D & C)
                    g = (5 * i + 1) % 16
                elif i < 48:
                    F = B ^ C ^ D
                    g = (3 * i + 5) % 16
                else:
                    F = C ^ (B | (~D & 0xFFFFFFFF))
                    g = (7 * i) % 16
                F = (F + A + K[i] + M[g]) & 0xFFFFFFFF
                A = D
                D = C
                C = B
                B = (B + _rol(F, S[i])) & 0xFFFFFFFF
            a0 = (a0 + A) & 0xFFFFFFFF
            b0 = (b0 + B) & 0xFFFFFFFF
            c0 = (c0 + C) & 0xFFFFFFFF
            d0 = (d0 + D) & 0xFFFFFFFF
        return b"".join(x.to_bytes(4, "little") for x in (a0, b0, c0, d0))


class sha1(_Hash):
    name = "sha1"
    digest_size = 20
    block_size = 64

    def digest(self):
        msg = _pad(self._buf, 8, True)
        h = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]
        for off in range(0, len(msg), 64):
            w = [int.from_bytes(msg[off + 4 * i:off + 4 * i + 4], "big") for i in range(16)]
            for i in range(16, 80):
                w.append(_rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1))
            a, b, c, d, e = h
            for i in range(80):
                if i < 20:
                    f = (b & c) | ((~b) & d)
                    k = 0x5A827999
                elif i < 40:
                    f = b ^ c ^ d
                    k = 0x6ED9EBA1
                elif i < 60:
                    f = (b & c) | (b & d) | (c & d)
                    k = 0x8F1BBCDC
                else:
                    f = b ^ c ^ d
                    k = 0xCA62C1D6
                t = (_rol(a, 5) + (f & 0xFFFFFFFF) + e + k + w[i]) & 0xFFFFFFFF
                e = d
                d = c
                c = _rol(b, 30)
                b = a
                a = t
            h = [(x + y) & 0xFFFFFFFF for x, y in zip(h, (a, b, c, d, e))]
        return b"".join(x.to_bytes(4, "big") for x in h)


_K256 = None


def _k256():
    global _K256
    if _K256 is None:
        _K256 = [_frac_root(p, 3, 32) for p in _primes(64)]
    return _K256


def _primes(n):
    out = []
    c = 2
    while len(out) < n:
        if all(c % p for p in out if p * p <= c):
            out.append(c)
        c += 1
    return out


def _frac_root(p, k, bits):
    # the first `bits` bits of the fractional part of p ** (1/k), exactly
    scale = 1 << bits
    lo = 0
    hi = p * scale
    # integer k-th root of p * scale**k
    target = p * scale ** k
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid ** k <= target:
            lo = mid
        else:
            hi = mid - 1
    return lo & (scale - 1)


# SHA-2's rotation and shift amounts: sigma0, sigma1 (message schedule),
# Sigma1, Sigma0 (rounds). SHA-256/224 on 32-bit words, SHA-512/384 on 64.
_SHA256_SHIFTS = ((7, 18, 3), (17, 19, 10), (6, 11, 25), (2, 13, 22))
_SHA512_SHIFTS = ((1, 8, 7), (19, 61, 6), (14, 18, 41), (28, 34, 39))


def _sha2(msg, h, K, word, shifts):
    # The SHA-2 compression over the padded message `msg`, from state `h`,
    # with `word`-byte words (one round per constant in K).
    bits = 8 * word
    M = (1 << bits) - 1
    block = 16 * word
    (r0a, r0b, sh0), (r1a, r1b, sh1), (e1, e2, e3), (a1, a2, a3) = shifts

    def rotr(x, n):
        return ((x >> n) | (x << (bits - n))) & M

    rounds = len(K)
    for off in range(0, len(msg), block):
        w = [int.from_bytes(msg[off + word * i:off + word * i + word], "big") for i in range(16)]
        for i in range(16, rounds):
            s0 = rotr(w[i - 15], r0a) ^ rotr(w[i - 15], r0b) ^ (w[i - 15] >> sh0)
            s1 = rotr(w[i - 2], r1a) ^ rotr(w[i - 2], r1b) ^ (w[i - 2] >> sh1)
            w.append((w[i - 16] + s0 + w[i - 7] + s1) & M)
        a, b, c, d, e, f, g, hh = h
        for i in range(rounds):
            S1 = rotr(e, e1) ^ rotr(e, e2) ^ rotr(e, e3)
            ch = (e & f) ^ ((~e) & g)
            t1 = (hh + S1 + ch + K[i] + w[i]) & M
            S0 = rotr(a, a1) ^ rotr(a, a2) ^ rotr(a, a3)
            maj = (a & b) ^ (a & c) ^ (b & c)
            t2 = (S0 + maj) & M
            hh = g
            g = f
            f = e
            e = (d + t1) & M
            d = c
            c = b
            b = a
            a = (t1 + t2) & M
        h = [(x + y) & M for x, y in zip(h, (a, b, c, d, e, f, g, hh))]
    return b"".join(x.to_bytes(word, "big") for x in h)


class sha224(_Hash):
    name = "sha224"
    digest_size = 28
    block_size = 64
    _iv = (0xC1059ED8, 0x367CD507, 0x3070DD17, 0xF70E5939, 0xFFC00B31, 0x68581511, 0x64F98FA7, 0xBEFA4FA4)

    def digest(self):
        msg = _pad(self._buf, 8, True)
        return _sha2(msg, list(self._iv), _k256(), 4, _SHA256_SHIFTS)[:self.digest_size]


_K512 = None


def _k512():
    global _K512
    if _K512 is None:
        _K512 = [_frac_root(p, 3, 64) for p in _primes(80)]
    return _K512


class sha512(_Hash):
    name = "sha512"
    digest_size = 64
    block_size = 128
    _iv = None

    def _init(self):
        return [_frac_root(p, 2, 64) for p in _primes(8)]

    def digest(self):
        msg = _pad(self._buf, 16, True)
        h = list(self._iv) if self._iv else self._init()
        return _sha2(msg, h, _k512(), 8, _SHA512_SHIFTS)[:self.digest_size]


class sha384(sha512):
    name = "sha384"
    digest_size = 48
    _iv = (0xCBBB9D5DC1059ED8, 0x629A292A367CD507, 0x9159015A3070DD17, 0x152FECD8F70E5939,
           0x67332667FFC00B31, 0x8EB44A8768581511, 0xDB0C2E0D64F98FA7, 0x47B5481DBEFA4FA4)


_BY_NAME = {"md5": md5, "sha1": sha1, "sha224": sha224, "sha256": sha256, "sha384": sha384, "sha512": sha512}


def new(name, data=b"", **kwargs):
    try:
        cls = _BY_NAME[name.lower().replace("-", "")]
    except KeyError:
        raise ValueError("unsupported hash type " + name)
    return cls(data)


def pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None):
    import hmac

    h = _BY_NAME[hash_name]
    dklen = dklen or h.digest_size
    out = bytearray()
    block = 1
    while len(out) < dklen:
        u = hmac.new(password, salt + block.to_bytes(4, "big"), h).digest()
        t = bytearray(u)
        for _ in range(iterations - 1):
            u = hmac.new(password, u, h).digest()
            for i in range(len(t)):
                t[i] ^= u[i]
        out += t
        block += 1
    return bytes(out[:dklen])


def file_digest(fileobj, digest):
    h = new(digest) if isinstance(digest, str) else digest()
    h.update(fileobj.read())
    return h
