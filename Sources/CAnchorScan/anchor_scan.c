/*
 * Kept in C so that the per-byte cost is what it looks like: one unaligned load serves five
 * positions, and each position is a fold, a multiply, a shift and a bit test.
 */
#include "CAnchorScan.h"

#include <string.h>

size_t clay_anchor_scan(const uint8_t *bytes, size_t count, size_t start, const uint64_t *bits,
                        size_t *out, size_t capacity, size_t *next) {
    size_t found = 0;
    size_t offset = start;
    if (count < 4) {
        *next = count;
        return 0;
    }
    const size_t last = count - 4;
    /* Eight bytes at a time cover the anchors at five offsets. */
    while (offset + 8 <= count && found + 5 <= capacity) {
        uint64_t word;
        memcpy(&word, bytes + offset, sizeof word);
        word |= 0x2020202020202020ull;
        for (unsigned shift = 0; shift < 5; shift++) {
            uint32_t hash = clay_anchor_hash((uint32_t)(word >> (shift * 8)));
            if (bits[hash >> 6] & (1ull << (hash & 63))) out[found++] = offset + shift;
        }
        offset += 5;
    }
    while (offset <= last && found < capacity) {
        uint32_t word;
        memcpy(&word, bytes + offset, sizeof word);
        uint32_t hash = clay_anchor_hash(word | 0x20202020u);
        if (bits[hash >> 6] & (1ull << (hash & 63))) out[found++] = offset;
        offset++;
    }
    *next = offset;
    return found;
}
