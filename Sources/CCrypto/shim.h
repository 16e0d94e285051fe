#ifndef CLAY_GUARD_CCRYPTO_SHIM_H
#define CLAY_GUARD_CCRYPTO_SHIM_H

#include <openssl/sha.h>
#include <openssl/rand.h>

#endif
