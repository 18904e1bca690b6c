#!/usr/bin/env bash
# The long crash soak (issue 5): the switch as its own process under traffic from both
# simulated schemes, killed with SIGKILL at seeded random moments, restarted, drained, then
# checked against DESIGN.md I1-I4. Prints its findings and one summary line; exits non-zero
# on any violation. See docs/crash-test.md.
#
#   scripts/crash-soak.sh [--kills N] [--seed S] [--data DIR] [--rate PER_SECOND]
#                         [--store jdbc:postgresql://127.0.0.1:5432/test?user=postgres]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

kills=100
seed=""
extra=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --kills) kills="${2:?--kills needs a number}"; shift 2 ;;
        --seed) seed="${2:?--seed needs a number}"; shift 2 ;;
        --data|--rate|--store) extra+=("$1" "${2:?$1 needs a value}"); shift 2 ;;
        -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
        *) echo "crash-soak: unknown option $1" >&2; exit 2 ;;
    esac
done
if [[ -z "$seed" ]]; then
    # A fresh seed each run, printed by the soak, so that a failure can be replayed.
    seed=$(( $(date +%s%N) % 1000000 ))
fi

jar="$root/app/target/caspian.jar"
if [[ ! -f "$jar" ]]; then
    echo "crash-soak: building $jar" >&2
    ./mvnw -B -q -DskipTests -pl app -am package
fi
# A private copy: a rebuild of app/target during a long soak must not pull the jar away
# from under the restarts.
work="$(mktemp -d "${TMPDIR:-/tmp}/caspian-crash-soak.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp "$jar" "$work/caspian.jar"

java -cp "$work/caspian.jar" io.caspian.app.crash.CrashSoak --kills "$kills" --seed "$seed" \
    --jar "$work/caspian.jar" ${extra[@]+"${extra[@]}"}
