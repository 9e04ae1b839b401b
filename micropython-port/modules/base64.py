# base64 for mpwasm: CPython 3.11's standard, URL-safe, base32 and base16
# codecs (base64 itself through binascii's C code). Written for mpwasm.

import binascii

__all__ = ["encode", "decode", "encodebytes", "decodebytes", "b64encode", "b64decode", "b32encode", "b32decode",
           "b16encode", "b16decode", "standard_b64encode", "standard_b64decode", "urlsafe_b64encode",
           "urlsafe_b64decode", "b85encode", "b85decode", "a85encode", "a85decode"]


class Error(ValueError):
    pass




def _bytes(s, what="argument"):
    if isinstance(s, str):
        try:
            return s.encode("ascii")
        except Exception:
            raise ValueError("string argument should contain only ASCII characters")
    if isinstance(s, (bytes, bytearray, memoryview)):
        return bytes(s)
    raise TypeError("a bytes-like object is required, not '" + type(s).__name__ + "'")


def _translate(b, frm, to):
    if not frm:
        return b
    out = bytearray(b)
    for i in range(len(out)):
        c = out[i]
        k = frm.find(bytes((c,)))
        if k >= 0:
            out[i] = to[k]
    return bytes(out)


def b64encode(s, altchars=None):
    if not isinstance(s, (bytes, bytearray, memoryview)):
        raise TypeError("a bytes-like object is required, not '" + type(s).__name__ + "'")
    r = binascii.b2a_base64(bytes(s))[:-1]
    if altchars is not None:
        r = _translate(r, b"+/", bytes(altchars))
    return r


def b64decode(s, altchars=None, validate=False):
    s = _bytes(s)
    if altchars is not None:
        s = _translate(s, bytes(altchars), b"+/")
    if validate:
        for c in s:
            if not (65 <= c <= 90 or 97 <= c <= 122 or 48 <= c <= 57 or c in b"+/="):
                raise Error("Non-base64 digit found")
    else:
        s = bytes(c for c in s if 65 <= c <= 90 or 97 <= c <= 122 or 48 <= c <= 57 or c in b"+/=")
    data = s.rstrip(b"=")
    if len(data) % 4 == 1:
        raise Error("Invalid base64-encoded string: number of data characters (" + str(len(data))
                    + ") cannot be 1 more than a multiple of 4")
    if len(s) % 4:
        raise Error("Incorrect padding")
    try:
        return binascii.a2b_base64(s)
    except ValueError as e:
        raise Error(str(e))


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    return b64encode(s, b"-_")


def urlsafe_b64decode(s):
    return b64decode(_translate(_bytes(s), b"-_", b"+/"))


_b32alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def b32encode(s):
    s = bytes(s)
    out = bytearray()
    for i in range(0, len(s), 5):
        chunk = s[i:i + 5]
        n = len(chunk)
        v = int.from_bytes(chunk + bytes(5 - n), "big")
        for k in range(8):
            out.append(_b32alphabet[(v >> (35 - 5 * k)) & 31])
        pad = {1: 6, 2: 4, 3: 3, 4: 1, 5: 0}[n]
        if pad:
            out[-pad:] = b"=" * pad
    return bytes(out)


def b32decode(s, casefold=False, map01=None):
    s = _bytes(s)
    if map01 is not None:
        s = s.replace(b"0", b"O").replace(b"1", bytes(map01)[:1])
    if casefold:
        s = s.upper()
    if len(s) % 8:
        raise Error("Incorrect padding")
    out = bytearray()
    for i in range(0, len(s), 8):
        chunk = s[i:i + 8]
        stripped = chunk.rstrip(b"=")
        pad = len(chunk) - len(stripped)
        v = 0
        for c in stripped:
            k = _b32alphabet.find(bytes((c,)))
            if k < 0:
                raise Error("Non-base32 digit found")
            v = v * 32 + k
        v <<= 5 * pad
        b = v.to_bytes(5, "big")
        keep = {0: 5, 1: 4, 3: 3, 4: 2, 6: 1}.get(pad)
        if keep is None:
            raise Error("Incorrect padding")
        out += b[:keep]
    return bytes(out)


def b16encode(s):
    return binascii.hexlify(bytes(s)).upper()


def b16decode(s, casefold=False):
    s = _bytes(s)
    if casefold:
        s = s.upper()
    for c in s:
        if not (48 <= c <= 57 or 65 <= c <= 70):
            raise Error("Non-base16 digit found")
    return binascii.unhexlify(s)


_b85alphabet = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~"


def b85encode(b, pad=False):
    b = bytes(b)
    padding = (-len(b)) % 4
    b = b + bytes(padding)
    out = bytearray()
    for i in range(0, len(b), 4):
        v = int.from_bytes(b[i:i + 4], "big")
        chunk = bytearray(5)
        for k in range(4, -1, -1):
            chunk[k] = _b85alphabet[v % 85]
            v //= 85
        out += chunk
    if padding and not pad:
        out = out[:-padding]
    return bytes(out)


def b85decode(b):
    b = _bytes(b)
    padding = (-len(b)) % 5
    b = b + b"~" * padding
    out = bytearray()
    for i in range(0, len(b), 5):
        v = 0
        for c in b[i:i + 5]:
            k = _b85alphabet.find(bytes((c,)))
            if k < 0:
                raise ValueError("bad base85 character at position " + str(i))
            v = v * 85 + k
        out += v.to_bytes(4, "big")
    if padding:
        out = out[:-padding]
    return bytes(out)


def a85encode(b, **kw):
    b = bytes(b)
    padding = (-len(b)) % 4
    b = b + bytes(padding)
    out = bytearray()
    for i in range(0, len(b), 4):
        v = int.from_bytes(b[i:i + 4], "big")
        if v == 0 and i + 4 <= len(b) - padding:
            out += b"z"
            continue
        chunk = bytearray(5)
        for k in range(4, -1, -1):
            chunk[k] = 33 + v % 85
            v //= 85
        out += chunk
    if padding:
        out = out[:-padding]
    return bytes(out)


def a85decode(b, **kw):
    b = _bytes(b).replace(b"z", b"!!!!!")
    padding = (-len(b)) % 5
    b = b + b"u" * padding
    out = bytearray()
    for i in range(0, len(b), 5):
        v = 0
        for c in b[i:i + 5]:
            v = v * 85 + (c - 33)
        out += v.to_bytes(4, "big")
    if padding:
        out = out[:-padding]
    return bytes(out)


def encodebytes(s):
    s = bytes(s)
    out = bytearray()
    for i in range(0, len(s), 57):
        out += binascii.b2a_base64(s[i:i + 57])
    return bytes(out)


def decodebytes(s):
    return b64decode(s)


def encode(input, output):
    output.write(encodebytes(input.read()))


def decode(input, output):
    output.write(decodebytes(input.read()))
