// _re: the matching engine under the frozen `re` module (modules/re.py).
//
// re.py parses a pattern and compiles it to a program of int32 words (the
// opcodes below); this file runs such a program over a str (UTF-8, one
// character per code point) or a bytes-like object (one character per byte)
// with a backtracking machine whose choice points live on a heap stack, so
// deep backtracking does not recurse in C. Written for mpwasm.

#include <string.h>

#include "py/runtime.h"
#include "py/objstr.h"
#include "py/unicode.h"

// Character properties and simple case mappings (compat_str.c).
uint16_t mpw_re_uniflags(unichar c);
unichar mpw_re_lower(unichar c);
unichar mpw_re_upper(unichar c);
#define UF_ALPHA (1u << 0)
#define UF_DECIMAL (1u << 4)
#define UF_DIGIT (1u << 5)
#define UF_NUMERIC (1u << 6)
#define UF_SPACE (1u << 7)

// Opcodes; keep in step with re.py.
enum {
    OP_MATCH = 0,
    OP_CHAR,        // c
    OP_CHARI,       // c (lower-cased)
    OP_ANY,         // any but \n
    OP_ANYALL,
    OP_CLASS,       // nwords flags items... (items: kind lo hi)
    OP_BOL,         // \A, or ^ without MULTILINE
    OP_MBOL,        // ^ with MULTILINE
    OP_EOL,         // $ without MULTILINE
    OP_MEOL,        // $ with MULTILINE
    OP_AEND,        // \Z
    OP_WORDB,       // flags(ascii)
    OP_NWORDB,      // flags(ascii)
    OP_SPLIT,       // first second
    OP_JMP,         // target
    OP_SAVE,        // slot
    OP_CHKPROG,     // slot exit: leave the loop when no progress since the slot was saved
    OP_BACKREF,     // group icase
    OP_LOOK,        // kind width nwords sub... (kind: 0/1 ahead, 2/3 behind, odd negative; 4 atomic)
    OP_REPEAT,      // min max greedy nwords single...
    OP_GROUPREF_EXISTS,  // group else: (?(group)yes|no)
};

// Class item kinds and categories.
enum { CI_RANGE = 0, CI_CAT = 1 };
enum { CAT_DIGIT = 0, CAT_NDIGIT, CAT_WORD, CAT_NWORD, CAT_SPACE, CAT_NSPACE };
#define CF_NEG 1
#define CF_ICASE 2
#define CF_ASCII 4

// Mode bits of exec().
#define M_ANCHOR 1
#define M_FULL 2
#define M_ADVANCE 4  // an empty match at the start position does not count

enum { BT_CHOICE, BT_RESTORE, BT_GREEDY, BT_LAZY };

typedef struct {
    int kind;
    int pc;
    const byte *sp;
    intptr_t extra;  // slot value (RESTORE), lowest position (GREEDY), count left (LAZY)
} bt_t;

typedef struct {
    const int32_t *prog;
    const byte *begin;  // the string's start (lookbehind and \b look before pos)
    const byte *end;    // endpos
    const byte *full_end;  // where a M_FULL run must end
    bool is_str;
    int nslots;
    bt_t *stack;
    size_t depth, alloc;
    bool stack_on_heap;  // starts in a C array: most matches need no allocation
} machine_t;

// Slot arrays up to this size live on the C stack.
#define LOCAL_SLOTS 32
#define LOCAL_STACK 64

static inline unichar get_ch(const machine_t *m, const byte *sp, const byte **next) {
    if (!m->is_str || *sp < 0x80) {
        *next = sp + 1;
        return *sp;
    }
    unichar c = utf8_get_char(sp);
    *next = (const byte *)utf8_next_char(sp);
    if (*next > m->end) {
        *next = m->end;
    }
    return c;
}

static inline const byte *prev_ch(const machine_t *m, const byte *sp) {
    sp--;
    if (m->is_str) {
        while (sp > m->begin && (*sp & 0xc0) == 0x80) {
            sp--;
        }
    }
    return sp;
}

static inline bool is_word(unichar c, bool ascii) {
    if (c < 0x80) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
    return !ascii && (mpw_re_uniflags(c) & (UF_ALPHA | UF_DECIMAL | UF_DIGIT | UF_NUMERIC));
}

static inline bool is_digit(unichar c, bool ascii) {
    if (c < 0x80) {
        return c >= '0' && c <= '9';
    }
    return !ascii && (mpw_re_uniflags(c) & UF_DECIMAL);
}

