#!/usr/bin/env bash
# A real saga through the gateway, for any deployment of orderflow (compose, a cluster, the delivery workflow):
#   deploy/smoke-test.sh [GATEWAY_URL]              (default http://localhost:8080)
#   deploy/smoke-test.sh --kubernetes NAMESPACE     (through `kubectl port-forward svc/api-gateway svc/keycloak`)
# 0. a request without a token is refused (401);
# 1. an order to a served country is CONFIRMED and its delivery SCHEDULED;
# 2. an order to a country outside the service area is CANCELLED with ADDRESS_NOT_SERVICEABLE (compensation);
# 3. a retried POST with the same Idempotency-Key returns the same order.
# Every other request carries a token of the client orderflow-automation (client credentials grant), from:
#   ORDERFLOW_ISSUER         the realm's URL (default http://localhost:8180/realms/orderflow, docker compose;
#                            with --kubernetes, Keycloak's port-forward)
#   ORDERFLOW_CLIENT_SECRET  the client's secret (default: the realm's development value, for compose and dev only)
# Needs bash and curl only. SMOKE_TIMEOUT_SECONDS bounds each wait (default 90: longer than the 60 s saga deadline).
set -euo pipefail

timeout="${SMOKE_TIMEOUT_SECONDS:-90}"
run_id="smoke-$(date +%s)-$$"
client_id=orderflow-automation
client_secret="${ORDERFLOW_CLIENT_SECRET:-automation-dev-only-secret}"   # development only: the realm file's value
body_file="$(mktemp)"
headers_file="$(mktemp)"
token_file="$(mktemp)"
port_forwards=()
trap 'rm -f "$body_file" "$headers_file" "$token_file"; [ ${#port_forwards[@]} -eq 0 ] || kill "${port_forwards[@]}"' EXIT

if [ "${1:-}" = --kubernetes ]; then
    # No ingress needed: local ports lead to the gateway's and Keycloak's Services (NetworkPolicies do not apply to
    # a port-forward). Keycloak writes its configured hostname into the tokens whichever address it is asked at.
    namespace="${2:?usage: $0 --kubernetes NAMESPACE}"
    local_port="${SMOKE_LOCAL_PORT:-18080}"
    keycloak_port="${SMOKE_KEYCLOAK_LOCAL_PORT:-18180}"
    kubectl -n "$namespace" port-forward svc/api-gateway "$local_port:8080" > /dev/null &
    port_forwards+=($!)
    kubectl -n "$namespace" port-forward svc/keycloak "$keycloak_port:8180" > /dev/null &
    port_forwards+=($!)
    base="http://127.0.0.1:$local_port"
    issuer="${ORDERFLOW_ISSUER:-http://127.0.0.1:$keycloak_port/realms/orderflow}"
else
    base="${1:-${GATEWAY_URL:-http://localhost:8080}}"
    issuer="${ORDERFLOW_ISSUER:-http://localhost:8180/realms/orderflow}"
fi
base="${base%/}"
issuer="${issuer%/}"

fail() { echo "FAIL: $*" >&2; echo "last response: $(cat "$body_file")" >&2; exit 1; }
# fetch_token: a new access token in $token_file (line 1), with the time to fetch the next one (line 2): a minute
# before it expires (the realm's tokens live 5 minutes, a slow run lasts longer). Fails when Keycloak refuses.
fetch_token() {
    local response token lifetime
    response="$(curl --silent --show-error --max-time 10 --data-urlencode grant_type=client_credentials \
        --data-urlencode "client_id=$client_id" --data-urlencode "client_secret=$client_secret" \
        "$issuer/protocol/openid-connect/token")" || return 1
    token="$(printf '%s' "$response" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
    lifetime="$(printf '%s' "$response" | sed -n 's/.*"expires_in":\([0-9]*\).*/\1/p')"
    [ -n "$token" ] || { echo "no token from $issuer: $response" > "$body_file"; return 1; }
    printf '%s\n%s\n' "$token" "$(($(date +%s) + ${lifetime:-60} - 60))" > "$token_file"
}
# The current token; a file rather than a variable, because requests run in subshells ($(request ...)).
access_token() {
    [ "$(date +%s)" -lt "$(sed -n 2p "$token_file")" ] || fetch_token
    sed -n 1p "$token_file"
}
# request METHOD PATH [JSON] [IDEMPOTENCY_KEY] -> prints the status code; the body is in $body_file.
# SMOKE_ANONYMOUS=1 sends no token.
request() {
    local args=(--silent --show-error --max-time 10 -o "$body_file" -D "$headers_file" -w '%{http_code}' -X "$1")
    [ -n "${SMOKE_ANONYMOUS:-}" ] || args+=(-H "Authorization: Bearer $(access_token)")
    [ -n "${3:-}" ] && args+=(-H 'Content-Type: application/json' --data "$3")
    [ -n "${4:-}" ] && args+=(-H "Idempotency-Key: $4")
    curl "${args[@]}" "$base$2" || echo 000
}
# The first value of a string field in the last body (the order's own fields come before its history).
field() { grep -o "\"$1\":\"[^\"]*\"" "$body_file" | head -n 1 | cut -d'"' -f4; }
# No customerId: an order is the caller's (the token's subject), and naming another customer is refused.
order_json() {
    printf '{"items":[{"productId":"p-1","quantity":2,"unitPrice":12.50}],'
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
# The gateway's actuator is on its management port, out of reach: ready is when it routes an authorised request.
gateway_ready() { [ "$(request GET "/api/orders?size=1")" = 200 ]; }
order_status_is() { [ "$(request GET "/api/orders/$1")" = 200 ] && [ "$(field status)" = "$2" ]; }
delivery_scheduled() { [ "$(request GET "/api/deliveries?orderId=$1")" = 200 ] && grep -q '"status":"SCHEDULED"' "$body_file"; }

echo "smoke test against $base (tokens from $issuer)"
wait_for "token from $issuer" fetch_token
wait_for "gateway ready" gateway_ready

# 0. No token, no access.
status="$(SMOKE_ANONYMOUS=1 request GET "/api/orders?size=1")"
[ "$status" = 401 ] || fail "GET /api/orders without a token answered $status, expected 401"
echo "ok: a request without a token is refused (401)"

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
