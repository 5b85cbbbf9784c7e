-- Local datasets bound to the owner's Data Tokens. The location stays on premise.
CREATE TABLE dataset_binding (
    dt          VARCHAR(66) PRIMARY KEY,
    owner_org   VARCHAR(63) NOT NULL,
    source_kind VARCHAR(8)  NOT NULL CHECK (source_kind IN ('CSV', 'JDBC')),
    location    TEXT        NOT NULL,
    bound_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX dataset_binding_owner_org ON dataset_binding (owner_org);
