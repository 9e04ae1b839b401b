// mpwasm guest entry points: a WASI reactor around the MicroPython VM.
//
// Exports (see README.md for the full contract):
//   mpw_init()                     boot the VM; called once (at snapshot time)
//   mpw_input(len) -> ptr          a guest buffer of >= len bytes for the next request
//   mpw_exec(name_len, src_len, mode) -> status
//                                  run input[name_len..name_len+src_len] in the
//                                  persistent __main__ globals, with
//                                  input[0..name_len] as the file name
//   mpw_info() -> ptr              details of the last mpw_exec (exit code, exception)
//   mpw_heap_info(ptr)             GC heap statistics
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "py/builtin.h"
#include "py/compile.h"
#include "py/cstack.h"
#include "py/gc.h"
#include "py/mperrno.h"
#include "py/mphal.h"
#include "py/objexcept.h"
#include "py/objstr.h"
#include "py/runtime.h"
#include "py/stackctrl.h"
#include "extmod/vfs.h"
#include "extmod/vfs_posix.h"

#include "mpwasm_abi.h"

// wasi-libc: forget the preopened directories it has read, so a snapshot
// taken after boot looks them up again in the process that runs it.
void __wasilibc_reset_preopens(void);

// Initial GC heap; it grows on demand (MICROPY_GC_SPLIT_HEAP_AUTO).
#define MPW_INITIAL_HEAP_BYTES (256 * 1024)

// Shadow stack budget that MicroPython's recursion check allows. The linker
// reserves MPW_STACK_BYTES (see Makefile); keep a margin for C frames that
// run after the check (exception printing, GC marking).
#ifndef MPW_STACK_BYTES
#define MPW_STACK_BYTES (1024 * 1024)
#endif
#define MPW_STACK_LIMIT_MAX (MPW_STACK_BYTES - MPW_STACK_LIMIT_RESERVE_BYTES)

// The host lowers this to match its native Wasm stack limit (a Python call
// level uses about half as much shadow stack as native stack), so deep
// recursion ends as RuntimeError rather than a host stack-overflow trap.
static uint32_t stack_limit = MPW_STACK_LIMIT_MAX;

// Memory that lives outside the GC heap: request buffer and result details.
static char *input_buf;
static size_t input_cap;

typedef struct {
    char *buf;
    size_t len;
    size_t cap;
    // An append failed: later ones are dropped too, so the text stays a clean
    // prefix instead of gaining fragments that happen to fit.
    bool full;
} cbuf_t;

static cbuf_t info_text;

static mpw_info_t info;
static bool vm_ready;

static void cbuf_append(cbuf_t *b, const char *s, size_t n) {
    if (b->full) {
        return;
    }
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n) {
            cap *= 2;
        }
        char *p = realloc(b->buf, cap);
        if (p == NULL) {
            b->full = true; // out of memory: details are dropped, the status still says what happened
            return;
        }
        b->buf = p;
        b->cap = cap;
    }
    memcpy(b->buf + b->len, s, n);
    b->len += n;
}

static void info_print_strn(void *env, const char *str, size_t len) {
    (void)env;
    cbuf_append(&info_text, str, len);
}

static const mp_print_t info_print = {NULL, info_print_strn};

static void stderr_print_strn(void *env, const char *str, size_t len) {
    (void)env;
    while (len > 0) {
        ssize_t n = write(STDERR_FILENO, str, len);
        if (n <= 0) {
            return;
        }
        str += n;
        len -= (size_t)n;
    }
}

const mp_print_t mp_stderr_print = {NULL, stderr_print_strn};

uint32_t mpw_random_seed(void) {
    uint32_t seed = 0;
    getentropy(&seed, sizeof(seed));
    return seed;
}

// Record the top of the shadow stack for this entry into the guest: the GC
// scans from the current stack pointer up to here, and the recursion check
// measures from here. Each export sets it and then calls a noinline worker,
// so every frame that can hold a root lies below the marker.
#define MPW_ENTER() \
    volatile int mpw_stack_marker = 0; \
    mp_stack_set_top((void *)&mpw_stack_marker); \
    mp_stack_set_limit(stack_limit)

#define MPW_NOINLINE __attribute__((noinline))

// py/cstack.c is replaced by these (see the Makefile): the recursion check
// also trips when the host says the native Wasm stack is nearly used up.
mp_uint_t mp_cstack_usage(void) {
    volatile int stack_dummy;
    return (mp_uint_t)(MP_STATE_THREAD(stack_top) - (char *)&stack_dummy);
}

