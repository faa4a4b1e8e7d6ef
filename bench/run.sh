#!/usr/bin/env bash
# Benchmarks scb-delivery against its stand-in on loopback, side by side with the simplest
# possible client (curl), and prints a table; the numbers also go to bench/results.json.
#
#   bench/run.sh                 # everything, REPEATS=3 timings each
#   REPEATS=5 bench/run.sh       # more repeats
#   GDB_MB=100 BULK_FILES=200 bench/run.sh   # a quicker, smaller run
#
# Needs: a JDK 17+, curl, python3; PostgreSQL at 127.0.0.1:5432 (user postgres, trust) for
# the PostgreSQL bulk row (left out when it cannot be reached). Sends nothing off this machine.
set -euo pipefail
cd "$(dirname "$0")/.."

REPEATS=${REPEATS:-3}
GDB_MB=${GDB_MB:-500}
LARGE_MB=${LARGE_MB:-1024}
BULK_FILES=${BULK_FILES:-1000}
PORT=${PORT:-18190}
WORK=$(mktemp -d -t scb-bench-XXXX)
JAR=target/scb-delivery.jar
RESULTS=bench/results.json
trap 'kill "${SIM_PID:-}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

./mvnw -q -DskipTests package
# the faster-starting form: the jar extracted plus a CDS archive from a training run
bin/prepare-cds.sh "$JAR" "$WORK/app" > /dev/null
FAST=(java -XX:SharedArchiveFile="$WORK/app/scb-delivery.jsa" -jar "$WORK/app/scb-delivery.jar")

# A fresh stand-in for each section: it keeps every file it was sent in memory, and after a few
# GiB it would slow down what is measured next. It answers at once: the final status on the
# first history poll.
start_stand_in() {
	kill "${SIM_PID:-}" 2>/dev/null && wait "${SIM_PID}" 2>/dev/null || true
	: > "$WORK/sim.out"
	java -jar "$JAR" simulate --port "$PORT" --polls-before-final 0 > "$WORK/sim.out" 2>&1 &
	SIM_PID=$!
	for _ in $(seq 1 100); do grep -q "listening" "$WORK/sim.out" 2>/dev/null && break; sleep 0.2; done
}
start_stand_in
GDB=http://127.0.0.1:$PORT/m2m/v2/
GENERIC=http://127.0.0.1:$PORT/API/
COMMON=(--scb.gdb.base-url=$GDB --scb.generic.base-url=$GENERIC --scb.poll.interval=10ms --scb.poll.max-interval=20ms
	--scb.inbox.settle=100ms --logging.file.name=$WORK/scb.log)

