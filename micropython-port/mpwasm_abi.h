// The imports the mpwasm guest expects from its host (module "micropython_wasm").
// Documented in README.md; mirrored by crates/mpwasm-core and crates/mpwasm-host.
#ifndef MPWASM_ABI_H
#define MPWASM_ABI_H

#include <stdint.h>

#define MPW_IMPORT(name) __attribute__((import_module("micropython_wasm"), import_name(name)))

// Sleep for up to `ns` nanoseconds. The host may end the run instead (wall-clock deadline).
MPW_IMPORT("sleep_ns") void mpw_import_sleep_ns(uint64_t ns);

// Nonzero when the engine's native Wasm stack is nearly used up. MicroPython's
// recursion check measures the shadow stack in linear memory, which C
// recursion that keeps its state in Wasm locals (re backtracking, printing
// nested containers) hardly moves; this asks about the stack that traps.
MPW_IMPORT("stack_exhausted") int32_t mpw_import_stack_exhausted(void);

// Host function bridge, see micropython-usermod/host.
MPW_IMPORT("host_call") int32_t mpw_import_host_call(
    const char *name, int32_t name_len,
    const char *payload, int32_t payload_len,
    char *result, int32_t result_cap);
MPW_IMPORT("host_result_cap") int32_t mpw_import_host_result_cap(void);

#endif
