// CPython's built-ins and number methods where MicroPython's are missing or
// differ: pow() with a negative exponent and a modulus, the int and float
// methods with CPython's defaults, vars(), sys.get/setrecursionlimit.
// (zip(strict=) and the multi-argument set methods are in the patch itself:
// they need the objects' private structs.)
//
// py/ calls in here, or points its tables here, through
// patches/0210-builtins.patch (all under MICROPY_MPW_CPYTHON_BUILTINS).
// Big ints are MicroPython's mpz; the arithmetic goes through mp_binary_op
// so one code path serves small and big ints.
#include <math.h>
#include <string.h>

#include "py/runtime.h"
#include "py/objint.h"
#include "py/objtuple.h"
#include "py/mpz.h"
#include "py/builtin.h"

static mp_obj_t int_op(mp_binary_op_t op, mp_obj_t a, mp_obj_t b) {
    return mp_binary_op(op, a, b);
}

static bool int_is_neg(mp_obj_t v) {
    return mp_obj_int_sign(v) < 0;
}

static bool int_is_zero(mp_obj_t v) {
    return mp_obj_int_sign(v) == 0;
}

// --- pow(base, exp, mod) ----------------------------------------------------

// The inverse of `a` modulo `m` (m > 0) by the extended Euclidean algorithm,
// or NULL when gcd(a, m) != 1.
static mp_obj_t mod_inverse(mp_obj_t a, mp_obj_t m) {
    mp_obj_t r0 = int_op(MP_BINARY_OP_MODULO, a, m);
    mp_obj_t r1 = m;
    mp_obj_t s0 = MP_OBJ_NEW_SMALL_INT(1);
    mp_obj_t s1 = MP_OBJ_NEW_SMALL_INT(0);
    while (!int_is_zero(r1)) {
        mp_obj_t q = int_op(MP_BINARY_OP_FLOOR_DIVIDE, r0, r1);
        mp_obj_t r2 = int_op(MP_BINARY_OP_SUBTRACT, r0, int_op(MP_BINARY_OP_MULTIPLY, q, r1));
        mp_obj_t s2 = int_op(MP_BINARY_OP_SUBTRACT, s0, int_op(MP_BINARY_OP_MULTIPLY, q, s1));
        r0 = r1;
        r1 = r2;
        s0 = s1;
        s1 = s2;
    }
    if (!mp_obj_equal(r0, MP_OBJ_NEW_SMALL_INT(1))) {
        return MP_OBJ_NULL;
    }
    return int_op(MP_BINARY_OP_MODULO, s0, m);
}

