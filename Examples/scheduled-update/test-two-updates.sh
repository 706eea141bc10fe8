#!/bin/sh
# Runs the scheduled job twice in a row on a temporary update state of the demo, as a timer
# would, and checks what each run did: the first takes the 2021 figures, the second finds
# nothing new and leaves the state byte for byte as it was; a file that does not fit stops
# the job with exit 65 and changes nothing. Needs `buurtscore` on PATH.
# Usage: test-two-updates.sh REPOSITORY   (prints "ok: …" and exits 0 when every check holds)
set -u
repo=${1:?usage: $0 REPOSITORY}
job="$repo/Examples/scheduled-update/buurtscore-scheduled-update"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }
field() { cut -f"$1" "$work/log" | sed -n "$2p"; }
snapshot() { (cd "$work/state" && find . -type f ! -name .lock | LC_ALL=C sort | xargs sha256sum); }

buurtscore update "$work/state" --init --model "$repo/datasets/demo/model.yml" --quiet || fail "--init exited $?"
mkdir "$work/inbox"
cp "$repo/datasets/demo/2021/data.csv" "$work/inbox/2021.csv"

# First scheduled run: the 2021 figures are new.
"$job" "$work/state" "$work/inbox" >> "$work/log" 2>> "$work/messages"; code=$?
[ "$code" -eq 0 ] || fail "first run exited $code"
[ "$(wc -l < "$work/log")" -eq 1 ] || fail "first run logged $(wc -l < "$work/log") lines, expected 1"
[ "$(field 2 1)" = 0 ] || fail "first log line has exit $(field 2 1)"
field 4 1 | grep -q '"status":"updated","state":"[^"]*","run":"2021"' || fail "first run did not make run 2021: $(field 4 1)"
[ "$(cat "$work/state/latest")" = 2021 ] || fail "latest is $(cat "$work/state/latest"), expected 2021"
before=$(snapshot)

# Second scheduled run, the file still in the inbox: nothing new, nothing changed.
"$job" "$work/state" "$work/inbox" >> "$work/log" 2>> "$work/messages"; code=$?
[ "$code" -eq 0 ] || fail "second run exited $code"
[ "$(wc -l < "$work/log")" -eq 2 ] || fail "after two runs the log has $(wc -l < "$work/log") lines, expected 2"
field 4 2 | grep -q '"status":"unchanged"' || fail "second run was not 'unchanged': $(field 4 2)"
[ "$(snapshot)" = "$before" ] || fail "the second run changed the state"
[ -f "$work/inbox/2021.csv" ] || fail "the job removed a file from the inbox"
[ ! -s "$work/messages" ] || fail "messages on standard error: $(cat "$work/messages")"

# A file that does not fit (a renamed column): exit 65, a message, the state unchanged.
sed 's/,litter,/,liter,/' "$repo/datasets/demo/2021/data.csv" > "$work/inbox/2022-renamed.csv"
"$job" "$work/state" "$work/inbox" >> "$work/log" 2>> "$work/messages"; code=$?
[ "$code" -eq 65 ] || fail "a file that does not fit: exit $code, expected 65"
[ "$(field 2 4)" = 65 ] || fail "the log does not record exit 65: $(sed -n 4p "$work/log")"
grep -q "column 'liter' is new" "$work/messages" || fail "no message naming the renamed column"
[ "$(snapshot)" = "$before" ] || fail "a refused file changed the state"

# Both runs verify.
for run in 2020 2021; do
    buurtscore verify "$work/state/runs/$run" > /dev/null || fail "verify of run $run failed"
done
echo "ok: run 2021 taken, second run unchanged, a file that does not fit refused with 65, runs 2020 and 2021 verify"
