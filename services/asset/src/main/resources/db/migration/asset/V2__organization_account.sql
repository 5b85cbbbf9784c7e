-- The chain account of each onboarded organization. The private key is stored encrypted
-- (AES-256-GCM under a key-encryption key mounted as a secret; docs/decisions/0009).
CREATE TABLE organization_account (
    organization  VARCHAR(32)  PRIMARY KEY,
    address       VARCHAR(42)  NOT NULL UNIQUE,
    encrypted_key VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
