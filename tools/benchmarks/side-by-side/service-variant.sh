#!/bin/bash
# One service setting against another, side by side (docs/performance.md, "Settings in place").
#
#   tools/benchmarks/side-by-side/service-variant.sh <label> [NAME=value ...]
#
# Against a local stack already up (./stack up --detach --no-startup-cache, nothing else running; export
# ORDERFLOW_STACK_DIR first if it was started with another --data-dir): restarts order-service with the given
# environment (none: as configured), places <WARM> orders (default 4000) through it directly to warm its JIT, then
# <MEASURED> more (default 3000), each read back, from 8 clients; prints the orders per second and order-service's
# CPU per order and resident memory over the measured part (OrderLoad.java sends the automation client's token from
# the stack's Keycloak on localhost:8180). Run the variants alternately (A B B A ...). It leaves
# order-service running with the last variant's environment: run it once more without one to go back.
set -euo pipefail
LABEL=$1; shift
for setting in "$@"; do
    [[ $setting == *=* ]] || { echo "not NAME=value: $setting" >&2; exit 2; }
done
HERE=$(cd "$(dirname "$0")/../../.." && pwd)
WARM=${WARM:-4000}; MEASURED=${MEASURED:-3000}
STACK=(java -jar "$HERE/tools/local-stack/target/local-stack-exec.jar" --project-dir "$HERE" --no-build
       --no-startup-cache)
LOAD=(java "$HERE/tools/benchmarks/side-by-side/OrderLoad.java" http://localhost:8081/orders)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

"${STACK[@]}" stop order-service > /dev/null
env "$@" "${STACK[@]}" start order-service > /dev/null
# the launcher marks each service's JVM with -Dorderflow.stack.component=<service>
pids=$(pgrep -f -- "-Dorderflow.stack.component=order-service( |$)" || true)
[[ $(wc -w <<< "$pids") == 1 ]] || { echo "expected one order-service, found: ${pids:-none}" >&2; exit 1; }
pid=$pids
"${LOAD[@]}" "$WARM" 8 > /dev/null
before=$(cpu_ticks "$pid")
read -r orders failed seconds < <("${LOAD[@]}" "$MEASURED" 8)
used=$(( $(cpu_ticks "$pid") - before ))
echo "$LABEL orders=$orders failed=$failed per_s=$(echo "$orders / $seconds" | bc -l | cut -c1-6)" \
     "cpu_ms_per_order=$(echo "$used * 1000 / $(getconf CLK_TCK) / $orders" | bc -l | cut -c1-6)" \
     "rss_mb=$(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 ))"
