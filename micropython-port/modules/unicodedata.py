# unicodedata for mpwasm: character properties and normalization from the
# tables micropython-port/tools/gen_unicodedata.py writes (_unicodedata_db)
# out of CPython's Unicode database. Written for mpwasm.

import _unicodedata_db as _db

unidata_version = _db.unidata_version

_SBASE, _LBASE, _VBASE, _TBASE = 0xAC00, 0x1100, 0x1161, 0x11A7
_LCOUNT, _VCOUNT, _TCOUNT = 19, 21, 28
_NCOUNT = _VCOUNT * _TCOUNT
_SCOUNT = _LCOUNT * _NCOUNT
_CJK = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0x20000, 0x2A6DF), (0x2A700, 0x2B739), (0x2B740, 0x2B81D),
        (0x2B820, 0x2CEA1), (0x2CEB0, 0x2EBE0), (0x30000, 0x3134A))


def _cp(chr_, fn):
    if not isinstance(chr_, str) or len(chr_) != 1:
        raise TypeError(fn + "() argument must be a unicode character, not " + type(chr_).__name__)
    return ord(chr_)


def _start(starts, i):
    j = 3 * i
    return (starts[j] << 16) | (starts[j + 1] << 8) | starts[j + 2]


def _run(starts, index, values, cp):
    # the last run that starts at or before cp
    lo, hi = 0, len(index) - 1
    while lo < hi:
        mid = (lo + hi + 1) >> 1
        if _start(starts, mid) <= cp:
            lo = mid
        else:
            hi = mid - 1
    return values[index[lo]], lo


def category(chr):
    return _run(_db.CAT_STARTS, _db.CAT_INDEX, _db.CAT_VALUES, _cp(chr, "category"))[0]


def bidirectional(chr):
    return _run(_db.BIDI_STARTS, _db.BIDI_INDEX, _db.BIDI_VALUES, _cp(chr, "bidirectional"))[0]


def combining(chr):
    return _run(_db.CCC_STARTS, _db.CCC_INDEX, _db.CCC_VALUES, _cp(chr, "combining"))[0]


def mirrored(chr):
    return _run(_db.MIRRORED_STARTS, _db.MIRRORED_INDEX, _db.MIRRORED_VALUES, _cp(chr, "mirrored"))[0]


def east_asian_width(chr):
    return _run(_db.EAW_STARTS, _db.EAW_INDEX, _db.EAW_VALUES, _cp(chr, "east_asian_width"))[0]


_maps = {}


def _names():
    m = _maps.get("NAMES")
    if m is None:
        words = _db.NAMES_WORDS.split("\t")
        keys = _db.NAMES_KEYS
        coded = _db.NAMES_CODED
        m = {}
        parts = []
        k = 0
        i = 0
        n = len(coded)
        while i < n:
            b = coded[i]
            if b == 0xFF:
                m[_start(keys, k)] = " ".join(parts)
                parts = []
                k += 1
                i += 1
            elif b < 0x80:
                parts.append(words[b])
                i += 1
            else:
                parts.append(words[((b & 0x7F) << 8) | coded[i + 1]])
                i += 2
        _maps["NAMES"] = m
    return m


def _map(name):
    m = _maps.get(name)
    if m is None:
        keys = getattr(_db, name + "_KEYS")
        values = getattr(_db, name + "_VALUES").split("\t")
        m = {}
        for i in range(len(values)):
            m[_start(keys, i)] = values[i]
        _maps[name] = m
    return m


_missing = object()