static inline bool is_space(unichar c, bool ascii) {
    if (c < 0x80) {
        return c == ' ' || (c >= 0x09 && c <= 0x0d) || (!ascii && c >= 0x1c && c <= 0x1f);
    }
    return !ascii && (mpw_re_uniflags(c) & UF_SPACE);
}

static bool cat_match(int cat, unichar c, bool ascii) {
    switch (cat) {
        case CAT_DIGIT:
            return is_digit(c, ascii);
        case CAT_NDIGIT:
            return !is_digit(c, ascii);
        case CAT_WORD:
            return is_word(c, ascii);
        case CAT_NWORD:
            return !is_word(c, ascii);
        case CAT_SPACE:
            return is_space(c, ascii);
        default:
            return !is_space(c, ascii);
    }
}

static bool class_items(const int32_t *it, int n, unichar c, bool ascii) {
    for (int i = 0; i + 2 < n; i += 3) {
        if (it[i] == CI_RANGE) {
            if (c >= (unichar)it[i + 1] && c <= (unichar)it[i + 2]) {
                return true;
            }
        } else if (cat_match(it[i + 1], c, ascii)) {
            return true;
        }
    }
    return false;
}

static inline unichar fold(const machine_t *m, unichar c) {
    if (c < 0x80) {
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    }
    return m->is_str ? mpw_re_lower(c) : c;
}

// Does the one-character op at pc accept c?
static bool single(const machine_t *m, const int32_t *op, unichar c) {
    switch (op[0]) {
        case OP_CHAR:
            return c == (unichar)op[1];
        case OP_CHARI:
            return fold(m, c) == (unichar)op[1];
        case OP_ANY:
            return c != '\n';
        case OP_ANYALL:
            return true;
        default: {
            // OP_CLASS
            int n = op[1], flags = op[2];
            bool ascii = flags & CF_ASCII;
            bool hit = class_items(op + 3, n - 1, c, ascii);
            if (!hit && (flags & CF_ICASE)) {
                unichar lo = fold(m, c);
                unichar up = lo < 0x80 ? ((lo >= 'a' && lo <= 'z') ? lo - 32 : lo) : (m->is_str ? mpw_re_upper(lo) : lo);
                hit = (lo != c && class_items(op + 3, n - 1, lo, ascii)) || (up != c && class_items(op + 3, n - 1, up, ascii));
            }
            return hit != (bool)(flags & CF_NEG);
        }
    }
}

static inline int single_len(const int32_t *op) {
    switch (op[0]) {
        case OP_CHAR:
        case OP_CHARI:
            return 2;
        case OP_CLASS:
            return 2 + op[1];
        default:
            return 1;
    }
}

static void push(machine_t *m, int kind, int pc, const byte *sp, intptr_t extra) {
    if (m->depth == m->alloc) {
        size_t n = m->alloc * 2;
        bt_t *grown = m_new(bt_t, n);
        memcpy(grown, m->stack, m->alloc * sizeof(bt_t));
        if (m->stack_on_heap) {
            m_del(bt_t, m->stack, m->alloc);
        }
        m->stack = grown;
        m->stack_on_heap = true;
        m->alloc = n;
    }
    bt_t *b = &m->stack[m->depth++];
    b->kind = kind;
    b->pc = pc;
    b->sp = sp;
    b->extra = extra;
}

static inline bool word_at(const machine_t *m, const byte *sp, bool ascii, bool before) {
    const byte *nx;
    if (before) {
        if (sp <= m->begin) {
            return false;
        }
        return is_word(get_ch(m, prev_ch(m, sp), &nx), ascii);
    }
    if (sp >= m->end) {
        return false;
    }
    return is_word(get_ch(m, sp, &nx), ascii);
}

