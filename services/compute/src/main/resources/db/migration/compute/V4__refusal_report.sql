-- The node's outbox of refusals for the tracer: every refusal it records (a refused execution
-- request, under its id in execution_request; a refused transfer) waits here until the tracer
-- took it (REPORTED), or answered that it never will (GAVE_UP, with its answer). Unreachable or
-- failing tracers are tried again at next_attempt_at, later after each failure.
CREATE TABLE refusal_report (
    id              UUID         PRIMARY KEY,
    -- null when the refused request named no job, or no op
    job             VARCHAR(66),
    dt              VARCHAR(66)  NOT NULL,
    op              VARCHAR(66),
    -- one or more refusal codes separated by one space, as in execution_request.reasons
    code            VARCHAR(256) NOT NULL,
    detail          TEXT         NOT NULL,
    refused_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    state           VARCHAR(16)  NOT NULL CHECK (state IN ('PENDING', 'REPORTED', 'GAVE_UP')),
    attempts        INTEGER      NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      TEXT,
    reported_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX refusal_report_due ON refusal_report (next_attempt_at) WHERE state = 'PENDING';
