// Port part of the `time` module (included by extmod/modtime.c).
//
// gmtime/localtime/mktime follow the unix port rather than extmod's generic
// versions: they accept a float (`time.gmtime(time.time())`), return
// CPython's 9-tuple (the last item is tm_isdst) and handle times before 1970
// and after 2038. WASI has no time zones: local time is UTC.
#include <errno.h>
#include <math.h>
#include <time.h>

static mp_obj_t mp_time_time_get(void) {
    return mp_obj_new_float((mp_float_t)mp_hal_time_ns() / 1e9);
}

static mp_obj_t mod_time_gmtime(size_t n_args, const mp_obj_t *args) {
    time_t t;
    if (n_args == 0 || args[0] == mp_const_none) {
        t = (time_t)(mp_hal_time_ns() / 1000000000ull);
    } else {
        mp_float_t val = mp_obj_get_float(args[0]);
        t = (time_t)MICROPY_FLOAT_C_FUN(trunc)(val);
    }
    struct tm tm;
    if (gmtime_r(&t, &tm) == NULL) {
        mp_raise_msg(&mp_type_OverflowError, MP_ERROR_TEXT("timestamp out of range"));
    }
    mp_obj_t tuple[9] = {
        mp_obj_new_int(tm.tm_year + 1900),
        MP_OBJ_NEW_SMALL_INT(tm.tm_mon + 1),
        MP_OBJ_NEW_SMALL_INT(tm.tm_mday),
        MP_OBJ_NEW_SMALL_INT(tm.tm_hour),
        MP_OBJ_NEW_SMALL_INT(tm.tm_min),
        MP_OBJ_NEW_SMALL_INT(tm.tm_sec),
        MP_OBJ_NEW_SMALL_INT(tm.tm_wday == 0 ? 6 : tm.tm_wday - 1),
        MP_OBJ_NEW_SMALL_INT(tm.tm_yday + 1),
        MP_OBJ_NEW_SMALL_INT(0),
    };
    return mp_obj_new_tuple(9, tuple);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mod_time_gmtime_obj, 0, 1, mod_time_gmtime);

static mp_obj_t mod_time_mktime(mp_obj_t tuple) {
    size_t len;
    mp_obj_t *elem;
    mp_obj_get_array(tuple, &len, &elem);
    // localtime generates a tuple of len 9 here, 8 on other ports: accept both.
    if (len < 8 || len > 9) {
        mp_raise_TypeError(MP_ERROR_TEXT("mktime needs a tuple of length 8 or 9"));
    }
    struct tm tm = {
        .tm_year = mp_obj_get_int(elem[0]) - 1900,
        .tm_mon = mp_obj_get_int(elem[1]) - 1,
        .tm_mday = mp_obj_get_int(elem[2]),
        .tm_hour = mp_obj_get_int(elem[3]),
        .tm_min = mp_obj_get_int(elem[4]),
        .tm_sec = mp_obj_get_int(elem[5]),
    };
    // UTC: tm_isdst is ignored, out-of-range fields are normalised.
    errno = 0;
    time_t ret = timegm(&tm);
    if (ret == (time_t)-1 && errno != 0) {
        mp_raise_msg(&mp_type_OverflowError, MP_ERROR_TEXT("invalid mktime usage"));
    }
    return mp_obj_new_int_from_ll(ret);
}
static MP_DEFINE_CONST_FUN_OBJ_1(mod_time_mktime_obj, mod_time_mktime);

#define MICROPY_PY_TIME_EXTRA_GLOBALS \
    { MP_ROM_QSTR(MP_QSTR_gmtime), MP_ROM_PTR(&mod_time_gmtime_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_localtime), MP_ROM_PTR(&mod_time_gmtime_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_mktime), MP_ROM_PTR(&mod_time_mktime_obj) },
