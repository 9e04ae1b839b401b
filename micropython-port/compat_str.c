// The str methods of CPython 3.11 that MicroPython lacks, and Unicode-aware
// versions of the ones it has for ASCII only.
//
// `str` gets this file's locals dict (patches/0201-str-methods.patch points
// mp_type_str at it): MicroPython's own methods where they already behave as
// CPython's, the rest here. Character properties and case mappings beyond
// ASCII come from unicode_tables.h (generated from CPython's Unicode data by
// tools/gen_unicode_tables.py) and cover U+0080..U+04FF: Latin-1, Latin
// Extended-A/B, IPA, Greek and Cyrillic. Above that a character has no case
// and is printable, which is what CPython says for most of the rest but not
// for every script (documented in docs/compat.md).
//
// Widths (center, ljust, rjust, zfill, expandtabs) count characters, not
// UTF-8 bytes. Strings that are all ASCII take a byte loop.
#include <string.h>

#include "py/runtime.h"
#include "py/objstr.h"
#include "py/objlist.h"
#include "py/objtuple.h"

#include "unicode_tables.h"

// MicroPython's own str methods (py/objstr.c), reused as they are.
MP_DECLARE_CONST_FUN_OBJ_2(str_join_obj);
MP_DECLARE_CONST_FUN_OBJ_KW(str_splitlines_obj);
MP_DECLARE_CONST_FUN_OBJ_VAR_BETWEEN(str_find_obj);
MP_DECLARE_CONST_FUN_OBJ_VAR_BETWEEN(str_rfind_obj);
MP_DECLARE_CONST_FUN_OBJ_VAR_BETWEEN(str_index_obj);
MP_DECLARE_CONST_FUN_OBJ_VAR_BETWEEN(str_rindex_obj);
MP_DECLARE_CONST_FUN_OBJ_VAR_BETWEEN(str_startswith_obj);
MP_DECLARE_CONST_FUN_OBJ_VAR_BETWEEN(str_endswith_obj);
MP_DECLARE_CONST_FUN_OBJ_VAR_BETWEEN(str_strip_obj);
MP_DECLARE_CONST_FUN_OBJ_VAR_BETWEEN(str_lstrip_obj);
MP_DECLARE_CONST_FUN_OBJ_VAR_BETWEEN(str_rstrip_obj);
MP_DECLARE_CONST_FUN_OBJ_KW(str_format_obj);
MP_DECLARE_CONST_FUN_OBJ_VAR_BETWEEN(str_replace_obj);
MP_DECLARE_CONST_FUN_OBJ_VAR_BETWEEN(str_count_obj);
MP_DECLARE_CONST_FUN_OBJ_2(str_partition_obj);
MP_DECLARE_CONST_FUN_OBJ_2(str_rpartition_obj);
MP_DECLARE_CONST_FUN_OBJ_VAR_BETWEEN(str_encode_obj);
mp_obj_t mp_obj_str_split(size_t n_args, const mp_obj_t *args);
MP_DECLARE_CONST_FUN_OBJ_VAR_BETWEEN(str_rsplit_obj);
mp_obj_t mp_obj_str_format(size_t n_args, const mp_obj_t *args, mp_map_t *kwargs);

// --- character properties -------------------------------------------------

static uint16_t uni_flags(unichar c) {
    if (c < 0x80) {
        uint16_t f = 0;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            f |= MPW_UNI_ALPHA | MPW_UNI_CASED | MPW_UNI_IDSTART | MPW_UNI_IDCONT;
            f |= (c <= 'Z') ? (MPW_UNI_UPPER | MPW_UNI_TITLE) : MPW_UNI_LOWER;
        } else if (c >= '0' && c <= '9') {
            f |= MPW_UNI_DECIMAL | MPW_UNI_DIGIT | MPW_UNI_NUMERIC | MPW_UNI_IDCONT;
        } else if (c == '_') {
            f |= MPW_UNI_IDSTART | MPW_UNI_IDCONT;
        } else if (c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f)) {
            f |= MPW_UNI_SPACE;
        }
        if (c >= 0x20 && c < 0x7f) {
            f |= MPW_UNI_PRINTABLE;
        }
        return f;
    }
    if (c <= MPW_UNI_LAST) {
        return mpw_uni_flags[c - MPW_UNI_FIRST];
    }
    // Above the tables: the spaces, format and control characters, private
    // use and surrogates that CPython does not print in repr().
    if ((c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f) || (c >= 0x205f && c <= 0x206f)
        || c == 0x1680 || c == 0x180e || c == 0x3000 || c == 0xfeff || (c >= 0xfff9 && c <= 0xfffb)
        || (c >= 0xd800 && c <= 0xf8ff) || (c >= 0xe0000 && c <= 0xe0fff) || c >= 0xf0000) {
        return (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f
               || c == 0x1680 || c == 0x3000 ? MPW_UNI_SPACE : 0;
    }
    return MPW_UNI_PRINTABLE;
}

