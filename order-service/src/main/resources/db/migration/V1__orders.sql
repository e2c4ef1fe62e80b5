-- Runs as order_service in its own schema "orders" (search_path), after the messaging tables (V0_x).
CREATE TABLE customer_order (
    id                  UUID PRIMARY KEY,
    customer_id         TEXT          NOT NULL,
    status              TEXT          NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'CANCELLED')),
    cancellation_reason TEXT,
    delivery_id         UUID,
    total_amount        NUMERIC(14, 2) NOT NULL CHECK (total_amount >= 0),
    street              TEXT          NOT NULL,
    city                TEXT          NOT NULL,
    postal_code         TEXT          NOT NULL,
    country             TEXT          NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL,
    version             BIGINT        NOT NULL
);
CREATE INDEX customer_order_customer ON customer_order (customer_id, created_at DESC);
-- The saga deadline scans only the open orders.
CREATE INDEX customer_order_pending ON customer_order (created_at) WHERE status = 'PENDING';

CREATE TABLE order_line (
    order_id   UUID           NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    line_no    INT            NOT NULL,
    product_id TEXT           NOT NULL,
    quantity   INT            NOT NULL CHECK (quantity > 0),
    unit_price NUMERIC(12, 2) NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE order_history (
    order_id    UUID        NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    seq         INT         NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    step        TEXT        NOT NULL,
    status      TEXT        NOT NULL,
    reason      TEXT,
    PRIMARY KEY (order_id, seq)
);

-- Idempotency-Key of POST /orders, scoped to the customer: the first request's fingerprint and its order.
CREATE TABLE idempotency_key (
    customer_id TEXT        NOT NULL,
    key         TEXT        NOT NULL,
    fingerprint TEXT        NOT NULL,
    order_id    UUID        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, key)
);
