#!/usr/bin/env bash
# Checks the shared libraries Qt loads on Debian/Ubuntu; installs the missing ones as root, else says how.
# Usage: sysdeps.sh [test|run|ci]  (run adds the X11/xcb libraries a real window needs;
# ci adds Xvfb, LibreOffice Calc and Impress, GNOME Planner and poppler's pdffonts for the checks that
# open our exports in the programs officials use).
set -u
mode="${1:-test}"
base="libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0"
window="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0"
wanted="$base"
case "$mode" in
  run) wanted="$base $window" ;;
  ci) wanted="$base $window xvfb libreoffice-calc-nogui libreoffice-impress-nogui planner poppler-utils" ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "sysdeps: not a Debian-based system; make sure Qt's libraries (OpenGL, EGL, fontconfig, xkbcommon) are installed."
  exit 0
fi

missing=""
for pkg in $wanted; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)
  case "$status" in *"install ok installed"*) ;; *) missing="$missing $pkg" ;; esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "sysdeps: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $missing >/dev/null \
    || { echo "sysdeps: apt-get failed to install:$missing" >&2; exit 1; }
else
  echo "CarvePlan needs these system libraries for Qt:$missing" >&2
  echo "Install them with:  sudo apt-get install -y$missing" >&2
  exit 1
fi