bool mpw_unichar_isprintable(uint32_t c) {
    return uni_flags(c) & MPW_UNI_PRINTABLE;
}

enum { MAP_UPPER, MAP_LOWER, MAP_TITLE, MAP_FOLD };

// Simple (one code point) case mapping: str's methods, where no special
// (multi-character) mapping applies, and re's IGNORECASE (modre_port.c).
static unichar simple_map(unichar c, int which) {
    if (c < 0x80) {
        if (which == MAP_UPPER || which == MAP_TITLE) {
            return (c >= 'a' && c <= 'z') ? c - 32 : c;
        }
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    }
    if (c > MPW_UNI_LAST) {
        return c;
    }
    size_t lo = 0, hi = MP_ARRAY_SIZE(mpw_uni_case);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (mpw_uni_case[mid][0] < c) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo < MP_ARRAY_SIZE(mpw_uni_case) && mpw_uni_case[lo][0] == c && mpw_uni_case[lo][1 + which] != 0) {
        return mpw_uni_case[lo][1 + which];
    }
    return c;
}

unichar mpw_re_lower(unichar c) {
    return simple_map(c, MAP_LOWER);
}

unichar mpw_re_upper(unichar c) {
    return simple_map(c, MAP_UPPER);
}

uint16_t mpw_re_uniflags(unichar c) {
    return uni_flags(c);
}

// Append the `which` mapping of `c` to `out`.
static void add_mapped(vstr_t *out, unichar c, int which) {
    if (c < 0x80) {
        vstr_add_byte(out, (byte)simple_map(c, which));
        return;
    }
    if (c <= MPW_UNI_LAST) {
        for (size_t i = 0; i < MP_ARRAY_SIZE(mpw_uni_special); i++) {
            if (mpw_uni_special[i].cp == c && mpw_uni_special[i].which == which) {
                vstr_add_str(out, mpw_uni_special[i].text);
                return;
            }
        }
    }
    vstr_add_char(out, simple_map(c, which));
}

static bool all_ascii(const byte *s, size_t len) {
    for (size_t i = 0; i < len; i++) {
        if (s[i] >= 0x80) {
            return false;
        }
    }
    return true;
}

// Characters that CPython's final-sigma rule skips over (a subset of
// Unicode's Case_Ignorable: apostrophes, dots, modifier and combining marks).
static bool case_ignorable(unichar c) {
    return c == '\'' || c == '.' || c == ':' || c == '^' || c == '`' || c == 0xad || c == 0xb7
           || c == 0x2019 || (c >= 0x2b0 && c <= 0x36f);
}

// Whether the capital sigma at `p` (in s..top) ends a word: lower() then
// gives the final form, as CPython's handle_capital_sigma does.
static bool sigma_is_final(const byte *s, const byte *p, const byte *top) {
    bool cased_before = false;
    const byte *q = p;
    while (q > s) {
        do {
            q--;
        } while (q > s && UTF8_IS_CONT(*q));
        unichar c = utf8_get_char(q);
        if (!case_ignorable(c)) {
            cased_before = uni_flags(c) & MPW_UNI_CASED;
            break;
        }
    }
    if (!cased_before) {
        return false;
    }
    q = utf8_next_char(p);
    while (q < top) {
        unichar c = utf8_get_char(q);
        if (!case_ignorable(c)) {
            return !(uni_flags(c) & MPW_UNI_CASED);
        }
        q = utf8_next_char(q);
    }
    return true;
}

static void add_lower_at(vstr_t *out, const byte *s, const byte *p, const byte *top, unichar c) {
    if (c == 0x3a3 && sigma_is_final(s, p, top)) {
        vstr_add_char(out, 0x3c2);
    } else {
        add_mapped(out, c, MAP_LOWER);
    }
}

// --- case conversion ------------------------------------------------------

enum { CONV_UPPER, CONV_LOWER, CONV_FOLD, CONV_SWAP, CONV_TITLE, CONV_CAPITALIZE };