// Run from pc at sp with the slots in `slots`; true on OP_MATCH (slots hold
// the captures, *out the end). `start` is the attempt's start (M_ADVANCE).
static bool run(machine_t *m, int pc, const byte *sp, intptr_t *slots, int mode, const byte *start, const byte **out) {
    const int32_t *prog = m->prog;
    size_t base = m->depth;
    for (;;) {
        const int32_t *op = prog + pc;
        const byte *nx;
        switch (op[0]) {
            case OP_MATCH:
                if ((mode & M_FULL) && sp != m->full_end) {
                    goto fail;
                }
                if ((mode & M_ADVANCE) && sp == start) {
                    goto fail;
                }
                *out = sp;
                m->depth = base;
                return true;
            case OP_CHAR:
            case OP_CHARI:
            case OP_ANY:
            case OP_ANYALL:
            case OP_CLASS:
                if (sp >= m->end || !single(m, op, get_ch(m, sp, &nx))) {
                    goto fail;
                }
                sp = nx;
                pc += single_len(op);
                break;
            case OP_BOL:
                if (sp != m->begin) {
                    goto fail;
                }
                pc += 1;
                break;
            case OP_MBOL:
                if (sp != m->begin && sp[-1] != '\n') {
                    goto fail;
                }
                pc += 1;
                break;
            case OP_EOL:
                if (!(sp == m->end || (sp + 1 == m->end && *sp == '\n'))) {
                    goto fail;
                }
                pc += 1;
                break;
            case OP_MEOL:
                if (!(sp == m->end || *sp == '\n')) {
                    goto fail;
                }
                pc += 1;
                break;
            case OP_AEND:
                if (sp != m->end) {
                    goto fail;
                }
                pc += 1;
                break;
            case OP_WORDB:
            case OP_NWORDB: {
                bool ascii = op[1] & CF_ASCII;
                bool b = word_at(m, sp, ascii, true) != word_at(m, sp, ascii, false);
                if (b != (op[0] == OP_WORDB)) {
                    goto fail;
                }
                pc += 2;
                break;
            }
            case OP_SPLIT:
                push(m, BT_CHOICE, op[2], sp, 0);
                pc = op[1];
                break;
            case OP_JMP:
                pc = op[1];
                break;
            case OP_GROUPREF_EXISTS:
                pc = (slots[2 * op[1]] >= 0 && slots[2 * op[1] + 1] >= 0) ? pc + 3 : op[2];
                break;
            case OP_SAVE:
                push(m, BT_RESTORE, op[1], NULL, slots[op[1]]);
                slots[op[1]] = sp - m->begin;
                pc += 2;
                break;
            case OP_CHKPROG:
                // an iteration that matched nothing ends the loop (as sre)
                pc = slots[op[1]] == sp - m->begin ? op[2] : pc + 3;
                break;
            case OP_BACKREF: {
                intptr_t a = slots[2 * op[1]], b = slots[2 * op[1] + 1];
                if (a < 0 || b < 0) {
                    goto fail;
                }
                const byte *g = m->begin + a, *ge = m->begin + b;
                if (!op[2]) {
                    if ((size_t)(m->end - sp) < (size_t)(b - a) || memcmp(sp, g, b - a) != 0) {
                        goto fail;
                    }
                    sp += b - a;
                } else {
                    while (g < ge) {
                        const byte *gn;
                        if (sp >= m->end || fold(m, get_ch(m, g, &gn)) != fold(m, get_ch(m, sp, &nx))) {
                            goto fail;
                        }
                        g = gn;
                        sp = nx;
                    }
                }
                pc += 3;
                break;
            }
            case OP_LOOK: {
                int kind = op[1], width = op[2];
                bool ok;
                const byte *from = sp, *e = NULL;
                bool behind = kind == 2 || kind == 3;
                if (behind) {
                    // lookbehind: a fixed number of characters back
                    for (int i = 0; i < width && from != NULL; i++) {
                        from = from > m->begin ? prev_ch(m, from) : NULL;
                    }
                }
                intptr_t local[LOCAL_SLOTS];
                intptr_t *sub = m->nslots <= LOCAL_SLOTS ? local : m_new(intptr_t, m->nslots);
                memcpy(sub, slots, m->nslots * sizeof(intptr_t));
                if (from == NULL) {
                    ok = false;
                } else {
                    const byte *save_end = m->full_end;
                    if (behind) {
                        m->full_end = sp;  // the look-behind must end here
                    }
                    ok = run(m, pc + 4, from, sub, behind ? M_FULL : 0, from, &e);
                    m->full_end = save_end;
                }
                if (ok && (kind & 1) == 0) {
                    // a positive look keeps its captures
                    for (int i = 0; i < m->nslots; i++) {
                        if (sub[i] != slots[i]) {
                            push(m, BT_RESTORE, i, NULL, slots[i]);
                            slots[i] = sub[i];
                        }
                    }
                }
                if (sub != local) {
                    m_del(intptr_t, sub, m->nslots);
                }
                if (ok == (bool)(kind & 1)) {
                    goto fail;
                }
                if (kind == 4) {
                    sp = e;
                }
                pc += 4 + op[3];
                break;
            }
            case OP_REPEAT: {
                int min = op[1], max = op[2];
                const int32_t *one = op + 5;
                int next = pc + 5 + op[4];
                int n = 0;
                while (n < min) {
                    if (sp >= m->end || !single(m, one, get_ch(m, sp, &nx))) {
                        goto fail;
                    }
                    sp = nx;
                    n++;
                }
                if (op[3]) {
                    const byte *low = sp;
                    while ((max < 0 || n < max) && sp < m->end && single(m, one, get_ch(m, sp, &nx))) {
                        sp = nx;
                        n++;
                    }
                    if (sp != low) {
                        push(m, BT_GREEDY, next, sp, low - m->begin);
                    }
                } else if (max < 0 || n < max) {
                    push(m, BT_LAZY, pc, sp, max < 0 ? -1 : max - n);
                }
                pc = next;
                break;
            }
            default:
                mp_raise_ValueError(MP_ERROR_TEXT("bad regex program"));
        }
        continue;
    fail:
        // A long backtrack stays interruptible: raise a limit or Ctrl-C that
        // the host asked for (the VM would only see it after the call).
        MICROPY_VM_HOOK_LOOP
        if (MP_STATE_MAIN_THREAD(mp_pending_exception) != MP_OBJ_NULL) {
            mp_handle_pending(true);
        }
        for (;;) {
            if (m->depth == base) {
                return false;
            }
            bt_t *b = &m->stack[m->depth - 1];
            if (b->kind == BT_RESTORE) {
                slots[b->pc] = b->extra;
                m->depth--;
                continue;
            }
            if (b->kind == BT_CHOICE) {
                pc = b->pc;
                sp = b->sp;
                m->depth--;
                break;
            }
            if (b->kind == BT_GREEDY) {
                // give back one character
                sp = prev_ch(m, b->sp);
                pc = b->pc;
                if (sp - m->begin <= b->extra) {
                    m->depth--;
                } else {
                    b->sp = sp;
                }
                break;
            }
            // BT_LAZY: take one more
            const int32_t *rop = prog + b->pc;
            sp = b->sp;
            if (sp >= m->end || !single(m, rop + 5, get_ch(m, sp, &nx))) {
                m->depth--;
                continue;
            }
            sp = nx;
            pc = b->pc + 5 + rop[4];
            if (b->extra > 0) {
                b->extra--;
            }
            if (b->extra == 0) {
                m->depth--;
            } else {
                b->sp = sp;
            }
            break;
        }
    }
}

