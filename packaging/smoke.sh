#!/usr/bin/env bash
# Smoke test of the frozen one-folder build: does it run with no Python and no repo around it?
#
#   packaging/smoke.sh [DIST_DIR]        (default: dist/rapport; `make dist` runs it)
#
# The build is copied to a temporary folder and run from there with an empty environment
# (no PYTHONPATH, no venv, HOME in the temp folder, cwd outside the repo), so every resource
# must come from the bundle. Checks, in order:
#   1. --version prints the version from models/appinfo.py
#   2. score --json: a clearly positive text scores > 0, and so does a text whose words only
#      TextBlob's lexicon knows (a bundle without TextBlob's data silently scores those 0.0)
#   3. sample fills a fresh journal; trends --json lists its contacts; a 4,500-note CSV
#      import (scored in worker processes started by the frozen executable)
#   4. selftest (main window offscreen, first contact and its chart) prints "selftest ok";
#      the time to that line is reported
#   5. report writes a PDF (when ui/reports is in the tree; RAPPORT_SMOKE_REPORT=warn softens it)
#   6. the folder stays under the size budget (RAPPORT_SIZE_BUDGET_MB, default 150)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
dist=${1:-$repo/dist/rapport}
dist=$(cd "$dist" && pwd)
budget_mb=${RAPPORT_SIZE_BUDGET_MB:-150}

fail() { echo "smoke: FAIL: $*" >&2; exit 1; }
passed=0
ok() { passed=$((passed + 1)); echo "smoke: ok: $*"; }

[ -x "$dist/rapport" ] || fail "no executable at $dist/rapport (run: make dist)"

work=$(mktemp -d "${TMPDIR:-/tmp}/rapport-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -a "$dist" "$work/rapport"
mkdir -p "$work/home"
app="$work/rapport/rapport"
db="$work/home/journal.sqlite"

# An empty environment: what a fresh desktop session without Python would give the app.
run() {
    (cd "$work/home" && env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8 \
        TMPDIR="$work" QT_QPA_PLATFORM=offscreen "$app" "$@")
}

# 1. version from the one place it is kept
want_version=$(sed -n 's/^APP_VERSION *= *"\(.*\)"/\1/p' "$repo/models/appinfo.py")
got=$(run --version) || fail "--version exited with $?"
case "$got" in
    *"$want_version"*) ok "--version: $got" ;;
    *) fail "--version printed '$got', expected version $want_version" ;;
esac

# 2. scoring, including the TextBlob-data trap
polarity() { sed -n 's/.*"polarity": *\(-\{0,1\}[0-9.]*\).*/\1/p'; }
positive() { awk -v p="$1" 'BEGIN { exit !(p + 0 > 0) }'; }
p=$(run score --json "We had a great meeting and the client is delighted with the results." | polarity)
positive "${p:-0}" || fail "score: a clearly positive text scored '${p}' (lexicons not bundled?)"
ok "score: positive text -> $p"
# These words are in TextBlob's en-sentiment.xml only (not in VADER's list nor ours).
p=$(run score --json "An affable, adept and consummate partner." | polarity)
positive "${p:-0}" || fail "score: TextBlob-only words scored '${p}': TextBlob's data files are missing from the bundle"
ok "score: TextBlob-only words -> $p"

# 3. a journal with the sample clients
run --db "$db" sample || fail "sample exited with $?"
contacts=$(run --db "$db" trends --json | grep -c '"contact":' || true)
[ "$contacts" -gt 0 ] || fail "trends --json listed no contacts after sample"
ok "sample + trends: $contacts contacts"

# 3b. a large CSV import: scoring runs in worker processes started by the frozen executable
csv="$work/big.csv"
{ echo "contact,date,text"
  for i in $(seq 1 4500); do
      printf 'Client %d,2025-03-%02d,Great call %d; they love the plan.\n' $((i % 40)) $((i % 28 + 1)) "$i"
  done
} > "$csv"
out=$(run --db "$work/home/big.sqlite" import notes "$csv") || fail "import of 4,500 notes exited with an error"
echo "$out" | grep -q "Imported 4500 notes" || fail "import of 4,500 notes said: $out"
ok "import: 4,500 notes scored in worker processes"

# 4. the main window, offscreen
if [ -f "$repo/ui/selftest.py" ]; then
    start=$(date +%s.%N)
    out=$(run --db "$db" selftest 2>"$work/selftest.err") || {
        cat "$work/selftest.err" >&2; fail "selftest exited with an error"; }
    end=$(date +%s.%N)
    echo "$out" | grep -qx "selftest ok" || { echo "$out"; cat "$work/selftest.err" >&2; fail "selftest did not print 'selftest ok'"; }
    ok "selftest in $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }') s (process start to exit); timings: $(echo "$out" | tail -n 1)"
else
    echo "smoke: SKIP: selftest (ui/selftest.py is not in this tree yet)"
fi

# 5. the PDF report (fonts and print support come from the bundle). RAPPORT_SMOKE_REPORT=warn
#    turns a failure here into a warning, for a known report bug that should not block a build.
if [ -f "$repo/ui/reports/cli.py" ]; then
    report_fail() {
        [ "${RAPPORT_SMOKE_REPORT:-required}" = "warn" ] || fail "$1"
        echo "smoke: WARN: $1 (not fatal because RAPPORT_SMOKE_REPORT=warn)" >&2
    }
    if run --db "$db" report -o "$work/report.pdf" >/dev/null 2>"$work/report.err"; then
        if head -c 5 "$work/report.pdf" 2>/dev/null | grep -q "%PDF-"; then
            ok "report: $(wc -c < "$work/report.pdf") byte PDF"
        else
            report_fail "report did not write a PDF"
        fi
    else
        head -n 5 "$work/report.err" >&2
        report_fail "report exited with an error"
    fi
else
    echo "smoke: SKIP: report (ui/reports/cli.py is not in this tree yet)"
fi

# 6. size budget
size_kb=$(du -sk "$dist" | cut -f1)
size_mb=$(( (size_kb + 1023) / 1024 ))
[ "$size_mb" -le "$budget_mb" ] || fail "dist folder is $size_mb MB, over the $budget_mb MB budget"
ok "size: $size_mb MB (budget $budget_mb MB)"
# Any failure above has already exited.
# Worded so CI reads the test count from pytest's summary, not from these checks.
echo "smoke: all $passed checks of the frozen build succeeded"
