-- Which process runs an execution, and until when it vouches for it: renewed every third of
-- onboarding.ledger.claim-lease while the run goes on. Another host cannot see whether that process is alive; once
-- the lease ran out, the run counts as dead there and the same command recovers it.
CREATE TABLE RUN_LEASE (
    JOB_EXECUTION_ID BIGINT       NOT NULL PRIMARY KEY,
    HOST             VARCHAR(255) NOT NULL,
    PID              BIGINT       NOT NULL,
    PROCESS_STARTED  VARCHAR(64)  NOT NULL,
    EXPIRES_AT       TIMESTAMP    NOT NULL
);