// As CPython: a negative exponent raises the modular inverse to -exp; the
// result takes the sign of the modulus. MicroPython's mpz_pow3_inpl treats a
// negative exponent as zero bits and silently returns a wrong value.
mp_obj_t mpw_int_pow3(mp_obj_t base, mp_obj_t exponent, mp_obj_t modulus) {
    if (!mp_obj_is_int(base) || !mp_obj_is_int(exponent) || !mp_obj_is_int(modulus)) {
        mp_raise_TypeError(MP_ERROR_TEXT("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    if (int_is_zero(modulus)) {
        mp_raise_ValueError(MP_ERROR_TEXT("pow() 3rd argument cannot be 0"));
    }
    bool neg_mod = int_is_neg(modulus);
    mp_obj_t m = neg_mod ? mp_unary_op(MP_UNARY_OP_NEGATIVE, modulus) : modulus;
    if (int_is_neg(exponent)) {
        mp_obj_t inv = mod_inverse(base, m);
        if (inv == MP_OBJ_NULL) {
            mp_raise_ValueError(MP_ERROR_TEXT("base is not invertible for the given modulus"));
        }
        base = inv;
        exponent = mp_unary_op(MP_UNARY_OP_NEGATIVE, exponent);
    }
    mp_obj_t r = mp_obj_int_pow3(base, exponent, m);
    // The sign of the result follows the modulus, as CPython's.
    r = int_op(MP_BINARY_OP_MODULO, r, m);
    if (neg_mod && !int_is_zero(r)) {
        r = int_op(MP_BINARY_OP_SUBTRACT, r, m);
    }
    return r;
}

// --- int methods ------------------------------------------------------------

// The int's absolute value as an mpz (a temporary for small ints).
static const mpz_t *int_mpz(mp_obj_t v, mpz_t *tmp) {
    if (mp_obj_is_small_int(v)) {
        mpz_init_from_int(tmp, MP_OBJ_SMALL_INT_VALUE(v));
        return tmp;
    }
    return &((mp_obj_int_t *)MP_OBJ_TO_PTR(v))->mpz;
}

static mp_obj_t int_self(mp_obj_t self) {
    if (mp_obj_is_bool(self)) {
        return MP_OBJ_NEW_SMALL_INT(self == mp_const_true);
    }
    if (!mp_obj_is_int(self)) {
        // A subclass of int: its native value.
        return mp_unary_op(MP_UNARY_OP_INT_MAYBE, self);
    }
    return self;
}

static size_t int_bit_length(mp_obj_t v) {
    mpz_t tmp;
    const mpz_t *z = int_mpz(v, &tmp);
    size_t bits = 0;
    if (z->len > 0) {
        mpz_dig_t top = z->dig[z->len - 1];
        bits = (z->len - 1) * MPZ_DIG_SIZE;
        while (top) {
            bits++;
            top >>= 1;
        }
    }
    if (z == &tmp) {
        mpz_deinit(&tmp);
    }
    return bits;
}

static mp_obj_t int_bit_length_m(mp_obj_t self) {
    return MP_OBJ_NEW_SMALL_INT(int_bit_length(int_self(self)));
}
MP_DEFINE_CONST_FUN_OBJ_1(mpw_int_bit_length_obj, int_bit_length_m);

static mp_obj_t int_bit_count_m(mp_obj_t self) {
    mpz_t tmp;
    const mpz_t *z = int_mpz(int_self(self), &tmp);
    size_t count = 0;
    for (size_t i = 0; i < z->len; i++) {
        count += __builtin_popcount(z->dig[i]);
    }
    if (z == &tmp) {
        mpz_deinit(&tmp);
    }
    return MP_OBJ_NEW_SMALL_INT(count);
}
MP_DEFINE_CONST_FUN_OBJ_1(mpw_int_bit_count_obj, int_bit_count_m);

static bool byteorder_is_big(mp_obj_t order) {
    if (!mp_obj_is_str(order)) {
        mp_raise_msg_varg(&mp_type_TypeError,
            MP_ERROR_TEXT("to_bytes() argument 'byteorder' must be str, not %s"), mp_obj_get_type_str(order));
    }
    qstr q = mp_obj_str_get_qstr(order);
    if (q == MP_QSTR_big) {
        return true;
    }
    if (q == MP_QSTR_little) {
        return false;
    }
    mp_raise_ValueError(MP_ERROR_TEXT("byteorder must be either 'little' or 'big'"));
}

static mp_obj_t int_to_bytes(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    enum { ARG_length, ARG_byteorder, ARG_signed };
    static const mp_arg_t allowed_args[] = {
        { MP_QSTR_length, MP_ARG_OBJ, {.u_rom_obj = MP_ROM_INT(1)} },
        { MP_QSTR_byteorder, MP_ARG_OBJ, {.u_rom_obj = MP_ROM_QSTR(MP_QSTR_big)} },
        { MP_QSTR_signed, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    };
    mp_arg_val_t args[MP_ARRAY_SIZE(allowed_args)];
    mp_arg_parse_all(n_args - 1, pos_args + 1, kw_args, MP_ARRAY_SIZE(allowed_args), allowed_args, args);
    mp_obj_t self = int_self(pos_args[0]);
    mp_int_t len = mp_obj_get_int(args[ARG_length].u_obj);
    if (len < 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("length argument must be non-negative"));
    }
    bool big = byteorder_is_big(args[ARG_byteorder].u_obj);
    bool neg = int_is_neg(self);
    // Without signed=, a negative value is written as signed: MicroPython's
    // behaviour, which its own tests and code written for it rely on (CPython
    // raises OverflowError, so no working CPython code sees the difference).
    mp_obj_t signed_arg = args[ARG_signed].u_obj;
    bool is_signed = signed_arg == mp_const_none ? neg : mp_obj_is_true(signed_arg);
    if (neg && !is_signed) {
        mp_raise_msg(&mp_type_OverflowError, MP_ERROR_TEXT("can't convert negative int to unsigned"));
    }
    // Bits needed: unsigned bit_length, or for signed the bit_length of
    // v (v >= 0) or of ~v (v < 0), plus the sign bit.
    size_t need;
    if (is_signed) {
        mp_obj_t w = neg ? mp_unary_op(MP_UNARY_OP_INVERT, self) : self;
        need = int_bit_length(w) + 1;
    } else {
        need = int_bit_length(self);
    }
    if (need > (size_t)len * 8) {
        mp_raise_msg(&mp_type_OverflowError, MP_ERROR_TEXT("int too big to convert"));
    }
    vstr_t vstr;
    vstr_init_len(&vstr, len);
    byte *data = (byte *)vstr.buf;
    mpz_t tmp;
    const mpz_t *z = int_mpz(self, &tmp);
    // mpz_as_bytes writes two's complement for a negative value.
    mpz_as_bytes(z, big, z->neg, len, data);
    if (z == &tmp) {
        mpz_deinit(&tmp);
    }
    return mp_obj_new_bytes_from_vstr(&vstr);
}
MP_DEFINE_CONST_FUN_OBJ_KW(mpw_int_to_bytes_obj, 1, int_to_bytes);

static mp_obj_t int_from_bytes(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    enum { ARG_bytes, ARG_byteorder, ARG_signed };
    static const mp_arg_t allowed_args[] = {
        { MP_QSTR_bytes, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
        { MP_QSTR_byteorder, MP_ARG_OBJ, {.u_rom_obj = MP_ROM_QSTR(MP_QSTR_big)} },
        { MP_QSTR_signed, MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = false} },
    };
    mp_arg_val_t args[MP_ARRAY_SIZE(allowed_args)];
    // pos_args[0] is the class (a classmethod).
    mp_arg_parse_all(n_args - 1, pos_args + 1, kw_args, MP_ARRAY_SIZE(allowed_args), allowed_args, args);
    mp_obj_t src = args[ARG_bytes].u_obj;
    mp_buffer_info_t bufinfo;
    if (!mp_get_buffer(src, &bufinfo, MP_BUFFER_READ)) {
        // An iterable of ints, as CPython accepts: go through bytes().
        src = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_bytes), src);
        mp_get_buffer_raise(src, &bufinfo, MP_BUFFER_READ);
    }
    bool big = byteorder_is_big(args[ARG_byteorder].u_obj);
    mp_obj_t r = MP_OBJ_NEW_SMALL_INT(0);
    if (bufinfo.len > 0) {
        r = mp_obj_int_from_bytes_impl(big, bufinfo.len, bufinfo.buf);
        const byte *msb = (const byte *)bufinfo.buf + (big ? 0 : bufinfo.len - 1);
        if (args[ARG_signed].u_bool && (*msb & 0x80)) {
            mp_obj_t span = int_op(MP_BINARY_OP_LSHIFT, MP_OBJ_NEW_SMALL_INT(1),
                MP_OBJ_NEW_SMALL_INT(bufinfo.len * 8));
            r = int_op(MP_BINARY_OP_SUBTRACT, r, span);
        }
    }
    mp_obj_t cls = pos_args[0];
    if (cls != MP_OBJ_FROM_PTR(&mp_type_int)) {
        // A subclass: CPython calls cls(value).
        return mp_call_function_1(cls, r);
    }
    return r;
}
static MP_DEFINE_CONST_FUN_OBJ_KW(int_from_bytes_fun_obj, 1, int_from_bytes);
MP_DEFINE_CONST_CLASSMETHOD_OBJ(mpw_int_from_bytes_obj, MP_ROM_PTR(&int_from_bytes_fun_obj));

