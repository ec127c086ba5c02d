/*
 * WORKAROUND (Wine 8 only; never shipped): Qt6Core.dll imports 20 charset
 * converter functions (ucnv_*) from icuuc.dll, which Windows 10 1703 and
 * later ship in system32 and Wine 8 lacks, so `import PySide6.QtCore` fails
 * there. PyInstaller's Qt hooks import QtCore while building (to ask Qt where
 * its plugins and translations are); without it the bundle would lack them.
 * This stand-in exports those functions and reports every converter as
 * unavailable (Qt then keeps to its built-in UTF-8/UTF-16/Latin-1 codecs).
 * build-msi puts it into the system32 of its own Wine prefixes only; the MSI
 * never carries it (tests/installers/test_msi.py checks).
 */
#include <stddef.h>

#define U_FILE_ACCESS_ERROR 4

typedef int UErrorCode;

__declspec(dllexport) void *ucnv_open(const char *name, UErrorCode *err)
{
    (void)name;
    if (err != NULL && *err <= 0)
        *err = U_FILE_ACCESS_ERROR;
    return NULL;
}

__declspec(dllexport) int ucnv_countAvailable(void) { return 0; }

#define STUB(name) __declspec(dllexport) void *name(void) { return NULL; }
STUB(ucnv_close)
STUB(ucnv_reset)
STUB(ucnv_getMaxCharSize)
STUB(ucnv_getName)
STUB(ucnv_getToUCallBack)
STUB(ucnv_getFromUCallBack)
STUB(ucnv_setToUCallBack)
STUB(ucnv_setFromUCallBack)
STUB(ucnv_cbToUWriteUChars)
STUB(ucnv_cbFromUWriteUChars)
STUB(ucnv_toUnicode)
STUB(ucnv_fromUnicode)
STUB(ucnv_toUCountPending)
STUB(ucnv_fromUCountPending)
STUB(ucnv_getStandardName)
STUB(ucnv_getAvailableName)
STUB(UCNV_FROM_U_CALLBACK_SUBSTITUTE)
STUB(UCNV_TO_U_CALLBACK_SUBSTITUTE)