static const byte *data_of(mp_obj_t s, size_t *len, bool *is_str) {
    if (mp_obj_is_str(s)) {
        *is_str = true;
        return (const byte *)mp_obj_str_get_data(s, len);
    }
    mp_buffer_info_t bi;
    mp_get_buffer_raise(s, &bi, MP_BUFFER_READ);
    *is_str = false;
    *len = bi.len;
    return bi.buf;
}

// exec(prog, string, bpos, bendpos, mode) -> tuple of byte offsets or None
static mp_obj_t re_exec(size_t n_args, const mp_obj_t *args) {
    mp_buffer_info_t pb;
    mp_get_buffer_raise(args[0], &pb, MP_BUFFER_READ);
    machine_t m;
    m.prog = pb.buf;
    size_t len;
    m.begin = data_of(args[1], &len, &m.is_str);
    mp_int_t pos = mp_obj_get_int(args[2]), endpos = mp_obj_get_int(args[3]);
    int mode = mp_obj_get_int(args[4]);
    if (endpos < 0 || (size_t)endpos > len) {
        endpos = len;
    }
    if (pos < 0) {
        pos = 0;
    }
    if (pos > endpos) {
        return mp_const_none;
    }
    m.end = m.begin + endpos;
    m.full_end = m.end;
    m.nslots = m.prog[0];
    int ngroupslots = m.prog[1];
    bt_t local_stack[LOCAL_STACK];
    intptr_t local_slots[LOCAL_SLOTS];
    m.alloc = LOCAL_STACK;
    m.depth = 0;
    m.stack = local_stack;
    m.stack_on_heap = false;
    intptr_t *slots = m.nslots <= LOCAL_SLOTS ? local_slots : m_new(intptr_t, m.nslots);
    // a first op that consumes one character: skip the places it refuses
    const int32_t *one = NULL;
    switch (m.prog[2]) {
        case OP_CHARI:
        case OP_CLASS:
            one = m.prog + 2;
            break;
        case OP_REPEAT:
            if (m.prog[3] >= 1) {
                one = m.prog + 2 + 5;
            }
            break;
    }
    const byte *sp = m.begin + pos, *e = NULL;
    const int32_t *first = m.prog + 2;
    bool found = false;
    for (;;) {
        if (!(mode & M_ANCHOR)) {
            // skip to the next place a literal first character occurs
            if (first[0] == OP_CHAR && first[1] < 0x80) {
                const byte *p = memchr(sp, first[1], m.end - sp);
                if (p == NULL) {
                    break;
                }
                sp = p;
            } else if (first[0] == OP_BOL && sp != m.begin) {
                break;
            } else if (one != NULL) {
                const byte *nx;
                while (sp < m.end && !single(&m, one, get_ch(&m, sp, &nx))) {
                    sp = nx;
                    mode &= ~M_ADVANCE;
                }
                if (sp >= m.end) {
                    break;
                }
            }
        }
        for (int i = 0; i < m.nslots; i++) {
            slots[i] = -1;
        }
        if (run(&m, 2, sp, slots, mode, sp, &e)) {
            found = true;
            break;
        }
        if ((mode & M_ANCHOR) || sp >= m.end) {
            break;
        }
        // only an empty match at the first position is refused
        mode &= ~M_ADVANCE;
        const byte *nx;
        get_ch(&m, sp, &nx);
        sp = nx;
    }
    mp_obj_t res = mp_const_none;
    if (found) {
        mp_obj_tuple_t *t = MP_OBJ_TO_PTR(mp_obj_new_tuple(ngroupslots, NULL));
        t->items[0] = MP_OBJ_NEW_SMALL_INT(sp - m.begin);
        t->items[1] = MP_OBJ_NEW_SMALL_INT(e - m.begin);
        for (int i = 2; i < ngroupslots; i++) {
            t->items[i] = MP_OBJ_NEW_SMALL_INT(slots[i]);
        }
        res = MP_OBJ_FROM_PTR(t);
    }
    if (m.stack_on_heap) {
        m_del(bt_t, m.stack, m.alloc);
    }
    if (slots != local_slots) {
        m_del(intptr_t, slots, m.nslots);
    }
    return res;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(re_exec_obj, 5, 5, re_exec);

// The str or bytes between two byte offsets (None for an unset group, -1
// as the second: the end).
static mp_obj_t re_bslice(mp_obj_t s, mp_obj_t a_in, mp_obj_t b_in) {
    size_t len;
    bool is_str;
    const byte *d = data_of(s, &len, &is_str);
    mp_int_t a = mp_obj_get_int(a_in), b = mp_obj_get_int(b_in);
    if (b == -1 && a >= 0) {
        b = len;  // to the end
    }
    if (a < 0 || b < a || (size_t)b > len) {
        return mp_const_none;
    }
    if (is_str) {
        return mp_obj_new_str((const char *)d + a, b - a);
    }
    return mp_obj_new_bytes(d + a, b - a);
}
static MP_DEFINE_CONST_FUN_OBJ_3(re_bslice_obj, re_bslice);

// Byte offset -> character index, and back (identity on bytes).
// m.start() in a finditer loop asks for increasing offsets in one string:
// the last answer is kept (its string rooted, so it cannot be freed and
// its address reused) and the count goes on from there, either way.
MP_REGISTER_ROOT_POINTER(mp_obj_t mpw_re_b2c_str);
static size_t b2c_last_b, b2c_last_c;

static mp_obj_t re_b2c(mp_obj_t s, mp_obj_t b_in) {
    mp_int_t b = mp_obj_get_int(b_in);
    if (b < 0 || !mp_obj_is_str(s)) {
        return b_in;
    }
    size_t len;
    const byte *d = (const byte *)mp_obj_str_get_data(s, &len);
    if ((size_t)b > len) {
        b = len;
    }
    size_t c;
    if (MP_STATE_VM(mpw_re_b2c_str) == s && (size_t)b >= b2c_last_b) {
        c = b2c_last_c + utf8_charlen(d + b2c_last_b, b - b2c_last_b);
    } else if (MP_STATE_VM(mpw_re_b2c_str) == s && b2c_last_b <= len) {
        // offsets are character boundaries: count back from the last one
        c = b2c_last_c - utf8_charlen(d + b, b2c_last_b - b);
    } else {
        c = utf8_charlen(d, b);
    }
    MP_STATE_VM(mpw_re_b2c_str) = s;
    b2c_last_b = b;
    b2c_last_c = c;
    return MP_OBJ_NEW_SMALL_INT(c);
}
static MP_DEFINE_CONST_FUN_OBJ_2(re_b2c_obj, re_b2c);

static mp_obj_t re_c2b(mp_obj_t s, mp_obj_t c_in) {
    mp_int_t c = mp_obj_get_int(c_in);
    size_t len;
    bool is_str;
    const byte *d = data_of(s, &len, &is_str);
    if (c <= 0) {
        return MP_OBJ_NEW_SMALL_INT(0);
    }
    if (!is_str) {
        return MP_OBJ_NEW_SMALL_INT((size_t)c > len ? (mp_int_t)len : c);
    }
    const byte *p = d, *top = d + len;
    while (c > 0 && p < top) {
        p = (const byte *)utf8_next_char(p);
        c--;
    }
    return MP_OBJ_NEW_SMALL_INT(p > top ? (mp_int_t)len : p - d);
}
static MP_DEFINE_CONST_FUN_OBJ_2(re_c2b_obj, re_c2b);

// sub(prog, repl_parts, string, count) -> (new, n): repl_parts is a tuple of
// str/bytes pieces and group numbers (ints), already checked by re.py.
static mp_obj_t re_sub(size_t n_args, const mp_obj_t *args) {
    mp_obj_t prog = args[0], string = args[2];
    size_t nparts;
    mp_obj_t *parts;
    mp_obj_get_array(args[1], &nparts, &parts);
    mp_int_t count = mp_obj_get_int(args[3]);
    size_t len;
    bool is_str;
    const byte *d = data_of(string, &len, &is_str);
    vstr_t out;
    vstr_init(&out, len + 16);
    mp_int_t pos = 0, n = 0, last = 0;
    int mode = 0;
    while (count <= 0 || n < count) {
        mp_obj_t a[5] = {prog, string, MP_OBJ_NEW_SMALL_INT(pos), MP_OBJ_NEW_SMALL_INT(-1), MP_OBJ_NEW_SMALL_INT(mode)};
        mp_obj_t r = re_exec(5, a);
        if (r == mp_const_none) {
            break;
        }
        // re-read: the string object does not move, but keep it simple
        d = data_of(string, &len, &is_str);
        mp_obj_tuple_t *t = MP_OBJ_TO_PTR(r);
        mp_int_t s = MP_OBJ_SMALL_INT_VALUE(t->items[0]), e = MP_OBJ_SMALL_INT_VALUE(t->items[1]);
        vstr_add_strn(&out, (const char *)d + last, s - last);
        for (size_t i = 0; i < nparts; i++) {
            if (mp_obj_is_small_int(parts[i])) {
                mp_int_t g = MP_OBJ_SMALL_INT_VALUE(parts[i]);
                mp_int_t gs = MP_OBJ_SMALL_INT_VALUE(t->items[2 * g]), ge = MP_OBJ_SMALL_INT_VALUE(t->items[2 * g + 1]);
                if (gs >= 0 && ge >= gs) {
                    vstr_add_strn(&out, (const char *)d + gs, ge - gs);
                }
            } else {
                size_t pl;
                bool ps;
                const byte *pd = data_of(parts[i], &pl, &ps);
                vstr_add_strn(&out, (const char *)pd, pl);
            }
        }
        last = e;
        n++;
        pos = e;
        mode = (s == e) ? M_ADVANCE : 0;
    }
    vstr_add_strn(&out, (const char *)d + last, len - last);
    mp_obj_t items[2];
    if (is_str) {
        items[0] = mp_obj_new_str_from_utf8_vstr(&out);
    } else {
        items[0] = mp_obj_new_bytes_from_vstr(&out);
    }
    items[1] = MP_OBJ_NEW_SMALL_INT(n);
    return mp_obj_new_tuple(2, items);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(re_sub_obj, 4, 4, re_sub);

static const mp_rom_map_elem_t re_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR__re) },
    { MP_ROM_QSTR(MP_QSTR_exec), MP_ROM_PTR(&re_exec_obj) },
    { MP_ROM_QSTR(MP_QSTR_bslice), MP_ROM_PTR(&re_bslice_obj) },
    { MP_ROM_QSTR(MP_QSTR_b2c), MP_ROM_PTR(&re_b2c_obj) },
    { MP_ROM_QSTR(MP_QSTR_c2b), MP_ROM_PTR(&re_c2b_obj) },
    { MP_ROM_QSTR(MP_QSTR_sub), MP_ROM_PTR(&re_sub_obj) },
};
static MP_DEFINE_CONST_DICT(re_module_globals, re_module_globals_table);

const mp_obj_module_t mpw_re_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&re_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR__re, mpw_re_module);