static mp_obj_t convert(mp_obj_t self_in, int how) {
    GET_STR_DATA_LEN(self_in, s, len);
    vstr_t out;
    vstr_init(&out, len + 1);
    const byte *top = s + len;
    if (all_ascii(s, len) && (how == CONV_UPPER || how == CONV_LOWER || how == CONV_FOLD)) {
        byte *d = (byte *)vstr_add_len(&out, len);
        for (size_t i = 0; i < len; i++) {
            byte b = s[i];
            if (how == CONV_UPPER) {
                d[i] = (b >= 'a' && b <= 'z') ? b - 32 : b;
            } else {
                d[i] = (b >= 'A' && b <= 'Z') ? b + 32 : b;
            }
        }
        return mp_obj_new_str_from_utf8_vstr(&out);
    }
    bool previous_cased = false;
    bool first = true;
    for (const byte *p = s; p < top; p = utf8_next_char(p)) {
        unichar c = utf8_get_char(p);
        uint16_t f = uni_flags(c);
        switch (how) {
            case CONV_UPPER:
                add_mapped(&out, c, MAP_UPPER);
                break;
            case CONV_LOWER:
                add_lower_at(&out, s, p, top, c);
                break;
            case CONV_FOLD:
                add_mapped(&out, c, MAP_FOLD);
                break;
            case CONV_SWAP:
                if (f & MPW_UNI_UPPER) {
                    add_lower_at(&out, s, p, top, c);
                } else if (f & MPW_UNI_LOWER) {
                    add_mapped(&out, c, MAP_UPPER);
                } else {
                    vstr_add_char(&out, c);
                }
                break;
            case CONV_TITLE:
                if (previous_cased) {
                    add_lower_at(&out, s, p, top, c);
                } else {
                    add_mapped(&out, c, MAP_TITLE);
                }
                previous_cased = f & MPW_UNI_CASED;
                break;
            default: // CONV_CAPITALIZE
                if (first) {
                    add_mapped(&out, c, MAP_TITLE);
                } else {
                    add_lower_at(&out, s, p, top, c);
                }
                break;
        }
        first = false;
    }
    return mp_obj_new_str_from_utf8_vstr(&out);
}

static mp_obj_t str_upper(mp_obj_t self) {
    return convert(self, CONV_UPPER);
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpw_str_upper_obj, str_upper);
static mp_obj_t str_lower(mp_obj_t self) {
    return convert(self, CONV_LOWER);
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpw_str_lower_obj, str_lower);
static mp_obj_t str_casefold(mp_obj_t self) {
    return convert(self, CONV_FOLD);
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpw_str_casefold_obj, str_casefold);
static mp_obj_t str_swapcase(mp_obj_t self) {
    return convert(self, CONV_SWAP);
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpw_str_swapcase_obj, str_swapcase);
static mp_obj_t str_title(mp_obj_t self) {
    return convert(self, CONV_TITLE);
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpw_str_title_obj, str_title);
static mp_obj_t str_capitalize(mp_obj_t self) {
    return convert(self, CONV_CAPITALIZE);
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpw_str_capitalize_obj, str_capitalize);

// --- predicates -----------------------------------------------------------

// True when the string is not empty and every character has one of `any`.
static mp_obj_t every_char(mp_obj_t self_in, uint16_t any) {
    GET_STR_DATA_LEN(self_in, s, len);
    if (len == 0) {
        return mp_const_false;
    }
    const byte *top = s + len;
    for (const byte *p = s; p < top; p = utf8_next_char(p)) {
        if (!(uni_flags(utf8_get_char(p)) & any)) {
            return mp_const_false;
        }
    }
    return mp_const_true;
}

static mp_obj_t str_isalpha(mp_obj_t self) {
    return every_char(self, MPW_UNI_ALPHA);
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpw_str_isalpha_obj, str_isalpha);
static mp_obj_t str_isalnum(mp_obj_t self) {
    return every_char(self, MPW_UNI_ALPHA | MPW_UNI_NUMERIC | MPW_UNI_DIGIT | MPW_UNI_DECIMAL);
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpw_str_isalnum_obj, str_isalnum);
static mp_obj_t str_isdecimal(mp_obj_t self) {
    return every_char(self, MPW_UNI_DECIMAL);
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpw_str_isdecimal_obj, str_isdecimal);
static mp_obj_t str_isdigit(mp_obj_t self) {
    return every_char(self, MPW_UNI_DIGIT);
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpw_str_isdigit_obj, str_isdigit);
static mp_obj_t str_isnumeric(mp_obj_t self) {
    return every_char(self, MPW_UNI_NUMERIC);
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpw_str_isnumeric_obj, str_isnumeric);
static mp_obj_t str_isspace(mp_obj_t self) {
    return every_char(self, MPW_UNI_SPACE);
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpw_str_isspace_obj, str_isspace);

static mp_obj_t str_isprintable(mp_obj_t self_in) {
    size_t len;
    mp_obj_str_get_data(self_in, &len);
    return len == 0 ? mp_const_true : every_char(self_in, MPW_UNI_PRINTABLE);
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpw_str_isprintable_obj, str_isprintable);

