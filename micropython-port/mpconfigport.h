// MicroPython configuration for the mpwasm WASI reactor guest.
//
// The guest is a wasm32-wasip1 reactor: the host calls `mpw_init` once (at
// pre-initialisation time when snapshotting) and `mpw_exec` for every snippet.
// See README.md in this directory for the ABI.

#include <stdint.h>
#include <stdlib.h>
#include <alloca.h>

#ifndef MICROPY_CONFIG_ROM_LEVEL
#define MICROPY_CONFIG_ROM_LEVEL (MICROPY_CONFIG_ROM_LEVEL_EXTRA_FEATURES)
#endif

// Variant hook: a variant directory may add its own mpconfigvariant.h.
#include "mpconfigvariant.h"

// --- Memory -------------------------------------------------------------
#define MICROPY_ENABLE_GC                   (1)
#define MICROPY_ENABLE_FINALISER            (1)
// The GC heap starts small and grows by malloc (memory.grow) until the host's
// memory limit refuses; then MicroPython raises MemoryError.
#define MICROPY_GC_SPLIT_HEAP               (1)
#define MICROPY_GC_SPLIT_HEAP_AUTO          (1)
// Heap areas are whole Wasm pages taken with memory.grow (see main.c), not
// malloc'ed: dlmalloc fragments large blocks badly under a hard limit.
void *mpw_alloc_heap_area(size_t bytes);
void mpw_free_heap_area(void *area);
#define MP_PLAT_ALLOC_HEAP(bytes) mpw_alloc_heap_area(bytes)
#define MP_PLAT_FREE_HEAP(area) mpw_free_heap_area(area)
// As the unix port: micropython.mem_total/mem_current/mem_peak and the
// "mem:" line of micropython.mem_info().
#define MICROPY_MEM_STATS                   (1)
#define MICROPY_MALLOC_USES_ALLOCATED_SIZE  (1)
#define MICROPY_ENABLE_EMERGENCY_EXCEPTION_BUF (1)
#define MICROPY_EMERGENCY_EXCEPTION_BUF_SIZE (256)
#define MICROPY_STACK_CHECK                 (1)
// Growing a vstr (json.dumps, StringIO, repr of big containers) asks for half
// as much again first (patches/0800-vstr-grow-hook.patch): appends cost O(n)
// instead of O(n^2); a full heap still falls back to the exact size.
#define MICROPY_VSTR_GROW_EXTRA(alloc)      ((alloc) / 2)
#define MICROPY_STACK_CHECK_MARGIN          (8 * 1024)
#define MICROPY_ALLOC_PATH_MAX              (256)

// --- Language -----------------------------------------------------------
#define MICROPY_LONGINT_IMPL                (MICROPY_LONGINT_IMPL_MPZ)
#define MICROPY_FLOAT_IMPL                  (MICROPY_FLOAT_IMPL_DOUBLE)
#define MICROPY_ENABLE_DOC_STRING           (1)
// As the unix port (EXTRA_FEATURES alone gives NORMAL): messages name the
// function and the value, e.g. "f() takes 2 positional arguments but 1 were
// given", "invalid syntax for integer with base 10: 'x'".
#define MICROPY_ERROR_REPORTING             (MICROPY_ERROR_REPORTING_DETAILED)
#define MICROPY_WARNINGS                    (1)
#define MICROPY_PY_BUILTINS_HELP            (1)
#define MICROPY_PY_BUILTINS_HELP_MODULES    (1)
#define MICROPY_COMP_ALLOW_TOP_LEVEL_AWAIT  (1)
#define MICROPY_PERSISTENT_CODE_LOAD        (1)
#define MICROPY_USE_INTERNAL_ERRNO          (0)
#define MICROPY_USE_INTERNAL_PRINTF         (0)
#define MICROPY_KBD_EXCEPTION               (1)
#define MICROPY_OPT_COMPUTED_GOTO           (0)
#define MICROPY_ERROR_PRINTER               (&mp_stderr_print)
#define MICROPY_MODULE_OVERRIDE_MAIN_IMPORT (1)

// --- Filesystem: POSIX VFS over WASI preopens (the host grants /input read-only)
#define MICROPY_VFS                         (1)
#define MICROPY_VFS_POSIX                   (1)
#define MICROPY_READER_VFS                  (1)
#define MICROPY_VFS_WRITABLE                (1)
#define MICROPY_PY_SYS_STDFILES             (1)
#define MICROPY_PY_SYS_STDIO_BUFFER         (1)
#define MICROPY_PY_SYS_EXIT                 (1)
#define MICROPY_PY_SYS_EXC_INFO             (1)
#define MICROPY_PY_SYS_PLATFORM             "wasi"
#define MICROPY_EPOCH_IS_1970               (1)
#define MICROPY_STREAMS_POSIX_API           (1)