now() { python3 -c 'import time; print(time.time())'; }
elapsed() { python3 -c "print(round($2 - $1, 3))"; }
# a file of about the given size, unique per call so every delivery is a new one: well-formed
# XML for GDB (SCB's stand-in, like SCB, loads only XML), CSV lines for the generic service
make_file() { python3 - "$1" "$2" "${3:-xml}" <<'PY'
import sys, uuid
path, size, kind = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if kind == "xml":
    head = f'<?xml version="1.0" encoding="UTF-8"?>\n<Report id="{uuid.uuid4()}">\n'.encode()
    line, tail = b"  <Holding>2026-10;9990000045;Demo Arbetsstalle;42;1843000</Holding>\n", b"</Report>\n"
else:
    head, line, tail = f"# {uuid.uuid4()}\n".encode(), b"2026-10;9990000045;Demo Arbetsstalle;42;1843000\n", b""
lines = max(1, (size - len(head) - len(tail)) // len(line))
block = line * 20000
with open(path, "wb") as f:
    f.write(head)
    while lines > 0:
        n = min(20000, lines)
        f.write(block[:n * len(line)]); lines -= n
    f.write(tail)
PY
}

declare -a ROWS=()
json_rows=()
add() { ROWS+=("$1|$2|$3"); json_rows+=("{\"measure\": \"$1\", \"value\": \"$2\", \"detail\": \"$3\"}"); }
stats() { python3 -c "
import statistics, sys
v = [float(x) for x in sys.argv[1:]]
print(f'{statistics.median(v):.2f} (min {min(v):.2f}, max {max(v):.2f}, n={len(v)})')" "$@"; }
median() { python3 -c "import statistics, sys; print(statistics.median([float(x) for x in sys.argv[1:]]))" "$@"; }

# 1. GDB throughput: deliver (as a plain jar, and extracted with its CDS archive) vs curl, same
# stand-in, same fragment size. Besides the whole command, the upload phase alone: from the
# report's attempt start to SCB's answer to the completing -1 (no JVM start, no SHA-256 pre-check).
BYTES=$((GDB_MB * 1024 * 1024))
ours=(); fast=(); phase=(); theirs=()
deliver_timed() { # $1 file, $2 label, rest: the java command; prints MB/s of the whole command
	local file=$1 label=$2; shift 2
	local t0 t1
	t0=$(now)
	"$@" deliver --file "$file" --org 999000-0045 --program VINN --period 2026-09-30 --format V40 \
		"${COMMON[@]}" --spring.datasource.url="jdbc:h2:file:$WORK/h2-gdb/scb;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" \
		--scb.report.dir="$WORK/reports-$label" > "$WORK/$label.out" 2>&1 || { echo "deliver failed:" >&2; tail -5 "$WORK/$label.out" >&2; exit 1; }
	t1=$(now)
	python3 -c "print($BYTES / 1e6 / ($t1 - $t0))"
}
upload_phase() { # MB/s from the newest report in $1
	python3 - "$1" "$BYTES" <<'PY'
import glob, json, os, sys
from datetime import datetime
report = json.load(open(max(glob.glob(sys.argv[1] + "/delivery-*.json"), key=os.path.getmtime)))
attempt = report["attempts"][0]
import re
t = lambda s: datetime.fromisoformat(re.sub(r"(\.\d{1,6})\d*", r"\1", s.replace("Z", "+00:00")))
print(int(sys.argv[2]) / 1e6 / (t(attempt["uploadedAt"]) - t(attempt["startedAt"])).total_seconds())
PY
}
for i in $(seq 1 "$REPEATS"); do
	make_file "$WORK/gdb-$i.xml" "$BYTES"
	ours+=("$(deliver_timed "$WORK/gdb-$i.xml" "gdb-$i" java -jar "$JAR")")
	make_file "$WORK/fast-$i.xml" "$BYTES"
	fast+=("$(deliver_timed "$WORK/fast-$i.xml" "fast-$i" "${FAST[@]}")")
	phase+=("$(upload_phase "$WORK/reports-fast-$i")")

	# curl: pieces prepared before timing, heartbeat with a cookie jar, one POST per piece, then -1
	make_file "$WORK/curl-$i.xml" "$BYTES"
	rm -rf "$WORK/pieces" && mkdir "$WORK/pieces" && split -b 9216000 -d -a 4 "$WORK/curl-$i.xml" "$WORK/pieces/p"
	: > "$WORK/empty"
	t0=$(now)
	curl -s -f -c "$WORK/jar" "${GDB}heartbeat" > /dev/null
	n=0
	for piece in "$WORK"/pieces/p*; do
		curl -s -f -b "$WORK/jar" -F "File=@$piece;filename=curl-$i.xml" "${GDB}file/$n/9990000052/VINN/2026-09-30/V40/curl-$i.xml/" > /dev/null
		n=$((n + 1))
	done
	curl -s -f -b "$WORK/jar" -F "File=@$WORK/empty;filename=curl-$i.xml" "${GDB}file/-1/9990000052/VINN/2026-09-30/V40/curl-$i.xml/" > /dev/null
	t1=$(now)
	theirs+=("$(python3 -c "print($BYTES / 1e6 / ($t1 - $t0))")")
	rm -f "$WORK/gdb-$i.xml" "$WORK/fast-$i.xml" "$WORK/curl-$i.xml"
done
ratio() { python3 -c "print(round($(median "$@") / $(median "${theirs[@]}"), 2))"; }
add "GDB ${GDB_MB} MiB, deliver, jar (MB/s)" "$(stats "${ours[@]}")" "whole command: JVM start, SHA-256, fragments, completion, poll"
add "GDB ${GDB_MB} MiB, deliver, CDS (MB/s)" "$(stats "${fast[@]}")" "the same, extracted jar + CDS archive (bin/prepare-cds.sh)"
add "GDB ${GDB_MB} MiB, upload phase (MB/s)" "$(stats "${phase[@]}")" "CDS runs: first fragment to SCB's answer to -1"
add "GDB ${GDB_MB} MiB, curl (MB/s)" "$(stats "${theirs[@]}")" "heartbeat, one curl -F per 9,216,000-byte piece, -1"
add "GDB ratio, whole command, jar" "$(ratio "${ours[@]}")" "target >= 0.9"
add "GDB ratio, whole command, CDS" "$(ratio "${fast[@]}")" "target >= 0.9"
add "GDB ratio, upload phase" "$(ratio "${phase[@]}")" "the bytes on the wire, against curl's whole run"

# 2. memory: 1 GiB through each channel with a small heap; peak RSS
start_stand_in
LARGE=$((LARGE_MB * 1024 * 1024))
make_file "$WORK/large-gdb.xml" "$LARGE"
/usr/bin/time -v java -Xmx64m -jar "$JAR" deliver --file "$WORK/large-gdb.xml" --org 999000-0045 --program KRITA \
	--period 2026-10-31 --format K "${COMMON[@]}" --spring.datasource.url="jdbc:h2:file:$WORK/h2-mem/scb;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" \
	--scb.report.dir="$WORK/reports" > "$WORK/mem-gdb.out" 2> "$WORK/mem-gdb.err" && gdb_exit=0 || gdb_exit=$?
add "GDB ${LARGE_MB} MiB with -Xmx64m" "exit $gdb_exit, peak RSS $(awk -F: '/Maximum resident/ {print int($2/1024)}' "$WORK/mem-gdb.err") MiB, $(awk -F': ' '/Elapsed/ {print $2}' "$WORK/mem-gdb.err")" "target: exit 0"
rm -f "$WORK/large-gdb.xml"
start_stand_in
make_file "$WORK/large-generic.csv" "$LARGE" csv
/usr/bin/time -v java -Xmx128m -jar "$JAR" deliver --api generic --file "$WORK/large-generic.csv" --contract 1 \
	"${COMMON[@]}" --spring.datasource.url="jdbc:h2:file:$WORK/h2-mem/scb;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" \
	--scb.report.dir="$WORK/reports" --scb.http.response-timeout=10m > "$WORK/mem-gen.out" 2> "$WORK/mem-gen.err" && gen_exit=0 || gen_exit=$?
add "generic ${LARGE_MB} MiB with -Xmx128m" "exit $gen_exit, peak RSS $(awk -F: '/Maximum resident/ {print int($2/1024)}' "$WORK/mem-gen.err") MiB, $(awk -F': ' '/Elapsed/ {print $2}' "$WORK/mem-gen.err")" "target: exit 0"
rm -f "$WORK/large-generic.csv"

# 3. bulk: BULK_FILES small files across 100 organisation numbers, scan --concurrency 8
start_stand_in
python3 - "$WORK/inbox" "$BULK_FILES" <<'PY'
import os, sys, uuid
root, count = sys.argv[1], int(sys.argv[2])
def luhn(n):
    s = 0
    for i, c in enumerate(n):
        p = int(c) * (2 if i % 2 == 0 else 1); s += p - 9 if p > 9 else p
    return (10 - s % 10) % 10
orgs = [b + str(luhn(b)) for b in ("999%06d" % i for i in range(100))]
for k in range(count):
    d = os.path.join(root, orgs[k % 100], "VINN", "2026-09-30", "V40")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"report-{k}.xml"), "w") as f:
        f.write(f'<?xml version="1.0"?><Report id="{uuid.uuid4()}"><Holding>{k}</Holding></Report>\n')
