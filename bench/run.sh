#!/usr/bin/env bash
# Benchmarks scb-delivery against its stand-in on loopback, side by side with the simplest
# possible client (curl), and prints a table; the numbers also go to bench/results.json.
#
#   bench/run.sh                                  # everything, REPEATS=3 timings each
#   REPEATS=5 bench/run.sh                        # more repeats
#   GDB_MB=100 BULK_FILES=200 bench/run.sh        # a quicker, smaller run
#   SECTIONS="gdb startup" bench/run.sh           # only some of: gdb memory bulk startup monthend growth
#   GROWTH_SIZES="1000 10000" bench/run.sh        # the repository sizes of the growth section
#
# Needs: a JDK 17+, curl, python3, /usr/bin/time; PostgreSQL at 127.0.0.1:5432 (user postgres,
# trust) for the PostgreSQL bulk row (left out when it cannot be reached). Optional: a JDK 24+
# (JAVA_AOT=/path/to/bin/java, else the newest under /usr/lib/jvm) for the AOT cache rows, and
# async-profiler (fetched from Maven Central by the Maven wrapper, linux-x64 only) for the job
# repository's share of a bulk scan. Sends nothing off this machine.
set -euo pipefail
cd "$(dirname "$0")/.."

REPEATS=${REPEATS:-3}
GDB_MB=${GDB_MB:-500}
LARGE_MB=${LARGE_MB:-1024}
BULK_FILES=${BULK_FILES:-1000}
SECTIONS=${SECTIONS:-gdb memory bulk startup monthend growth}
GROWTH_SIZES=${GROWTH_SIZES:-1000 10000 100000}
GROWTH_BULK_FILES=${GROWTH_BULK_FILES:-300}
MONTHEND_FILES=${MONTHEND_FILES:-1000}
MONTHEND_SMALL=${MONTHEND_SMALL:-100}
MONTHEND_PROCESSING=${MONTHEND_PROCESSING:-60}
PORT=${PORT:-18190}
ASYNC_PROFILER=${ASYNC_PROFILER:-tools.profiler:async-profiler:4.2:jar:linux-x64}
WORK=$(mktemp -d -t scb-bench-XXXX)
JAR=target/scb-delivery.jar
RESULTS=bench/results.json
trap 'kill "${SIM_PID:-}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

