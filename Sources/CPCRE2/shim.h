#ifndef CLAY_GUARD_CPCRE2_SHIM_H
#define CLAY_GUARD_CPCRE2_SHIM_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* PCRE2_UNSET and PCRE2_ZERO_TERMINATED are macros Swift cannot import. */
static inline size_t clay_pcre2_unset(void) { return PCRE2_UNSET; }

#endif
