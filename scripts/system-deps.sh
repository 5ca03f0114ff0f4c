#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the app needs (Qt's runtime libraries, Xvfb for
# screenshots, a Chinese and a Tibetan TrueType font for printing, poppler for PDF checks).
# As root on Debian/Ubuntu it installs what is missing with apt; elsewhere it only says
# what is missing. Usage: system-deps.sh [run|test]
set -u
mode=${1:-test}
pkgs=(libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6
      libxkbcommon0 fonts-wqy-zenhei fonts-tibetan-machine)
# A real window (make run, make screenshots) needs the X/xcb libraries too.
pkgs+=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
       libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0 xvfb xauth
       poppler-utils)
# The test suite runs a second pass on a throwaway PostgreSQL server.
if [ "$mode" = "test" ]; then pkgs+=(postgresql); fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian/Ubuntu system; make sure Qt 6 runtime libraries and a Chinese TrueType font are installed." >&2
  exit 0
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit $?
fi
echo "system-deps: missing packages: ${missing[*]}" >&2
echo "system-deps: install them with: sudo apt-get install ${missing[*]}" >&2
exit 0
