#!/usr/bin/env bash
# Runs every test: installs the Debian packages the tests need when missing, starts a throwaway PostgreSQL cluster
# on a free port in a temp folder, runs `dotnet test Court.sln`, stops the cluster, and prints as its last line
# "N passed, N failed, N skipped". Exits non-zero when the build, any test, or `dotnet format --verify-no-changes` fails.
set -uo pipefail
cd "$(dirname "$0")"

log() { echo "test.sh: $*" >&2; }

# --- packages -------------------------------------------------------------------------------------------------
pg_bin() {
    local dir
    for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    return 1
}

missing=()
pg_bin >/dev/null || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
# pdftoppm rasterizes a rendered PDF so a test can decode its QR code.
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    log "installing ${missing[*]}"
    $sudo apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
        || { log "apt-get install ${missing[*]} failed"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
fi

# --- a throwaway PostgreSQL cluster ---------------------------------------------------------------------------
bin=$(pg_bin) || { log "no PostgreSQL binaries found"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
work=$(mktemp -d /tmp/court-test.XXXXXX)
chmod 755 "$work"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root.
    chown postgres:postgres "$work"
    as_pg=(runuser -u postgres --)
fi

port_free() { ! (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=""
for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 30000))
    if port_free "$candidate"; then port=$candidate; break; fi
done
[ -n "$port" ] || { log "no free port"; exit 1; }

stop_cluster() {
    if [ -f "$work/data/postmaster.pid" ]; then
        "${as_pg[@]}" "$bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1
    fi
    rm -rf "$work"
}
trap stop_cluster EXIT

"${as_pg[@]}" "$bin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log" >&2; log "initdb failed"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
# A test cluster: durability off for speed (the durability tests run on SQLite), enough connections for parallel classes.
"${as_pg[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/postgres.log" -w -t 60 \
    -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null \
    || { cat "$work/postgres.log" >&2; log "PostgreSQL did not start"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
export COURT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $port"

# --- the tests --------------------------------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
output="$work/dotnet-test.log"
dotnet test Court.sln --nologo --blame-hang-timeout 15m "$@" 2>&1 | tee "$output"
status=${PIPESTATUS[0]}

# One summary line per test assembly, e.g.
# "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, Duration: 1 s - Court.Domain.Tests.dll (net10.0)"
read -r passed failed skipped assemblies < <(grep -E '^\s*(Passed|Failed)!\s+- Failed:' "$output" | awk '
    { for (i = 1; i <= NF; i++) { gsub(",", "", $(i + 1)); if ($i == "Failed:") f += $(i + 1); if ($i == "Passed:") p += $(i + 1); if ($i == "Skipped:") s += $(i + 1) } n++ }
    END { printf "%d %d %d %d\n", p, f, s, n }')

stop_cluster
trap - EXIT

# Formatting is part of the build's rules (.editorconfig); the solution is restored by now.
if ! dotnet format Court.sln --verify-no-changes --no-restore >"$work.format.log" 2>&1; then
    cat "$work.format.log" >&2
    log "dotnet format --verify-no-changes found unformatted code (run: dotnet format Court.sln)"
    failed=$((failed + 1))
fi
rm -f "$work.format.log"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    log "dotnet test exited with $status (build failure, crashed test host, or hang)"
    failed=$((failed + 1))
fi
if [ "$assemblies" -eq 0 ]; then
    log "no test assembly ran"
    failed=$((failed + 1))
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
