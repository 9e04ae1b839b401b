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

static mp_obj_t host_call(mp_obj_t name_in, mp_obj_t payload_in) {
    size_t name_len;
    const char *name = mp_obj_str_get_data(name_in, &name_len);
    size_t payload_len;
    const char *payload = mp_obj_str_get_data(payload_in, &payload_len);

    int32_t cap = host_import_result_cap();
    if (cap < 64) {
        cap = 64;
    }
    vstr_t vstr;
    vstr_init(&vstr, (size_t)cap);
    for (int attempt = 0;; attempt++) {
        int32_t n = host_import_call(name, (int32_t)name_len, payload, (int32_t)payload_len,
            vstr.buf, (int32_t)vstr.alloc);
        if (n == HOST_ERR_REQUEST_TOO_LARGE) {
            vstr_clear(&vstr);
            mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("host call request exceeds the host's size limit"));
        }
        if (n == HOST_ERR_RESPONSE_TOO_LARGE) {
            vstr_clear(&vstr);
            mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("host call response exceeds the host's size limit"));
        }
        if (n < 0) {
            vstr_clear(&vstr);
            mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("host call failed"));
        }
        if ((size_t)n <= vstr.alloc) {
            vstr.len = (size_t)n;
            break;
        }
        if (attempt > 0) {
            // The host promised this size last time; asking forever would hang.
            vstr_clear(&vstr);
            mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("host call response size changed"));
        }
        vstr_hint_size(&vstr, (size_t)n); // len is 0: room for n bytes
    }
    return mp_obj_new_str_from_utf8_vstr(&vstr);
}
static MP_DEFINE_CONST_FUN_OBJ_2(host_call_obj, host_call);

// json.dumps / json.loads, looked up once. They are ROM function objects of
// the built-in json module, so holding them in statics needs no GC root.
extern const mp_obj_module_t mp_module_json;
static mp_obj_t json_dumps, json_loads;

static void json_functions(void) {
    if (json_dumps == MP_OBJ_NULL) {
        json_dumps = mp_load_attr(MP_OBJ_FROM_PTR(&mp_module_json), MP_QSTR_dumps);
        json_loads = mp_load_attr(MP_OBJ_FROM_PTR(&mp_module_json), MP_QSTR_loads);
    }
}

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

    json_functions();
    mp_obj_t payload = mp_call_function_1(json_dumps, request);
    mp_obj_t response_text = host_call(args[0], payload);
    mp_obj_t response = mp_call_function_1(json_loads, response_text);
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
