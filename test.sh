#!/usr/bin/env bash
# Runs every CxLive test on a fresh machine: installs what the tests need, builds, runs
# `dotnet test`, and ends with one line "N passed, N failed". Exit code: 0 only if all passed.
set -uo pipefail
cd "$(dirname "$0")"

# Debian packages the tests need beyond the .NET SDK. Node.js/npm restore the dashboard's
# browser libraries, the Kubernetes manifest validator (tests/Deploy) and axe-core (tests/Axe) during the build; the Redis-mode tests start their own redis-server on a free
# loopback port (none needs to be running); the browser tests drive Debian's chromium, in its headless build
# (chromium-headless-shell; Playwright's own browser download is never used), with CJK fonts so the Chinese
# pages render in screenshots.
packages=()
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
[ -x /usr/bin/chromium-headless-shell ] || packages+=(chromium-headless-shell)
# The deployment-file tests validate deploy/compose.yaml with Debian's docker-compose (no Docker engine needed).
command -v docker-compose >/dev/null 2>&1 || packages+=(docker-compose)
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto | grep -q CJK || packages+=(fonts-noto-cjk)
# The tests run deploy/nginx.conf in a real nginx on a loopback port of their own.
new_nginx=
[ -x /usr/sbin/nginx ] || { packages+=(nginx-light); new_nginx=1; }

if [ ${#packages[@]} -gt 0 ]; then
  echo "Installing ${packages[*]} ..."
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null \
    || { echo "Could not install ${packages[*]}; install them and run again."; echo "0 passed, 1 failed"; exit 1; }
  # Debian starts the nginx service it installs (on port 80, every address) where services can start:
  # the tests need only the program.
  if [ -n "$new_nginx" ]; then
    { $sudo systemctl disable --now nginx || $sudo service nginx stop; } >/dev/null 2>&1 || true
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# A test that hangs is killed after 5 minutes with a dump, rather than holding CI.
dotnet test CxLive.sln --nologo --blame-hang-timeout 5m 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# vstest prints one summary per test assembly: "Passed!  - Failed: 0, Passed: 34, Skipped: 0, ..."
read -r passed failed < <(awk -F'[:,]' '/(Passed|Failed)! +- +Failed:/ { f += $2; p += $4 } END { print p+0, f+0 }' "$log")
assemblies=$(grep -cE '(Passed|Failed)! +- +Failed:' "$log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or a test host failed before any test could report
fi
echo "Test assemblies reporting: $assemblies"
echo "$passed passed, $failed failed"
exit "$status"