static mp_obj_t str_isascii(mp_obj_t self_in) {
    GET_STR_DATA_LEN(self_in, s, len);
    return mp_obj_new_bool(all_ascii(s, len));
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpw_str_isascii_obj, str_isascii);

static mp_obj_t str_isidentifier(mp_obj_t self_in) {
    GET_STR_DATA_LEN(self_in, s, len);
    if (len == 0) {
        return mp_const_false;
    }
    const byte *top = s + len;
    for (const byte *p = s; p < top; p = utf8_next_char(p)) {
        uint16_t need = p == s ? MPW_UNI_IDSTART : MPW_UNI_IDCONT;
        if (!(uni_flags(utf8_get_char(p)) & need)) {
            return mp_const_false;
        }
    }
    return mp_const_true;
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpw_str_isidentifier_obj, str_isidentifier);

// isupper/islower: at least one cased character and none of the other case
// (title-case letters count as not lower and not upper, as in CPython).
static mp_obj_t has_case(mp_obj_t self_in, bool upper) {
    GET_STR_DATA_LEN(self_in, s, len);
    const byte *top = s + len;
    bool cased = false;
    for (const byte *p = s; p < top; p = utf8_next_char(p)) {
        uint16_t f = uni_flags(utf8_get_char(p));
        uint16_t want = upper ? MPW_UNI_UPPER : MPW_UNI_LOWER;
        uint16_t other = upper ? MPW_UNI_LOWER : MPW_UNI_UPPER;
        bool title_only = (f & MPW_UNI_TITLE) && !(f & MPW_UNI_UPPER);
        if ((f & other) || title_only) {
            return mp_const_false;
        }
        if (f & want) {
            cased = true;
        }
    }
    return mp_obj_new_bool(cased);
}
static mp_obj_t str_isupper(mp_obj_t self) {
    return has_case(self, true);
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpw_str_isupper_obj, str_isupper);
static mp_obj_t str_islower(mp_obj_t self) {
    return has_case(self, false);
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpw_str_islower_obj, str_islower);

static mp_obj_t str_istitle(mp_obj_t self_in) {
    GET_STR_DATA_LEN(self_in, s, len);
    const byte *top = s + len;
    bool cased = false, previous_cased = false;
    for (const byte *p = s; p < top; p = utf8_next_char(p)) {
        uint16_t f = uni_flags(utf8_get_char(p));
        if (f & (MPW_UNI_UPPER | MPW_UNI_TITLE)) {
            if (previous_cased) {
                return mp_const_false;
            }
            previous_cased = cased = true;
        } else if (f & MPW_UNI_LOWER) {
            if (!previous_cased) {
                return mp_const_false;
            }
            previous_cased = cased = true;
        } else {
            previous_cased = false;
        }
    }
    return mp_obj_new_bool(cased);
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpw_str_istitle_obj, str_istitle);

// --- padding --------------------------------------------------------------

static size_t char_len(mp_obj_t str) {
    GET_STR_DATA_LEN(str, s, len);
    return utf8_charlen(s, len);
}

static void add_repeated(vstr_t *out, const byte *fill, size_t fill_len, size_t n) {
    for (size_t i = 0; i < n; i++) {
        vstr_add_strn(out, (const char *)fill, fill_len);
    }
}

// center/ljust/rjust: `where` 0 centre, 1 left (pad right), 2 right.
static mp_obj_t pad(size_t n_args, const mp_obj_t *args, int where) {
    mp_check_self(mp_obj_is_str(args[0]));
    mp_int_t width = mp_obj_get_int(args[1]);
    const byte *fill = (const byte *)" ";
    size_t fill_len = 1;
    if (n_args > 2) {
        if (!mp_obj_is_str(args[2]) || char_len(args[2]) != 1) {
            mp_raise_TypeError(MP_ERROR_TEXT("The fill character must be exactly one character long"));
        }
        fill = (const byte *)mp_obj_str_get_data(args[2], &fill_len);
    }
    size_t n = char_len(args[0]);
    if (width <= (mp_int_t)n) {
        return args[0];
    }
    size_t total = width - n, left;
    if (where == 1) {
        left = 0;
    } else if (where == 2) {
        left = total;
    } else {
        // CPython's rule: the odd pad character goes left when width is odd.
        left = total / 2 + (total & width & 1);
    }
    GET_STR_DATA_LEN(args[0], s, len);
    vstr_t out;
    vstr_init(&out, len + total * fill_len);
    add_repeated(&out, fill, fill_len, left);
    vstr_add_strn(&out, (const char *)s, len);
    add_repeated(&out, fill, fill_len, total - left);
    return mp_obj_new_str_from_utf8_vstr(&out);
}
static mp_obj_t str_center(size_t n_args, const mp_obj_t *args) {
    return pad(n_args, args, 0);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpw_str_center_obj, 2, 3, str_center);
