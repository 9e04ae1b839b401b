// Port part of the `os` module (included by extmod/modos.c).
#include <unistd.h>
#include "py/mperrno.h"

// os.urandom(n): bytes from WASI random_get (via getentropy), in 256-byte
// chunks because that is getentropy's maximum request.
static mp_obj_t mp_os_urandom(mp_obj_t num) {
    mp_int_t n = mp_obj_get_int(num);
    if (n < 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("negative length"));
    }
    vstr_t vstr;
    vstr_init_len(&vstr, n);
    for (mp_int_t done = 0; done < n;) {
        size_t chunk = (size_t)(n - done) > 256 ? 256 : (size_t)(n - done);
        if (getentropy(vstr.buf + done, chunk) != 0) {
            mp_raise_OSError(errno);
        }
        done += chunk;
    }
    return mp_obj_new_bytes_from_vstr(&vstr);
}
static MP_DEFINE_CONST_FUN_OBJ_1(mp_os_urandom_obj, mp_os_urandom);

static mp_obj_t mp_os_errno(size_t n_args, const mp_obj_t *args) {
    if (n_args == 0) {
        return MP_OBJ_NEW_SMALL_INT(errno);
    }
    errno = mp_obj_get_int(args[0]);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_os_errno_obj, 0, 1, mp_os_errno);
