#!/usr/bin/env bash
# System packages the test suite needs beyond npm, from Debian's apt: Chromium (browser tests and PDF
# export), poppler-utils (PDF text checks), and PostgreSQL 15 server and client (pg_dump and psql for
# the live-source comparisons, a second catalog version next to the embedded PostgreSQL 18).
# Installs only what is missing; needs root or sudo for apt.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -x /usr/lib/postgresql/15/bin/pg_ctl ] || need+=(postgresql-15)
command -v psql >/dev/null 2>&1 || need+=(postgresql-client-15)
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} from apt"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi
# The PostgreSQL binaries refuse to run as root; tests run them as the postgres OS user.
id postgres >/dev/null 2>&1 || $sudo_cmd useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
echo "system test dependencies present"
