# hmac for mpwasm: new, digest, compare_digest and the HMAC object as
# CPython 3.11's (RFC 2104). Written for mpwasm.

import hashlib as _hashlib

digest_size = None


def _hash_ctor(digestmod):
    if digestmod is None:
        raise TypeError("Missing required parameter 'digestmod'.")
    if isinstance(digestmod, str):
        return lambda d=b"": _hashlib.new(digestmod, d)
    if hasattr(digestmod, "new") and not isinstance(digestmod, type):
        return digestmod.new
    return digestmod


class HMAC:
    def __init__(self, key, msg=None, digestmod=None):
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError("key: expected bytes or bytearray, but got '" + type(key).__name__ + "'")
        ctor = _hash_ctor(digestmod)
        self._ctor = ctor
        inner = ctor()
        self.digest_size = inner.digest_size
        self.block_size = inner.block_size
        bs = self.block_size
        if len(key) > bs:
            key = ctor(bytes(key)).digest()
        key = bytes(key) + bytes(bs - len(key))
        self._inner = ctor(bytes(b ^ 0x36 for b in key))
        self._outer = ctor(bytes(b ^ 0x5C for b in key))
        self.name = "hmac-" + inner.name
        if msg is not None:
            self.update(msg)

    def update(self, msg):
        self._inner.update(msg)

    def copy(self):
        h = object.__new__(HMAC)
        h._ctor = self._ctor
        h.digest_size = self.digest_size
        h.block_size = self.block_size
        h.name = self.name
        h._inner = self._inner.copy()
        h._outer = self._outer.copy()
        return h

    def digest(self):
        o = self._outer.copy()
        o.update(self._inner.digest())
        return o.digest()

    def hexdigest(self):
        import binascii

        return binascii.hexlify(self.digest()).decode()


def new(key, msg=None, digestmod=None):
    return HMAC(key, msg, digestmod)


def digest(key, msg, digest):
    return HMAC(key, msg, digest).digest()


def compare_digest(a, b):
    if isinstance(a, str) != isinstance(b, str):
        raise TypeError("unsupported operand types(s) or combination of types: '" + type(a).__name__
                        + "' and '" + type(b).__name__ + "'")
    if len(a) != len(b):
        return False
    r = 0
    if isinstance(a, str):
        for x, y in zip(a, b):
            r |= ord(x) ^ ord(y)
    else:
        for x, y in zip(a, b):
            r |= x ^ y
    return r == 0
