"""Windows security descriptors: "only the user who runs screenpop" (ctypes, stdlib).

Used for the notify pipe (``screenpop.bridges.notify_pipe``) and the folder
that names it: a protected DACL (no inherited entries) with a single entry
granting everything to the current user's SID. Administrators and SYSTEM can
still take ownership, as on any Windows object; other users get nothing.

Imported on Windows only; the functions raise ``OSError`` with the Windows
error when a call fails.
"""

from __future__ import annotations

import sys

if sys.platform != "win32":  # pragma: no cover - the module is Windows-only
    raise ImportError("screenpop.winsec is for Windows")

import ctypes
from ctypes import wintypes
from dataclasses import dataclass
from pathlib import Path

_advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)
_kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)

_TOKEN_QUERY = 0x0008
_TOKEN_USER = 1
_SDDL_REVISION_1 = 1
_SE_FILE_OBJECT = 1
_DACL_SECURITY_INFORMATION = 0x00000004
_PROTECTED_DACL_SECURITY_INFORMATION = 0x80000000

_kernel32.GetCurrentProcess.restype = wintypes.HANDLE
_kernel32.GetCurrentProcess.argtypes = []
_kernel32.CloseHandle.argtypes = [wintypes.HANDLE]
_kernel32.LocalFree.restype = ctypes.c_void_p
_kernel32.LocalFree.argtypes = [ctypes.c_void_p]
_advapi32.OpenProcessToken.argtypes = [
    wintypes.HANDLE,
    wintypes.DWORD,
    ctypes.POINTER(wintypes.HANDLE),
]
_advapi32.GetTokenInformation.argtypes = [
    wintypes.HANDLE,
    ctypes.c_int,
    ctypes.c_void_p,
    wintypes.DWORD,
    ctypes.POINTER(wintypes.DWORD),
]
_advapi32.ConvertSidToStringSidW.argtypes = [ctypes.c_void_p, ctypes.POINTER(wintypes.LPWSTR)]
_advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW.argtypes = [
    wintypes.LPCWSTR,
    wintypes.DWORD,
    ctypes.POINTER(ctypes.c_void_p),
    ctypes.c_void_p,
]
_advapi32.ConvertSecurityDescriptorToStringSecurityDescriptorW.argtypes = [
    ctypes.c_void_p,
    wintypes.DWORD,
    wintypes.DWORD,
    ctypes.POINTER(wintypes.LPWSTR),
    ctypes.c_void_p,
]
_advapi32.GetSecurityDescriptorDacl.argtypes = [
    ctypes.c_void_p,
    ctypes.POINTER(wintypes.BOOL),
    ctypes.POINTER(ctypes.c_void_p),
    ctypes.POINTER(wintypes.BOOL),
]
_advapi32.SetNamedSecurityInfoW.restype = wintypes.DWORD
_advapi32.SetNamedSecurityInfoW.argtypes = [
    wintypes.LPWSTR,
    ctypes.c_int,
    wintypes.DWORD,
    ctypes.c_void_p,
    ctypes.c_void_p,
    ctypes.c_void_p,
    ctypes.c_void_p,
]
_advapi32.GetNamedSecurityInfoW.restype = wintypes.DWORD
_advapi32.GetNamedSecurityInfoW.argtypes = [
    wintypes.LPCWSTR,
    ctypes.c_int,
    wintypes.DWORD,
    ctypes.c_void_p,
    ctypes.c_void_p,
    ctypes.c_void_p,
    ctypes.c_void_p,
    ctypes.POINTER(ctypes.c_void_p),
]


class SecurityAttributes(ctypes.Structure):
    _fields_ = [
        ("nLength", wintypes.DWORD),
        ("lpSecurityDescriptor", ctypes.c_void_p),
        ("bInheritHandle", wintypes.BOOL),
    ]


def _check(ok: int) -> None:
    if not ok:
        raise ctypes.WinError(ctypes.get_last_error())


