// czhicu.c — the ICU calls behind czhicu.h. The only file that includes
// ICU's headers; see the header for why.
#include "czhicu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/utrans.h>
#include <unicode/ubrk.h>
#include <unicode/uset.h>

const char *czhicu_error_name(int32_t status) {
    return u_errorName((UErrorCode)status);
}

const char *czhicu_version(void) {
    static char text[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, text);
    return text;
}

int32_t czhicu_detect_charset(const uint8_t *bytes, int32_t length,
                              char *name, int32_t nameCapacity,
                              int32_t *confidence) {
    UErrorCode status = U_ZERO_ERROR;
    if (nameCapacity > 0) name[0] = 0;
    *confidence = 0;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return status;
    ucsdet_setText(detector, (const char *)bytes, length, &status);
    const UCharsetMatch *match = ucsdet_detect(detector, &status);
    if (U_SUCCESS(status) && match != NULL) {
        const char *found = ucsdet_getName(match, &status);
        *confidence = ucsdet_getConfidence(match, &status);
        if (U_SUCCESS(status) && found != NULL && nameCapacity > 0) {
            strncpy(name, found, (size_t)nameCapacity - 1);
            name[nameCapacity - 1] = 0;
        }
    }
    ucsdet_close(detector);
    return status;
}

// A to-Unicode callback that writes U+FFFD for each bad sequence and counts it.
typedef struct { int32_t count; } substitution_counter;

static void count_and_substitute(const void *context,
                                 UConverterToUnicodeArgs *args,
                                 const char *codeUnits, int32_t length,
                                 UConverterCallbackReason reason,
                                 UErrorCode *err) {
    (void)codeUnits; (void)length;
    if (reason > UCNV_IRREGULAR) return;  // reset, close, clone
    substitution_counter *counter = (substitution_counter *)context;
    counter->count += 1;
    static const UChar replacement[1] = { 0xFFFD };
    *err = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, replacement, 1, 0, err);
}

int32_t czhicu_convert_to_utf16(const char *charset,
                                const uint8_t *bytes, int32_t length,
                                uint16_t *out, int32_t capacity,
                                int32_t *substitutions, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    *substitutions = 0;
    UConverter *converter = ucnv_open(charset, &err);
    if (U_FAILURE(err)) { *status = err; return 0; }
    substitution_counter counter = { 0 };
    ucnv_setToUCallBack(converter, count_and_substitute, &counter,
                        NULL, NULL, &err);
    if (U_FAILURE(err)) { ucnv_close(converter); *status = err; return 0; }
    int32_t written = ucnv_toUChars(converter, (UChar *)out, capacity,
                                    (const char *)bytes, length, &err);
    ucnv_close(converter);
    *substitutions = counter.count;
    // A full buffer without room for the terminator is not an error here.
    if (err == U_STRING_NOT_TERMINATED_WARNING) err = U_ZERO_ERROR;
    *status = err;
    return written;
}

int32_t czhicu_charset_exists(const char *charset) {
    UErrorCode err = U_ZERO_ERROR;
    const char *canonical = ucnv_getCanonicalName(charset, "", &err);
    if (U_SUCCESS(err) && canonical != NULL) return 1;
    err = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &err);
    if (U_FAILURE(err)) return 0;
    ucnv_close(converter);
    return 1;
}

const char *czhicu_charset_canonical(const char *charset) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &err);
    if (U_FAILURE(err)) return NULL;
    const char *name = ucnv_getName(converter, &err);
    ucnv_close(converter);
    return U_SUCCESS(err) ? name : NULL;
}

struct czhicu_translit { UTransliterator *impl; };

czhicu_translit *czhicu_translit_open(const char *id, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UChar uid[128];
    int32_t n = 0;
    for (; id[n] != 0 && n < 127; n++) uid[n] = (UChar)(unsigned char)id[n];
    UTransliterator *impl = utrans_openU(uid, n, UTRANS_FORWARD, NULL, 0, NULL, &err);
    *status = err;
    if (U_FAILURE(err)) return NULL;
    czhicu_translit *t = (czhicu_translit *)malloc(sizeof *t);
    if (t == NULL) { utrans_close(impl); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    t->impl = impl;
    return t;
}

void czhicu_translit_close(czhicu_translit *t) {
    if (t == NULL) return;
    utrans_close(t->impl);
    free(t);
}

int32_t czhicu_translit_apply(const czhicu_translit *t, uint16_t *buffer,
                              int32_t *length, int32_t capacity) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t limit = *length;
    utrans_transUChars(t->impl, (UChar *)buffer, length, capacity, 0, &limit, &err);
    return err;
}

int32_t czhicu_translit_source_ranges(const czhicu_translit *t,
                                      int32_t *ranges, int32_t capacity,
                                      int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    USet *set = uset_openEmpty();
    utrans_getSourceSet(t->impl, 0, set, &err);
    if (U_FAILURE(err)) { uset_close(set); *status = err; return 0; }
    int32_t items = uset_getItemCount(set);
    int32_t count = 0;
    for (int32_t i = 0; i < items; i++) {
        UChar32 first, last;
        UErrorCode itemErr = U_ZERO_ERROR;
        // Length 0 means a code point range; strings (none in practice) are skipped.
        int32_t stringLength = uset_getItem(set, i, &first, &last, NULL, 0, &itemErr);
        if (stringLength != 0) continue;
        if (count < capacity) { ranges[2 * count] = first; ranges[2 * count + 1] = last; }
        count++;
    }
    uset_close(set);
    *status = count > capacity ? U_BUFFER_OVERFLOW_ERROR : U_ZERO_ERROR;
    return count;
}

int32_t czhicu_translit_rules(const czhicu_translit *t, uint16_t *out,
                              int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t length = utrans_toRules(t->impl, 0, (UChar *)out, capacity, &err);
    if (err == U_STRING_NOT_TERMINATED_WARNING) err = U_ZERO_ERROR;
    *status = err;
    return length;
}

int32_t czhicu_word_boundaries(const char *locale,
                               const uint16_t *text, int32_t length,
                               int32_t *boundaries, int32_t *ruleStatus,
                               int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open(UBRK_WORD, locale, (const UChar *)text, length, &err);
    if (U_FAILURE(err)) { *status = err; return 0; }
    int32_t count = 0;
    for (int32_t b = ubrk_first(it); b != UBRK_DONE; b = ubrk_next(it)) {
        if (count < capacity) {
            boundaries[count] = b;
            if (count > 0 && ruleStatus != NULL) ruleStatus[count - 1] = ubrk_getRuleStatus(it);
        }
        count++;
    }
    ubrk_close(it);
    *status = count > capacity ? U_BUFFER_OVERFLOW_ERROR : U_ZERO_ERROR;
    return count;
}
