-- Terms an owner attaches to one of its Data Tokens; each change is a new version.
CREATE TABLE terms (
    id           UUID        PRIMARY KEY,
    owner_org    VARCHAR(63) NOT NULL,
    dt           VARCHAR(66) NOT NULL,
    version      INTEGER     NOT NULL CHECK (version > 0),
    document     TEXT        NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (dt, version)
);
CREATE INDEX terms_owner_org ON terms (owner_org);