// --- Modules --------------------------------------------------------------
#define MICROPY_PY_OS_INCLUDEFILE           "modos_port.c"
#define MICROPY_PY_OS_URANDOM               (1)
#define MICROPY_PY_OS_ERRNO                 (1)
#define MICROPY_PY_OS_UNAME                 (1)
#define MICROPY_PY_OS_GETENV_PUTENV_UNSETENV (0)
#define MICROPY_PY_OS_SYSTEM                (0)
#define MICROPY_PY_TIME_INCLUDEFILE         "modtime_port.c"
// gmtime/localtime/mktime are the port's (modtime_port.c), as on unix.
#define MICROPY_PY_TIME_GMTIME_LOCALTIME_MKTIME (0)
#define MICROPY_PY_TIME_TIME_TIME_NS        (1)
#define MICROPY_PY_RANDOM_SEED_INIT_FUNC    (mpw_random_seed())
#define MICROPY_PY_RANDOM_EXTRA_FUNCS       (1)
#define MICROPY_PY_GC_COLLECT_RETVAL        (1)
#define MICROPY_PY_HASHLIB                  (1)
#define MICROPY_PY_HASHLIB_SHA256           (1)
#define MICROPY_PY_DEFLATE                  (1)
#define MICROPY_PY_DEFLATE_COMPRESS         (1)
#define MICROPY_PY_ASYNCIO                  (1)
#define MICROPY_PY_SELECT                   (1)
#define MICROPY_PY_SELECT_POSIX_OPTIMISATIONS (0)
#define MICROPY_PY_SELECT_SELECT            (1)
#define MICROPY_PY_MACHINE                  (0)
#define MICROPY_PY_NETWORK                  (0)
#define MICROPY_PY_SOCKET                   (0)
#define MICROPY_PY_SSL                      (0)
#define MICROPY_PY_THREAD                   (0)
#define MICROPY_PY_BTREE                    (0)
// re is modules/re.py over modre_port.c (_re), not modre.c over re1.5.
#define MICROPY_PY_RE                       (0)
#define MICROPY_PY_FRAMEBUF                 (1)
#define MICROPY_PY_ONEWIRE                  (0)
#define MICROPY_PY_BLUETOOTH                (0)

// Blocking waits (select/asyncio idle loops) sleep through the host so they
// honour the wall-clock deadline instead of spinning on fuel.
#define MICROPY_EVENT_POLL_HOOK \
    do { \
        extern void mp_handle_pending(bool); \
        mp_handle_pending(true); \
        mp_hal_delay_ms(1); \
    } while (0);

// Soft limits and cancel (main.c): every MPW_POLL_INTERVAL passes through the
// VM's safe points (branches, the start of a bytecode frame) the guest asks
// the host, through the `poll` import, whether to raise `LimitExceeded` or
// `KeyboardInterrupt` there. The countdown keeps the cost of the check to a
// decrement on most branches; the host enforces a grace period for code
// that never reaches a safe point (a long C call).
extern int mpw_poll_countdown;
void mpw_poll_host(void);
#define MPW_VM_POLL do { if (--mpw_poll_countdown <= 0) { mpw_poll_host(); } } while (0);
#define MICROPY_VM_HOOK_INIT MPW_VM_POLL
#define MICROPY_VM_HOOK_LOOP MPW_VM_POLL
// LimitExceeded(BaseException): a soft wall-clock or fuel limit, which
// `except Exception` does not catch, so the run ends unless the code insists.
extern const struct _mp_obj_type_t mp_type_LimitExceeded;
#define MICROPY_PORT_EXTRA_BUILTINS \
    { MP_ROM_QSTR(MP_QSTR_LimitExceeded), MP_ROM_PTR(&mp_type_LimitExceeded) },

// --- Types ----------------------------------------------------------------
#define MP_SSIZE_MAX (0x7fffffff)
#define UINT_FMT "%u"
#define INT_FMT "%d"
typedef int mp_int_t; // must be pointer size
typedef unsigned mp_uint_t; // must be pointer size
typedef long mp_off_t;

#define MICROPY_HW_BOARD_NAME "mpwasm"
#define MICROPY_HW_MCU_NAME "wasm32-wasip1"
#define MICROPY_BANNER_MACHINE "mpwasm with wasm32-wasip1"

#define MP_STATE_PORT MP_STATE_VM

// Needed for DT_* symbols from dirent.h used by the POSIX VFS.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

extern const struct _mp_print_t mp_stderr_print;

uint32_t mpw_random_seed(void);

