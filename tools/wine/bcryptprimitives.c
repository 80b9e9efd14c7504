/*
 * TEST-ONLY shim for tools/wine/run.sh. NEVER shipped with the program.
 *
 * Rust's standard library (1.78 and later) asks bcryptprimitives.dll for
 * ProcessPrng, the system's random numbers (HashMap keys, temporary names).
 * Every Windows 10 and 11 has that DLL; Wine has it only from 9.x, and this
 * machine's Wine is 8.0, so the .exe would not start here ("bcryptprimitives.dll
 * not found"). run.sh compiles this file with MinGW-w64 into its own Wine
 * prefix's system32 only, so that the real .exe can be tried under Wine 8.
 *
 * ProcessPrng is documented to always succeed and return TRUE; here it hands
 * the work to advapi32's SystemFunction036 (RtlGenRandom), which Wine 8 has,
 * and which fills the buffer from the same system generator.
 */
#include <windows.h>

/* RtlGenRandom's real name in advapi32 (ntsecapi.h declares it only under
 * some macros, so it is declared here). */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    /* RtlGenRandom takes a ULONG length: a larger request goes in pieces. */
    while (length > 0) {
        ULONG piece = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, piece)) {
            return FALSE;
        }
        data += piece;
        length -= piece;
    }
    return TRUE;
}