static mp_obj_t str_ljust(size_t n_args, const mp_obj_t *args) {
    return pad(n_args, args, 1);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpw_str_ljust_obj, 2, 3, str_ljust);
static mp_obj_t str_rjust(size_t n_args, const mp_obj_t *args) {
    return pad(n_args, args, 2);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpw_str_rjust_obj, 2, 3, str_rjust);

static mp_obj_t str_zfill(mp_obj_t self_in, mp_obj_t width_in) {
    mp_int_t width = mp_obj_get_int(width_in);
    size_t n = char_len(self_in);
    if (width <= (mp_int_t)n) {
        return self_in;
    }
    GET_STR_DATA_LEN(self_in, s, len);
    vstr_t out;
    vstr_init(&out, len + width - n);
    size_t sign = (len > 0 && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
    vstr_add_strn(&out, (const char *)s, sign);
    for (size_t i = 0; i < width - n; i++) {
        vstr_add_byte(&out, '0');
    }
    vstr_add_strn(&out, (const char *)s + sign, len - sign);
    return mp_obj_new_str_from_utf8_vstr(&out);
}
static MP_DEFINE_CONST_FUN_OBJ_2(mpw_str_zfill_obj, str_zfill);

static mp_obj_t str_expandtabs(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    static const mp_arg_t allowed[] = {
        { MP_QSTR_tabsize, MP_ARG_INT, {.u_int = 8} },
    };
    mp_arg_val_t a[MP_ARRAY_SIZE(allowed)];
    mp_arg_parse_all(n_args - 1, pos_args + 1, kw_args, MP_ARRAY_SIZE(allowed), allowed, a);
    mp_int_t tabsize = a[0].u_int;
    GET_STR_DATA_LEN(pos_args[0], s, len);
    const byte *top = s + len;
    vstr_t out;
    vstr_init(&out, len + 1);
    mp_int_t column = 0;
    for (const byte *p = s; p < top; p = utf8_next_char(p)) {
        unichar c = utf8_get_char(p);
        if (c == '\t') {
            if (tabsize > 0) {
                mp_int_t spaces = tabsize - column % tabsize;
                for (mp_int_t i = 0; i < spaces; i++) {
                    vstr_add_byte(&out, ' ');
                }
                column += spaces;
            }
        } else {
            vstr_add_strn(&out, (const char *)p, utf8_next_char(p) - p);
            column = (c == '\n' || c == '\r') ? 0 : column + 1;
        }
    }
    return mp_obj_new_str_from_utf8_vstr(&out);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpw_str_expandtabs_obj, 1, str_expandtabs);

// --- prefixes, splitting --------------------------------------------------

static mp_obj_t remove_affix(mp_obj_t self_in, mp_obj_t affix_in, bool prefix) {
    GET_STR_DATA_LEN(self_in, s, len);
    if (!mp_obj_is_str(affix_in)) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s() argument must be str, not %s"),
            prefix ? "removeprefix" : "removesuffix", mp_obj_get_type_str(affix_in));
    }
    GET_STR_DATA_LEN(affix_in, a, alen);
    if (alen == 0 || alen > len) {
        return self_in;
    }
    if (prefix && memcmp(s, a, alen) == 0) {
        return mp_obj_new_str_of_type(&mp_type_str, s + alen, len - alen);
    }
    if (!prefix && memcmp(s + len - alen, a, alen) == 0) {
        return mp_obj_new_str_of_type(&mp_type_str, s, len - alen);
    }
    return self_in;
}
static mp_obj_t str_removeprefix(mp_obj_t self, mp_obj_t affix) {
    return remove_affix(self, affix, true);
}
static MP_DEFINE_CONST_FUN_OBJ_2(mpw_str_removeprefix_obj, str_removeprefix);
static mp_obj_t str_removesuffix(mp_obj_t self, mp_obj_t affix) {
    return remove_affix(self, affix, false);
}
static MP_DEFINE_CONST_FUN_OBJ_2(mpw_str_removesuffix_obj, str_removesuffix);

