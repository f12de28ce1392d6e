package io.onboarding.ledger;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Stores row outcomes per run; joins whatever transaction is open, such as the chunk's. */
@Repository
public class RowResultRepository {

    private static final int MAX_MESSAGE = 4000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;
    private final JsonMapper json;

    RowResultRepository(JdbcClient jdbc, JdbcTemplate batches, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Standard SQL's MERGE, which H2 and PostgreSQL (15 and later) both run. The casts type the parameters, which
     * PostgreSQL cannot infer inside VALUES; the input cells' VARCHAR goes into H2's CLOB and PostgreSQL's TEXT alike.
     */
    private static final String MERGE = """
            MERGE INTO ONBOARDING_ROW_RESULT T
            USING (VALUES (CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS VARCHAR(300)), CAST(? AS VARCHAR(300)),
                CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(400)), CAST(? AS VARCHAR(200)),
                CAST(? AS VARCHAR(4000)), CAST(? AS VARCHAR(4000)), CAST(? AS VARCHAR), CAST(? AS INT),
                CAST(? AS TIMESTAMP)))
                AS S (RUN_ID, LINE_NUMBER, CUSTOMER_DOMAIN, EXTERNAL_ID, OUTCOME, CUSTOMER_ID, ADMIN_EMAIL,
                    ERROR_REASON, ERROR_MESSAGE, WARNINGS, INPUT_CELLS, RETRIES, RECORDED_AT)
            ON T.RUN_ID = S.RUN_ID AND T.LINE_NUMBER = S.LINE_NUMBER
            WHEN MATCHED THEN UPDATE SET CUSTOMER_DOMAIN = S.CUSTOMER_DOMAIN, EXTERNAL_ID = S.EXTERNAL_ID,
                OUTCOME = S.OUTCOME, CUSTOMER_ID = S.CUSTOMER_ID, ADMIN_EMAIL = S.ADMIN_EMAIL,
                ERROR_REASON = S.ERROR_REASON, ERROR_MESSAGE = S.ERROR_MESSAGE, WARNINGS = S.WARNINGS,
                INPUT_CELLS = S.INPUT_CELLS, RETRIES = S.RETRIES, RECORDED_AT = S.RECORDED_AT
            WHEN NOT MATCHED THEN INSERT (RUN_ID, LINE_NUMBER, CUSTOMER_DOMAIN, EXTERNAL_ID, OUTCOME, CUSTOMER_ID,
                ADMIN_EMAIL, ERROR_REASON, ERROR_MESSAGE, WARNINGS, INPUT_CELLS, RETRIES, RECORDED_AT)
                VALUES (S.RUN_ID, S.LINE_NUMBER, S.CUSTOMER_DOMAIN, S.EXTERNAL_ID, S.OUTCOME, S.CUSTOMER_ID,
                    S.ADMIN_EMAIL, S.ERROR_REASON, S.ERROR_MESSAGE, S.WARNINGS, S.INPUT_CELLS, S.RETRIES,
                    S.RECORDED_AT)""";

    /**
     * Saves a chunk's outcomes in one JDBC batch (one statement per row costs more than validating it); saving a
     * line again (a re-processed chunk) replaces the earlier outcome.
     */
    public void saveAll(long runId, List<? extends RowResult> results) {
        LocalDateTime now = LocalDateTime.now(clock);
        batches.batchUpdate(MERGE, results.stream().map(result -> new Object[] {runId, result.line(),
                truncate(result.customerDomain(), 300), truncate(result.externalId(), 300), result.outcome().name(),
                result.customerId(), truncate(result.adminEmail(), 400), truncate(result.errorReason(), 200),
                truncate(result.errorMessage(), MAX_MESSAGE), truncate(result.warnings(), MAX_MESSAGE),
                result.inputCells().isEmpty() ? null : json.writeValueAsString(result.inputCells()),
                result.retries(), now}).toList());
    }

    /**
     * Counts a chunk's outcomes for a run that keeps no row outcomes (a dry run), in the chunk's transaction: the
     * counts then agree with the reader's checkpoint whatever happens.
     */
    public void count(long runId, List<? extends RowResult> results) {
        Map<Outcome, Long> chunk = new EnumMap<>(Outcome.class);
        results.forEach(result -> chunk.merge(result.outcome(), 1L, Long::sum));
        chunk.forEach((outcome, rows) -> {
            int updated = jdbc.sql("UPDATE ONBOARDING_OUTCOME_COUNT SET ROW_COUNT = ROW_COUNT + ? WHERE RUN_ID = ? "
                    + "AND OUTCOME = ?").params(rows, runId, outcome.name()).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO ONBOARDING_OUTCOME_COUNT (RUN_ID, OUTCOME, ROW_COUNT) VALUES (?, ?, ?)")
                        .params(runId, outcome.name(), rows).update();
            }
        });
    }

