#!/bin/sh
# /usr/bin/screenpop: starts the bundle installed in /opt/screenpop.
#
# The machine-wide configuration is /etc/xdg/screenpop/screenpop.toml, a fixed
# path screenpop reads whatever $XDG_CONFIG_DIRS says; while it is installed,
# $SCREENPOP_MACHINE_CONFIG cannot point elsewhere (screenpop/config/loader.py).
exec /opt/screenpop/screenpop "$@"
