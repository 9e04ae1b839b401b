// CPython's format-spec mini-language for int, float and str, `format()`,
// `__format__` dispatch and the `{0.attr}` / `{a[1]}` field names.
//
// MicroPython's str.format parses `[[fill]align][sign][#][0][width][,]
// [.precision][type]` but drops `,` for floats, rejects `_`, a non-ASCII
// fill and user `__format__`, and rounds floats itself (not always as
// CPython). patches/0220-format.patch hands each replacement field, after
// its conversion and nested fields, to mpw_format_obj here; f-strings compile
// to str.format, so they get the same. Floats are printed by the C library
// (musl's printf is correctly rounded, as CPython's), widths count
// characters.
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py/runtime.h"
#include "py/objstr.h"
#include "py/objtype.h"
#include "py/unicode.h"
#include "py/parsenum.h"
#include "py/objint.h"
#include "py/formatfloat.h"

typedef struct {
    const char *fill; // UTF-8 bytes of the fill character
    size_t fill_len;
    char align; // '<', '>', '^', '=' or 0
    char sign; // '+', '-', ' ' or 0
    bool no_neg_zero; // 'z'
    bool alt; // '#'
    int width; // -1: none
    char grouping; // ',', '_' or 0
    int precision; // -1: none
    char type; // 0: none
} spec_t;

static bool is_align(char c) {
    return c == '<' || c == '>' || c == '^' || c == '=';
}

static NORETURN void invalid_spec(const char *s, size_t len, mp_obj_t arg) {
    mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("Invalid format specifier '%.*s' for object of type '%s'"),
        (int)len, s, mp_obj_get_type_str(arg));
}

static int parse_int(const char **p, const char *top) {
    int n = 0;
    while (*p < top && unichar_isdigit(**p)) {
        if (n > 100000000) {
            mp_raise_ValueError(MP_ERROR_TEXT("Too many decimal digits in format string"));
        }
        n = n * 10 + (**p - '0');
        (*p)++;
    }
    return n;
}

static void parse_spec(const char *s, size_t len, spec_t *sp, mp_obj_t arg) {
    const char *p = s;
    const char *top = s + len;
    *sp = (spec_t) { " ", 1, 0, 0, false, false, -1, 0, -1, 0 };
    bool fill_given = false;
    if (p < top) {
        const char *next = (const char *)utf8_next_char((const byte *)p);
        if (next < top && is_align(*next)) {
            sp->fill = p;
            sp->fill_len = next - p;
            sp->align = *next;
            fill_given = true;
            p = next + 1;
        } else if (is_align(*p)) {
            sp->align = *p++;
        }
    }
    if (p < top && (*p == '+' || *p == '-' || *p == ' ')) {
        sp->sign = *p++;
    }
    if (p < top && *p == 'z') {
        sp->no_neg_zero = true;
        p++;
    }
    if (p < top && *p == '#') {
        sp->alt = true;
        p++;
    }
    if (p < top && *p == '0' && !fill_given) {
        // As CPython: '0' is the fill unless one is given, and for numbers
        // '=' the alignment unless one is given.
        sp->fill = "0";
        sp->fill_len = 1;
        if (sp->align == 0 && !mp_obj_is_str(arg)) {
            sp->align = '=';
        }
        p++;
    }
    if (p < top && unichar_isdigit(*p)) {
        sp->width = parse_int(&p, top);
    }
    if (p < top && (*p == ',' || *p == '_')) {
        sp->grouping = *p++;
        if (p < top && (*p == ',' || *p == '_')) {
            mp_raise_ValueError(MP_ERROR_TEXT("Cannot specify both ',' and '_'."));
        }
    }
    if (p < top && *p == '.') {
        p++;
        if (p >= top || !unichar_isdigit(*p)) {
            mp_raise_ValueError(MP_ERROR_TEXT("Format specifier missing precision"));
        }
        sp->precision = parse_int(&p, top);
    }
    if (p < top) {
        sp->type = *p++;
    }
    if (p < top) {
        invalid_spec(s, len, arg);
    }
}

static NORETURN void unknown_code(char type, mp_obj_t arg) {
    mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("Unknown format code '%c' for object of type '%s'"),
        type, mp_obj_get_type_str(arg));
}

