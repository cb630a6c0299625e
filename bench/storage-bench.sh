#!/bin/sh
# Storage benchmarks (commit fact writes, CV aggregates) on SQLite and PostgreSQL; see docs/benchmarks.md.
# PostgreSQL: COMMITSTATS_TEST_POSTGRES_URL (default jdbc:postgresql://127.0.0.1:5432/test, user postgres).
set -eu
cd "$(dirname "$0")/.."
rm -f app/target/benchmarks/storage.txt
mvn -B -q -o install -DskipTests -pl core
mvn -B -q -o -pl app test -Dtest='StorageBenchmark' -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat app/target/benchmarks/storage.txt
