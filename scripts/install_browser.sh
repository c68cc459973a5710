#!/usr/bin/env bash
# Install Debian's chromium and chromium-driver for the browser tests, if they are missing.
# Nothing else is ever downloaded for them: Selenium is given these paths.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "The browser tests need Debian's chromium and chromium-driver. Ask an administrator to run:" >&2
  echo "  apt-get install chromium chromium-driver" >&2
  echo "(without them, the browser tests are skipped with that reason)" >&2
  exit 0
fi
echo "installing Debian's chromium and chromium-driver for the browser tests" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
