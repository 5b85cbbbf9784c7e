-- Tasks posted by data users. Jobs (algorithm DTs submitted to a task) follow in later versions.
CREATE TABLE task (
    id            UUID         PRIMARY KEY,
    initiator_org VARCHAR(63)  NOT NULL,
    title         VARCHAR(200) NOT NULL,
    state         VARCHAR(16)  NOT NULL CHECK (state IN ('OPEN', 'CLOSED')),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX task_initiator_org ON task (initiator_org);