PY
cp -r "$WORK/inbox" "$WORK/inbox-pristine" # every row starts from the same files, whatever a scan leaves
scan_rate() { # $1 datasource url, $2 label
	java ${JAVA_OPTS_BULK:-} -jar "$JAR" scan "$WORK/inbox" --concurrency 8 "${COMMON[@]}" --spring.datasource.url="$1" \
		--spring.datasource.username="${3:-sa}" --scb.report.dir="$WORK/reports-$2" > "$WORK/scan-$2.out" 2>&1 || true
	python3 - "$WORK/reports-$2" <<'PY'
import glob, json, sys
from datetime import datetime
d = json.load(open(sorted(glob.glob(sys.argv[1] + "/scan-*.json"))[-1]))
start = datetime.fromisoformat(d["startedAt"].replace("Z", "+00:00"))
end = datetime.fromisoformat(d["endedAt"].replace("Z", "+00:00"))
loaded = sum(1 for r in d["rows"] if r["outcome"] == "LOADED")
print(f"{loaded / (end - start).total_seconds():.1f} deliveries/s ({loaded} loaded in {(end - start).total_seconds():.1f} s)")
PY
}
add "bulk ${BULK_FILES} files, H2" "$(scan_rate "jdbc:h2:file:$WORK/h2-bulk/scb;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" h2)" "target >= 50/s"
# the same with C1 only: JIT compilation is a third of a short scan's CPU on two cores
start_stand_in
rm -rf "$WORK/inbox" && cp -r "$WORK/inbox-pristine" "$WORK/inbox"
add "bulk ${BULK_FILES} files, H2, C1 only" "$(JAVA_OPTS_BULK="-XX:TieredStopAtLevel=1" scan_rate "jdbc:h2:file:$WORK/h2-bulk-c1/scb;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" h2c1)" "-XX:TieredStopAtLevel=1"
rm -rf "$WORK/inbox" && cp -r "$WORK/inbox-pristine" "$WORK/inbox"
start_stand_in
if psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS scb_bench" -c "CREATE DATABASE scb_bench" > /dev/null 2>&1; then
	add "bulk ${BULK_FILES} files, PostgreSQL" "$(scan_rate "jdbc:postgresql://127.0.0.1:5432/scb_bench" pg postgres)" "target >= 25/s"