static NORETURN void bad_grouping(char grouping, char type) {
    mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("Cannot specify '%c' with '%c'."), grouping, type);
}

static void add_fill(vstr_t *out, const spec_t *sp, size_t n) {
    for (size_t i = 0; i < n; i++) {
        vstr_add_strn(out, sp->fill, sp->fill_len);
    }
}

static size_t char_count(const char *s, size_t len) {
    return utf8_charlen((const byte *)s, len);
}

// Writes sign + prefix + digits (grouped every `group` digits, 0: none) +
// suffix, padded to the width. With fill '0' and '=' alignment the zeros go
// into the digits, grouped as they are (CPython's "0,001,234").
static void emit_number(vstr_t *out, const spec_t *sp, const char *sign, const char *prefix,
    const char *digits, size_t ndigits, int group, const char *suffix, size_t suffix_len, char default_align) {
    char align = sp->align ? sp->align : default_align;
    size_t nsign = strlen(sign);
    size_t nprefix = strlen(prefix);
    char sep = sp->grouping;
    size_t nzeros = 0;
    size_t width = sp->width < 0 ? 0 : (size_t)sp->width;
    bool zero_grouped = group > 0 && sep && align == '=' && sp->fill_len == 1 && sp->fill[0] == '0';
    if (zero_grouped) {
        size_t fixed = nsign + nprefix + suffix_len;
        size_t min_digits_width = width > fixed ? width - fixed : 0;
        size_t n = ndigits;
        while (n + (n - 1) / group < min_digits_width) {
            n++;
        }
        nzeros = n - ndigits;
    }
    size_t total_digits = ndigits + nzeros;
    size_t grouped = total_digits + (group > 0 && sep ? (total_digits - 1) / group : 0);
    size_t len = nsign + nprefix + grouped + char_count(suffix, suffix_len);
    size_t pad = width > len ? width - len : 0;
    size_t left = 0, middle = 0, right = 0;
    switch (align) {
        case '<':
            right = pad;
            break;
        case '^':
            left = pad / 2;
            right = pad - left;
            break;
        case '=':
            middle = pad;
            break;
        default:
            left = pad;
            break;
    }
    add_fill(out, sp, left);
    vstr_add_strn(out, sign, nsign);
    vstr_add_strn(out, prefix, nprefix);
    add_fill(out, sp, middle);
    for (size_t i = 0; i < total_digits; i++) {
        if (i > 0 && group > 0 && sep && (total_digits - i) % group == 0) {
            vstr_add_byte(out, sep);
        }
        vstr_add_byte(out, i < nzeros ? '0' : digits[i - nzeros]);
    }
    vstr_add_strn(out, suffix, suffix_len);
    add_fill(out, sp, right);
}

static void format_str(vstr_t *out, mp_obj_t arg, const spec_t *sp) {
    if (sp->type != 0 && sp->type != 's') {
        unknown_code(sp->type, arg);
    }
    if (sp->sign) {
        mp_raise_ValueError(MP_ERROR_TEXT("Sign not allowed in string format specifier"));
    }
    if (sp->alt) {
        mp_raise_ValueError(MP_ERROR_TEXT("Alternate form (#) not allowed in string format specifier"));
    }
    if (sp->grouping) {
        bad_grouping(sp->grouping, 's');
    }
    if (sp->align == '=') {
        mp_raise_ValueError(MP_ERROR_TEXT("'=' alignment not allowed in string format specifier"));
    }
    size_t blen;
    const char *s = mp_obj_str_get_data(arg, &blen);
    size_t nchars = char_count(s, blen);
    if (sp->precision >= 0 && (size_t)sp->precision < nchars) {
        const byte *end = (const byte *)s;
        for (int i = 0; i < sp->precision; i++) {
            end = utf8_next_char(end);
        }
        blen = end - (const byte *)s;
        nchars = sp->precision;
    }
    size_t width = sp->width < 0 ? 0 : (size_t)sp->width;
    size_t pad = width > nchars ? width - nchars : 0;
    size_t left = 0, right = 0;
    char align = sp->align ? sp->align : '<';
    if (align == '>') {
        left = pad;
    } else if (align == '^') {
        left = pad / 2;
        right = pad - left;
    } else {
        right = pad;
    }
    add_fill(out, sp, left);
    vstr_add_strn(out, s, blen);
    add_fill(out, sp, right);
}

