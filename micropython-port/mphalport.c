// Time, sleeping and console output for the mpwasm WASI guest.
#define _GNU_SOURCE
#include <time.h>
#include <unistd.h>

#include <string.h>

#include "py/mphal.h"
#include "shared/readline/readline.h"
#include "py/runtime.h"
#include "mpwasm_abi.h"

mp_uint_t mp_hal_stdout_tx_strn(const char *str, size_t len) {
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(STDOUT_FILENO, str + done, len - done);
        if (n <= 0) {
            break;
        }
        done += (size_t)n;
    }
    return done;
}

static uint64_t monotonic_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

mp_uint_t mp_hal_ticks_ms(void) {
    return (mp_uint_t)(monotonic_ns() / 1000000u);
}

mp_uint_t mp_hal_ticks_us(void) {
    return (mp_uint_t)(monotonic_ns() / 1000u);
}

mp_uint_t mp_hal_ticks_cpu(void) {
    return (mp_uint_t)monotonic_ns();
}

uint64_t mp_hal_time_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

// Sleeping goes through the host (not WASI poll_oneoff) so that the host can
// cut the sleep short at the run's wall-clock deadline.
// The host ends a sleep early at the deadline or on cancel; asking right
// after it raises the interrupt here rather than a few branches later.
void mp_hal_delay_us(mp_uint_t us) {
    mp_handle_pending(true);
    mpw_import_sleep_ns((int64_t)us * 1000);
    mpw_poll_host();
    mp_handle_pending(true);
}

void mp_hal_delay_ms(mp_uint_t ms) {
    mp_handle_pending(true);
    mpw_import_sleep_ns((int64_t)ms * 1000000);
    mpw_poll_host();
    mp_handle_pending(true);
}

// No newline translation on WASI: cooked output is raw output.
void mp_hal_stdout_tx_strn_cooked(const char *str, size_t len) {
    mp_hal_stdout_tx_strn(str, len);
}

// input(): read one line from WASI stdin (empty unless the host provides
// one). Returns 0, or CHAR_CTRL_D at end of input as readline.c does.
int readline(vstr_t *line, const char *prompt) {
    mp_hal_stdout_tx_strn(prompt, strlen(prompt));
    for (;;) {
        char c;
        ssize_t n = read(STDIN_FILENO, &c, 1);
        if (n <= 0) {
            return line->len == 0 ? CHAR_CTRL_D : 0;
        }
        if (c == '\n') {
            return 0;
        }
        vstr_add_byte(line, (byte)c);
    }
}
