-- One schema per service, owned by that service's own login role; no role can reach the other's schema.
-- Run once by a superuser against the shared database (docker compose, Kubernetes, the local stack and the
-- tests all run this file). Idempotent. The passwords are development defaults: production sets its own
-- with ALTER ROLE ... PASSWORD from a secret.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'order_service') THEN
        CREATE ROLE order_service LOGIN PASSWORD 'order_service';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'delivery_service') THEN
        CREATE ROLE delivery_service LOGIN PASSWORD 'delivery_service';
    END IF;
END
$$;

CREATE SCHEMA IF NOT EXISTS orders AUTHORIZATION order_service;
CREATE SCHEMA IF NOT EXISTS delivery AUTHORIZATION delivery_service;

-- Nobody but the owner may use a service schema, and nobody may create objects in the shared public schema.
REVOKE ALL ON SCHEMA orders FROM PUBLIC;
REVOKE ALL ON SCHEMA delivery FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

ALTER ROLE order_service SET search_path = orders;
ALTER ROLE delivery_service SET search_path = delivery;