def current_user_sid() -> str:
    """The SID of the user this process runs as, e.g. ``S-1-5-21-...-1001``."""
    token = wintypes.HANDLE()
    _check(
        _advapi32.OpenProcessToken(_kernel32.GetCurrentProcess(), _TOKEN_QUERY, ctypes.byref(token))
    )
    try:
        size = wintypes.DWORD()
        _advapi32.GetTokenInformation(token, _TOKEN_USER, None, 0, ctypes.byref(size))
        buf = ctypes.create_string_buffer(size.value)
        _check(_advapi32.GetTokenInformation(token, _TOKEN_USER, buf, size, ctypes.byref(size)))
        psid = ctypes.cast(buf, ctypes.POINTER(ctypes.c_void_p))[0]  # TOKEN_USER.User.Sid
        text = wintypes.LPWSTR()
        _check(_advapi32.ConvertSidToStringSidW(psid, ctypes.byref(text)))
        try:
            return str(text.value)
        finally:
            _kernel32.LocalFree(ctypes.cast(text, ctypes.c_void_p))
    finally:
        _kernel32.CloseHandle(token)


@dataclass
class Descriptor:
    """A self-relative security descriptor, kept alive as long as it is used."""

    sddl: str
    pointer: ctypes.c_void_p

    @classmethod
    def from_sddl(cls, sddl: str) -> Descriptor:
        psd = ctypes.c_void_p()
        _check(
            _advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW(
                sddl, _SDDL_REVISION_1, ctypes.byref(psd), None
            )
        )
        return cls(sddl, psd)

    def attributes(self) -> SecurityAttributes:
        return SecurityAttributes(ctypes.sizeof(SecurityAttributes), self.pointer, False)

    def free(self) -> None:
        if self.pointer:
            _kernel32.LocalFree(self.pointer)
            self.pointer = ctypes.c_void_p()


def user_only(sid: str | None = None, *, inherit: bool = False) -> Descriptor:
    """A protected DACL granting everything to ``sid`` (default: this user) alone.

    ``inherit``: for a folder, files and subfolders created in it get the same.
    """
    flags = "OICI" if inherit else ""
    return Descriptor.from_sddl(f"D:P(A;{flags};GA;;;{sid or current_user_sid()})")


def restrict_to_user(path: Path) -> None:
    """Replace ``path``'s DACL with one that only this user is on (folders: inherited).

    Protected: the entries the folder above would hand down are dropped.
    """
    descriptor = user_only(inherit=path.is_dir())
    try:
        present, defaulted = wintypes.BOOL(), wintypes.BOOL()
        dacl = ctypes.c_void_p()
        _check(
            _advapi32.GetSecurityDescriptorDacl(
                descriptor.pointer,
                ctypes.byref(present),
                ctypes.byref(dacl),
                ctypes.byref(defaulted),
            )
        )
        err = _advapi32.SetNamedSecurityInfoW(
            str(path),
            _SE_FILE_OBJECT,
            _DACL_SECURITY_INFORMATION | _PROTECTED_DACL_SECURITY_INFORMATION,
            None,
            None,
            dacl,
            None,
        )
        if err:
            raise ctypes.WinError(err)
    finally:
        descriptor.free()
    # WORKAROUND (Wine 8): it answers success and keeps the old DACL on files.
    got = dacl_of(str(path))
    if not got.startswith("D:P(") or got.count("(A;") != 1:
        raise OSError(f"{path} kept the DACL {got}")


def dacl_of(path: str) -> str:
    """The DACL of a file, folder or pipe as SDDL (``D:P(A;;FA;;;S-1-5-...)``)."""
    psd = ctypes.c_void_p()
    err = _advapi32.GetNamedSecurityInfoW(
        path,
        _SE_FILE_OBJECT,
        _DACL_SECURITY_INFORMATION,
        None,
        None,
        None,
        None,
        ctypes.byref(psd),
    )
    if err:
        raise ctypes.WinError(err)
    try:
        text = wintypes.LPWSTR()
        _check(
            _advapi32.ConvertSecurityDescriptorToStringSecurityDescriptorW(
                psd, _SDDL_REVISION_1, _DACL_SECURITY_INFORMATION, ctypes.byref(text), None
            )
        )
        try:
            return str(text.value)
        finally:
            _kernel32.LocalFree(ctypes.cast(text, ctypes.c_void_p))
    finally:
        _kernel32.LocalFree(psd)
