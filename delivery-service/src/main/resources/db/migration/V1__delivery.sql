-- Runs as delivery_service in its own schema "delivery" (search_path), after the messaging tables (V0_x).
CREATE TABLE delivery (
    id                      UUID PRIMARY KEY,
    -- At most one delivery per order, whatever is redelivered or replayed.
    order_id                UUID        NOT NULL UNIQUE,
    status                  TEXT        NOT NULL CHECK (status IN ('SCHEDULED', 'FAILED', 'CANCELLED')),
    failure_reason          TEXT,
    courier                 TEXT,
    estimated_delivery_date DATE,
    country                 TEXT,
    created_at              TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL,
    version                 BIGINT      NOT NULL
);
CREATE INDEX delivery_status_created ON delivery (status, created_at DESC);
CREATE INDEX delivery_created ON delivery (created_at DESC);