def name(chr, default=_missing):
    cp = _cp(chr, "name")
    n = _names().get(cp)
    if n is None:
        for lo, hi in _CJK:
            if lo <= cp <= hi:
                return "CJK UNIFIED IDEOGRAPH-%X" % cp
        if _SBASE <= cp < _SBASE + _SCOUNT:
            i = cp - _SBASE
            return ("HANGUL SYLLABLE " + _db.JAMO_L[i // _NCOUNT] + _db.JAMO_V[(i % _NCOUNT) // _TCOUNT]
                    + _db.JAMO_T[i % _TCOUNT])
        if default is _missing:
            raise ValueError("no such name")
        return default
    return n


_name = name


def lookup(name):
    if not isinstance(name, str):
        raise TypeError("lookup() argument must be str, not " + type(name).__name__)
    rev = _maps.get("_lookup")
    if rev is None:
        rev = {}
        for cp, n in _names().items():
            rev[n] = cp
        _maps["_lookup"] = rev
    key = name.upper()
    cp = rev.get(key)
    if cp is None and key.startswith("CJK UNIFIED IDEOGRAPH-"):
        try:
            v = int(key[22:], 16)
        except ValueError:
            v = -1
        for lo, hi in _CJK:
            if lo <= v <= hi:
                cp = v
    if cp is None and key.startswith("HANGUL SYLLABLE "):
        for i in range(_SCOUNT):
            if _name(chr(_SBASE + i)) == key:
                cp = _SBASE + i
                break
    if cp is None:
        raise KeyError("undefined character name '" + name + "'")
    return chr(cp)


def decomposition(chr):
    return _map("DECOMPOSITION").get(_cp(chr, "decomposition"), "")


def _numeric(chr, which, default, what, fn):
    cp = _cp(chr, fn)
    v = _db.NUMERIC.get(cp)
    if v is not None:
        v = v[which]
    else:
        cat, i = _run(_db.CAT_STARTS, _db.CAT_INDEX, _db.CAT_VALUES, cp)
        if cat == "Nd":
            # decimal digits come in runs of ten from zero
            v = (cp - _start(_db.CAT_STARTS, i)) % 10
            if which == 2:
                v = float(v)
    if v is None:
        if default is _missing:
            raise ValueError(what)
        return default
    return v


def decimal(chr, default=_missing):
    return _numeric(chr, 0, default, "not a decimal", "decimal")


def digit(chr, default=_missing):
    return _numeric(chr, 1, default, "not a digit", "digit")


def numeric(chr, default=_missing):
    return _numeric(chr, 2, default, "not a numeric character", "numeric")


def _decompose(s, compat):
    nfd = _map("NFD")
    nfkd = _map("NFKD") if compat else None
    out = []
    for ch in s:
        cp = ord(ch)
        if _SBASE <= cp < _SBASE + _SCOUNT:
            i = cp - _SBASE
            out.append(chr(_LBASE + i // _NCOUNT))
            out.append(chr(_VBASE + (i % _NCOUNT) // _TCOUNT))
            if i % _TCOUNT:
                out.append(chr(_TBASE + i % _TCOUNT))
            continue
        d = None
        if compat:
            d = nfkd.get(cp)
        if d is None:
            d = nfd.get(cp)
        if d is None:
            out.append(ch)
        else:
            out.extend(d)
    # canonical ordering: marks between starters sorted by combining class
    i = 0
    n = len(out)
    while i < n:
        if combining(out[i]) == 0:
            i += 1
            continue
        j = i
        while j < n and combining(out[j]) != 0:
            j += 1
        if j - i > 1:
            seg = out[i:j]
            order = sorted(range(len(seg)), key=lambda k: (combining(seg[k]), k))
            out[i:j] = [seg[k] for k in order]
        i = j
    return out


def _pair(a, b):
    pairs = _maps.get("_compose")
    if pairs is None:
        pairs = {}
        p = _db.COMPOSE_PAIRS
        c = _db.COMPOSE_CHARS
        for i in range(len(c)):
            pairs[p[2 * i:2 * i + 2]] = c[i]
        _maps["_compose"] = pairs
    r = pairs.get(a + b)
    if r is not None:
        return r
    ca, cb = ord(a), ord(b)
    if _LBASE <= ca < _LBASE + _LCOUNT and _VBASE <= cb < _VBASE + _VCOUNT:
        return chr(_SBASE + ((ca - _LBASE) * _VCOUNT + cb - _VBASE) * _TCOUNT)
    if _SBASE <= ca < _SBASE + _SCOUNT and (ca - _SBASE) % _TCOUNT == 0 and _TBASE < cb < _TBASE + _TCOUNT:
        return chr(ca + cb - _TBASE)
    return None


def _compose(chars):
    result = []
    starter = -1
    last_cc = 0
    for ch in chars:
        cc = combining(ch)
        if starter >= 0 and (len(result) - 1 == starter or (last_cc != 0 and last_cc < cc)):
            c = _pair(result[starter], ch)
            if c is not None:
                result[starter] = c
                continue
        if cc == 0:
            starter = len(result)
        last_cc = cc
        result.append(ch)
    return result


def normalize(form, unistr):
    if not isinstance(form, str):
        raise TypeError("normalize() argument 1 must be str, not " + type(form).__name__)
    if not isinstance(unistr, str):
        raise TypeError("normalize() argument 2 must be str, not " + type(unistr).__name__)
    if form not in ("NFC", "NFD", "NFKC", "NFKD"):
        raise ValueError("invalid normalization form")
    for c in unistr:
        if ord(c) >= 0x80:
            break
    else:
        return unistr
    chars = _decompose(unistr, "K" in form)
    if form in ("NFC", "NFKC"):
        chars = _compose(chars)
    return "".join(chars)


def is_normalized(form, unistr):
    return normalize(form, unistr) == unistr
