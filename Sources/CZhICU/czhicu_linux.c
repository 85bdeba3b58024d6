// czhicu_linux.c — the Linux calls behind the end of czhicu.h. Apart from
// czhicu.c so that _GNU_SOURCE, which declares them, applies to them alone.
#define _GNU_SOURCE
#include "czhicu.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

int czhicu_rename_exchange(const char *a, const char *b) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
    (void)a; (void)b;
    errno = ENOSYS;
    return -1;
#endif
}

int czhicu_fallocate(int fd, int64_t offset, int64_t length) {
#if defined(__linux__)
    return fallocate(fd, 0, (off_t)offset, (off_t)length);
#else
    (void)fd; (void)offset; (void)length;
    errno = ENOSYS;
    return -1;
#endif
}
