#!/usr/bin/env bash
# Prepares a faster-starting copy of scb-delivery: the jar extracted to a plain class path, plus
# a class data sharing (CDS) archive recorded from a training run of `demo` (deliveries through
# both APIs against the in-process stand-in, so the archive holds the Spring, Batch, JDBC, HTTP
# and TLS classes a real run loads). Measured in docs/benchmarks.md: `heartbeat` 5.25 s from the
# jar, 2.82 s from the extracted copy with the archive (medians of three, 2026-12-01).
#
#   bin/prepare-cds.sh [jar] [destination]     # defaults: target/scb-delivery.jar target/app
#   java -XX:SharedArchiveFile=target/app/scb-delivery.jsa -jar target/app/scb-delivery.jar heartbeat
#
# The archive fits only the JVM and the jar it was made with: run this again after upgrading
# either (a JVM given an archive that does not fit starts without it, just slower).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-target/scb-delivery.jar}
DEST=${2:-target/app}
if [ ! -f "$JAR" ]; then
	echo "prepare-cds: $JAR does not exist: build it first with ./mvnw -DskipTests package" >&2
	exit 2
fi
TRAINING=$(mktemp -d -t scb-cds-XXXX)
trap 'rm -rf "$TRAINING"' EXIT

rm -rf "$DEST"
java -Djarmode=tools -jar "$JAR" extract --destination "$DEST" > /dev/null
APP="$DEST/$(basename "$JAR")"
if ! java -XX:ArchiveClassesAtExit="$DEST/scb-delivery.jsa" -jar "$APP" demo \
		--scb.report.dir="$TRAINING/reports" --logging.file.name="$TRAINING/training.log" > "$TRAINING/training.out" 2>&1 \
		|| [ ! -s "$DEST/scb-delivery.jsa" ]; then
	echo "prepare-cds: the training run failed; its output:" >&2
	tail -20 "$TRAINING/training.out" >&2
	exit 1
fi
echo "prepared $DEST ($(du -sh "$DEST/scb-delivery.jsa" | cut -f1) archive); run it as:"
echo "  java -XX:SharedArchiveFile=$DEST/scb-delivery.jsa -jar $APP <command>"
