#!/usr/bin/env bash
# The one command that runs every test: ./scripts/test.sh
#
# It makes sure the system packages the PC/SC integration suites need are there (pcscd, vsmartcard-vpcd,
# libpcsclite1, and vsmartcard's own virtual card vicc for the occupied-slot test: vsmartcard-vpicc,
# python3-virtualsmartcard, python3-pycryptodome), installing them with apt-get when it runs as root and they are
# missing. The suites start their own private pcscd, so nothing system-wide is touched. When the packages cannot be installed, those suites report
# themselves as skipped, by name, and everything else still runs; with SCC_REQUIRE_PCSCD=1 (as .ci/run sets) they
# fail instead.
#
# The bank's storage tests run against SQLite and against a real PostgreSQL server: the suite starts a private one
# (initdb into a temporary folder, pg_ctl on 127.0.0.1 at a free port, as a non-root user) and stops it at the end.
# It needs PostgreSQL's server binaries (Debian's postgresql package), installed here the same way; without them the
# PostgreSQL tests report themselves skipped, by name, or fail under SCC_REQUIRE_POSTGRES=1 (as .ci/run sets).
#
# Extra arguments go to `dotnet test`, e.g. ./scripts/test.sh --filter "FullyQualifiedName~Iso7816".
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/sbin/pcscd ] || need+=(pcscd)
[ -e /usr/lib/pcsc/drivers/serial/libifdvpcd.so ] || need+=(vsmartcard-vpcd)
ldconfig -p 2>/dev/null | grep -q 'libpcsclite.so.1 ' || need+=(libpcsclite1)
[ -x /usr/bin/vicc ] || need+=(vsmartcard-vpicc)
compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null || command -v pg_ctl >/dev/null 2>&1 || need+=(postgresql)
for package in python3-virtualsmartcard python3-pycryptodome; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || need+=("$package")
done

if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing ${need[*]} for the PC/SC integration and PostgreSQL suites"
    export DEBIAN_FRONTEND=noninteractive
    if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}"; } >/tmp/scc-apt.log 2>&1; then
      echo "test.sh: could not install ${need[*]} (see /tmp/scc-apt.log); the suites that need them will be skipped"
    fi
  else
    echo "test.sh: ${need[*]} missing and not root; the suites that need them will be skipped"
  fi
fi

# Neither pcscd nor PostgreSQL is needed system-wide: the tests run private ones. Stop nothing, start nothing here
# (Debian's postgresql package starts a cluster of its own on port 5432; the tests never use it).
exec dotnet test SmartCardCash.sln --nologo -c Release "$@"