static mp_obj_t int_as_integer_ratio(mp_obj_t self) {
    mp_obj_t items[2] = { int_self(self), MP_OBJ_NEW_SMALL_INT(1) };
    return mp_obj_new_tuple(2, items);
}
MP_DEFINE_CONST_FUN_OBJ_1(mpw_int_as_integer_ratio_obj, int_as_integer_ratio);

static mp_obj_t int_conjugate(mp_obj_t self) {
    return int_self(self);
}
MP_DEFINE_CONST_FUN_OBJ_1(mpw_int_conjugate_obj, int_conjugate);

// int's locals are MPW_INT_LOCALS in mpconfigport.h: patch 0210 puts them
// into py/objint.c's table.

// --- float methods ----------------------------------------------------------

static mp_obj_t float_is_integer(mp_obj_t self) {
    mp_float_t f = mp_obj_get_float(self);
    return mp_obj_new_bool(isfinite(f) && MICROPY_FLOAT_C_FUN(floor)(f) == f);
}
static MP_DEFINE_CONST_FUN_OBJ_1(float_is_integer_obj, float_is_integer);

static mp_obj_t float_as_integer_ratio(mp_obj_t self) {
    mp_float_t f = mp_obj_get_float(self);
    if (isinf(f)) {
        mp_raise_msg(&mp_type_OverflowError, MP_ERROR_TEXT("cannot convert Infinity to integer ratio"));
    }
    if (isnan(f)) {
        mp_raise_ValueError(MP_ERROR_TEXT("cannot convert NaN to integer ratio"));
    }
    // f = m * 2**e with 0.5 <= |m| < 1; scale m up until it is an integer
    // (at most 53 steps for a double), then fold the power of two in.
    int e;
    mp_float_t m = MICROPY_FLOAT_C_FUN(frexp)(f, &e);
    for (int i = 0; i < 300 && MICROPY_FLOAT_C_FUN(floor)(m) != m; i++) {
        m *= 2;
        e--;
    }
    mp_obj_t num = mp_obj_new_int_from_float(m);
    mp_obj_t den = MP_OBJ_NEW_SMALL_INT(1);
    if (e > 0) {
        num = int_op(MP_BINARY_OP_LSHIFT, num, MP_OBJ_NEW_SMALL_INT(e));
    } else if (e < 0) {
        den = int_op(MP_BINARY_OP_LSHIFT, den, MP_OBJ_NEW_SMALL_INT(-e));
    }
    mp_obj_t items[2] = { num, den };
    return mp_obj_new_tuple(2, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(float_as_integer_ratio_obj, float_as_integer_ratio);

static mp_obj_t float_conjugate(mp_obj_t self) {
    return mp_obj_new_float(mp_obj_get_float(self));
}
static MP_DEFINE_CONST_FUN_OBJ_1(float_conjugate_obj, float_conjugate);

static const mp_rom_map_elem_t mpw_float_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_is_integer), MP_ROM_PTR(&float_is_integer_obj) },
    { MP_ROM_QSTR(MP_QSTR_as_integer_ratio), MP_ROM_PTR(&float_as_integer_ratio_obj) },
    { MP_ROM_QSTR(MP_QSTR_conjugate), MP_ROM_PTR(&float_conjugate_obj) },
};
MP_DEFINE_CONST_DICT(mpw_float_locals_dict, mpw_float_locals_table);

