#ifndef CLAY_GUARD_CANCHORSCAN_H
#define CLAY_GUARD_CANCHORSCAN_H

#include <stddef.h>
#include <stdint.h>

/*
 * The keyword filter's inner loop: the offsets in [start, count - 4] whose four bytes, folded
 * with | 0x20 and hashed, hit the 65,536-bit set `bits`. Writes at most `capacity` offsets to
 * `out` and returns how many it wrote; `*next` receives the offset to resume from.
 */
size_t clay_anchor_scan(const uint8_t *bytes, size_t count, size_t start, const uint64_t *bits,
                        size_t *out, size_t capacity, size_t *next);

/* The hash the scan uses, for building the set. */
static inline uint32_t clay_anchor_hash(uint32_t folded) {
    return (uint32_t)(folded * 0x9E3779B1u) >> 16;
}

#endif
