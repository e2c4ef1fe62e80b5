#!/bin/bash
# A backlog drain, for comparing two builds side by side (docs/performance.md, "One transaction per poll").
#
#   tools/benchmarks/side-by-side/backlog-drain.sh <checkout> <label> [orders]
#
# Starts the local stack of <checkout> (its jars as built, no startup cache, data in /tmp/drain-data), stops
# delivery-service, places <orders> orders (default 2000; 80% KR, 20% BR) directly at order-service, starts
# delivery-service again and measures from its readiness until no order is PENDING: the seconds, and the CPU
# seconds delivery-service and order-service used meanwhile. Then stops the stack. Run it alternately for the
# builds to compare (A B B A ...), with nothing else running; build each checkout first
# (./mvnw package -DskipTests). Needs curl, bc and PostgreSQL's psql; uses the launcher jar of this checkout.
# The orders carry a token of the realm's automation client (client credentials grant, from the stack's Keycloak
# on localhost:8180 with the realm's development secret), fetched once: tokens live 5 minutes, far longer than
# placing a few thousand orders takes; the orders are the client's own, so no body names a customer.
set -euo pipefail
DIR=$1; LABEL=$2; N=${3:-2000}
HERE=$(cd "$(dirname "$0")/../../.." && pwd)
export ORDERFLOW_SAGA_DEADLINE=900s   # no order of the backlog may time out while delivery-service is stopped
STACK="java -jar $HERE/tools/local-stack/target/local-stack-exec.jar --project-dir $DIR --data-dir /tmp/drain-data
       --no-build --no-startup-cache"
PSQL_BIN=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql | tail -1)
pending() { "$PSQL_BIN" -h localhost -p 15432 -U postgres orderflow -tAc \
    "SELECT count(*) FROM orders.customer_order WHERE status = 'PENDING'"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
service_pid() { pgrep -f "java.*$1" | head -1; }

$STACK up --detach > "/tmp/drain-$LABEL-up.log" 2>&1
$STACK stop delivery-service > /dev/null
TOKEN=$(curl -s --fail --data-urlencode grant_type=client_credentials --data-urlencode client_id=orderflow-automation \
    --data-urlencode client_secret=automation-dev-only-secret \
    http://localhost:8180/realms/orderflow/protocol/openid-connect/token | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p') \
    || TOKEN=""
[ -n "$TOKEN" ] || { echo "no token from the stack's Keycloak on localhost:8180" >&2; exit 1; }
export TOKEN
seq 1 "$N" | xargs -P 8 -I{} sh -c 'c=KR; [ $(( {} % 5 )) -eq 0 ] && c=BR
    curl -s -o /dev/null -w "%{http_code}\n" localhost:8081/orders -H "Content-Type: application/json" \
    -H "Authorization: Bearer $TOKEN" -d \
    "{\"items\":[{\"productId\":\"p-1\",\"quantity\":1,\"unitPrice\":5.00}],
      \"deliveryAddress\":{\"street\":\"1 Main St\",\"city\":\"X\",\"postalCode\":\"1\",\"country\":\"$c\"}}"' \
    | sort | uniq -c | tr '\n' ' '
echo
sleep 3   # the relay publishes the last OrderPlaced events
backlog=$(pending)
$STACK start delivery-service > /dev/null
start=$(date +%s.%N); delivery=$(service_pid delivery-service); order=$(service_pid order-service)
delivery_start=$(cpu_ticks "$delivery"); order_start=$(cpu_ticks "$order")
while [ "$(pending)" != "0" ]; do sleep 0.1; done
end=$(date +%s.%N)
ticks=$(getconf CLK_TCK)
echo "$LABEL backlog=$backlog drain_s=$(echo "$end - $start" | bc)" \
     "delivery_cpu_s=$(echo "($(cpu_ticks "$delivery") - $delivery_start) / $ticks" | bc -l | cut -c1-5)" \
     "order_cpu_s=$(echo "($(cpu_ticks "$order") - $order_start) / $ticks" | bc -l | cut -c1-5)"
$STACK down > /dev/null