    /** How many row outcomes of the run are stored, only those among {@code outcomes} (all when empty). */
    public int stored(long runId, java.util.Collection<Outcome> outcomes) {
        String filter = outcomes.isEmpty() ? "" : " AND OUTCOME IN (" + String.join(",",
                java.util.Collections.nCopies(outcomes.size(), "?")) + ")";
        List<Object> parameters = new java.util.ArrayList<>();
        parameters.add(runId);
        outcomes.forEach(outcome -> parameters.add(outcome.name()));
        return jdbc.sql("SELECT COUNT(*) FROM ONBOARDING_ROW_RESULT WHERE RUN_ID = ?" + filter).params(parameters)
                .query(Integer.class).single();
    }

    /** Hands every outcome of the run to {@code consumer}, in file order, without holding them all in memory. */
    public void forEachInRun(long runId, java.util.function.Consumer<RowResult> consumer) {
        jdbc.sql("""
                SELECT LINE_NUMBER, CUSTOMER_DOMAIN, EXTERNAL_ID, OUTCOME, CUSTOMER_ID, ADMIN_EMAIL, ERROR_REASON,
                    ERROR_MESSAGE, WARNINGS, INPUT_CELLS, RETRIES FROM ONBOARDING_ROW_RESULT WHERE RUN_ID = ?
                    ORDER BY LINE_NUMBER""")
                .param(runId)
                .query((java.sql.ResultSet rs) -> {
                    consumer.accept(new RowResult(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Outcome.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), cells(rs.getString(10)), rs.getInt(11)));
                });
    }

    /** One page of the run's outcomes in file order, only those among {@code outcomes} (all when empty). */
    public List<RowResult> page(long runId, java.util.Collection<Outcome> outcomes, int offset, int limit) {
        String filter = outcomes.isEmpty() ? "" : " AND OUTCOME IN (" + String.join(",",
                java.util.Collections.nCopies(outcomes.size(), "?")) + ")";
        List<Object> parameters = new java.util.ArrayList<>();
        parameters.add(runId);
        outcomes.forEach(outcome -> parameters.add(outcome.name()));
        parameters.add(limit);
        parameters.add(offset);
        return jdbc.sql("""
                SELECT LINE_NUMBER, CUSTOMER_DOMAIN, EXTERNAL_ID, OUTCOME, CUSTOMER_ID, ADMIN_EMAIL, ERROR_REASON,
                    ERROR_MESSAGE, WARNINGS, INPUT_CELLS, RETRIES FROM ONBOARDING_ROW_RESULT WHERE RUN_ID = ?"""
                + filter + " ORDER BY LINE_NUMBER LIMIT ? OFFSET ?")
                .params(parameters)
                .query((rs, rowNum) -> new RowResult(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Outcome.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), List.of(), rs.getInt(11)))
                .list();
    }

    /** Calls of the run's rows sent again after a transient failure. */
    public long retries(long runId) {
        return jdbc.sql("SELECT COALESCE(SUM(RETRIES), 0) FROM ONBOARDING_ROW_RESULT WHERE RUN_ID = ?").param(runId)
                .query(Long.class).single();
    }

    /**
     * How many rows of the run ended in each outcome; every outcome is present, zero when none. A run that was
     * {@link #count counted} (a dry run) is answered from its counts, one that stored its rows from those.
     */
    public Map<Outcome, Integer> countByOutcome(long runId) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, 0);
        }
        jdbc.sql("""
                SELECT OUTCOME, ROW_COUNT FROM ONBOARDING_OUTCOME_COUNT WHERE RUN_ID = ?
                UNION ALL
                SELECT OUTCOME, COUNT(*) FROM ONBOARDING_ROW_RESULT WHERE RUN_ID = ?
                    AND NOT EXISTS (SELECT 1 FROM ONBOARDING_OUTCOME_COUNT WHERE RUN_ID = ?) GROUP BY OUTCOME""")
                .params(runId, runId, runId)
                .query((rs, rowNum) -> counts.put(Outcome.valueOf(rs.getString(1)), rs.getInt(2)))
                .list();
        return counts;
    }

    private List<String> cells(String stored) {
        return stored == null ? List.of() : List.of(json.readValue(stored, String[].class));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
