#ifndef CZHTEXTTESTENV_H
#define CZHTEXTTESTENV_H
/// The temporary cache directory this test process uses (set before main).
const char *zhtext_test_cache_directory(void);
#endif
