#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with its own unlocked
# gnome-keyring, whose data lives in a throw-away folder. Your real keychain
# is never touched. Usage: scripts/with-keyring.sh npm run bench
set -euo pipefail
if [ -n "${AUTHDESK_IN_KEYRING:-}" ]; then exec "$@"; fi
export XDG_DATA_HOME="$(mktemp -d -t authdesk-keyring.XXXXXX)"
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
export AUTHDESK_IN_KEYRING=1
# The keyring password is irrelevant (the folder is deleted afterwards), but
# without --unlock the daemon refuses every write.
dbus-run-session -- bash -c 'echo -n authdesk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"' _ "$@"
