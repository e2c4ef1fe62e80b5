#!/usr/bin/env bash
# Deploys one build of orderflow to one environment and waits until it runs:
#   deploy/k8s-deploy.sh ENV REGISTRY TAG
#   e.g. deploy/k8s-deploy.sh staging ghcr.io/acme/orderflow 3f2c1e0...
# ENV is an overlay of k8s/overlays (dev, staging, prod); the images are REGISTRY/<service>:TAG.
# Credentials: when POSTGRES_PASSWORD, ORDER_SERVICE_DB_PASSWORD and DELIVERY_SERVICE_DB_PASSWORD are set, they
# are written to the overlay's secrets/*.env (never committed); otherwise the files must already be there (or,
# for dev, the overlay's development literals are used). So is the realm's when ORDERFLOW_CLIENT_SECRET is set
# (demo users' passwords from ORDERFLOW_<NAME>_PASSWORD, random when unset). kubectl must point at the target cluster.
set -euo pipefail

if [ $# -ne 3 ]; then
    echo "usage: $0 ENV REGISTRY TAG" >&2
    exit 2
fi
env="$1" registry="$2" tag="$3"
root="$(cd "$(dirname "$0")/.." && pwd)"
overlay="$root/k8s/overlays/$env"
namespace="orderflow-$env"
services=(order-service delivery-service api-gateway)
[ -f "$overlay/kustomization.yaml" ] || { echo "no overlay $overlay" >&2; exit 2; }

write_secret() { # file key variable
    local value="${!3:-}"
    [ -n "$value" ] || return 0
    (umask 077 && printf '%s=%s\n' "$2" "$value" > "$overlay/secrets/$1.env")
}
if [ -d "$overlay/secrets" ]; then
    write_secret postgres-superuser POSTGRES_PASSWORD POSTGRES_PASSWORD
    write_secret order-service-db SPRING_DATASOURCE_PASSWORD ORDER_SERVICE_DB_PASSWORD
    write_secret delivery-service-db SPRING_DATASOURCE_PASSWORD DELIVERY_SERVICE_DB_PASSWORD
    # The realm's placeholders: written together when the automation client's secret is given.
    if [ -n "${ORDERFLOW_CLIENT_SECRET:-}" ]; then
        (umask 077 && for key in ORDERFLOW_CLIENT_SECRET ORDERFLOW_ALICE_PASSWORD ORDERFLOW_BOB_PASSWORD \
                ORDERFLOW_OLIVIA_PASSWORD; do
            printf '%s=%s\n' "$key" "${!key:-$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')}"
        done > "$overlay/secrets/keycloak-realm.env")
    fi
fi

# A throw-away kustomization on top of the overlay that pins the images of this build. kustomize takes no
# absolute paths, hence the relative one.
release="$(mktemp -d)"
trap 'rm -rf "$release"' EXIT
{
    echo "apiVersion: kustomize.config.k8s.io/v1beta1"
    echo "kind: Kustomization"
    echo "resources:"
    echo "  - $(realpath --relative-to="$release" "$overlay")"
    echo "images:"
    for service in "${services[@]}"; do
        # The base's name, and the one the dev overlay gives the locally built images.
        for name in "ghcr.io/orderflow/orderflow/$service" "orderflow/$service"; do
            printf '  - name: %s\n    newName: %s/%s\n    newTag: "%s"\n' "$name" "$registry" "$service" "$tag"
        done
    done
} > "$release/kustomization.yaml"

kubectl apply -k "$release"

# Data stores first (absent when an operator runs them), Keycloak, then the services in dependency order.
for statefulset in postgres kafka; do
    if kubectl -n "$namespace" get statefulset "$statefulset" > /dev/null 2>&1; then
        kubectl -n "$namespace" rollout status "statefulset/$statefulset" --timeout=10m
    fi
done
kubectl -n "$namespace" rollout status deployment/keycloak --timeout=10m
for service in "${services[@]}"; do
    kubectl -n "$namespace" rollout status "deployment/$service" --timeout=10m
done
