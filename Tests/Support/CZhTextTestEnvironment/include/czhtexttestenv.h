#ifndef CZHTEXTTESTENV_H
#define CZHTEXTTESTENV_H
/// The temporary cache directory this test process uses (XDG_CACHE_HOME, set
/// before main), or "" if it could not be made.
const char *zhtext_test_cache_directory(void);
/// A temporary directory for the test process's files, removed at exit with
/// the cache, or "" if it could not be made.
const char *zhtext_test_scratch_directory(void);
#endif