void mp_cstack_init_with_sp_here(size_t stack_size) {
    volatile int stack_dummy;
    mp_cstack_init_with_top((void *)&stack_dummy, stack_size);
}

void mp_cstack_check(void) {
    if (mp_cstack_usage() >= MP_STATE_THREAD(stack_limit) || mpw_import_stack_exhausted()) {
        mp_raise_recursion_depth();
    }
}

// --- Soft limits and cancel ---------------------------------------------
//
// The host cannot raise an exception in the guest by itself: it answers the
// `poll` import, which the VM asks at its safe points (MPW_VM_POLL in
// mpconfigport.h) and after every sleep. A nonzero answer schedules the
// exception as MicroPython's own Ctrl-C does (mp_sched_exception), so the
// pending-exception check that follows the hook raises it where a bytecode
// instruction would raise, and `finally` blocks and handlers run.

MP_DEFINE_EXCEPTION(LimitExceeded, BaseException)

// Safe points between two questions to the host: a loop iteration passes
// one or two, so the host hears from the guest every few microseconds.
#define MPW_POLL_INTERVAL 64

int mpw_poll_countdown = MPW_POLL_INTERVAL;

// Only runs ask: booting (also at snapshot time, where the host's imports
// trap) never does.
static bool polling;

// Preallocated like mp_kbd_exception: raising it allocates nothing, so a
// full heap cannot turn the limit into a MemoryError.
MP_REGISTER_ROOT_POINTER(mp_obj_exception_t mpw_limit_exception);

static MP_DEFINE_STR_OBJ(wall_clock_text, "wall-clock limit reached");
static MP_DEFINE_STR_OBJ(fuel_text, "fuel limit reached");
static const mp_rom_obj_tuple_t wall_clock_args = {{&mp_type_tuple}, 1, {MP_ROM_PTR(&wall_clock_text)}};
static const mp_rom_obj_tuple_t fuel_args = {{&mp_type_tuple}, 1, {MP_ROM_PTR(&fuel_text)}};

static void schedule_interrupt(int32_t kind) {
    mp_obj_exception_t *exc;
    if (kind == MPW_INTERRUPT_CANCEL) {
        exc = &MP_STATE_VM(mp_kbd_exception);
    } else {
        exc = &MP_STATE_VM(mpw_limit_exception);
        exc->base.type = &mp_type_LimitExceeded;
        exc->args = (mp_obj_tuple_t *)(kind == MPW_INTERRUPT_FUEL ? &fuel_args : &wall_clock_args);
    }
    // A traceback from an earlier raise of the same object would be extended.
    exc->traceback_alloc = 0;
    exc->traceback_len = 0;
    exc->traceback_data = NULL;
    mp_sched_exception(MP_OBJ_FROM_PTR(exc));
}

void mpw_poll_host(void) {
    mpw_poll_countdown = MPW_POLL_INTERVAL;
    if (!polling) {
        return;
    }
    int32_t kind = mpw_import_poll();
    if (kind != MPW_INTERRUPT_NONE) {
        schedule_interrupt(kind);
    }
}

static MPW_NOINLINE int32_t init_vm(void) {
    char *heap = malloc(MPW_INITIAL_HEAP_BYTES);
    if (heap == NULL) {
        return MPW_STATUS_NOT_READY;
    }
    gc_init(heap, heap + MPW_INITIAL_HEAP_BYTES);
    mp_init();

    // The whole WASI namespace is visible through one POSIX VFS at "/"; what is
    // reachable is exactly what the host preopened (read-only /input).
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_obj_t args[2] = {
            MP_OBJ_TYPE_GET_SLOT(&mp_type_vfs_posix, make_new)(&mp_type_vfs_posix, 0, 0, NULL),
            MP_OBJ_NEW_QSTR(MP_QSTR__slash_),
        };
        mp_vfs_mount(2, args, (mp_map_t *)&mp_const_empty_map);
        MP_STATE_VM(vfs_cur) = MP_STATE_VM(vfs_mount_table);
        mp_obj_list_append(mp_sys_path, MP_OBJ_NEW_QSTR(MP_QSTR__slash_input));
        nlr_pop();
    } else {
        return MPW_STATUS_NOT_READY;
    }
    vm_ready = true;
    return MPW_STATUS_OK;
}

MPW_EXPORT(MPW_EXPORT_INIT)
int32_t mpw_init(void) {
    if (vm_ready) {
        return MPW_STATUS_OK;
    }
    MPW_ENTER();
    return init_vm();
}