// --- CPython compatibility ------------------------------------------------
// CPython's exception classes and messages (compat_errors.c): the raising
// sites in py/ call these when MICROPY_MPW_CPYTHON_ERRORS is set
// (patches/0200-cpython-exceptions.patch; mpy-cross, built from the same
// patched tree, leaves it unset and keeps MicroPython's texts).
#include <stdbool.h>
#define MICROPY_MPW_CPYTHON_ERRORS          (1)
struct _mp_obj_type_t;
struct _mp_obj_tuple_t;
extern const struct _mp_obj_type_t mp_type_RecursionError;
__attribute__((noreturn)) void mpw_raise_zero_division(int op, bool is_float);
__attribute__((noreturn)) void mpw_raise_unsupported_binary(int op, void *lhs, void *rhs);
__attribute__((noreturn)) void mpw_raise_unsupported_unary(int op, void *arg);
__attribute__((noreturn)) void mpw_raise_not_in_sequence(const struct _mp_obj_type_t *type, void *value, bool remove);
__attribute__((noreturn)) void mpw_raise_float_parse_error(const char *str, size_t len);
void mpw_exception_print_args(const struct _mp_print_t *print, const struct _mp_obj_type_t *type,
    const struct _mp_obj_tuple_t *args, int kind);
// str's methods and step slicing (compat_str.c, patches/0201-str-methods.patch).
#define MICROPY_MPW_CPYTHON_STR             (1)
struct _mp_obj_dict_t;
extern const struct _mp_obj_dict_t mpw_str_locals_dict;
void *mpw_str_slice_step(void *self, void *slice);
bool mpw_unichar_isprintable(uint32_t c);
// Built-ins and number methods as CPython's (compat_builtins.c,
// patches/0210-builtins.patch): pow(b, -e, m), int.bit_length/bit_count/
// as_integer_ratio, to_bytes/from_bytes with CPython's defaults and signed=,
// float.is_integer/as_integer_ratio, vars(), zip(strict=), multi-argument
// set.intersection/union, sys.get/setrecursionlimit.
#define MICROPY_MPW_CPYTHON_BUILTINS        (1)
struct _mp_obj_fun_builtin_fixed_t;
struct _mp_obj_fun_builtin_var_t;
struct _mp_rom_obj_static_class_method_t;
void *mpw_int_pow3(void *base, void *exponent, void *modulus);
void mpw_zip_strict_check(size_t stopped, size_t n, void **iters);
extern const struct _mp_obj_fun_builtin_var_t mpw_int_to_bytes_obj;
extern const struct _mp_rom_obj_static_class_method_t mpw_int_from_bytes_obj;
extern const struct _mp_obj_fun_builtin_fixed_t mpw_int_bit_length_obj;
extern const struct _mp_obj_fun_builtin_fixed_t mpw_int_bit_count_obj;
extern const struct _mp_obj_fun_builtin_fixed_t mpw_int_as_integer_ratio_obj;
extern const struct _mp_obj_fun_builtin_fixed_t mpw_int_conjugate_obj;
extern const struct _mp_obj_dict_t mpw_float_locals_dict;
extern const struct _mp_obj_fun_builtin_var_t mpw_builtin_vars_obj;
extern const struct _mp_obj_fun_builtin_fixed_t mpw_sys_getrecursionlimit_obj;
extern const struct _mp_obj_fun_builtin_fixed_t mpw_sys_setrecursionlimit_obj;
#define MPW_INT_LOCALS \
    { MP_ROM_QSTR(MP_QSTR_from_bytes), MP_ROM_PTR(&mpw_int_from_bytes_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_to_bytes), MP_ROM_PTR(&mpw_int_to_bytes_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_bit_length), MP_ROM_PTR(&mpw_int_bit_length_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_bit_count), MP_ROM_PTR(&mpw_int_bit_count_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_as_integer_ratio), MP_ROM_PTR(&mpw_int_as_integer_ratio_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_conjugate), MP_ROM_PTR(&mpw_int_conjugate_obj) },
// format(), __format__ and the whole format-spec mini-language in
// str.format and f-strings (compat_format.c, patches/0220-format.patch).
#define MICROPY_MPW_CPYTHON_FORMAT          (1)
struct _vstr_t;
void mpw_format_obj(struct _vstr_t *out, void *arg, const char *spec, size_t spec_len);
void *mpw_format_field_lookup(void *arg, const char *p, const char *top);
struct _mp_print_t;
void mpw_float_print(const struct _mp_print_t *print, double value);
int mpw_format_float_c(double f, char *buf, size_t size, char fmt, int prec, char sign);
extern const struct _mp_obj_fun_builtin_var_t mpw_builtin_format_obj;
#define MICROPY_PORT_BUILTINS \
    { MP_ROM_QSTR(MP_QSTR_vars), MP_ROM_PTR(&mpw_builtin_vars_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_format), MP_ROM_PTR(&mpw_builtin_format_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_RecursionError), MP_ROM_PTR(&mp_type_RecursionError) },
