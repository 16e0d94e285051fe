#ifndef CLAY_GUARD_CNOTLS_H
#define CLAY_GUARD_CNOTLS_H

/* Keeps the linker from dropping the definitions in no_tls.c. */
int clay_guard_tls_loaders_replaced(void);

#endif
