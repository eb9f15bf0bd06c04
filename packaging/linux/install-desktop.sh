#!/usr/bin/env bash
# Installs CarvePlan's menu entry, icons and the .carveplan file type for the current user.
# Usage: install-desktop.sh LAUNCHER   (absolute path of the carveplan program the entry starts)
# Uses xdg-utils when installed (they also tell the running desktop); otherwise copies the files to
# the same places under $XDG_DATA_HOME (default ~/.local/share) and refreshes the caches it can.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
icons="$here/../../resources/icons"
launcher="${1:?usage: install-desktop.sh LAUNCHER}"
[ -x "$launcher" ] || { echo "install-desktop: $launcher is not an executable program" >&2; exit 1; }
data="${XDG_DATA_HOME:-$HOME/.local/share}"
sizes="16 32 48 64 128 256"

# The entry names the launcher by its absolute path: a bundle or a venv is not on PATH.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed "s|^Exec=carveplan |Exec=\"$launcher\" |" "$here/carveplan.desktop" > "$work/carveplan.desktop"

if command -v xdg-mime >/dev/null && command -v xdg-icon-resource >/dev/null \
  && command -v xdg-desktop-menu >/dev/null; then
  for size in $sizes; do
    xdg-icon-resource install --mode user --noupdate --novendor --context apps --size "$size" \
      "$icons/carveplan-$size.png" carveplan
  done
  xdg-icon-resource forceupdate --mode user
  xdg-mime install --mode user --novendor "$here/carveplan-mime.xml"
  xdg-desktop-menu install --mode user --novendor "$work/carveplan.desktop"
  xdg-mime default carveplan.desktop application/x-carveplan
else
  for size in $sizes; do
    install -D -m 644 "$icons/carveplan-$size.png" "$data/icons/hicolor/${size}x${size}/apps/carveplan.png"
  done
  install -D -m 644 "$here/carveplan-mime.xml" "$data/mime/packages/carveplan-mime.xml"
  install -D -m 644 "$work/carveplan.desktop" "$data/applications/carveplan.desktop"
  if command -v update-mime-database >/dev/null; then update-mime-database "$data/mime"; fi
  if command -v update-desktop-database >/dev/null; then update-desktop-database "$data/applications"; fi
  if command -v gtk-update-icon-cache >/dev/null && [ -f "$data/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache --quiet "$data/icons/hicolor"
  fi
fi
# The SVG scales to any size; xdg-icon-resource only takes fixed sizes.
install -D -m 644 "$icons/carveplan.svg" "$data/icons/hicolor/scalable/apps/carveplan.svg"
echo "installed the CarvePlan menu entry and the .carveplan file type for $(id -un) (starts $launcher)"
