// czhicu.h — the only door from Swift into ICU (and to the two Linux file
// calls at the end, which Swift's Glibc module does not declare).
//
// Why a C shim: ICU renames its entry points by version (ucnv_open_72), so
// Swift cannot call them by their documented names, and Foundation on Linux
// ships a private ICU whose C type names (UErrorCode, UChar, ...) clash with
// the system headers when both reach one Swift module. This header therefore
// uses plain C types (uint16_t for UTF-16 code units, int32_t for status) and
// opaque handles; <unicode/*.h> is included by czhicu.c alone.
//
// Status values are ICU's UErrorCode numbers: 0 is success, negative values
// are warnings, positive values are failures. czhicu_error_name() names them.
#ifndef CZHICU_H
#define CZHICU_H

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Name of an ICU status code ("U_ILLEGAL_ARGUMENT_ERROR"); static storage.
const char *czhicu_error_name(int32_t status);

/// ICU's version, e.g. "72.1"; static storage.
const char *czhicu_version(void);

// MARK: Charset detection

/// Detects the charset of `bytes`. Writes the best match's name (NUL-ended,
/// e.g. "UTF-8", "GB18030", "Big5", "UTF-16LE") into `name` and its
/// confidence (0–100) into `confidence`. Returns a status; when ICU finds no
/// match, status is success and `name` is empty.
int32_t czhicu_detect_charset(const uint8_t *bytes, int32_t length,
                              char *name, int32_t nameCapacity,
                              int32_t *confidence);

// MARK: Conversion

/// Converts `bytes` in `charset` to UTF-16. Invalid or unmappable byte
/// sequences become U+FFFD, each one counted in `*substitutions`.
/// Returns the number of UTF-16 units written (or needed, with
/// U_BUFFER_OVERFLOW_ERROR in `*status` when `capacity` is too small).
int32_t czhicu_convert_to_utf16(const char *charset,
                                const uint8_t *bytes, int32_t length,
                                uint16_t *out, int32_t capacity,
                                int32_t *substitutions, int32_t *status);

/// 1 when ICU knows a converter named `charset`, else 0.
int32_t czhicu_charset_exists(const char *charset);

/// Canonical ICU name of `charset` (static storage), or NULL when unknown.
const char *czhicu_charset_canonical(const char *charset);

// MARK: Transliteration

typedef struct czhicu_translit czhicu_translit;

/// Opens a transliterator by ICU id, e.g. "Traditional-Simplified".
czhicu_translit *czhicu_translit_open(const char *id, int32_t *status);
void czhicu_translit_close(czhicu_translit *t);

/// Transliterates `buffer[0..<*length]` in place. `capacity` is the buffer's
/// size in units; on U_BUFFER_OVERFLOW_ERROR retry with a larger buffer.
/// Returns the status.
int32_t czhicu_translit_apply(const czhicu_translit *t, uint16_t *buffer,
                              int32_t *length, int32_t capacity);

/// Writes the code points whose text the transliterator may change (its
/// source set, filter included) as inclusive ranges: `ranges[2*i]` is the
/// first and `ranges[2*i+1]` the last code point of range `i`. Returns the
/// number of ranges (or the number needed when it exceeds `capacity`
/// ranges, with U_BUFFER_OVERFLOW_ERROR in `*status`). Used once, to turn
/// ICU's rule set into a lookup table that is much faster to apply.
int32_t czhicu_translit_source_ranges(const czhicu_translit *t,
                                      int32_t *ranges, int32_t capacity,
                                      int32_t *status);

/// Writes the transliterator's rules as source text (UTF-16), e.g.
/// "乾坤 > 乾坤;\n乾 > 干;". Returns the number of units (or the number
/// needed, with U_BUFFER_OVERFLOW_ERROR in `*status`). Multi-character
/// rules are ICU's phrase exceptions; ZhText reads them to build its table.
int32_t czhicu_translit_rules(const czhicu_translit *t, uint16_t *out,
                              int32_t capacity, int32_t *status);

// MARK: Word breaks

/// Fills `boundaries` with the word boundaries of `text` (UTF-16 offsets,
/// the first being 0 and the last `length`) using ICU's word break iterator
/// for `locale` (e.g. "zh"). `ruleStatus` receives, for each segment that
/// ends at boundaries[i+1], ICU's rule status (0 = none/punctuation/space,
/// 100..199 number, 200..299 letter, 300..399 kana, 400..499 ideo).
/// Returns the number of boundaries (or the number needed when it exceeds
/// `capacity`, with U_BUFFER_OVERFLOW_ERROR in `*status`).
int32_t czhicu_word_boundaries(const char *locale,
                               const uint16_t *text, int32_t length,
                               int32_t *boundaries, int32_t *ruleStatus,
                               int32_t capacity, int32_t *status);

// MARK: Linux file calls
//
// glibc declares these only with _GNU_SOURCE, which Swift's Glibc module is
// not built with; czhicu_linux.c defines it and calls them. Where the system
// lacks one, it fails with errno ENOSYS.

/// Swaps the files at `a` and `b` atomically (renameat2 with
/// RENAME_EXCHANGE; paths relative to the working directory). Returns 0, or
/// -1 with errno set (e.g. EINVAL where the file system cannot).
int czhicu_rename_exchange(const char *a, const char *b);

/// Allocates the blocks of bytes `offset ..< offset + length` of the open
/// file `fd` without writing them (fallocate, mode 0; not
/// posix_fallocate, which writes zeros where the file system cannot).
/// Returns 0, or -1 with errno set (e.g. EOPNOTSUPP).
int czhicu_fallocate(int fd, int64_t offset, int64_t length);

#ifdef __cplusplus
}
#endif

#endif
