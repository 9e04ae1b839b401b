// CPython's exception classes and message texts where MicroPython's differ.
//
// Code written for CPython (most code run in this sandbox is written by
// language models) catches `RecursionError`, prints `str(e)` of the common
// errors and compares it, and reprs exceptions. MicroPython's texts are
// shorter ("divide by zero", "name 'x' isn't defined") and it has no
// RecursionError. The raising sites in py/ call the functions here
// (patches/0200-cpython-exceptions.patch), so the texts live in one file.
#include <string.h>

#include "py/runtime.h"
#include "py/objstr.h"
#include "py/objtuple.h"

// A subclass of RuntimeError, as in CPython, so `except RuntimeError:` (what
// code written for MicroPython catches) still works.
MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_RecursionError,
    MP_QSTR_RecursionError,
    MP_TYPE_FLAG_NONE,
    make_new, mp_obj_exception_make_new,
    print, mp_obj_exception_print,
    attr, mp_obj_exception_attr,
    parent, &mp_type_RuntimeError
    );

// The in-place forms report as the plain operator (MicroPython has already
// fallen back from `+=` to `+` when it gives up).
static mp_binary_op_t plain_op(mp_binary_op_t op) {
    if (op >= MP_BINARY_OP_INPLACE_OR && op <= MP_BINARY_OP_INPLACE_POWER) {
        return op + (MP_BINARY_OP_OR - MP_BINARY_OP_INPLACE_OR);
    }
    if (op >= MP_BINARY_OP_REVERSE_OR && op <= MP_BINARY_OP_REVERSE_POWER) {
        return op - (MP_BINARY_OP_REVERSE_OR - MP_BINARY_OP_OR);
    }
    return op;
}

void mpw_raise_zero_division(int op_in, bool is_float) {
    mp_binary_op_t op = plain_op((mp_binary_op_t)op_in);
    const char *msg;
    if (is_float) {
        switch (op) {
            case MP_BINARY_OP_FLOOR_DIVIDE:
                msg = "float floor division by zero";
                break;
            case MP_BINARY_OP_MODULO:
                msg = "float modulo";
                break;
            case MP_BINARY_OP_DIVMOD:
                msg = "float divmod()";
                break;
            case MP_BINARY_OP_POWER:
                msg = "0.0 cannot be raised to a negative power";
                break;
            default:
                msg = "float division by zero";
                break;
        }
    } else {
        switch (op) {
            case MP_BINARY_OP_FLOOR_DIVIDE:
            case MP_BINARY_OP_DIVMOD:
                msg = "integer division or modulo by zero";
                break;
            case MP_BINARY_OP_MODULO:
                msg = "integer modulo by zero";
                break;
            default:
                msg = "division by zero";
                break;
        }
    }
    mp_raise_msg(&mp_type_ZeroDivisionError, (mp_rom_error_text_t)msg);
}

static const char *binary_op_symbol(mp_binary_op_t op) {
    switch (op) {
        case MP_BINARY_OP_LESS:
            return "<";
        case MP_BINARY_OP_MORE:
            return ">";
        case MP_BINARY_OP_LESS_EQUAL:
            return "<=";
        case MP_BINARY_OP_MORE_EQUAL:
            return ">=";
        case MP_BINARY_OP_OR:
            return "|";
        case MP_BINARY_OP_XOR:
            return "^";
        case MP_BINARY_OP_AND:
            return "&";
        case MP_BINARY_OP_LSHIFT:
            return "<<";
        case MP_BINARY_OP_RSHIFT:
            return ">>";
        case MP_BINARY_OP_ADD:
            return "+";
        case MP_BINARY_OP_SUBTRACT:
            return "-";
        case MP_BINARY_OP_MULTIPLY:
            return "*";
        case MP_BINARY_OP_MAT_MULTIPLY:
            return "@";
        case MP_BINARY_OP_FLOOR_DIVIDE:
            return "//";
        case MP_BINARY_OP_TRUE_DIVIDE:
            return "/";
        case MP_BINARY_OP_MODULO:
            return "%";
        case MP_BINARY_OP_POWER:
            return "** or pow()";
        case MP_BINARY_OP_DIVMOD:
            return "divmod()";
        default:
            return NULL;
    }
}

static bool is_sequence(const mp_obj_type_t *t) {
    return t == &mp_type_str || t == &mp_type_list || t == &mp_type_tuple
           || t == &mp_type_bytes || t == &mp_type_bytearray;
}