// split/rsplit with CPython's keywords (`sep=`, `maxsplit=`), on top of
// MicroPython's positional implementations.
static mp_obj_t split_kw(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args, bool right) {
    if (kw_args->used == 0 && n_args <= 3) {
        // Positional only: MicroPython's own, without the argument parser.
        if (right) {
            return mp_call_function_n_kw(MP_OBJ_FROM_PTR(&str_rsplit_obj), n_args, 0, pos_args);
        }
        return mp_obj_str_split(n_args, pos_args);
    }
    static const mp_arg_t allowed[] = {
        { MP_QSTR_sep, MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
        { MP_QSTR_maxsplit, MP_ARG_OBJ, {.u_rom_obj = MP_ROM_INT(-1)} },
    };
    mp_arg_val_t a[MP_ARRAY_SIZE(allowed)];
    mp_arg_parse_all(n_args - 1, pos_args + 1, kw_args, MP_ARRAY_SIZE(allowed), allowed, a);
    mp_obj_t args[3] = { pos_args[0], a[0].u_obj, MP_OBJ_NEW_SMALL_INT(mp_obj_get_int(a[1].u_obj)) };
    if (right) {
        return mp_call_function_n_kw(MP_OBJ_FROM_PTR(&str_rsplit_obj), 3, 0, args);
    }
    return mp_obj_str_split(3, args);
}
static mp_obj_t str_split(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    return split_kw(n_args, pos_args, kw_args, false);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpw_str_split_obj, 1, str_split);
static mp_obj_t str_rsplit(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    return split_kw(n_args, pos_args, kw_args, true);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpw_str_rsplit_obj, 1, str_rsplit);

// --- translate, maketrans, format_map -------------------------------------

static mp_obj_t str_translate(mp_obj_t self_in, mp_obj_t table) {
    GET_STR_DATA_LEN(self_in, s, len);
    const byte *top = s + len;
    vstr_t out;
    vstr_init(&out, len + 1);
    for (const byte *p = s; p < top; p = utf8_next_char(p)) {
        unichar c = utf8_get_char(p);
        mp_obj_t to = MP_OBJ_NULL;
        if (mp_obj_is_type(table, &mp_type_dict)) {
            mp_map_elem_t *e = mp_map_lookup(mp_obj_dict_get_map(table), MP_OBJ_NEW_SMALL_INT(c), MP_MAP_LOOKUP);
            to = e ? e->value : MP_OBJ_NULL;
        } else {
            // Any object with __getitem__; LookupError means "unchanged".
            nlr_buf_t nlr;
            if (nlr_push(&nlr) == 0) {
                to = mp_obj_subscr(table, MP_OBJ_NEW_SMALL_INT(c), MP_OBJ_SENTINEL);
                nlr_pop();
            } else if (mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(((mp_obj_base_t *)nlr.ret_val)->type),
                MP_OBJ_FROM_PTR(&mp_type_LookupError))) {
                to = MP_OBJ_NULL;
            } else {
                nlr_jump(nlr.ret_val);
            }
        }
        if (to == MP_OBJ_NULL) {
            vstr_add_strn(&out, (const char *)p, utf8_next_char(p) - p);
        } else if (to == mp_const_none) {
            // deleted
        } else if (mp_obj_is_int(to)) {
            mp_int_t v = mp_obj_get_int(to);
            if (v < 0 || v > 0x10ffff) {
                mp_raise_ValueError(MP_ERROR_TEXT("character mapping must be in range(0x110000)"));
            }
            vstr_add_char(&out, (unichar)v);
        } else if (mp_obj_is_str(to)) {
            GET_STR_DATA_LEN(to, t, tlen);
            vstr_add_strn(&out, (const char *)t, tlen);
        } else {
            mp_raise_TypeError(MP_ERROR_TEXT("character mapping must return integer, None or str"));
        }
    }
    return mp_obj_new_str_from_utf8_vstr(&out);
}
static MP_DEFINE_CONST_FUN_OBJ_2(mpw_str_translate_obj, str_translate);

static mp_obj_t str_maketrans(size_t n_args, const mp_obj_t *args) {
    mp_obj_t d = mp_obj_new_dict(0);
    if (n_args == 1) {
        if (!mp_obj_is_type(args[0], &mp_type_dict)) {
            mp_raise_TypeError(MP_ERROR_TEXT("if you give only one argument to maketrans it must be a dict"));
        }
        mp_map_t *m = mp_obj_dict_get_map(args[0]);
        for (size_t i = 0; i < m->alloc; i++) {
            if (!mp_map_slot_is_filled(m, i)) {
                continue;
            }
            mp_obj_t k = m->table[i].key;
            if (mp_obj_is_str(k)) {
                if (char_len(k) != 1) {
                    mp_raise_ValueError(MP_ERROR_TEXT("string keys in translate table must be of length 1"));
                }
                GET_STR_DATA_LEN(k, ks, klen);
                (void)klen;
                k = MP_OBJ_NEW_SMALL_INT(utf8_get_char(ks));
            } else if (!mp_obj_is_int(k)) {
                mp_raise_TypeError(MP_ERROR_TEXT("keys in translate table must be strings or integers"));
            }
            mp_obj_dict_store(d, k, m->table[i].value);
        }
        return d;
    }
    if (!mp_obj_is_str(args[0]) || !mp_obj_is_str(args[1])) {
        mp_raise_TypeError(MP_ERROR_TEXT("maketrans() arguments must be str"));
    }
    if (char_len(args[0]) != char_len(args[1])) {
        mp_raise_ValueError(MP_ERROR_TEXT("the first two maketrans arguments must have equal length"));
    }
    GET_STR_DATA_LEN(args[0], x, xlen);
    GET_STR_DATA_LEN(args[1], y, ylen);
    const byte *xp = x, *yp = y;
    for (; xp < x + xlen && yp < y + ylen; xp = utf8_next_char(xp), yp = utf8_next_char(yp)) {
        mp_obj_dict_store(d, MP_OBJ_NEW_SMALL_INT(utf8_get_char(xp)), MP_OBJ_NEW_SMALL_INT(utf8_get_char(yp)));
    }
    if (n_args > 2) {
        GET_STR_DATA_LEN(args[2], z, zlen);
        for (const byte *zp = z; zp < z + zlen; zp = utf8_next_char(zp)) {
            mp_obj_dict_store(d, MP_OBJ_NEW_SMALL_INT(utf8_get_char(zp)), mp_const_none);
        }
    }
    return d;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpw_str_maketrans_fun_obj, 1, 3, str_maketrans);
