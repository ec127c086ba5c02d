# Wine helpers for installers/windows/build-msi and the Wine stage of the tests
# (sourced, not run). A prefix is a throw-away Windows: the build has its own,
# each test run makes a fresh one.
#
# Facts of Wine 8 on Debian 12 these helpers work around:
#  - a console program whose stdin or stdout is a regular file or /dev/null
#    dies at start (init_sys_streams, WinError 6): wine_run puts pipes on both;
#  - Wine has no bcryptprimitives.dll (pydantic-core imports it) and no
#    icuuc.dll (Qt6Core imports it; Windows 10+ ship both): stand-ins
#    (wine/*.c, built with mingw) go into the prefix's system32, never into
#    the MSI;
#  - Mono and Gecko installers would be offered on first start: disabled.

export WINEDEBUG=${WINEDEBUG:--all}
export WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-mscoree,mshtml=}
WINE_HELPERS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# winpath PATH: the Windows name of a Linux path (Wine's Z: drive).
winpath() { printf 'Z:%s' "$(realpath -m "$1" | tr '/' '\\')"; }

# wine_prefix DIR: use (and make, once) the Wine prefix DIR.
wine_prefix() {
  export WINEPREFIX=$1
  if [ ! -f "$WINEPREFIX/.screenpop-ready" ]; then
    mkdir -p "$WINEPREFIX"
    wineboot -i >/dev/null 2>&1 || true
    wineserver -w
    [ -d "$WINEPREFIX/drive_c/windows/system32" ] || { echo "wine: no prefix made in $WINEPREFIX" >&2; return 1; }
    wine_shim "$WINEPREFIX/drive_c/windows/system32"
    touch "$WINEPREFIX/.screenpop-ready"
  fi
}

# wine_shim DIR: the test-only stand-ins (wine/*.c, built once with mingw) into DIR.
wine_shim() {
  local cache=${SP_WINDOWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/screenpop-windows}
  local src name dll
  for src in "$WINE_HELPERS_DIR"/wine/*.c; do
    name=$(basename "$src" .c)
    dll=$cache/shims/$name-$(sha256sum "$src" | cut -c1-12).dll
    if [ ! -f "$dll" ]; then
      mkdir -p "$(dirname "$dll")"
      x86_64-w64-mingw32-gcc -shared -O2 -s -o "$dll.new" "$src" -ladvapi32
      mv "$dll.new" "$dll"
    fi
    cp "$dll" "$1/$name.dll"
  done
}

# wine_run PROGRAM ARGS...: run a Windows program with pipes on stdin, stdout
# and stderr (see above), at low priority; its exit code is wine_run's.
wine_run() { { echo | nice -n 10 wine "$@" 2> >(cat >&2) | cat; }; }