void mpw_raise_unsupported_binary(int op_in, mp_obj_t lhs, mp_obj_t rhs) {
    mp_binary_op_t op = plain_op((mp_binary_op_t)op_in);
    const mp_obj_type_t *lt = mp_obj_get_type(lhs);
    const mp_obj_type_t *rt = mp_obj_get_type(rhs);
    const char *ls = mp_obj_get_type_str(lhs);
    const char *rs = mp_obj_get_type_str(rhs);
    if (op == MP_BINARY_OP_ADD && is_sequence(lt) && lt != rt) {
        mp_raise_msg_varg(&mp_type_TypeError,
            MP_ERROR_TEXT("can only concatenate %s (not \"%s\") to %s"), ls, rs, ls);
    }
    if (op == MP_BINARY_OP_MULTIPLY && (is_sequence(lt) || is_sequence(rt))) {
        mp_raise_msg_varg(&mp_type_TypeError,
            MP_ERROR_TEXT("can't multiply sequence by non-int of type '%s'"),
            is_sequence(lt) ? rs : ls);
    }
    const char *sym = binary_op_symbol(op);
    if (op >= MP_BINARY_OP_LESS && op <= MP_BINARY_OP_MORE_EQUAL && sym != NULL) {
        mp_raise_msg_varg(&mp_type_TypeError,
            MP_ERROR_TEXT("'%s' not supported between instances of '%s' and '%s'"), sym, ls, rs);
    }
    if (sym != NULL) {
        mp_raise_msg_varg(&mp_type_TypeError,
            MP_ERROR_TEXT("unsupported operand type(s) for %s: '%s' and '%s'"), sym, ls, rs);
    }
    mp_raise_msg_varg(&mp_type_TypeError,
        MP_ERROR_TEXT("unsupported types for %q: '%s', '%s'"),
        mp_binary_op_method_name[op], ls, rs);
}

void mpw_raise_unsupported_unary(int op, mp_obj_t arg) {
    const char *ts = mp_obj_get_type_str(arg);
    switch (op) {
        case MP_UNARY_OP_POSITIVE:
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("bad operand type for unary +: '%s'"), ts);
        case MP_UNARY_OP_NEGATIVE:
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("bad operand type for unary -: '%s'"), ts);
        case MP_UNARY_OP_INVERT:
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("bad operand type for unary ~: '%s'"), ts);
        case MP_UNARY_OP_ABS:
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("bad operand type for abs(): '%s'"), ts);
        case MP_UNARY_OP_HASH:
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("unhashable type: '%s'"), ts);
        default:
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("unsupported type for %q: '%s'"),
                mp_unary_op_method_name[op], ts);
    }
}

// list.index / tuple.index / list.remove when the value is absent.
void mpw_raise_not_in_sequence(const mp_obj_type_t *type, mp_obj_t value, bool remove) {
    if (type == &mp_type_tuple) {
        mp_raise_ValueError(MP_ERROR_TEXT("tuple.index(x): x not in tuple"));
    }
    if (remove) {
        mp_raise_ValueError(MP_ERROR_TEXT("list.remove(x): x not in list"));
    }
    if (type == &mp_type_list) {
        vstr_t vstr;
        mp_print_t print;
        vstr_init_print(&vstr, 16, &print);
        mp_obj_print_helper(&print, value, PRINT_REPR);
        vstr_add_str(&vstr, " is not in list");
        mp_raise_type_arg(&mp_type_ValueError, mp_obj_new_str_from_utf8_vstr(&vstr));
    }
    mp_raise_ValueError(MP_ERROR_TEXT("object not in sequence"));
}

// `str()` and `repr()` of an exception whose arguments are `args`, as
// CPython's BaseException (and KeyError) print them: `str` of one argument
// is that argument's str (KeyError: its repr), of several the tuple's repr;
// `repr` is `Name(arg, ...)` without the one-tuple's trailing comma.
void mpw_exception_print_args(const mp_print_t *print, const mp_obj_type_t *type,
    const mp_obj_tuple_t *args, int k) {
    if (k == PRINT_REPR) {
        mp_print_str(print, "(");
        for (size_t i = 0; i < args->len; i++) {
            if (i > 0) {
                mp_print_str(print, ", ");
            }
            mp_obj_print_helper(print, args->items[i], PRINT_REPR);
        }
        mp_print_str(print, ")");
        return;
    }
    if (args->len == 1) {
        bool key_error = mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(type), MP_OBJ_FROM_PTR(&mp_type_KeyError));
        mp_obj_print_helper(print, args->items[0], key_error ? PRINT_REPR : PRINT_STR);
        return;
    }
    mp_obj_tuple_print(print, MP_OBJ_FROM_PTR(args), PRINT_REPR);
}

void mpw_raise_float_parse_error(const char *str, size_t len) {
    vstr_t vstr;
    mp_print_t print;
    vstr_init_print(&vstr, 40 + len, &print);
    vstr_add_str(&vstr, "could not convert string to float: ");
    mp_str_print_quoted(&print, (const byte *)str, len, false);
    mp_raise_type_arg(&mp_type_ValueError, mp_obj_new_str_from_utf8_vstr(&vstr));
}