static MP_DEFINE_CONST_STATICMETHOD_OBJ(mpw_str_maketrans_obj, MP_ROM_PTR(&mpw_str_maketrans_fun_obj));

static mp_obj_t str_format_map(mp_obj_t self_in, mp_obj_t mapping) {
    if (!mp_obj_is_dict_or_ordereddict(mapping)) {
        // A mapping that is not a dict: its items, through dict().
        mapping = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_dict), mapping);
    }
    return mp_obj_str_format(1, &self_in, mp_obj_dict_get_map(mapping));
}
static MP_DEFINE_CONST_FUN_OBJ_2(mpw_str_format_map_obj, str_format_map);

// --- slicing with a step (called from py/objstrunicode.c) ------------------

mp_obj_t mpw_str_slice_step(mp_obj_t self_in, mp_obj_t slice) {
    GET_STR_DATA_LEN(self_in, s, len);
    size_t n = utf8_charlen(s, len);
    mp_bound_slice_t b;
    mp_obj_slice_indices(slice, n, &b);
    vstr_t out;
    vstr_init(&out, 16);
    bool ascii = n == len;
    // Byte offset of every character (only needed when not ASCII).
    size_t *offsets = NULL;
    if (!ascii) {
        offsets = m_new(size_t, n + 1);
        size_t i = 0;
        for (const byte *p = s; p < s + len; p = utf8_next_char(p)) {
            offsets[i++] = p - s;
        }
        offsets[n] = len;
    }
    for (mp_int_t i = b.start; b.step > 0 ? i < b.stop : i > b.stop; i += b.step) {
        if (ascii) {
            vstr_add_byte(&out, s[i]);
        } else {
            vstr_add_strn(&out, (const char *)s + offsets[i], offsets[i + 1] - offsets[i]);
        }
    }
    if (offsets != NULL) {
        m_del(size_t, offsets, n + 1);
    }
    return mp_obj_new_str_from_utf8_vstr(&out);
}

// --- the locals dict ------------------------------------------------------

