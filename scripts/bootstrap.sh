#!/usr/bin/env bash
# Make this machine able to run screenpop (and its tests), from a clean checkout.
#
#   scripts/bootstrap.sh app    what the app needs: scripts/apt/app.txt and a
#                               .venv with screenpop (scripts/demo uses this)
#   scripts/bootstrap.sh test   also everything the tests drive for real
#   (default)                   (scripts/apt/test-*.txt: Xvfb, baresip, kamailio,
#                               sipp, PostgreSQL, MariaDB, Mosquitto, gnome-keyring,
#                               trayer...), the dev tools in .venv, and the local
#                               services the tests use, started when installed but
#                               not running (not with SCREENPOP_SKIP_SERVICES=1)
#
# SCREENPOP_SKIP_APT=1 skips the Debian packages. Idempotent and quiet when
# there is nothing to do; prints the virtualenv's path.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
say() { printf 'bootstrap: %s\n' "$*" >&2; }
MODE=${1:-test}
case "$MODE" in
  app) lists=(scripts/apt/app.txt) ;;
  test) lists=(scripts/apt/app.txt scripts/apt/test-*.txt) ;;
  *) say "usage: scripts/bootstrap.sh [app|test]"; exit 2 ;;
esac

# --- Debian packages ----------------------------------------------------------
if command -v dpkg-query >/dev/null 2>&1 && [ "${SCREENPOP_SKIP_APT:-}" != 1 ]; then
  want=$(grep -hv '^\s*#' "${lists[@]}" | awk 'NF{print $1}' | sort -u)
  missing=()
  for pkg in $want; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    say "installing Debian packages: ${missing[*]}"
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
    # kamailio/baresip/mosquitto packages may start system daemons: the tests run their own.
    if [ "$MODE" = test ]; then
      for svc in kamailio; do
        pgrep -x "$svc" >/dev/null 2>&1 && $SUDO pkill -x "$svc" || true
      done
    fi
  fi
fi

# --- Python virtualenv ----------------------------------------------------------
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  say "creating .venv"
  "$PY" -m venv .venv
fi
# The test install (with the dev tools) serves the app too; not the other way round.
fresh() { [ -f "$1" ] && [ ! pyproject.toml -nt "$1" ]; }
test_stamp=.venv/.screenpop-installed
app_stamp=.venv/.screenpop-installed-app
if [ "$MODE" = test ] && ! fresh "$test_stamp"; then
  say "installing screenpop, its dependencies and the dev tools into .venv"
  .venv/bin/python -m pip install -q --upgrade pip >&2
  .venv/bin/python -m pip install -q -e ".[dev]" >&2
  touch "$test_stamp"
elif [ "$MODE" = app ] && ! fresh "$test_stamp" && ! fresh "$app_stamp"; then
  say "installing screenpop and its dependencies into .venv"
  .venv/bin/python -m pip install -q --upgrade pip >&2
  .venv/bin/python -m pip install -q -e . >&2
  touch "$app_stamp"
fi

# --- UI translations (owner: screenpop/ui) --------------------------------------
# resources/translations/*.ts are the sources (pyside6-lupdate keeps them in step
# with the code); the .qm files Qt loads are compiled here, not committed.
for ts in resources/translations/*.ts; do
  [ -e "$ts" ] || continue
  qm=${ts%.ts}.qm
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    .venv/bin/pyside6-lrelease -silent "$ts" -qm "$qm" >&2 || say "could not compile $ts"
  fi
done

# --- services the tests talk to -------------------------------------------------
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { for _ in $(seq 1 50); do port_open "$1" && return 0; sleep 0.2; done; return 1; }
if [ "$MODE" = test ] && [ "${SCREENPOP_SKIP_SERVICES:-}" != 1 ]; then
  if ! port_open 5432 && command -v pg_ctlcluster >/dev/null 2>&1; then
    say "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start >&2 || true
    wait_port 5432 || say "PostgreSQL did not come up"
  fi
  if ! port_open 3306 && [ -x /usr/sbin/mariadbd ]; then
    say "starting MariaDB"
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd >&2 || true
    wait_port 3306 || say "MariaDB did not come up"
  fi
  if ! port_open 1883 && command -v mosquitto >/dev/null 2>&1; then
    say "starting Mosquitto"
    mosquitto -d -c /etc/mosquitto/mosquitto.conf >&2 || true
    wait_port 1883 || say "Mosquitto did not come up"
  fi
fi
echo "$ROOT/.venv"
