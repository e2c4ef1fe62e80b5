#!/usr/bin/env bash
# A real saga through the gateway, for any deployment of orderflow (compose, a cluster, the delivery workflow):
#   deploy/smoke-test.sh [GATEWAY_URL]              (default http://localhost:8080)
#   deploy/smoke-test.sh --kubernetes NAMESPACE     (through `kubectl port-forward svc/api-gateway`)
# 1. an order to a served country is CONFIRMED and its delivery SCHEDULED;
# 2. an order to a country outside the service area is CANCELLED with ADDRESS_NOT_SERVICEABLE (compensation);
# 3. a retried POST with the same Idempotency-Key returns the same order.
# Needs bash and curl only. SMOKE_TIMEOUT_SECONDS bounds each wait (default 90: longer than the 60 s saga deadline).
set -euo pipefail

timeout="${SMOKE_TIMEOUT_SECONDS:-90}"
run_id="smoke-$(date +%s)-$$"
body_file="$(mktemp)"
headers_file="$(mktemp)"
port_forward=""
trap 'rm -f "$body_file" "$headers_file"; [ -z "$port_forward" ] || kill "$port_forward"' EXIT

if [ "${1:-}" = --kubernetes ]; then
    # No ingress needed: a local port leads to the gateway's Service (NetworkPolicies do not apply to it).
    local_port="${SMOKE_LOCAL_PORT:-18080}"
    kubectl -n "${2:?usage: $0 --kubernetes NAMESPACE}" port-forward svc/api-gateway "$local_port:8080" > /dev/null &
    port_forward=$!
    base="http://127.0.0.1:$local_port"
else
    base="${1:-${GATEWAY_URL:-http://localhost:8080}}"
fi
base="${base%/}"

fail() { echo "FAIL: $*" >&2; echo "last response: $(cat "$body_file")" >&2; exit 1; }
# request METHOD PATH [JSON] [IDEMPOTENCY_KEY] -> prints the status code; the body is in $body_file.
request() {
    local args=(--silent --show-error --max-time 10 -o "$body_file" -D "$headers_file" -w '%{http_code}' -X "$1")
    [ -n "${3:-}" ] && args+=(-H 'Content-Type: application/json' --data "$3")
    [ -n "${4:-}" ] && args+=(-H "Idempotency-Key: $4")
    curl "${args[@]}" "$base$2" || echo 000
}
# The first value of a string field in the last body (the order's own fields come before its history).
field() { grep -o "\"$1\":\"[^\"]*\"" "$body_file" | head -n 1 | cut -d'"' -f4; }
order_json() {
    printf '{"customerId":"%s","items":[{"productId":"p-1","quantity":2,"unitPrice":12.50}],' "$run_id"
    printf '"deliveryAddress":{"street":"1 Main St","city":"Somewhere","postalCode":"04524","country":"%s"}}' "$1"
}
wait_for() { # description command...
    local description="$1"; shift
    local deadline=$((SECONDS + timeout))
    until "$@"; do
        [ "$SECONDS" -lt "$deadline" ] || fail "$description not reached within ${timeout}s"
        sleep 2
    done
    echo "ok: $description"
}
gateway_ready() { [ "$(request GET /actuator/health/readiness)" = 200 ]; }
order_status_is() { [ "$(request GET "/api/orders/$1")" = 200 ] && [ "$(field status)" = "$2" ]; }
delivery_scheduled() { [ "$(request GET "/api/deliveries?orderId=$1")" = 200 ] && grep -q '"status":"SCHEDULED"' "$body_file"; }

echo "smoke test against $base"
wait_for "gateway ready" gateway_ready

# 1. The happy path.
key="$run_id-confirmed"
status="$(request POST /api/orders "$(order_json KR)" "$key")"
[ "$status" = 201 ] || fail "POST /api/orders answered $status, expected 201"
confirmed_id="$(field id)"
[ -n "$confirmed_id" ] || fail "no order id in the response"
wait_for "order $confirmed_id CONFIRMED" order_status_is "$confirmed_id" CONFIRMED
wait_for "delivery of $confirmed_id SCHEDULED" delivery_scheduled "$confirmed_id"

# 2. Compensation: Brazil is a valid country outside the default service area.
status="$(request POST /api/orders "$(order_json BR)" "$run_id-cancelled")"
[ "$status" = 201 ] || fail "POST /api/orders answered $status, expected 201"
cancelled_id="$(field id)"
wait_for "order $cancelled_id CANCELLED" order_status_is "$cancelled_id" CANCELLED
[ "$(field cancellationReason)" = ADDRESS_NOT_SERVICEABLE ] \
    || fail "order $cancelled_id cancelled for $(field cancellationReason), expected ADDRESS_NOT_SERVICEABLE"

# 3. Idempotency: the same key and body give back the first order.
status="$(request POST /api/orders "$(order_json KR)" "$key")"
[ "$status" = 201 ] || fail "replayed POST answered $status, expected 201"
[ "$(field id)" = "$confirmed_id" ] || fail "replayed POST created order $(field id) instead of returning $confirmed_id"
grep -qi '^Idempotent-Replayed: true' "$headers_file" || fail "replayed POST has no Idempotent-Replayed: true header"
echo "ok: idempotent replay of $confirmed_id"

echo "smoke test passed"
