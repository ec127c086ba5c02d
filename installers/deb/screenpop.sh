#!/bin/sh
# /usr/bin/screenpop: starts the bundle installed in /opt/screenpop.
#
# The machine-wide configuration is /etc/xdg/screenpop/screenpop.toml. It is
# pinned here because screenpop would otherwise look in the first directory of
# $XDG_CONFIG_DIRS, which desktop sessions set to other places first (Ubuntu's
# GNOME: /etc/xdg/xdg-ubuntu:/etc/xdg), and IT's file, with its locks, would be
# silently skipped.
if [ -z "${SCREENPOP_MACHINE_CONFIG:-}" ]; then
    SCREENPOP_MACHINE_CONFIG=/etc/xdg/screenpop/screenpop.toml
    export SCREENPOP_MACHINE_CONFIG
fi
exec /opt/screenpop/screenpop "$@"