// Ordered by how often code calls them: ROM maps are searched linearly.
static const mp_rom_map_elem_t mpw_str_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_join), MP_ROM_PTR(&str_join_obj) },
    { MP_ROM_QSTR(MP_QSTR_split), MP_ROM_PTR(&mpw_str_split_obj) },
    { MP_ROM_QSTR(MP_QSTR_format), MP_ROM_PTR(&str_format_obj) },
    { MP_ROM_QSTR(MP_QSTR_strip), MP_ROM_PTR(&str_strip_obj) },
    { MP_ROM_QSTR(MP_QSTR_replace), MP_ROM_PTR(&str_replace_obj) },
    { MP_ROM_QSTR(MP_QSTR_startswith), MP_ROM_PTR(&str_startswith_obj) },
    { MP_ROM_QSTR(MP_QSTR_endswith), MP_ROM_PTR(&str_endswith_obj) },
    { MP_ROM_QSTR(MP_QSTR_find), MP_ROM_PTR(&str_find_obj) },
    { MP_ROM_QSTR(MP_QSTR_lower), MP_ROM_PTR(&mpw_str_lower_obj) },
    { MP_ROM_QSTR(MP_QSTR_upper), MP_ROM_PTR(&mpw_str_upper_obj) },
    { MP_ROM_QSTR(MP_QSTR_rstrip), MP_ROM_PTR(&str_rstrip_obj) },
    { MP_ROM_QSTR(MP_QSTR_lstrip), MP_ROM_PTR(&str_lstrip_obj) },
    { MP_ROM_QSTR(MP_QSTR_count), MP_ROM_PTR(&str_count_obj) },
    { MP_ROM_QSTR(MP_QSTR_index), MP_ROM_PTR(&str_index_obj) },
    { MP_ROM_QSTR(MP_QSTR_isdigit), MP_ROM_PTR(&mpw_str_isdigit_obj) },
    { MP_ROM_QSTR(MP_QSTR_isalpha), MP_ROM_PTR(&mpw_str_isalpha_obj) },
    { MP_ROM_QSTR(MP_QSTR_isspace), MP_ROM_PTR(&mpw_str_isspace_obj) },
    { MP_ROM_QSTR(MP_QSTR_partition), MP_ROM_PTR(&str_partition_obj) },
    { MP_ROM_QSTR(MP_QSTR_rsplit), MP_ROM_PTR(&mpw_str_rsplit_obj) },
    { MP_ROM_QSTR(MP_QSTR_splitlines), MP_ROM_PTR(&str_splitlines_obj) },
    { MP_ROM_QSTR(MP_QSTR_encode), MP_ROM_PTR(&str_encode_obj) },
    { MP_ROM_QSTR(MP_QSTR_rfind), MP_ROM_PTR(&str_rfind_obj) },
    { MP_ROM_QSTR(MP_QSTR_rindex), MP_ROM_PTR(&str_rindex_obj) },
    { MP_ROM_QSTR(MP_QSTR_rpartition), MP_ROM_PTR(&str_rpartition_obj) },
    { MP_ROM_QSTR(MP_QSTR_center), MP_ROM_PTR(&mpw_str_center_obj) },
    { MP_ROM_QSTR(MP_QSTR_ljust), MP_ROM_PTR(&mpw_str_ljust_obj) },
    { MP_ROM_QSTR(MP_QSTR_rjust), MP_ROM_PTR(&mpw_str_rjust_obj) },
    { MP_ROM_QSTR(MP_QSTR_zfill), MP_ROM_PTR(&mpw_str_zfill_obj) },
    { MP_ROM_QSTR(MP_QSTR_title), MP_ROM_PTR(&mpw_str_title_obj) },
    { MP_ROM_QSTR(MP_QSTR_capitalize), MP_ROM_PTR(&mpw_str_capitalize_obj) },
    { MP_ROM_QSTR(MP_QSTR_casefold), MP_ROM_PTR(&mpw_str_casefold_obj) },
    { MP_ROM_QSTR(MP_QSTR_expandtabs), MP_ROM_PTR(&mpw_str_expandtabs_obj) },
    { MP_ROM_QSTR(MP_QSTR_format_map), MP_ROM_PTR(&mpw_str_format_map_obj) },
    { MP_ROM_QSTR(MP_QSTR_isalnum), MP_ROM_PTR(&mpw_str_isalnum_obj) },
    { MP_ROM_QSTR(MP_QSTR_isascii), MP_ROM_PTR(&mpw_str_isascii_obj) },
    { MP_ROM_QSTR(MP_QSTR_isdecimal), MP_ROM_PTR(&mpw_str_isdecimal_obj) },
    { MP_ROM_QSTR(MP_QSTR_isidentifier), MP_ROM_PTR(&mpw_str_isidentifier_obj) },
    { MP_ROM_QSTR(MP_QSTR_islower), MP_ROM_PTR(&mpw_str_islower_obj) },
    { MP_ROM_QSTR(MP_QSTR_isnumeric), MP_ROM_PTR(&mpw_str_isnumeric_obj) },
    { MP_ROM_QSTR(MP_QSTR_isprintable), MP_ROM_PTR(&mpw_str_isprintable_obj) },
    { MP_ROM_QSTR(MP_QSTR_istitle), MP_ROM_PTR(&mpw_str_istitle_obj) },
    { MP_ROM_QSTR(MP_QSTR_isupper), MP_ROM_PTR(&mpw_str_isupper_obj) },
    { MP_ROM_QSTR(MP_QSTR_maketrans), MP_ROM_PTR(&mpw_str_maketrans_obj) },
    { MP_ROM_QSTR(MP_QSTR_removeprefix), MP_ROM_PTR(&mpw_str_removeprefix_obj) },
    { MP_ROM_QSTR(MP_QSTR_removesuffix), MP_ROM_PTR(&mpw_str_removesuffix_obj) },
    { MP_ROM_QSTR(MP_QSTR_swapcase), MP_ROM_PTR(&mpw_str_swapcase_obj) },
    { MP_ROM_QSTR(MP_QSTR_translate), MP_ROM_PTR(&mpw_str_translate_obj) },
};
MP_DEFINE_CONST_DICT(mpw_str_locals_dict, mpw_str_locals_table);