section() { [[ " $SECTIONS " == *" $1 "* ]]; }
now() { python3 -c 'import time; print(time.time())'; }
elapsed() { python3 -c "print(round($2 - $1, 3))"; }
stats() { python3 -c "
import statistics, sys
v = [float(x) for x in sys.argv[1:]]
print(f'{statistics.median(v):.2f} (min {min(v):.2f}, max {max(v):.2f}, n={len(v)})')" "$@"; }
median() { python3 -c "import statistics, sys; print(statistics.median([float(x) for x in sys.argv[1:]]))" "$@"; }

declare -a ROWS=()
json_rows=()
add() { ROWS+=("$1|$2|$3"); json_rows+=("{\"measure\": \"$1\", \"value\": \"$2\", \"detail\": \"$3\"}"); }

./mvnw -q -DskipTests package
# the faster-starting form: the jar extracted plus a CDS archive from a training run
if section gdb || section startup || section growth; then
	bin/prepare-cds.sh "$JAR" "$WORK/app" > /dev/null
fi
FAST=(java -XX:SharedArchiveFile="$WORK/app/scb-delivery.jsa" -jar "$WORK/app/scb-delivery.jar")

# A fresh stand-in for each measurement that sends it much: what it was sent before stays on
# its disk and in its history. It answers at once: the final status on the first history poll.
start_stand_in() {
	kill "${SIM_PID:-}" 2>/dev/null && wait "${SIM_PID}" 2>/dev/null || true
	: > "$WORK/sim.out"
	java -jar "$JAR" simulate --port "$PORT" --polls-before-final 0 > "$WORK/sim.out" 2>&1 &
	SIM_PID=$!
	for _ in $(seq 1 100); do grep -q "listening" "$WORK/sim.out" 2>/dev/null && break; sleep 0.2; done
}
GDB=http://127.0.0.1:$PORT/m2m/v2/
GENERIC=http://127.0.0.1:$PORT/API/
COMMON=(--scb.gdb.base-url=$GDB --scb.generic.base-url=$GENERIC --scb.poll.interval=10ms --scb.poll.max-interval=20ms
	--scb.inbox.settle=100ms --logging.file.name=$WORK/scb.log)

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

# 1. GDB throughput: deliver (as a plain jar, and extracted with its CDS archive) vs curl, same
# stand-in, same fragment size. Besides the whole command, the upload phase alone: from the
# report's attempt start to SCB's answer to the completing -1 (no JVM start, no SHA-256 pre-check).
gdb_throughput() {
	local bytes=$((GDB_MB * 1024 * 1024)) i t0 t1 n piece
	local ours=() fast=() phase=() theirs=() completion=()
	deliver_timed() { # $1 file, $2 label, rest: the java command; prints MB/s of the whole command
		local file=$1 label=$2; shift 2
		local t0 t1
		t0=$(now)
		"$@" deliver --file "$file" --org 999000-0045 --program VINN --period 2026-09-30 --format V40 \
			"${COMMON[@]}" --spring.datasource.url="jdbc:h2:file:$WORK/h2-gdb/scb;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" \
			--scb.report.dir="$WORK/reports-$label" > "$WORK/$label.out" 2>&1 || { echo "deliver failed:" >&2; tail -5 "$WORK/$label.out" >&2; exit 1; }
		t1=$(now)
		python3 -c "print($bytes / 1e6 / ($t1 - $t0))"
	}
	upload_phase() { # MB/s from the newest report in $1
		python3 - "$1" "$bytes" <<'PY'
import glob, json, os, re, sys
from datetime import datetime
report = json.load(open(max(glob.glob(sys.argv[1] + "/delivery-*.json"), key=os.path.getmtime)))
attempt = report["attempts"][0]
t = lambda s: datetime.fromisoformat(re.sub(r"(\.\d{1,6})\d*", r"\1", s.replace("Z", "+00:00")))
print(int(sys.argv[2]) / 1e6 / (t(attempt["uploadedAt"]) - t(attempt["startedAt"])).total_seconds())
PY
	}
	for i in $(seq 1 "$REPEATS"); do
		start_stand_in
		make_file "$WORK/gdb-$i.xml" "$bytes"
		ours+=("$(deliver_timed "$WORK/gdb-$i.xml" "gdb-$i" java -jar "$JAR")")
		rm -f "$WORK/gdb-$i.xml"
		start_stand_in
		make_file "$WORK/fast-$i.xml" "$bytes"
		fast+=("$(deliver_timed "$WORK/fast-$i.xml" "fast-$i" "${FAST[@]}")")
		phase+=("$(upload_phase "$WORK/reports-fast-$i")")
		rm -f "$WORK/fast-$i.xml"

		# curl: pieces prepared before timing, heartbeat with a cookie jar, one POST per piece, then -1
		start_stand_in
		make_file "$WORK/curl-$i.xml" "$bytes"
		rm -rf "$WORK/pieces" && mkdir "$WORK/pieces" && split -b 9216000 -d -a 4 "$WORK/curl-$i.xml" "$WORK/pieces/p"
		rm -f "$WORK/curl-$i.xml"
		: > "$WORK/empty"
		t0=$(now)
		curl -s -f -c "$WORK/jar" "${GDB}heartbeat" > /dev/null
		n=0
		for piece in "$WORK"/pieces/p*; do
			curl -s -f -b "$WORK/jar" -F "File=@$piece;filename=curl-$i.xml" "${GDB}file/$n/9990000052/VINN/2026-09-30/V40/curl-$i.xml/" > /dev/null
			n=$((n + 1))
		done
		# the completion's own time: the stand-in assembling the file and checking its XML, as SCB
		# checks the format before it answers; both clients wait for it
		completion+=("$(curl -s -f -o /dev/null -w '%{time_total}' -b "$WORK/jar" -F "File=@$WORK/empty;filename=curl-$i.xml" "${GDB}file/-1/9990000052/VINN/2026-09-30/V40/curl-$i.xml/")")
		t1=$(now)
		theirs+=("$(python3 -c "print($bytes / 1e6 / ($t1 - $t0))")")
	done
	rm -rf "$WORK/pieces"
	ratio() { python3 -c "print(round($(median "$@") / $(median "${theirs[@]}"), 2))"; }
	add "GDB ${GDB_MB} MiB, deliver, jar (MB/s)" "$(stats "${ours[@]}")" "whole command: JVM start, SHA-256, fragments, completion, poll"
	add "GDB ${GDB_MB} MiB, deliver, CDS (MB/s)" "$(stats "${fast[@]}")" "the same, extracted jar + CDS archive (bin/prepare-cds.sh)"
	add "GDB ${GDB_MB} MiB, upload phase (MB/s)" "$(stats "${phase[@]}")" "CDS runs: first fragment to SCB's answer to -1"
	add "GDB ${GDB_MB} MiB, curl (MB/s)" "$(stats "${theirs[@]}")" "heartbeat, one curl -F per 9,216,000-byte piece, -1"
	add "GDB ${GDB_MB} MiB, the -1 answer (s)" "$(stats "${completion[@]}")" "curl runs: the stand-in assembling and checking the file"
	add "GDB ratio, whole command, jar" "$(ratio "${ours[@]}")" "target >= 0.9"
	add "GDB ratio, whole command, CDS" "$(ratio "${fast[@]}")" "target >= 0.9"
	add "GDB ratio, upload phase" "$(ratio "${phase[@]}")" "the bytes on the wire, against curl's whole run"
}

# 2. memory: 1 GiB through each channel with a small heap; peak RSS
memory() {
	local large=$((LARGE_MB * 1024 * 1024)) gdb_exit gen_exit
	start_stand_in
	make_file "$WORK/large-gdb.xml" "$large"
	/usr/bin/time -v java -Xmx64m -jar "$JAR" deliver --file "$WORK/large-gdb.xml" --org 999000-0045 --program KRITA \
		--period 2026-10-31 --format K "${COMMON[@]}" --spring.datasource.url="jdbc:h2:file:$WORK/h2-mem/scb;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" \
		--scb.report.dir="$WORK/reports" > "$WORK/mem-gdb.out" 2> "$WORK/mem-gdb.err" && gdb_exit=0 || gdb_exit=$?
	add "GDB ${LARGE_MB} MiB with -Xmx64m" "exit $gdb_exit, peak RSS $(awk -F: '/Maximum resident/ {print int($2/1024)}' "$WORK/mem-gdb.err") MiB, $(awk -F': ' '/Elapsed/ {print $2}' "$WORK/mem-gdb.err")" "target: exit 0"
	rm -f "$WORK/large-gdb.xml"
	start_stand_in
	make_file "$WORK/large-generic.csv" "$large" csv
	/usr/bin/time -v java -Xmx128m -jar "$JAR" deliver --api generic --file "$WORK/large-generic.csv" --contract 1 \
		"${COMMON[@]}" --spring.datasource.url="jdbc:h2:file:$WORK/h2-mem/scb;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" \
		--scb.report.dir="$WORK/reports" --scb.http.response-timeout=10m > "$WORK/mem-gen.out" 2> "$WORK/mem-gen.err" && gen_exit=0 || gen_exit=$?
	add "generic ${LARGE_MB} MiB with -Xmx128m" "exit $gen_exit, peak RSS $(awk -F: '/Maximum resident/ {print int($2/1024)}' "$WORK/mem-gen.err") MiB, $(awk -F': ' '/Elapsed/ {print $2}' "$WORK/mem-gen.err")" "target: exit 0"
	rm -f "$WORK/large-generic.csv"
}

# 3. bulk: BULK_FILES small files across 100 organisation numbers, scan --concurrency 8; then
# one more scan of each under a wall-clock profiler, for where the delivery threads' time goes
# the deliveries per second of the newest scan summary in a report dir ($1), which must have loaded $2 files
scan_rate() {
	python3 - "$1" "$2" <<'PY'
import glob, json, sys
from datetime import datetime
d = json.load(open(sorted(glob.glob(sys.argv[1] + "/scan-*.json"))[-1]))
start = datetime.fromisoformat(d["startedAt"].replace("Z", "+00:00"))
end = datetime.fromisoformat(d["endedAt"].replace("Z", "+00:00"))
loaded = sum(1 for r in d["rows"] if r["outcome"] == "LOADED")
if loaded != int(sys.argv[2]):
    sys.exit(f"only {loaded} of {sys.argv[2]} files were loaded: see the scan's output")
print(loaded / (end - start).total_seconds())
PY
}

bulk() {
	local i h2=() c1=() pg=() pg_ok=false
	bench/make_inbox.py "$WORK/inbox-pristine" "$BULK_FILES" 100 999 VINN/2026-09-30/V40 report
	# every scan: the same files (fresh copies), a fresh stand-in and a new job repository
	scan_once() { # $1 label, $2 datasource url, $3 user, rest: JVM options; prints the rate
		local label=$1 url=$2 user=$3; shift 3
		start_stand_in
		rm -rf "$WORK/inbox" && cp -r "$WORK/inbox-pristine" "$WORK/inbox"
		java "$@" -jar "$JAR" scan "$WORK/inbox" --concurrency 8 "${COMMON[@]}" --spring.datasource.url="$url" \
			--spring.datasource.username="$user" --scb.report.dir="$WORK/reports-$label" > "$WORK/scan-$label.out" 2>&1 || true
		scan_rate "$WORK/reports-$label" "$BULK_FILES"
	}
	fresh_pg() { psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS scb_bench" -c "CREATE DATABASE scb_bench" > /dev/null 2>&1; }
	h2_url() { echo "jdbc:h2:file:$WORK/h2-bulk-$1/scb;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"; }
	for i in $(seq 1 "$REPEATS"); do
		h2+=("$(scan_once "h2-$i" "$(h2_url "$i")" sa)")
		# with C1 only: JIT compilation takes much of a short run's CPU on two cores
		c1+=("$(scan_once "c1-$i" "$(h2_url "c1-$i")" sa -XX:TieredStopAtLevel=1)")
		if fresh_pg; then
			pg_ok=true
			pg+=("$(scan_once "pg-$i" "jdbc:postgresql://127.0.0.1:5432/scb_bench" postgres)")
		fi
	done
	add "bulk ${BULK_FILES} files, H2 (deliveries/s)" "$(stats "${h2[@]}")" "target >= 50/s"
	add "bulk ${BULK_FILES} files, H2, C1 only (deliveries/s)" "$(stats "${c1[@]}")" "-XX:TieredStopAtLevel=1"
	if $pg_ok; then
		add "bulk ${BULK_FILES} files, PostgreSQL (deliveries/s)" "$(stats "${pg[@]}")" "target >= 25/s"
	else
		add "bulk ${BULK_FILES} files, PostgreSQL" "not measured" "PostgreSQL at 127.0.0.1:5432 not reachable"
	fi

	local profiler
	if ! profiler=$(async_profiler); then
		add "bulk, job repository's share" "not measured" "async-profiler ($ASYNC_PROFILER) could not be fetched"
		return
	fi
	scan_once "h2-profiled" "$(h2_url profiled)" sa \
		"-agentpath:$profiler=start,event=wall,interval=10ms,threads,file=$WORK/bulk-h2.collapsed,collapsed" > /dev/null
	add "bulk, H2: delivery threads' time" "$(bench/time_shares.py "$WORK/bulk-h2.collapsed")" "wall-clock profile of one more scan"
	if $pg_ok && fresh_pg; then
		scan_once "pg-profiled" "jdbc:postgresql://127.0.0.1:5432/scb_bench" postgres \
			"-agentpath:$profiler=start,event=wall,interval=10ms,threads,file=$WORK/bulk-pg.collapsed,collapsed" > /dev/null
		add "bulk, PostgreSQL: delivery threads' time" "$(bench/time_shares.py "$WORK/bulk-pg.collapsed")" "wall-clock profile of one more scan"
	fi
}

# async-profiler's library, fetched from Maven Central through the project's Maven wrapper
async_profiler() {
	[ "$(uname -sm)" = "Linux x86_64" ] || return 1
	./mvnw -q dependency:copy -Dartifact="$ASYNC_PROFILER" -DoutputDirectory="$WORK/ap" > "$WORK/ap.out" 2>&1 || return 1
	(cd "$WORK/ap" && unzip -q -o ./*.jar) || return 1
	find "$WORK/ap" -name libasyncProfiler.so | head -1 | grep .
}

# 4. start-up: heartbeat, start to finish, in each form
startup() {
	local i beats=() helps=() extracted=() cds=() cds_c1=() aot_jar=() aot=() java_aot=${JAVA_AOT:-}
	start_stand_in
	heartbeat_time() {
		local t0 t1
		t0=$(now)
		"$@" heartbeat --scb.gdb.base-url=$GDB --spring.datasource.url="jdbc:h2:mem:bench" > /dev/null 2>&1
		t1=$(now)
		elapsed "$t0" "$t1"
	}
	if [ -z "$java_aot" ]; then
		for j in /usr/lib/jvm/*/bin/java; do
			"$j" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCache ' && java_aot=$j
		done
	fi
	if [ -n "$java_aot" ]; then
		# Java 24+: the AOT cache (JEP 483/514) from the same training run as the CDS archive
		"$java_aot" -XX:AOTCacheOutput="$WORK/app/scb-delivery.aot" -jar "$WORK/app/scb-delivery.jar" demo \
			--scb.report.dir="$WORK/aot-training" --logging.file.name="$WORK/aot-training.log" > "$WORK/aot-training.out" 2>&1 || java_aot=""
	fi
	help_time() { # --help answers before the application starts: no Spring, no job repository
		local t0 t1
		t0=$(now)
		java -jar "$JAR" --help > /dev/null 2>&1
		t1=$(now)
		elapsed "$t0" "$t1"
	}
	for i in $(seq 1 "$REPEATS"); do
		helps+=("$(help_time)")
		beats+=("$(heartbeat_time java -jar "$JAR")")
		extracted+=("$(heartbeat_time java -jar "$WORK/app/scb-delivery.jar")")
		cds+=("$(heartbeat_time "${FAST[@]}")")
		cds_c1+=("$(heartbeat_time java -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile="$WORK/app/scb-delivery.jsa" -jar "$WORK/app/scb-delivery.jar")")
		if [ -n "$java_aot" ]; then
			aot_jar+=("$(heartbeat_time "$java_aot" -jar "$JAR")")
			aot+=("$(heartbeat_time "$java_aot" -XX:AOTCache="$WORK/app/scb-delivery.aot" -jar "$WORK/app/scb-delivery.jar")")
		fi
	done
	add "--help, jar, start to exit (s)" "$(stats "${helps[@]}")" "java -jar target/scb-delivery.jar --help; heartbeat beside it"
	add "heartbeat, jar (s)" "$(stats "${beats[@]}")" "java -jar target/scb-delivery.jar; target < 3 s"
	add "heartbeat, extracted (s)" "$(stats "${extracted[@]}")" "java -Djarmode=tools ... extract"
	add "heartbeat, extracted + CDS (s)" "$(stats "${cds[@]}")" "bin/prepare-cds.sh; target < 3 s"
	add "heartbeat, CDS + C1 only (s)" "$(stats "${cds_c1[@]}")" "... -XX:TieredStopAtLevel=1"
	if [ -n "$java_aot" ]; then
		local version
		version=$("$java_aot" -version 2>&1 | head -1 | sed 's/.*version "\([^"]*\)".*/\1/')
		add "heartbeat, Java $version, jar (s)" "$(stats "${aot_jar[@]}")" "$java_aot -jar target/scb-delivery.jar"
		add "heartbeat, Java $version, AOT cache (s)" "$(stats "${aot[@]}")" "extracted + -XX:AOTCache from a demo training run"
	fi
}

# 5. month-end at SCB's pace: MONTHEND_FILES small files over 200 organisation numbers, SCB
# taking MONTHEND_PROCESSING seconds to process each one (time-based, from its completion),
# scan --concurrency 4 with the default poll settings, on PostgreSQL. Samples the scan's
# threads and the database connections in use every 200 ms; a second, smaller scan shows
# whether the threads follow the number of waiting files.
monthend() {
	if ! psql -h 127.0.0.1 -U postgres -q -c "select 1" > /dev/null 2>&1; then
		add "month-end" "not measured" "PostgreSQL at 127.0.0.1:5432 not reachable"
		return
	fi
	monthend_once() { # $1 files; prints: wall upload_done peak_threads peak_connections loaded
		local files=$1 inbox="$WORK/monthend-$1" db="scb_monthend_$1"
		rm -rf "$inbox" "$WORK/reports-monthend-$files"
		bench/make_inbox.py "$inbox" "$files" 200 998 KRITA/2026-11-30/KRITA_MONTHLY month-end
		psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" > /dev/null
		kill "${SIM_PID:-}" 2>/dev/null && wait "${SIM_PID}" 2>/dev/null || true
		: > "$WORK/sim.out"
		java -jar "$JAR" simulate --port "$PORT" --polls-before-final 0 --processing "${MONTHEND_PROCESSING}s" > "$WORK/sim.out" 2>&1 &
		SIM_PID=$!
		for _ in $(seq 1 100); do grep -q "listening" "$WORK/sim.out" 2>/dev/null && break; sleep 0.2; done
		if ! kill -0 "$SIM_PID" 2>/dev/null; then
			echo "the stand-in did not start (port $PORT taken?): $(cat "$WORK/sim.out")" >&2
			return 1
		fi
		java -jar "$JAR" scan "$inbox" --concurrency 4 --scb.gdb.base-url=$GDB --scb.generic.base-url=$GENERIC \
			--scb.inbox.settle=100ms --logging.file.name="$WORK/monthend-$files.log" \
			--spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" --spring.datasource.username=postgres \
			--scb.report.dir="$WORK/reports-monthend-$files" > "$WORK/monthend-$files.out" 2>&1 &
		local scan=$!
		python3 - "$scan" "$db" > "$WORK/monthend-$files.samples" <<'PY' &
import os, subprocess, sys, time
pid, db = sys.argv[1], sys.argv[2]
threads = connections = 0
# one psql session for all samples: a new one per sample costs the scan CPU on two cores
psql = subprocess.Popen(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-tAq"],
    stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
while os.path.exists(f"/proc/{pid}"):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("Threads:"):
                threads = max(threads, int(line.split()[1]))
    except OSError:
        break
    psql.stdin.write(f"select count(*) from pg_stat_activity where datname = '{db}' and state <> 'idle';\n")
    out = psql.stdout.readline().strip()
    if out.isdigit():
        connections = max(connections, int(out))
    time.sleep(0.2)
psql.stdin.close()
print(threads, connections)
PY
		local sampler=$!
		wait "$scan" || true
		wait "$sampler"
		python3 - "$WORK/reports-monthend-$files" "$WORK/monthend-$files.out" "$(cat "$WORK/monthend-$files.samples")" <<'PY'
import glob, json, re, sys
from datetime import datetime
d = json.load(open(sorted(glob.glob(sys.argv[1] + "/scan-*.json"))[-1]))
start = datetime.fromisoformat(d["startedAt"].replace("Z", "+00:00"))
end = datetime.fromisoformat(d["endedAt"].replace("Z", "+00:00"))
loaded = sum(1 for r in d["rows"] if r["outcome"] == "LOADED")
# the first progress line of the "waiting for SCB" stage: every upload is done
uploaded = None
for line in open(sys.argv[2]):
    m = re.match(r"scan: waiting for SCB; .* (\d+):(\d\d):(\d\d) elapsed", line)
    if m:
        uploaded = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3)); break
print(round((end - start).total_seconds(), 1), uploaded if uploaded is not None else "?", sys.argv[3], loaded)
PY
		psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $db" > /dev/null 2>&1 || true
		# this runs in a command substitution, whose exit does not run the script's trap
		kill "$SIM_PID" 2>/dev/null && wait "$SIM_PID" 2>/dev/null || true
	}
	local big small wall upload threads connections loaded s_threads s_wall lag ideal
	big=$(monthend_once "$MONTHEND_FILES")
	read -r wall upload threads connections loaded <<< "$big"
	small=$(monthend_once "$MONTHEND_SMALL")
	read -r s_wall _ s_threads _ _ <<< "$small"
	# the default pace (5 s, doubling) polls at 0, 5, 15, 35, 75 s after the upload: the first
	# poll at or after SCB's processing time is the lag
	lag=$(python3 -c "
t, d = 0, 5
while t < $MONTHEND_PROCESSING: t, d = t + d, min(d * 2, 300)
print(t - $MONTHEND_PROCESSING)")
	ideal=$(python3 -c "print(${upload/\?/0} + $MONTHEND_PROCESSING + $lag)")
	add "month-end ${MONTHEND_FILES} files, SCB ${MONTHEND_PROCESSING} s, PostgreSQL (s)" "$wall ($loaded LOADED)" "target <= 180 s; --concurrency 4, default poll settings"
	add "month-end: ideal (upload + processing + poll lag, s)" "$ideal" "uploads done at ${upload} s, processing ${MONTHEND_PROCESSING} s, poll lag ${lag} s"
	add "month-end: peak threads, ${MONTHEND_FILES} vs ${MONTHEND_SMALL} files" "$threads vs $s_threads" "target: flat in the files waiting (${MONTHEND_SMALL} files took ${s_wall} s)"
	add "month-end: peak database connections in use" "$connections" "pg_stat_activity, not idle, sampled every 200 ms in one session"
}

# Repository growth: the everyday commands with 1,000 to 100,000 executions in a PostgreSQL
# repository, against the same commands on one that holds only the templates. The templates
# are deliveries the product makes here against the stand-in; bench/fill_repository.sql copies
# them with new identities (see its header).
growth() {
	local size db=scb_bench_growth url template_execs
	if ! psql -h 127.0.0.1 -U postgres -q -c "SELECT 1" > /dev/null 2>&1; then
		add "repository growth" "not measured" "PostgreSQL at 127.0.0.1:5432 not reachable"
		return
	fi
	url="jdbc:postgresql://127.0.0.1:5432/$db"
	# COMMON without its log file: each command here logs to a file of its own, which says the
	# command's own time ("after N ms of its own", beyond the JVM's and Spring's start)
	local -a GROWTH_COMMON=(--scb.gdb.base-url=$GDB --scb.generic.base-url=$GENERIC --scb.poll.interval=10ms
		--scb.poll.max-interval=20ms --scb.inbox.settle=100ms)
	# one --scb.report.dir per command: a property given twice on the command line is both values, comma-joined
	local -a on_db=(--spring.datasource.url="$url" --spring.datasource.username=postgres)
	make_templates() {
		psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" > /dev/null
		rm -rf "$WORK/growth-templates"
		bench/make_inbox.py "$WORK/growth-templates" 19 19 998 VINN/2026-09-30/V40 template > /dev/null
		start_stand_in
		java -jar "$JAR" scan "$WORK/growth-templates" --concurrency 4 "${GROWTH_COMMON[@]}" "${on_db[@]}" --scb.report.dir="$WORK/growth-reports" --logging.file.name="$WORK/growth-templates.log" > "$WORK/growth-templates.out" 2>&1
		# one delivery that failed, SCB out of reach, and was resumed: two executions, the first superseded
		kill "$SIM_PID" && wait "$SIM_PID" 2>/dev/null || true
		bench/make_inbox.py "$WORK/growth-resumed" 1 1 997 VINN/2026-09-30/V40 resumed > /dev/null
		local resumed
		resumed=$(find "$WORK/growth-resumed" -name '*.xml')
		java -jar "$JAR" deliver --file "$resumed" --org "$(basename "$(dirname "$(dirname "$(dirname "$(dirname "$resumed")")")")")" \
			--program VINN --period 2026-09-30 --format V40 "${GROWTH_COMMON[@]}" "${on_db[@]}" --scb.http.max-attempts=1 --scb.report.dir="$WORK/growth-reports" --logging.file.name="$WORK/growth-templates.log" > "$WORK/growth-failed.out" 2>&1 || true
		start_stand_in
		java -jar "$JAR" restart --failed "${GROWTH_COMMON[@]}" "${on_db[@]}" --scb.report.dir="$WORK/growth-reports" --logging.file.name="$WORK/growth-templates.log" > "$WORK/growth-resumed.out" 2>&1
	}
	counts() {
		psql -h 127.0.0.1 -U postgres -d "$db" -At -F ' ' -c "SELECT (SELECT count(*) FROM batch_job_execution),
			(SELECT count(*) FROM batch_job_instance), (SELECT count(*) FROM batch_job_execution WHERE status = 'FAILED')"
	}
	# the prepared form README.md recommends for short runs: the extracted jar with its CDS
	# archive, C1 only
	local -a PREPARED=("${FAST[0]}" -XX:TieredStopAtLevel=1 "${FAST[@]:1}")
	timed() { # runs a whole command as a plain jar (or, after --prepared, in the prepared form);
		# prints its wall time and its own time (s), as the log records it
		local t0 t1
		local -a java=(java -jar "$JAR")
		if [ "$1" = --prepared ]; then java=("${PREPARED[@]}"); shift; fi
		rm -f "$WORK/growth-cmd.log"
		t0=$(now)
		"${java[@]}" "$@" "${GROWTH_COMMON[@]}" "${on_db[@]}" --scb.report.dir="$WORK/growth-reports" \
			--logging.file.name="$WORK/growth-cmd.log" > "$WORK/growth-cmd.out" 2>&1 || true
		t1=$(now)
		echo "$(elapsed "$t0" "$t1") $(sed -n 's/.* after \([0-9]*\) ms of its own.*/\1/p' "$WORK/growth-cmd.log" | tail -1 | awk '{print $1 / 1000}')"
	}
	one_file_scan() { # $1: --prepared for the prepared form
		rm -rf "$WORK/growth-one"
		bench/make_inbox.py "$WORK/growth-one" 1 1 996 VINN/2026-09-30/V40 one > /dev/null
		timed ${1:+"$1"} scan "$WORK/growth-one"
	}
	measure() { # $1 label: the three commands REPEATS times; sets L, R, S (medians of their own time)
		local i t l=() r=() s=() p=() lw=() rw=() sw=()
		for i in $(seq 1 "$REPEATS"); do
			read -r t x <<< "$(timed list --status FAILED --since 24h)"; lw+=("$t"); l+=("$x")
			read -r t x <<< "$(timed restart --failed)"; rw+=("$t"); r+=("$x")
			read -r t x <<< "$(one_file_scan)"; sw+=("$t"); s+=("$x")
			read -r t x <<< "$(one_file_scan --prepared)"; p+=("$x")
		done
		L=$(median "${l[@]}"); R=$(median "${r[@]}"); S=$(median "${s[@]}"); P=$(median "${p[@]}")
		GROWTH_ROWS+=("$1|$(stats "${l[@]}")|$(stats "${r[@]}")|$(stats "${s[@]}")|$(median "${lw[@]}")|$(median "${rw[@]}")|$(median "${sw[@]}")|$(stats "${p[@]}")")
	}
	bulk_rate() { # files per second of a scan of GROWTH_BULK_FILES new files
		rm -rf "$WORK/growth-bulk"
		bench/make_inbox.py "$WORK/growth-bulk" "$GROWTH_BULK_FILES" 100 995 VINN/2026-09-30/V40 bulk > /dev/null
		rm -rf "$WORK/growth-bulk-reports"
		java -jar "$JAR" scan "$WORK/growth-bulk" --concurrency 8 "${GROWTH_COMMON[@]}" "${on_db[@]}" \
			--scb.report.dir="$WORK/growth-bulk-reports" --logging.file.name="$WORK/growth-bulk.log" > "$WORK/growth-bulk.out" 2>&1 || true
		scan_rate "$WORK/growth-bulk-reports" "$GROWTH_BULK_FILES"
	}
	GROWTH_ROWS=()
	local base_l base_r base_s base_p empty_rates=() full_rates=() i
	make_templates
	template_execs=$(counts | cut -d' ' -f1)
	pg_dump -h 127.0.0.1 -U postgres -Fc "$db" > "$WORK/growth-templates.dump"
	echo "growth: templates: $(counts) (executions, instances, failed)" >&2
	measure "templates only ($template_execs executions)"
	base_l=$L; base_r=$R; base_s=$S; base_p=$P
	for size in $GROWTH_SIZES; do
		restore_templates
		local t0 t1 copies=$(( (size + template_execs - 1) / template_execs ))
		t0=$(now)
		psql -h 127.0.0.1 -U postgres -d "$db" -q -v copies="$copies" -f bench/fill_repository.sql > /dev/null
		t1=$(now)
		echo "growth: filled $(counts) (executions, instances, failed) in $(elapsed "$t0" "$t1") s" >&2
		measure "$(counts | cut -d' ' -f1) executions"
		add "growth: list --status FAILED --since 24h, $size, own (s)" "$(echo "${GROWTH_ROWS[-1]}" | cut -d'|' -f2)" \
			"whole command $(echo "${GROWTH_ROWS[-1]}" | cut -d'|' -f5) s; templates only: own $base_l s"
		add "growth: restart --failed, nothing to do, $size, own (s)" "$(echo "${GROWTH_ROWS[-1]}" | cut -d'|' -f3)" \
			"whole command $(echo "${GROWTH_ROWS[-1]}" | cut -d'|' -f6) s; templates only: own $base_r s"
		add "growth: one-file scan, $size, own (s)" "$(echo "${GROWTH_ROWS[-1]}" | cut -d'|' -f4)" \
			"whole command $(echo "${GROWTH_ROWS[-1]}" | cut -d'|' -f7) s; templates only: own $base_s s"
		add "growth: one-file scan, $size, prepared form, own (s)" "$(echo "${GROWTH_ROWS[-1]}" | cut -d'|' -f8)" \
			"extracted + CDS, C1 only; templates only: own $base_p s"
	done
	# the bulk rates, empty and full in turns so that both meet the same machine; each scan starts
	# from its repository as dumped, not from the previous scan's few hundred more executions
	pg_dump -h 127.0.0.1 -U postgres -Fc "$db" > "$WORK/growth-full.dump"
	for i in $(seq 1 "$REPEATS"); do
		restore_templates
		empty_rates+=("$(bulk_rate)")
		restore_templates "$WORK/growth-full.dump"
		full_rates+=("$(bulk_rate)")
	done
	add "growth: templates only, own: list / restart --failed / one-file scan (s)" "$base_l / $base_r / $base_s (prepared: $base_p)" "whole commands: $(echo "${GROWTH_ROWS[0]}" | cut -d'|' -f5-7 | tr '|' '/') s, on $template_execs executions"
	add "growth: bulk ${GROWTH_BULK_FILES} files, templates only (deliveries/s)" "$(stats "${empty_rates[@]}")" "PostgreSQL, concurrency 8, SCB answering at once"
	if [ ${#full_rates[@]} -gt 0 ]; then
		add "growth: bulk ${GROWTH_BULK_FILES} files, $(echo "$GROWTH_SIZES" | awk '{print $NF}') executions (deliveries/s)" "$(stats "${full_rates[@]}")" \
			"ratio of medians $(python3 -c "print(round($(median "${full_rates[@]}") / $(median "${empty_rates[@]}"), 3))"); target >= 0.9"
	fi
	psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $db" > /dev/null
}
restore_templates() {
	psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS scb_bench_growth WITH (FORCE)" -c "CREATE DATABASE scb_bench_growth" > /dev/null
	pg_restore -h 127.0.0.1 -U postgres -d scb_bench_growth "${1:-$WORK/growth-templates.dump}"
	# a restored database has no planner statistics until autovacuum comes by; a repository in use has
	psql -h 127.0.0.1 -U postgres -d scb_bench_growth -q -c "ANALYZE" > /dev/null
}

section gdb && gdb_throughput
section memory && memory
section bulk && bulk
section startup && startup
section monthend && monthend
section growth && growth

printf '\n%-48s | %-58s | %s\n' "measure" "value (median, spread)" "notes"
printf '%s\n' "------------------------------------------------------------------------------------------------------------------------------"
for row in "${ROWS[@]}"; do IFS='|' read -r a b c <<< "$row"; printf '%-48s | %-58s | %s\n' "$a" "$b" "$c"; done
{
	printf '{\n  "machine": "%s, %s cores, %s",\n  "java": "%s",\n  "measures": [\n    ' \
		"$(uname -sr)" "$(nproc)" "$(free -g | awk '/Mem:/ {print $2 " GiB"}')" "$(java -version 2>&1 | head -1 | tr -d '"')"
	(IFS=$'\n'; echo "${json_rows[*]}") | paste -sd ',' | sed 's/},{/},\n    {/g'
	printf '  ]\n}\n'
} > "$RESULTS"
echo "written: $RESULTS"
