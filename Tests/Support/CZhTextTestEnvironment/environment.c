// Tests must never read or write the user's cache (~/.cache/zhtext). Before
// any test runs (a constructor, so no suite can load a dictionary first),
// this points XDG_CACHE_HOME at a fresh temporary directory, inherited by
// the zhtext processes the end-to-end tests start, and removes it at exit.
#define _XOPEN_SOURCE 700
#include "czhtexttestenv.h"
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char directory[256];

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw) {
    (void)sb; (void)flag; (void)ftw;
    return remove(path);
}

static void remove_directory(void) {
    if (directory[0]) nftw(directory, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

__attribute__((constructor)) static void set_up_cache(void) {
    const char *tmp = getenv("TMPDIR");
    snprintf(directory, sizeof directory, "%s/zhtext-test-cache-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(directory)) { directory[0] = 0; return; }
    setenv("XDG_CACHE_HOME", directory, 1);
    atexit(remove_directory);
}

const char *zhtext_test_cache_directory(void) { return directory; }