else
	add "bulk ${BULK_FILES} files, PostgreSQL" "not measured" "PostgreSQL at 127.0.0.1:5432 not reachable"
fi

# 4. start-up: heartbeat, start to finish, in each form
heartbeat_time() {
	local t0 t1
	t0=$(now)
	"$@" heartbeat --scb.gdb.base-url=$GDB --spring.datasource.url="jdbc:h2:mem:bench" > /dev/null 2>&1
	t1=$(now)
	elapsed "$t0" "$t1"
}
beats=(); extracted=(); cds=(); cds_c1=()
for i in $(seq 1 "$REPEATS"); do
	beats+=("$(heartbeat_time java -jar "$JAR")")
	extracted+=("$(heartbeat_time java -jar "$WORK/app/scb-delivery.jar")")
	cds+=("$(heartbeat_time "${FAST[@]}")")
	cds_c1+=("$(heartbeat_time java -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile="$WORK/app/scb-delivery.jsa" -jar "$WORK/app/scb-delivery.jar")")
done
add "heartbeat, jar (s)" "$(stats "${beats[@]}")" "java -jar target/scb-delivery.jar; target < 3 s"
add "heartbeat, extracted (s)" "$(stats "${extracted[@]}")" "java -Djarmode=tools ... extract"
add "heartbeat, extracted + CDS (s)" "$(stats "${cds[@]}")" "bin/prepare-cds.sh; target < 3 s"
add "heartbeat, CDS + C1 only (s)" "$(stats "${cds_c1[@]}")" "... -XX:TieredStopAtLevel=1"

printf '\n%-40s | %-55s | %s\n' "measure" "value (median, spread)" "notes"
printf '%s\n' "---------------------------------------------------------------------------------------------------------------------"
for row in "${ROWS[@]}"; do IFS='|' read -r a b c <<< "$row"; printf '%-40s | %-55s | %s\n' "$a" "$b" "$c"; done
{
	printf '{\n  "machine": "%s, %s cores, %s",\n  "java": "%s",\n  "measures": [\n    ' \
		"$(uname -sr)" "$(nproc)" "$(free -g | awk '/Mem:/ {print $2 " GiB"}')" "$(java -version 2>&1 | head -1 | tr -d '"')"
	(IFS=$'\n'; echo "${json_rows[*]}") | paste -sd ',' | sed 's/},{/},\n    {/g'
	printf '  ]\n}\n'
} > "$RESULTS"
echo "written: $RESULTS"