// Pre-initialisation entry for snapshotting (wasmtime-wizer calls
// `_initialize`, then this, then saves memory and globals). A failed boot traps
// so a broken snapshot is never produced.
MPW_EXPORT(MPW_EXPORT_WIZER_INITIALIZE)
void mpw_wizer_initialize(void) {
    if (mpw_init() != MPW_STATUS_OK) {
        __builtin_trap();
    }
    __wasilibc_reset_preopens();
}

// Set the shadow-stack budget for Python recursion; returns the value in force
// (clamped to what the linker reserved).
MPW_EXPORT(MPW_EXPORT_SET_STACK_LIMIT)
uint32_t mpw_set_stack_limit(uint32_t bytes) {
    if (bytes < MPW_MIN_STACK_LIMIT_BYTES) {
        bytes = MPW_MIN_STACK_LIMIT_BYTES;
    }
    stack_limit = bytes > MPW_STACK_LIMIT_MAX ? MPW_STACK_LIMIT_MAX : bytes;
    return stack_limit;
}

MPW_EXPORT(MPW_EXPORT_INPUT)
char *mpw_input(uint32_t len) {
    if (len > input_cap) {
        char *p = realloc(input_buf, len);
        if (p == NULL) {
            return NULL;
        }
        input_buf = p;
        input_cap = len;
    }
    return input_buf ? input_buf : (char *)&input_cap;
}

MPW_EXPORT(MPW_EXPORT_INFO)
mpw_info_t *mpw_info(void) {
    return &info;
}

// What CPython prints for an exception whose __str__ fails.
#define STR_FAILED "<exception str() failed>"

// Reporting one exception must not raise another (a __str__ that raises or
// calls sys.exit, MemoryError): such printing runs under its own handler and
// says whether it completed.
static bool print_guarded(const mp_print_t *print, mp_obj_t obj, bool as_exception) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        if (as_exception) {
            mp_obj_print_exception(print, obj);
        } else {
            mp_obj_print_helper(print, obj, PRINT_STR);
        }
        nlr_pop();
        return true;
    }
    return false;
}

static void record_exception(mp_obj_t exc) {
    const mp_obj_type_t *type = mp_obj_get_type(exc);
    const char *name = qstr_str(type->name);
    size_t type_off = info_text.len;
    cbuf_append(&info_text, name, strlen(name));
    size_t message_off = info_text.len;
    if (!print_guarded(&info_print, exc, false)) {
        info_text.len = message_off;
        cbuf_append(&info_text, STR_FAILED, strlen(STR_FAILED));
    }
    size_t traceback_off = info_text.len;
    if (!print_guarded(&info_print, exc, true)) {
        // The traceback lines and "Type: " are out; the message failed.
        cbuf_append(&info_text, STR_FAILED "\n", strlen(STR_FAILED "\n"));
    }
    size_t end = info_text.len;
    uintptr_t base = (uintptr_t)info_text.buf;
    info.type_ptr = base + type_off;
    info.type_len = message_off - type_off;
    info.message_ptr = base + message_off;
    info.message_len = traceback_off - message_off;
    info.traceback_ptr = base + traceback_off;
    info.traceback_len = end - traceback_off;
}

// SystemExit follows CPython: None -> 0, an int -> that code, anything else
// (or an int too big for the exit status) is printed to stderr and the code
// is 1.
static int32_t system_exit_code(mp_obj_t exc) {
    mp_obj_t value = mp_obj_exception_get_value(exc);
    if (value == mp_const_none) {
        return 0;
    }
    mp_int_t code = 0;
    bool is_small_int = false;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        // Raises OverflowError for an int beyond a machine word.
        is_small_int = mp_obj_get_int_maybe(value, &code);
        nlr_pop();
    }
    if (is_small_int) {
        return (int32_t)code;
    }
    if (!print_guarded(&mp_stderr_print, value, false)) {
        mp_print_str(&mp_stderr_print, STR_FAILED);
    }
    mp_print_str(&mp_stderr_print, "\n");
    return 1;
}

static void flush_std_streams(void) {
    // Output is unbuffered (direct fd writes), nothing to flush; keep a hook
    // for symmetry with ports that buffer.
}

// A program run under a file name (not "<stdin>" or "<string>") is a script,
// as with the unix port: `__file__` names it and sys.path[0] is its directory.
static void set_script_file(qstr source_name, uint32_t name_len) {
    mp_store_global(MP_QSTR___file__, MP_OBJ_NEW_QSTR(source_name));
    const char *slash = NULL;
    for (uint32_t i = 0; i < name_len; i++) {
        if (input_buf[i] == '/') {
            slash = &input_buf[i];
        }
    }
    size_t path_len;
    mp_obj_t *path_items;
    mp_obj_list_get(mp_sys_path, &path_len, &path_items);
    if (slash != NULL && path_len > 0) {
        size_t dir_len = slash == input_buf ? 1 : (size_t)(slash - input_buf);
        path_items[0] = mp_obj_new_str(input_buf, dir_len);
    }
}

