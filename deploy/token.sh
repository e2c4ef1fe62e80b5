#!/usr/bin/env bash
# Prints an access token (and nothing else) for a demo user of the orderflow realm:
#   TOKEN=$(deploy/token.sh alice)      # alice and bob are customers, olivia an operator
#   curl -H "Authorization: Bearer $TOKEN" localhost:8080/api/orders/...
# It logs in as a browser does, with the authorization code flow and PKCE (S256) of the public client
# orderflow-web: the realm allows no password grant (platform/identity/README.md says why). The demo users'
# passwords are their names (development only); ORDERFLOW_PASSWORD gives another one.
# ORDERFLOW_ISSUER is the realm's URL (default http://localhost:8180/realms/orderflow, docker compose). Through a
# port-forward to another Keycloak, the login form's address is taken relative to ORDERFLOW_ISSUER.
# Needs bash, curl and coreutils (openssl when present).
set -euo pipefail

user="${1:?usage: $0 USER   (alice, bob or olivia)}"
password="${ORDERFLOW_PASSWORD:-$user}"
issuer="${ORDERFLOW_ISSUER:-http://localhost:8180/realms/orderflow}"
issuer="${issuer%/}"
client_id=orderflow-web
# One of the client's registered redirect URIs. Nothing listens there: the code is read from the redirect itself.
redirect_uri=http://127.0.0.1/callback

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cookies="$work/cookies"

fail() { echo "token.sh: $*" >&2; exit 1; }
random_base64url() { head -c "$1" /dev/urandom | base64 | tr -d '\n=' | tr '+/' '-_'; }
sha256_base64url() {
    if command -v openssl > /dev/null; then
        openssl dgst -sha256 -binary
    else # the hex digest back to bytes
        printf '%b' "$(sha256sum | cut -d' ' -f1 | sed 's/../\\x&/g')"
    fi | base64 | tr -d '\n=' | tr '+/' '-_'
}

verifier="$(random_base64url 32)"                 # 43 characters, within PKCE's 43..128
challenge="$(printf '%s' "$verifier" | sha256_base64url)"
state="$(random_base64url 16)"

# 1. The login page, which starts a login session kept in the cookie jar.
login_page="$(curl --silent --show-error --fail --max-time 10 -c "$cookies" -b "$cookies" --get \
    --data-urlencode "client_id=$client_id" --data-urlencode response_type=code --data-urlencode scope=openid \
    --data-urlencode "redirect_uri=$redirect_uri" --data-urlencode "code_challenge=$challenge" \
    --data-urlencode code_challenge_method=S256 --data-urlencode "state=$state" \
    "$issuer/protocol/openid-connect/auth")" || fail "no login page at $issuer (is Keycloak running?)"

# 2. The form's action (HTML-escaped in the page), posted with the user's credentials.
action="$(printf '%s' "$login_page" | tr '\n' ' ' | grep -o '<form[^>]*id="kc-form-login"[^>]*>' \
    | sed -n 's/.* action="\([^"]*\)".*/\1/p' | sed 's/&amp;/\&/g')"
[ -n "$action" ] || fail "no login form (kc-form-login) in the page of $issuer"
action="${issuer%%/realms/*}/realms/${action#*/realms/}"
location="$(curl --silent --show-error --max-time 10 -c "$cookies" -b "$cookies" -o /dev/null -w '%{redirect_url}' \
    --data-urlencode "username=$user" --data-urlencode "password=$password" "$action")"
case "$location" in
    "$redirect_uri"*) ;;
    *) fail "login of $user refused (wrong user or password?)" ;;
esac

# 3. The code from the redirect, exchanged with the verifier that only this script knows.
query="${location#*\?}"
code="$(printf '%s' "&$query" | sed -n 's/.*&code=\([^&]*\).*/\1/p')"
returned_state="$(printf '%s' "&$query" | sed -n 's/.*&state=\([^&]*\).*/\1/p')"
[ -n "$code" ] || fail "no code in the redirect: $location"
[ "$returned_state" = "$state" ] || fail "the redirect carries another state than the one sent"
tokens="$(curl --silent --show-error --max-time 10 \
    --data-urlencode grant_type=authorization_code --data-urlencode "client_id=$client_id" \
    --data-urlencode "code=$code" --data-urlencode "redirect_uri=$redirect_uri" \
    --data-urlencode "code_verifier=$verifier" "$issuer/protocol/openid-connect/token")"
access_token="$(printf '%s' "$tokens" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
[ -n "$access_token" ] || fail "no access token: $tokens"
printf '%s\n' "$access_token"
