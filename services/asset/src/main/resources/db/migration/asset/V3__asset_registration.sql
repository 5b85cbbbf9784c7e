-- What the catalog needs to answer searches and show a registration: the document's text and
-- proof, the transaction that registered it, the ops it supports and the children it composes.
ALTER TABLE asset ADD COLUMN description     TEXT        NOT NULL;
ALTER TABLE asset ADD COLUMN proof           VARCHAR(66) NOT NULL;
-- Null when the row was recovered from the chain after a failed commit (the chain has the tx).
ALTER TABLE asset ADD COLUMN registration_tx VARCHAR(66);
CREATE INDEX asset_kind ON asset (kind);

CREATE TABLE asset_op (
    dt      VARCHAR(66) NOT NULL REFERENCES asset (dt) ON DELETE CASCADE,
    op_hash VARCHAR(66) NOT NULL,
    PRIMARY KEY (dt, op_hash)
);
CREATE INDEX asset_op_op_hash ON asset_op (op_hash);

CREATE TABLE asset_child (
    dt       VARCHAR(66) NOT NULL REFERENCES asset (dt) ON DELETE CASCADE,
    position INTEGER     NOT NULL,
    child_dt VARCHAR(66) NOT NULL,
    PRIMARY KEY (dt, position)
);
CREATE INDEX asset_child_child_dt ON asset_child (child_dt);