static const char *sign_text(const spec_t *sp, bool negative) {
    if (negative) {
        return "-";
    }
    return sp->sign == '+' ? "+" : sp->sign == ' ' ? " " : "";
}

// The shortest decimal that reads back as x (digits and decimal exponent),
// which is what CPython's repr() prints. If some q <= 15 digit decimal reads
// back as x, x rounded to 15 digits is that decimal (x is within half an ulp
// of it, far less than half a unit in the 15th digit), so 15 digits with the
// trailing zeros dropped is the shortest; else the correctly rounded 16, else
// 17 digits (always enough for a double).
static int shortest_digits(double x, char *digits, int *exp10) {
    char buf[40];
    // A subnormal has fewer significant bits: the search starts at 1 digit.
    for (int p = x < DBL_MIN ? 1 : 15; p <= 17; p++) {
        snprintf(buf, sizeof(buf), "%.*e", p - 1, x);
        if (p == 17 || strtod(buf, NULL) == x) {
            break;
        }
    }
    int n = 0;
    const char *c = buf;
    for (; *c && *c != 'e'; c++) {
        if (unichar_isdigit(*c)) {
            digits[n++] = *c;
        }
    }
    digits[n] = '\0';
    *exp10 = *c == 'e' ? atoi(c + 1) : 0;
    while (n > 1 && digits[n - 1] == '0') {
        digits[--n] = '\0';
    }
    return n;
}

// repr() of a finite non-negative double as CPython writes it: the shortest
// round-tripping digits, fixed notation for 1e-4 <= x < 1e16, else
// exponential; always a '.' or an exponent.
//
// Fast path, no printf: for 1e-4 <= x < 1e16 an integer m < 2**53 with
// m / 10**k == x for the smallest k (both exact in a double, so the division
// rounds once, as reading the decimal back does) is the shortest decimal.
static int fast_digits(double x, char *digits, int *exp10) {
    static const double pow10[] = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
    };
    if (!(x >= 1e-4 && x < 1e16)) {
        return 0;
    }
    for (int k = 0; k < (int)MP_ARRAY_SIZE(pow10); k++) {
        double m = nearbyint(x * pow10[k]);
        if (m >= 9007199254740992.0) {
            return 0;
        }
        if (m / pow10[k] == x) {
            char buf[24];
            int n = snprintf(buf, sizeof(buf), "%llu", (unsigned long long)m);
            // m = d1 d2 ... dn, x = m / 10**k: the exponent of d1 is n - 1 - k.
            *exp10 = n - 1 - k;
            while (n > 1 && buf[n - 1] == '0') {
                n--;
            }
            memcpy(digits, buf, n);
            digits[n] = '\0';
            return n;
        }
    }
    return 0;
}

