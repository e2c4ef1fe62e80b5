#!/bin/sh
# PostgreSQL init script, run once by the image's entrypoint when the data directory is created, right after
# 10-service-schemas.sql (platform/database/service-schemas.sql) made the two service roles with development
# passwords. It gives each role the password from the environment (compose variables, a Kubernetes Secret)
# and keeps both roles to the application database. docker-compose.yml mounts this same file.
# Rotating a password later: ALTER ROLE ... PASSWORD as the superuser, then update the Secret (docs/deployment.md).
set -eu
: "${ORDER_SERVICE_DB_PASSWORD:?must be set}" "${DELIVERY_SERVICE_DB_PASSWORD:?must be set}"

psql --no-psqlrc --set ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     --set order_password="$ORDER_SERVICE_DB_PASSWORD" \
     --set delivery_password="$DELIVERY_SERVICE_DB_PASSWORD" \
     --set app_database="$POSTGRES_DB" <<'SQL'
ALTER ROLE order_service PASSWORD :'order_password';
ALTER ROLE delivery_service PASSWORD :'delivery_password';
-- Least privilege beyond the schemas: the service roles connect to the application database only.
REVOKE ALL ON DATABASE :"app_database" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"app_database" TO order_service, delivery_service;
REVOKE CONNECT ON DATABASE postgres FROM PUBLIC;
SQL
