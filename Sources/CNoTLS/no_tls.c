/*
 * clay-guard never talks to a network, yet Debian's libgit2 (built with mbedTLS) parses the
 * whole system CA bundle inside git_libgit2_init: about 50 million instructions, a third of a
 * one-file pre-commit scan. These two definitions, exported from the executable, are what the
 * dynamic linker binds libgit2's calls to, so that start-up loads no certificate. Any TLS use of
 * libgit2 in this process would then fail to verify a peer, which is the safe way round.
 */
#include "CNoTLS.h"

struct mbedtls_x509_crt;

int mbedtls_x509_crt_parse_file(struct mbedtls_x509_crt *chain, const char *path) {
    (void)chain;
    (void)path;
    return 0;
}

int mbedtls_x509_crt_parse_path(struct mbedtls_x509_crt *chain, const char *path) {
    (void)chain;
    (void)path;
    return 0;
}

int clay_guard_tls_loaders_replaced(void) {
    return 1;
}
