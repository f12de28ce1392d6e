package io.onboarding.sandbox;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.onboarding.google.Customer;
import io.onboarding.google.User;
import io.onboarding.sandbox.SandboxAccounts.SandboxCustomer;
import io.onboarding.sandbox.SandboxAccounts.SandboxUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the sandbox keeps the customers and users it created and its id counters: an H2 database of its own (a
 * file beside the job's, or in memory for tests), so that what one process created is there for the next, as it is
 * at Google. Never the job's database. The rules are {@link SandboxAccounts}'; this only stores. Keys are lower
 * case: domains and e-mail addresses are case-insensitive at Google.
 */
final class SandboxStore implements AutoCloseable {

    /** SQL's "unique constraint violated": the domain or address exists already, perhaps from another process. */
    private static final String DUPLICATE_KEY = "23505";
    private static final String[] SCHEMA = {
        // Every commit reaches the file at once, as the job's own database does: a SIGKILL of the process right
        // after a call was applied must not make "Google" forget it (H2's default writes half a second later).
        "SET WRITE_DELAY 0",
        "CREATE TABLE IF NOT EXISTS SANDBOX_CUSTOMER (DOMAIN VARCHAR(255) PRIMARY KEY, "
                + "CUSTOMER_ID VARCHAR(20) NOT NULL UNIQUE, OWN BOOLEAN NOT NULL, LANGUAGE VARCHAR(35) NOT NULL, "
                + "RESOURCE VARCHAR(20000) NOT NULL)",
        "CREATE TABLE IF NOT EXISTS SANDBOX_USER (EMAIL VARCHAR(320) PRIMARY KEY, LANGUAGE_AT_CREATION VARCHAR(35) "
                + "NOT NULL, SUPER_ADMIN BOOLEAN NOT NULL, RESOURCE VARCHAR(20000) NOT NULL)",
        "CREATE SEQUENCE IF NOT EXISTS SANDBOX_CUSTOMER_ID",
        "CREATE SEQUENCE IF NOT EXISTS SANDBOX_USER_ID"};

    private final HikariDataSource pool;
    private final JsonMapper json;

    SandboxStore(String url, String user, String password, JsonMapper json) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("sandbox-store");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        // As many connections as the server has threads: a call never waits for another's connection.
        config.setMaximumPoolSize(SandboxServer.THREADS);
        config.setMinimumIdle(1);
        this.pool = new HikariDataSource(config);
        this.json = json;
        try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
            for (String statement : SCHEMA) {
                sql.execute(statement);
            }
        } catch (SQLException e) {
            pool.close();
            throw failure("open", e);
        }
    }

    /** A store of this process only, gone when it is closed: for tests and benchmarks. */
    static SandboxStore inMemory(JsonMapper json) {
        return new SandboxStore("jdbc:h2:mem:sandbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", json);
    }

    /** Google's customer ids: {@code C} and eight hex digits; never the same twice, whichever process asks. */
    String nextCustomerId() {
        return String.format("C%08x", 0x3a000000L + next("SANDBOX_CUSTOMER_ID"));
    }

    String nextUserId() {
        return String.valueOf(100000000000000000L + next("SANDBOX_USER_ID"));
    }

    Optional<SandboxCustomer> customer(String domain) {
        return first(query("SELECT OWN, LANGUAGE, RESOURCE FROM SANDBOX_CUSTOMER WHERE DOMAIN = ?", this::customer,
                domain));
    }

    Optional<SandboxCustomer> customerById(String customerId) {
        return first(query("SELECT OWN, LANGUAGE, RESOURCE FROM SANDBOX_CUSTOMER WHERE LOWER(CUSTOMER_ID) = LOWER(?)",
                this::customer, customerId));
    }

    List<SandboxCustomer> customers() {
        return query("SELECT OWN, LANGUAGE, RESOURCE FROM SANDBOX_CUSTOMER ORDER BY CUSTOMER_ID", this::customer);
    }

    /** Adds the customer; false when its domain exists already. */
    boolean addCustomer(SandboxCustomer customer) {
        return insert("INSERT INTO SANDBOX_CUSTOMER (OWN, LANGUAGE, RESOURCE, DOMAIN, CUSTOMER_ID) "
                + "VALUES (?, ?, ?, ?, ?)",
                customer.own(), customer.language(), json.writeValueAsString(customer.resource()),
                customer.resource().customerDomain(), customer.resource().customerId());
    }

    /** Replaces the customer of its domain (if {@code onlyForeign}, only another owner's); false if none was. */
    boolean replaceCustomer(SandboxCustomer customer, boolean onlyForeign) {
        return update("UPDATE SANDBOX_CUSTOMER SET OWN = ?, LANGUAGE = ?, RESOURCE = ?, CUSTOMER_ID = ? "
                + "WHERE DOMAIN = ?" + (onlyForeign ? " AND OWN = FALSE" : ""), customer.own(), customer.language(),
                json.writeValueAsString(customer.resource()), customer.resource().customerId(),
                customer.resource().customerDomain()) == 1;
    }

    Optional<SandboxUser> user(String email) {
        return first(query("SELECT LANGUAGE_AT_CREATION, SUPER_ADMIN, RESOURCE FROM SANDBOX_USER WHERE EMAIL = ?",
                this::user, email));
    }

    List<SandboxUser> users() {
        return query("SELECT LANGUAGE_AT_CREATION, SUPER_ADMIN, RESOURCE FROM SANDBOX_USER ORDER BY EMAIL", this::user);
    }

    /** Adds the user under its (lower-case) address; false when one exists already. */
    boolean addUser(String email, SandboxUser user) {
        return insert("INSERT INTO SANDBOX_USER (LANGUAGE_AT_CREATION, SUPER_ADMIN, RESOURCE, EMAIL) "
                + "VALUES (?, ?, ?, ?)",
                user.languageAtCreation(), user.superAdmin(), json.writeValueAsString(user.resource()), email);
    }

    void replaceUser(String email, SandboxUser user) {
        update("UPDATE SANDBOX_USER SET LANGUAGE_AT_CREATION = ?, SUPER_ADMIN = ?, RESOURCE = ? WHERE EMAIL = ?",
                user.languageAtCreation(), user.superAdmin(), json.writeValueAsString(user.resource()), email);
    }

    /** Forgets every customer and user, and counts ids from the start again. */
    void clear() {
        update("DELETE FROM SANDBOX_USER");
        update("DELETE FROM SANDBOX_CUSTOMER");
        update("ALTER SEQUENCE SANDBOX_CUSTOMER_ID RESTART WITH 1");
        update("ALTER SEQUENCE SANDBOX_USER_ID RESTART WITH 1");
    }

    @Override
    public void close() {
        pool.close();
    }

    private SandboxCustomer customer(ResultSet row) throws SQLException {
        return new SandboxCustomer(json.readValue(row.getString("RESOURCE"), Customer.class), row.getBoolean("OWN"),
                row.getString("LANGUAGE"));
    }

    private SandboxUser user(ResultSet row) throws SQLException {
        return new SandboxUser(json.readValue(row.getString("RESOURCE"), User.class),
                row.getString("LANGUAGE_AT_CREATION"), row.getBoolean("SUPER_ADMIN"));
    }

    private long next(String sequence) {
        return query("SELECT NEXT VALUE FOR " + sequence, row -> row.getLong(1)).get(0);
    }

    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String statement, Row<T> reader, Object... parameters) {
        try (Connection connection = pool.getConnection();
                PreparedStatement sql = prepare(connection, statement, parameters);
                ResultSet rows = sql.executeQuery()) {
            List<T> found = new ArrayList<>();
            while (rows.next()) {
                found.add(reader.read(rows));
            }
            return found;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    private boolean insert(String statement, Object... parameters) {
        try (Connection connection = pool.getConnection();
                PreparedStatement sql = prepare(connection, statement, parameters)) {
            sql.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return false;
            }
            throw failure("write", e);
        }
    }

    private int update(String statement, Object... parameters) {
        try (Connection connection = pool.getConnection();
                PreparedStatement sql = prepare(connection, statement, parameters)) {
            return sql.executeUpdate();
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String statement, Object... parameters)
            throws SQLException {
        PreparedStatement sql = connection.prepareStatement(statement);
        for (int i = 0; i < parameters.length; i++) {
            sql.setObject(i + 1, parameters[i]);
        }
        return sql;
    }

    private static <T> Optional<T> first(List<T> found) {
        return found.stream().findFirst();
    }

    /** H2's message quotes the statement, and with it no secret: the store holds no password. */
    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("The sandbox cannot " + what + " its store: " + e.getMessage(), e);
    }
}
