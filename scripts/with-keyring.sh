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
# The unlock can return before the daemon owns its bus name, so the command
# waits (up to 10 s) until org.freedesktop.secrets is there.
dbus-run-session -- bash -c '
  echo -n authdesk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  for _ in $(seq 1 1000); do
    gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
      --method org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets 2>/dev/null | grep -q true && break
    sleep 0.01
  done
  exec "$@"' _ "$@"
