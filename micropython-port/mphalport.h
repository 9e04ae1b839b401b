// Hardware abstraction for the mpwasm WASI guest.
#include <errno.h>
#include "py/obj.h"

#define mp_hal_stdin_rx_chr() (-1)
mp_uint_t mp_hal_stdout_tx_strn(const char *str, size_t len);

void mp_hal_delay_ms(mp_uint_t ms);
void mp_hal_delay_us(mp_uint_t us);
mp_uint_t mp_hal_ticks_ms(void);
mp_uint_t mp_hal_ticks_us(void);
mp_uint_t mp_hal_ticks_cpu(void);
uint64_t mp_hal_time_ns(void);

static inline void mp_hal_set_interrupt_char(char c) {
    (void)c;
}

// PEP 475: retry syscalls interrupted by EINTR (used by the POSIX VFS).
#define MP_HAL_RETRY_SYSCALL(ret, syscall, raise) \
    { \
        for (;;) { \
            ret = syscall; \
            if (ret == -1) { \
                int err = errno; \
                if (err == EINTR) { \
                    mp_handle_pending(true); \
                    continue; \
                } \
                raise; \
            } \
            break; \
        } \
    }
