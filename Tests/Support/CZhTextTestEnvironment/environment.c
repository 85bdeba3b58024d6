// Tests must never read or write the user's cache (~/.cache/zhtext). Before
// any test runs (a constructor, so no suite can load a dictionary first),
// this makes a fresh temporary directory for the test process: `cache/`,
// where XDG_CACHE_HOME points (inherited by the zhtext processes the
// end-to-end tests start), and `scratch/`, for the tests' temporary files.
// All of it is removed at exit.
#define _XOPEN_SOURCE 700
#include "czhtexttestenv.h"
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char directory[256];
static char cache[300];
static char scratch[300];

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw) {
    (void)sb; (void)flag; (void)ftw;
    return remove(path);
}

static void remove_directory(void) {
    if (directory[0]) nftw(directory, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

__attribute__((constructor)) static void set_up_directories(void) {
    const char *tmp = getenv("TMPDIR");
    snprintf(directory, sizeof directory, "%s/zhtext-test-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(directory)) { directory[0] = 0; return; }
    atexit(remove_directory);
    snprintf(cache, sizeof cache, "%s/cache", directory);
    snprintf(scratch, sizeof scratch, "%s/scratch", directory);
    if (mkdir(cache, 0700) != 0 || mkdir(scratch, 0700) != 0) { cache[0] = 0; scratch[0] = 0; return; }
    setenv("XDG_CACHE_HOME", cache, 1);
}

const char *zhtext_test_cache_directory(void) { return cache; }
const char *zhtext_test_scratch_directory(void) { return scratch; }