size_t mpw_float_repr_abs(double x, char *out, size_t size) {
    char digits[24];
    int e;
    int n = fast_digits(x, digits, &e);
    if (n == 0) {
        n = shortest_digits(x, digits, &e);
    }
    size_t o = 0;
    #define PUT(ch) do { if (o + 1 < size) { out[o++] = (ch); } } while (0)
    if (x != 0 && (e < -4 || e >= 16)) {
        PUT(digits[0]);
        if (n > 1) {
            PUT('.');
            for (int i = 1; i < n; i++) {
                PUT(digits[i]);
            }
        }
        char ebuf[8];
        snprintf(ebuf, sizeof(ebuf), "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
        for (const char *c = ebuf; *c; c++) {
            PUT(*c);
        }
    } else if (e < 0) {
        PUT('0');
        PUT('.');
        for (int i = 0; i < -e - 1; i++) {
            PUT('0');
        }
        for (int i = 0; i < n; i++) {
            PUT(digits[i]);
        }
    } else {
        for (int i = 0; i <= e; i++) {
            PUT(i < n ? digits[i] : '0');
        }
        PUT('.');
        if (n > e + 1) {
            for (int i = e + 1; i < n; i++) {
                PUT(digits[i]);
            }
        } else {
            PUT('0');
        }
    }
    #undef PUT
    out[o] = '\0';
    return o;
}

// float's repr() and str() (patches/0220-format.patch points float_print
// here): CPython's shortest round-tripping form.
void mpw_float_print(const mp_print_t *print, mp_float_t value) {
    double x = value;
    if (isnan(x)) {
        mp_print_str(print, "nan");
        return;
    }
    if (signbit(x)) {
        mp_print_str(print, "-");
        x = -x;
    }
    if (isinf(x)) {
        mp_print_str(print, "inf");
        return;
    }
    char buf[40];
    size_t n = mpw_float_repr_abs(x, buf, sizeof(buf));
    mp_print_strn(print, buf, n, 0, 0, 0);
}

static void format_float(vstr_t *out, mp_obj_t arg, mp_float_t value, const spec_t *sp) {
    char type = sp->type;
    switch (type) {
        case 0:
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
        case 'n':
        case '%':
            break;
        default:
            unknown_code(type, arg);
    }
    if (type == 'n' && sp->grouping) {
        bad_grouping(sp->grouping, 'n');
    }
    double x = value;
    // CPython prints a NaN without its sign bit.
    bool negative = signbit(x) && !isnan(x);
    if (negative) {
        x = -x;
    }
    bool upper = type == 'E' || type == 'F' || type == 'G';
    vstr_t body;
    vstr_init(&body, 32);
    if (!isfinite(x)) {
        vstr_add_str(&body, isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
        if (type == '%') {
            vstr_add_byte(&body, '%');
        }
    } else if (type == 0 && sp->precision < 0) {
        char buf[40];
        mpw_float_repr_abs(x, buf, sizeof(buf));
        vstr_add_str(&body, buf);
    } else {
        int prec = sp->precision;
        char conv;
        double v = x;
        switch (type) {
            case 'e':
            case 'E':
                conv = 'e';
                prec = prec < 0 ? 6 : prec;
                break;
            case 'f':
            case 'F':
                conv = 'f';
                prec = prec < 0 ? 6 : prec;
                break;
            case '%':
                conv = 'f';
                prec = prec < 0 ? 6 : prec;
                v = x * 100;
                break;
            default: // g, G, n, none with a precision
                conv = 'g';
                prec = prec < 0 ? 6 : prec == 0 ? 1 : prec;
                break;
        }
        char fmt[8] = "%";
        size_t f = 1;
        if (sp->alt) {
            fmt[f++] = '#';
        }
        fmt[f++] = '.';
        fmt[f++] = '*';
        fmt[f++] = conv;
        fmt[f] = '\0';
        int need = snprintf(NULL, 0, fmt, prec, v);
        char *buf = vstr_add_len(&body, need + 1);
        snprintf(buf, need + 1, fmt, prec, v);
        vstr_cut_tail_bytes(&body, 1);
        if (type == 0 && !strpbrk(vstr_null_terminated_str(&body), ".e")) {
            // No type: fixed notation keeps a digit after the point.
            vstr_add_str(&body, ".0");
        }
        if (type == '%') {
            vstr_add_byte(&body, '%');
        }
        if (upper) {
            for (size_t i = 0; i < body.len; i++) {
                if (body.buf[i] == 'e') {
                    body.buf[i] = 'E';
                }
            }
        }
    }
    const char *b = vstr_null_terminated_str(&body);
    if (negative && sp->no_neg_zero) {
        // 'z': a value that rounds to zero loses its minus sign.
        bool all_zero = true;
        for (const char *c = b; *c && *c != 'e' && *c != 'E'; c++) {
            if (unichar_isdigit(*c) && *c != '0') {
                all_zero = false;
            }
        }
        if (all_zero && isfinite(x)) {
            negative = false;
        }
    }
    size_t nint = 0;
    if (isfinite(x)) {
        while (unichar_isdigit(b[nint])) {
            nint++;
        }
    }
    emit_number(out, sp, sign_text(sp, negative), "", b, nint, isfinite(x) ? 3 : 0,
        b + nint, body.len - nint, '>');
    vstr_clear(&body);
}

static void format_int(vstr_t *out, mp_obj_t arg, mp_obj_t value, const spec_t *sp) {
    char type = sp->type;
    int base = 10;
    const char *prefix = "";
    switch (type) {
        case 0:
        case 'd':
        case 'n':
            break;
        case 'b':
            base = 2;
            prefix = "0b";
            break;
        case 'o':
            base = 8;
            prefix = "0o";
            break;
        case 'x':
            base = 16;
            prefix = "0x";
            break;
        case 'X':
            base = 16;
            prefix = "0X";
            break;
        case 'c':
            break;
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
        case '%':
            format_float(out, arg, mp_obj_get_float(value), sp);
            return;
        default:
            unknown_code(type, arg);
    }
    if (sp->precision >= 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("Precision not allowed in integer format specifier"));
    }
    if (sp->grouping && (type == 'n' || type == 'c' || (sp->grouping == ',' && base != 10))) {
        bad_grouping(sp->grouping, type);
    }
    if (type == 'c') {
        if (sp->sign) {
            mp_raise_ValueError(MP_ERROR_TEXT("Sign not allowed with integer format specifier 'c'"));
        }
        if (sp->alt) {
            mp_raise_ValueError(MP_ERROR_TEXT("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        mp_int_t c = mp_obj_get_int(value);
        if (c < 0 || c > 0x10ffff) {
            mp_raise_msg(&mp_type_OverflowError, MP_ERROR_TEXT("%c arg not in range(0x110000)"));
        }
        vstr_t ch;
        vstr_init(&ch, 4);
        vstr_add_char(&ch, c);
        spec_t s2 = *sp;
        s2.type = 0;
        s2.sign = 0;
        if (s2.align == '=') {
            // '=' is for numbers; a character pads as a number does otherwise.
            s2.align = '>';
        }
        emit_number(out, &s2, "", "", "", 0, 0, ch.buf, ch.len, '>');
        vstr_clear(&ch);
        return;
    }
    bool negative = mp_obj_int_sign(value) < 0;
    mp_obj_t mag = negative ? mp_unary_op(MP_UNARY_OP_NEGATIVE, value) : value;
    char stack_buf[sizeof(mp_int_t) * 4];
    char *buf = stack_buf;
    size_t buf_size = sizeof(stack_buf);
    size_t fmt_size;
    char *digits = mp_obj_int_formatted(&buf, &buf_size, &fmt_size, mag, base, NULL, type == 'X' ? 'A' : 'a', '\0');
    emit_number(out, sp, sign_text(sp, negative), sp->alt ? prefix : "", digits, fmt_size,
        base == 10 ? 3 : 4, "", 0, '>');
    if (buf != stack_buf) {
        m_del(char, buf, buf_size);
    }
}

// format(arg, spec) into out, as CPython's format(): str, int (and bool),
// float natively; a class's own __format__; a subclass of int, float or str
// as its base; anything else only with an empty spec (as str()).
void mpw_format_obj(vstr_t *out, mp_obj_t arg, const char *spec, size_t spec_len) {
    const mp_obj_type_t *type = mp_obj_get_type(arg);
    if (mp_obj_is_instance_type(type)) {
        mp_obj_t dest[3];
        mp_load_method_maybe(arg, MP_QSTR___format__, dest);
        if (dest[0] != MP_OBJ_NULL) {
            dest[2] = mp_obj_new_str(spec, spec_len);
            mp_obj_t r = mp_call_method_n_kw(1, 0, dest);
            if (!mp_obj_is_str(r)) {
                mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("__format__ must return a str, not %s"),
                    mp_obj_get_type_str(r));
            }
            size_t len;
            const char *s = mp_obj_str_get_data(r, &len);
            vstr_add_strn(out, s, len);
            return;
        }
        static const mp_obj_type_t *const natives[] = { &mp_type_int, &mp_type_float, &mp_type_str };
        for (size_t i = 0; i < MP_ARRAY_SIZE(natives); i++) {
            mp_obj_t native = mp_obj_cast_to_native_base(arg, MP_OBJ_FROM_PTR(natives[i]));
            if (native != MP_OBJ_NULL && spec_len > 0) {
                arg = native;
                break;
            }
        }
    }
    if (spec_len == 0) {
        // As CPython's object.__format__: str(arg).
        mp_print_t print = { out, (mp_print_strn_t)vstr_add_strn };
        mp_obj_print_helper(&print, arg, PRINT_STR);
        return;
    }
    spec_t sp;
    if (mp_obj_is_str(arg)) {
        parse_spec(spec, spec_len, &sp, arg);
        format_str(out, arg, &sp);
    } else if (mp_obj_is_float(arg)) {
        parse_spec(spec, spec_len, &sp, arg);
        format_float(out, arg, mp_obj_float_get(arg), &sp);
    } else if (mp_obj_is_bool(arg)) {
        parse_spec(spec, spec_len, &sp, arg);
        format_int(out, arg, MP_OBJ_NEW_SMALL_INT(arg == mp_const_true), &sp);
    } else if (mp_obj_is_int(arg)) {
        parse_spec(spec, spec_len, &sp, arg);
        format_int(out, arg, arg, &sp);
    } else {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("unsupported format string passed to %s.__format__"),
            mp_obj_get_type_str(arg));
    }
}

// The rest of a field name after its first part: `.attr` and `[key]` (a key
// of digits is an int), applied to arg in turn.
mp_obj_t mpw_format_field_lookup(mp_obj_t arg, const char *p, const char *top) {
    while (p < top) {
        if (*p == '.') {
            const char *start = ++p;
            while (p < top && *p != '.' && *p != '[') {
                p++;
            }
            if (p == start) {
                mp_raise_ValueError(MP_ERROR_TEXT("Empty attribute in format string"));
            }
            arg = mp_load_attr(arg, qstr_from_strn(start, p - start));
        } else if (*p == '[') {
            const char *start = ++p;
            while (p < top && *p != ']') {
                p++;
            }
            if (p >= top) {
                mp_raise_ValueError(MP_ERROR_TEXT("Missing ']' in format string"));
            }
            if (p == start) {
                mp_raise_ValueError(MP_ERROR_TEXT("Empty attribute in format string"));
            }
            bool digits = true;
            for (const char *c = start; c < p; c++) {
                digits = digits && unichar_isdigit(*c);
            }
            mp_obj_t key = digits ? mp_parse_num_integer(start, p - start, 10, NULL) : mp_obj_new_str(start, p - start);
            arg = mp_obj_subscr(arg, key, MP_OBJ_SENTINEL);
            p++;
        } else {
            mp_raise_ValueError(MP_ERROR_TEXT("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    return arg;
}

static mp_obj_t mpw_builtin_format(size_t n_args, const mp_obj_t *args) {
    const char *spec = "";
    size_t len = 0;
    if (n_args > 1) {
        if (!mp_obj_is_str(args[1])) {
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("format() argument 2 must be str, not %s"),
                mp_obj_get_type_str(args[1]));
        }
        spec = mp_obj_str_get_data(args[1], &len);
    }
    vstr_t out;
    vstr_init(&out, 16);
    mpw_format_obj(&out, args[0], spec, len);
    return mp_obj_new_str_from_vstr(&out);
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpw_builtin_format_obj, 1, 2, mpw_builtin_format);

// mp_print_float's digits ('%'-formatting: "%.2f" % x), as CPython's: the C
// library's printf, correctly rounded (MicroPython's mp_format_float can be
// a digit off). What does not fit the caller's buffer keeps MicroPython's.
int mpw_format_float_c(mp_float_t f, char *buf, size_t size, char fmt, int prec, char sign) {
    char spec[8];
    size_t i = 0;
    spec[i++] = '%';
    if (sign) {
        spec[i++] = sign;
    }
    spec[i++] = '.';
    spec[i++] = '*';
    spec[i++] = fmt;
    spec[i] = '\0';
    double x = f;
    if (isnan(x)) {
        // CPython prints a NaN without its sign bit.
        x = fabs(x);
    }
    int n = snprintf(buf, size, spec, prec < 0 ? 6 : prec, x);
    if (n < 0 || (size_t)n >= size) {
        return mp_format_float(f, buf, size, fmt, prec, sign);
    }
    return n;
}