static MPW_NOINLINE int32_t exec_source(uint32_t name_len, uint32_t src_len, uint32_t mode) {
    int32_t status = MPW_STATUS_OK;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        qstr source_name = name_len ? qstr_from_strn(input_buf, name_len) : MP_QSTR__lt_string_gt_;
        mp_lexer_t *lex = mp_lexer_new_from_str_len(source_name, input_buf + name_len, src_len, 0);
        mp_parse_input_kind_t kind = mode == MPW_MODE_SINGLE ? MP_PARSE_SINGLE_INPUT
            : mode == MPW_MODE_EVAL ? MP_PARSE_EVAL_INPUT : MP_PARSE_FILE_INPUT;
        mp_parse_tree_t tree = mp_parse(lex, kind);
        mp_obj_t fun = mp_compile(&tree, source_name, mode == MPW_MODE_SINGLE);
        if (mode == MPW_MODE_FILE && name_len > 0 && input_buf[0] != '<') {
            set_script_file(source_name, name_len);
        }
        mp_obj_t result = mp_call_function_0(fun);
        if (mode == MPW_MODE_EVAL) {
            mp_obj_print_helper(MP_PYTHON_PRINTER, result, PRINT_REPR);
            mp_print_str(MP_PYTHON_PRINTER, "\n");
        }
        mp_handle_pending(true);
        nlr_pop();
    } else {
        mp_obj_t exc = MP_OBJ_FROM_PTR(nlr.ret_val);
        if (mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(exc)), MP_OBJ_FROM_PTR(&mp_type_SystemExit))) {
            info.exit_code = (uint32_t)system_exit_code(exc);
            status = MPW_STATUS_SYSTEM_EXIT;
        } else {
            record_exception(exc);
            status = MPW_STATUS_EXCEPTION;
        }
    }
    flush_std_streams();
    return status;
}

MPW_EXPORT(MPW_EXPORT_EXEC)
int32_t mpw_exec(uint32_t name_len, uint32_t src_len, uint32_t mode) {
    memset(&info, 0, sizeof(info));
    info_text.len = 0;
    info_text.full = false;
    if (!vm_ready) {
        return MPW_STATUS_NOT_READY;
    }
    if ((uint64_t)name_len + src_len > input_cap || mode > MPW_MODE_EVAL) {
        return MPW_STATUS_BAD_REQUEST;
    }
    MPW_ENTER();
    // The same run asks at the same points: fuel use stays deterministic.
    mpw_poll_countdown = MPW_POLL_INTERVAL;
    polling = true;
    int32_t status = exec_source(name_len, src_len, mode);
    polling = false;
    // An interrupt scheduled while another exception was already ending the
    // run was never raised: it must not fire in the next run.
    MP_STATE_MAIN_THREAD(mp_pending_exception) = MP_OBJ_NULL;
    return status;
}

// GC statistics for the host, all in bytes (gc_info counts max_free in blocks).
MPW_EXPORT(MPW_EXPORT_HEAP_INFO)
void mpw_heap_info(mpw_heap_info_t *out) {
    gc_info_t gi;
    gc_info(&gi);
    out->total_bytes = gi.total;
    out->used_bytes = gi.used;
    out->free_bytes = gi.free;
    out->largest_free_bytes = gi.max_free * MICROPY_BYTES_PER_GC_BLOCK;
}

// --- Functions MicroPython needs from every port ------------------------

// --- GC heap areas -------------------------------------------------------
//
// The GC heap starts with one malloc'ed area and grows by whole pages from
// memory.grow, up to the limit the host sets with mpw_set_memory_limit.
// Areas the GC empties are kept on a free list and reused first.

#define WASM_PAGE ((size_t)65536)

typedef struct heap_run {
    size_t pages;
    struct heap_run *next; // while on the free list
} heap_run_t;

// Runs keep their header in front of the area handed to the GC.
#define HEAP_RUN_HEADER ((sizeof(heap_run_t) + 15) & ~(size_t)15)

static heap_run_t *free_runs;
static size_t memory_limit_pages = 65536; // 4 GiB until the host says otherwise

MPW_EXPORT(MPW_EXPORT_SET_MEMORY_LIMIT)
void mpw_set_memory_limit(uint32_t pages) {
    memory_limit_pages = pages;
}

