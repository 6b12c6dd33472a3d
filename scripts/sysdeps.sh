#!/bin/sh
# Installs the few system libraries that Qt's xcb/offscreen platforms and the PDF checks need
# on a bare Debian/Ubuntu machine. Does nothing when they are already there, or when we are
# not root (it then prints what to install).
need=""
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib libEGL.so.1         || need="$need libegl1"
have_lib libGL.so.1          || need="$need libgl1"
have_lib libfontconfig.so.1  || need="$need libfontconfig1"
have_lib libxkbcommon.so.0   || need="$need libxkbcommon0"
have_lib libdbus-1.so.3      || need="$need libdbus-1-3"
have_lib libxcb-cursor.so.0  || need="$need libxcb-cursor0"
have_lib libxkbcommon-x11.so.0 || need="$need libxkbcommon-x11-0"
command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
# No screen (server, container): `make run` uses a virtual X screen.
if [ "$(uname)" = "Linux" ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    command -v xvfb-run >/dev/null 2>&1 || need="$need xvfb xauth"
    have_lib libxcb-icccm.so.4  || need="$need libxcb-icccm4"
    have_lib libxcb-keysyms.so.1 || need="$need libxcb-keysyms1"
    have_lib libxcb-image.so.0  || need="$need libxcb-image0"
    have_lib libxcb-render-util.so.0 || need="$need libxcb-render-util0"
    have_lib libxcb-shape.so.0  || need="$need libxcb-shape0"
fi
[ -z "$need" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system libraries:$need"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
else
    echo "Please install these system packages first:$need" >&2
    echo "  sudo apt-get install$need" >&2
fi
