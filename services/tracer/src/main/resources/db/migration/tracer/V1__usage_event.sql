-- Every use of a Data Token, as indexed from the chain.
CREATE TABLE usage_event (
    id           UUID        PRIMARY KEY,
    dt           VARCHAR(66) NOT NULL,
    owner_org    VARCHAR(63) NOT NULL,
    consumer_org VARCHAR(63) NOT NULL,
    action       VARCHAR(32) NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX usage_event_owner_org ON usage_event (owner_org);