static size_t run_pages_for(size_t bytes) {
    return (bytes + HEAP_RUN_HEADER + WASM_PAGE - 1) / WASM_PAGE;
}

void *mpw_alloc_heap_area(size_t bytes) {
    size_t pages = run_pages_for(bytes);
    for (heap_run_t **link = &free_runs; *link != NULL; link = &(*link)->next) {
        if ((*link)->pages >= pages) {
            heap_run_t *run = *link;
            *link = run->next;
            return (char *)run + HEAP_RUN_HEADER;
        }
    }
    size_t old = __builtin_wasm_memory_grow(0, pages);
    if (old == (size_t)-1) {
        return NULL;
    }
    heap_run_t *run = (heap_run_t *)(old * WASM_PAGE);
    run->pages = pages;
    run->next = NULL;
    return (char *)run + HEAP_RUN_HEADER;
}

void mpw_free_heap_area(void *area) {
    heap_run_t *run = (heap_run_t *)((char *)area - HEAP_RUN_HEADER);
    run->next = free_runs;
    free_runs = run;
}

size_t gc_get_max_new_split(void) {
    // The largest area that can still be added: a free run, or what the
    // memory limit leaves (keeping a little for malloc's own needs).
    size_t best = 0;
    for (heap_run_t *run = free_runs; run != NULL; run = run->next) {
        size_t usable = run->pages * WASM_PAGE - HEAP_RUN_HEADER;
        best = usable > best ? usable : best;
    }
    size_t used_pages = __builtin_wasm_memory_size(0);
    size_t reserve_pages = 4;
    if (memory_limit_pages > used_pages + reserve_pages) {
        size_t grow = (memory_limit_pages - used_pages - reserve_pages) * WASM_PAGE - HEAP_RUN_HEADER;
        best = grow > best ? grow : best;
    }
    return best;
}

// Bytes of the GC heap in use after a collection. Only blocks up to each
// area's highest allocated block can be in use, so this costs O(used heap),
// like the sweep, where gc_info() walks every block of every area (it made
// a collection of a nearly empty 256 KiB heap 70 times dearer).
static void heap_usage(size_t *used_bytes, size_t *total_bytes) {
    size_t used_blocks = 0;
    size_t total = 0;
    for (mp_state_mem_area_t *area = &MP_STATE_MEM(area); area != NULL; area = area->next) {
        total += area->gc_pool_end - area->gc_pool_start;
        // Four 2-bit entries per allocation-table byte; 0 means a free block.
        size_t last_byte = area->gc_last_used_block / 4;
        if (last_byte >= area->gc_alloc_table_byte_len) {
            last_byte = area->gc_alloc_table_byte_len - 1;
        }
        for (size_t i = 0; i <= last_byte; i++) {
            unsigned atb = area->gc_alloc_table_start[i];
            used_blocks += __builtin_popcount((atb | (atb >> 1)) & 0x55);
        }
    }
    *used_bytes = used_blocks * MICROPY_BYTES_PER_GC_BLOCK;
    *total_bytes = total;
}

// Grow the heap early: when a collection leaves it more than half full, add
// an area as large as the heap now, while the memory limit leaves at least
// twice that. Otherwise a growing live set pays a full collection for almost
// every allocation until one fails outright (only then does py/gc.c add an
// area); near the limit the growth stays py/gc.c's alone.
static void grow_heap_if_crowded(void) {
    size_t used, total;
    heap_usage(&used, &total);
    if (used * 2 <= total) {
        return;
    }
    size_t bytes = total;
    if (bytes > gc_get_max_new_split() / 2) {
        return;
    }
    char *area = mpw_alloc_heap_area(bytes);
    if (area != NULL) {
        gc_add(area, area + bytes);
    }
}

void gc_collect(void) {
    gc_collect_start();
    // With pointer spilling every live pointer held by a Wasm local is also
    // stored in the shadow stack, so scanning the shadow stack from here to
    // the recorded top finds all roots.
    volatile uintptr_t sp_marker = 0;
    uintptr_t sp = (uintptr_t)&sp_marker;
    uintptr_t top = (uintptr_t)MP_STATE_THREAD(stack_top);
    if (top > sp) {
        gc_collect_root((void **)sp, (top - sp) / sizeof(uintptr_t));
    }
    gc_collect_end();
    grow_heap_if_crowded();
}

void nlr_jump_fail(void *val) {
    (void)val;
    static const char msg[] = "FATAL: uncaught NLR\n";
    write(STDERR_FILENO, msg, sizeof(msg) - 1);
    abort();
}
