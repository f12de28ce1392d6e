-- The job's own tables, as the init script of the releases before Flyway left them (columns in the order its
-- ALTER TABLE lines added them): a database those releases created is taken over at this version
-- (system.DatabaseMigrations) and only later migrations run on it.

-- Outcome of every input row of every run, written in the same transaction as the reader's
-- checkpoint: after a crash the table and the checkpoint agree. RUN_ID is the Spring Batch job instance.
-- WARNINGS are shown in the report; INPUT_CELLS are the input cells of rows that need the operator's attention
-- (password blanked) so that rejects.csv can give them back in the file's own columns; RETRIES are the calls of
-- the row sent again after a transient failure.
CREATE TABLE ONBOARDING_ROW_RESULT (
    RUN_ID          BIGINT        NOT NULL,
    LINE_NUMBER     BIGINT        NOT NULL,
    CUSTOMER_DOMAIN VARCHAR(300),
    EXTERNAL_ID     VARCHAR(300),
    OUTCOME         VARCHAR(40)   NOT NULL,
    CUSTOMER_ID     VARCHAR(64),
    ADMIN_EMAIL     VARCHAR(400),
    ERROR_REASON    VARCHAR(200),
    ERROR_MESSAGE   VARCHAR(4000),
    RECORDED_AT     TIMESTAMP(9)  NOT NULL,
    WARNINGS        VARCHAR(4000),
    INPUT_CELLS     CLOB,
    RETRIES         INT           DEFAULT 0 NOT NULL,
    PRIMARY KEY (RUN_ID, LINE_NUMBER)
);

-- A dry run keeps no row outcomes (its reports are written as it goes; a 200 MB file grew the database to 2 GB):
-- only how many rows ended in each outcome, counted in the chunk's transaction, and its first rows to fix in
-- ONBOARDING_ROW_RESULT for the console. A run with counts here is counted here, not in ONBOARDING_ROW_RESULT.
CREATE TABLE ONBOARDING_OUTCOME_COUNT (
    RUN_ID    BIGINT      NOT NULL,
    OUTCOME   VARCHAR(40) NOT NULL,
    ROW_COUNT BIGINT      NOT NULL,
    PRIMARY KEY (RUN_ID, OUTCOME)
);

-- What Google has confirmed for each customer, across runs and files. Each step is written in
-- its own transaction the moment Google confirms it, so a crash loses at most the step in flight;
-- ADMIN_ATTEMPTED_EMAIL is written BEFORE users.insert, so that a 409 after a crash is known to be ours.
-- ADMIN_PROMOTED_AT is written with COMPLETED_AT (makeAdmin is idempotent: a crash between only repeats it).
-- NOTICE_STATUS is the customer's notice: PENDING once the customer is complete, ATTEMPTED just before an SMTP send
-- (an outbox .eml needs no mark: the file itself shows whether it was written), then SENT, FAILED (retried by the
-- next run), SKIPPED (--no-notify) or UNCERTAIN (a crash cut an SMTP send short: it may have arrived, so only an
-- operator's 'notify DOMAIN' sends it again). Entries completed before the column existed stay NULL and are never
-- notified after the fact. NOTICE_FOLDER is where the run that completed a customer (or, later, the run or notify
-- that tried again) writes its outbox notice, so that a notice cut short by a crash is looked for there.
CREATE TABLE PROVISIONING_LEDGER (
    CUSTOMER_DOMAIN       VARCHAR(300) NOT NULL PRIMARY KEY,
    CUSTOMER_ID           VARCHAR(64),
    TRANSFERRED           BOOLEAN      DEFAULT FALSE NOT NULL,
    ORDERED_AT            TIMESTAMP(9),
    LANGUAGE              VARCHAR(20),
    LANGUAGE_SET_AT       TIMESTAMP(9),
    ADMIN_ATTEMPTED_EMAIL VARCHAR(400),
    ADMIN_EMAIL           VARCHAR(400),
    ADMIN_CREATED_AT      TIMESTAMP(9),
    ADMIN_PROMOTED_AT     TIMESTAMP(9),
    NOTIFIED_AT           TIMESTAMP(9),
    COMPLETED_BY_RUN      BIGINT,
    COMPLETED_AT          TIMESTAMP(9),
    CUSTOMER_TYPE         VARCHAR(10),
    NOTICE_STATUS         VARCHAR(20),
    NOTICE_ERROR          VARCHAR(1000),
    NOTICE_LANGUAGE       VARCHAR(20),
    NOTICE_RECIPIENT      VARCHAR(400),
    NOTICE_CONTACT        VARCHAR(300),
    NOTICE_ORGANIZATION   VARCHAR(300),
    NOTICE_FOLDER         VARCHAR(1000)
);

-- Who works on a customer domain right now. Claimed before the first call for a row (and before
-- an owed or requested notice), released after the last; its holder renews EXPIRES_AT while alive, and a
-- claim whose holder died is taken over after it. VERSION lets a take-over replace exactly the claim it read.
CREATE TABLE DOMAIN_CLAIM (
    CUSTOMER_DOMAIN VARCHAR(300)  NOT NULL PRIMARY KEY,
    RUN_ID          BIGINT,
    HOST            VARCHAR(255)  NOT NULL,
    PID             BIGINT        NOT NULL,
    PROCESS_STARTED VARCHAR(64)   NOT NULL,
    CLAIMED_AT      TIMESTAMP(9)  NOT NULL,
    EXPIRES_AT      TIMESTAMP(9)  NOT NULL,
    VERSION         BIGINT        NOT NULL
);
CREATE INDEX DOMAIN_CLAIM_HOLDER ON DOMAIN_CLAIM (RUN_ID, HOST, PID);
