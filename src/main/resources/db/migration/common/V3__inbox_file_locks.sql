-- One inbox file, one instance: Spring Integration's JdbcLockRegistry keeps its locks here (its own DDL, from
-- org/springframework/integration/jdbc/schema-*.sql of spring-integration-jdbc 7.0). A lock carries the time it
-- expires, so a lock of an instance that died is taken over after it.
CREATE TABLE INT_LOCK (
    LOCK_KEY      CHAR(36)     NOT NULL,
    REGION        VARCHAR(100) NOT NULL,
    CLIENT_ID     CHAR(36),
    CREATED_DATE  TIMESTAMP    NOT NULL,
    EXPIRED_AFTER TIMESTAMP    NOT NULL,
    CONSTRAINT INT_LOCK_PK PRIMARY KEY (LOCK_KEY, REGION)
);
