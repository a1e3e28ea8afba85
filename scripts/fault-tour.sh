#!/usr/bin/env bash
# The fault tour of issue 9: causes each fault for real (locked keyring, no
# D-Bus, damaged or missing accounts.json, kill -9 mid-write, a keychain value
# edited by hand, a stale lock, a removal by mistake) against the real CLI and
# a private gnome-keyring, and prints the Markdown table docs/faults.md holds.
set -euo pipefail
cd "$(dirname "$0")/.."
exec bash scripts/with-keyring.sh node --import tsx scripts/fault-tour.ts
