#!/bin/sh
# Adds Rapport to the desktop's application menu for the current user (no root needed).
# Run it from the unpacked one-folder build:  ./install-linux.sh   (./install-linux.sh --remove undoes it)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
id=rapport-journal
if [ "${1:-}" = "--remove" ]; then
    rm -f "$data/applications/$id.desktop" "$bin/rapport"
    find "$data/icons/hicolor" -name "$id.png" -delete 2>/dev/null || true
    echo "Removed Rapport from the menu (the folder $here and your journal stay)."
    exit 0
fi
[ -x "$here/rapport" ] || { echo "install-linux.sh: run it from the Rapport folder (rapport not found in $here)" >&2; exit 1; }
mkdir -p "$data/applications" "$bin"
cp -R "$here/icons/hicolor" "$data/icons/"
ln -sf "$here/rapport" "$bin/rapport"
# Absolute paths, so the menu entry works whether or not ~/.local/bin is on PATH.
sed -e "s|^Exec=.*|Exec=\"$here/rapport\"|" -e "s|^TryExec=.*|TryExec=$here/rapport|" \
    "$here/$id.desktop" > "$data/applications/$id.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$data/icons/hicolor" 2>/dev/null || true
echo "Rapport is in your application menu; 'rapport' is linked in $bin."
