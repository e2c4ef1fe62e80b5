-- The customer whose order a delivery is for (OrderPlaced.customerId): a customer sees only their own deliveries.
ALTER TABLE delivery ADD COLUMN customer_id TEXT;

-- No backfill: nothing in this schema knows the customers of the deliveries stored before this migration (their
-- OrderPlaced events were applied and are gone, and the orders schema is out of this role's reach). They stay
-- without a customer, which makes them visible to operators only: a customer loses sight of an old delivery (the
-- order, with its deliveryId, is still theirs), and no delivery is ever shown to a customer whose it may not be.
--
-- From now on every delivery decided from an OrderPlaced has its customer. Only a delivery recorded as CANCELLED
-- from an OrderCancelled that overtook its OrderPlaced may lack one, until that OrderPlaced comes. NOT VALID: the
-- rule holds for every row written from now on, not for the old ones above.
ALTER TABLE delivery ADD CONSTRAINT delivery_customer_known
    CHECK (customer_id IS NOT NULL OR status = 'CANCELLED') NOT VALID;

-- A customer's listing, newest first.
CREATE INDEX delivery_customer_created ON delivery (customer_id, created_at DESC);
