-- An owner's explicit "no" to one composition's use of its asset, with the reason the composer reads:
-- automatic authorization passes it by; a later grant by the owner supersedes it.
CREATE TABLE asset_owner_denial (
    id        VARCHAR(140) PRIMARY KEY,
    child_dt  VARCHAR(66)  NOT NULL,
    parent_dt VARCHAR(66)  NOT NULL,
    reason    VARCHAR(500) NOT NULL,
    denied_by VARCHAR(63)  NOT NULL,
    denied_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX asset_owner_denial_child ON asset_owner_denial (child_dt, denied_at DESC);
