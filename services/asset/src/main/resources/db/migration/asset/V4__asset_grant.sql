-- Authorizations the owners gave through the platform: a child's use by a parent, as granted on
-- chain (the chain decides whether it is live; this is the record of who granted what, when).
CREATE TABLE asset_grant (
    child_dt   VARCHAR(66) NOT NULL,
    parent_dt  VARCHAR(66) NOT NULL,
    granted_by VARCHAR(63) NOT NULL,
    granted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE,
    grant_tx   VARCHAR(66),          -- null when recorded from the chain (granted outside the platform, or a lost commit)
    revoked_at TIMESTAMP WITH TIME ZONE,
    revoke_tx  VARCHAR(66),
    PRIMARY KEY (child_dt, parent_dt)
);
CREATE INDEX asset_grant_parent ON asset_grant (parent_dt);