// --- vars() -----------------------------------------------------------------

static mp_obj_t mpw_builtin_vars(size_t n_args, const mp_obj_t *args) {
    if (n_args == 0) {
        return MP_OBJ_FROM_PTR(mp_locals_get());
    }
    mp_obj_t dest[2];
    mp_load_method_protected(args[0], MP_QSTR___dict__, dest, false);
    if (dest[0] == MP_OBJ_NULL) {
        mp_raise_TypeError(MP_ERROR_TEXT("vars() argument must have __dict__ attribute"));
    }
    return dest[0];
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpw_builtin_vars_obj, 0, 1, mpw_builtin_vars);

// --- sys.getrecursionlimit / setrecursionlimit ------------------------------

// Stored only: the real bound is the Wasm stack (mp_cstack_check in main.c),
// which raises RecursionError at about 350 Python calls whatever this says.
static mp_int_t recursion_limit = 1000;

static mp_obj_t mpw_sys_getrecursionlimit(void) {
    return MP_OBJ_NEW_SMALL_INT(recursion_limit);
}
MP_DEFINE_CONST_FUN_OBJ_0(mpw_sys_getrecursionlimit_obj, mpw_sys_getrecursionlimit);

static mp_obj_t mpw_sys_setrecursionlimit(mp_obj_t limit) {
    if (!mp_obj_is_int(limit)) {
        mp_raise_TypeError(MP_ERROR_TEXT("'float' object cannot be interpreted as an integer"));
    }
    mp_int_t n = mp_obj_get_int(limit);
    if (n < 1) {
        mp_raise_ValueError(MP_ERROR_TEXT("recursion limit must be greater or equal than 1"));
    }
    recursion_limit = n;
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_1(mpw_sys_setrecursionlimit_obj, mpw_sys_setrecursionlimit);

// --- zip(strict=True) -------------------------------------------------------

// Iterator `stopped` of `n` ended first. As CPython: if it is not the first,
// the earlier ones were longer; if it is the first, any later one that still
// yields is longer.
void mpw_zip_strict_check(size_t stopped, size_t n, mp_obj_t *iters) {
    if (stopped > 0) {
        if (stopped == 1) {
            mp_raise_msg_varg(&mp_type_ValueError,
                MP_ERROR_TEXT("zip() argument %d is shorter than argument 1"), (int)(stopped + 1));
        }
        mp_raise_msg_varg(&mp_type_ValueError,
            MP_ERROR_TEXT("zip() argument %d is shorter than arguments 1-%d"), (int)(stopped + 1), (int)stopped);
    }
    for (size_t i = 1; i < n; i++) {
        if (mp_iternext(iters[i]) != MP_OBJ_STOP_ITERATION) {
            if (i == 1) {
                mp_raise_msg_varg(&mp_type_ValueError,
                    MP_ERROR_TEXT("zip() argument %d is longer than argument 1"), (int)(i + 1));
            }
            mp_raise_msg_varg(&mp_type_ValueError,
                MP_ERROR_TEXT("zip() argument %d is longer than arguments 1-%d"), (int)(i + 1), (int)i);
        }
    }
}
