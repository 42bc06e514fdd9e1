#!/usr/bin/env bash
# The system packages `make` needs, installed when missing: `make test` runs this first, so a fresh machine needs
# nothing installed by hand. As root it runs apt-get; otherwise it stops at once, printing the exact command to run.
#
# Usage: scripts/system-packages.sh NEED...   where NEED is one of
#   venv          `python3 -m venv` works (Debian's python3-venv; only needed to create .venv)
#   chromium      headless Chromium, for tests/spec/test_docs.py (the rendered API reference)
#   redis-server  a real Redis, started by the tests on a free port (the webhook dedupe store)
#   tmux          a real terminal for the command line's test (tests/cli/test_terminal.py)
set -euo pipefail

# Sets `need` to the Debian packages of the needs given that are not met.
check() {
  need=()
  local what
  for what in "$@"; do
    case "$what" in
      venv) python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need+=(python3-venv) ;;
      # The names tests/spec/_chromium.py's find_chromium() looks for.
      chromium) command -v chromium || command -v chromium-browser || command -v google-chrome || need+=(chromium) ;;
      redis-server) command -v redis-server || need+=(redis-server) ;;
      tmux) command -v tmux || need+=(tmux) ;;
      *) echo "system-packages.sh: unknown need '$what' (venv, chromium, redis-server or tmux)" >&2; exit 2 ;;
    esac >/dev/null
  done
}

check "$@"
[ ${#need[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "make: missing system packages: ${need[*]}. Install them with your system's package manager, then run make again." >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  {
    echo "make: missing system packages: ${need[*]}. Install them (as root), then run make again:"
    echo
    echo "    sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${need[*]}"
    echo
  } >&2
  exit 1
fi

echo "make: installing missing system packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# What the packages were installed for must work now (a renamed package would otherwise fail much later).
check "$@"
if [ ${#need[@]} -gt 0 ]; then
  echo "make: apt-get installed them, but these needs are still not met: ${need[*]}" >&2
  exit 1
fi
