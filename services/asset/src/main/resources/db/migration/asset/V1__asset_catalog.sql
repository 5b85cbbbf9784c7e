-- The catalog of registered assets, as the asset service knows them. The chain stays the
-- source of truth for ownership and state; this is the searchable copy.
CREATE TABLE asset (
    dt            VARCHAR(66)  PRIMARY KEY,
    owner_org     VARCHAR(63)  NOT NULL,
    kind          VARCHAR(16)  NOT NULL CHECK (kind IN ('DATA', 'COMPUTE', 'ALGORITHM')),
    title         VARCHAR(200) NOT NULL,
    ddo_cid       VARCHAR(100) NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX asset_owner_org ON asset (owner_org);
