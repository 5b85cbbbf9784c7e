-- Owners who opted in to automatic authorization: a composition that meets the asset's terms is
-- granted without the owner acting ("defined once, sold many times").
CREATE TABLE asset_auto_authorization (
    dt         VARCHAR(66) PRIMARY KEY,
    enabled_by VARCHAR(63) NOT NULL,
    enabled_at TIMESTAMP WITH TIME ZONE NOT NULL
);
