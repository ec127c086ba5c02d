/*
 * WORKAROUND (Wine 8 only; never shipped): Windows 8 and later have
 * bcryptprimitives.dll, whose ProcessPrng pydantic-core (Rust's getrandom)
 * imports. Wine 8 lacks the DLL, so importing pydantic fails there. This
 * stand-in answers ProcessPrng from RtlGenRandom (advapi32's
 * SystemFunction036, which Wine has). installers/windows/build-msi puts it
 * into the system32 of its own Wine prefixes (build and test) only; the MSI
 * never carries it (tests/installers/test_msi.py checks).
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
