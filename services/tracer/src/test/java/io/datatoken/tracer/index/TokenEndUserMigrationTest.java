package io.datatoken.tracer.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/**
 * V7 on an index V6 left: one that applied EndUserTokenRegistered before its projection existed empties
 * (the indexer applies the chain again from block 0); any other keeps what it holds.
 */
class TokenEndUserMigrationTest {

    @Test
    void an_index_holding_end_users_registrations_is_emptied_to_be_applied_again() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            DataSource db = postgres.getPostgresDatabase();
            migrate(db, MigrationVersion.fromVersion("6"));
            appliedEvents(db, "TokenRegistered", "EndUserTokenRegistered");

            migrate(db, MigrationVersion.LATEST);

            assertThat(count(db, "chain_event")).isZero();
            assertThat(count(db, "index_cursor")).isZero();
        }
    }

    @Test
    void an_index_without_them_keeps_its_events_and_cursor() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            DataSource db = postgres.getPostgresDatabase();
            migrate(db, MigrationVersion.fromVersion("6"));
            appliedEvents(db, "TokenRegistered", "Granted");

            migrate(db, MigrationVersion.LATEST);

            assertThat(count(db, "chain_event")).isEqualTo(2);
            assertThat(count(db, "index_cursor")).isEqualTo(1);
        }
    }

    private static void migrate(DataSource db, MigrationVersion target) {
        Flyway.configure().dataSource(db).schemas("tracer").defaultSchema("tracer").createSchemas(true)
                .locations("classpath:db/migration/tracer").target(target).load().migrate();
    }

    /** DataTokenRegistry events of one transaction in block 1, and the cursor after it. */
    private static void appliedEvents(DataSource db, String... events) throws SQLException {
        try (Connection connection = db.getConnection(); Statement sql = connection.createStatement()) {
            for (int i = 0; i < events.length; i++) {
                sql.executeUpdate("insert into tracer.chain_event (tx_hash, log_index, block_number, block_hash, "
                        + "contract, event, fields, block_time, sender) values ('0xt', " + i + ", 1, '0xb1', "
                        + "'DataTokenRegistry', '" + events[i] + "', '{}', 1700000012, '0xs')");
            }
            sql.executeUpdate("insert into tracer.index_cursor (block_number, block_hash) values (1, '0xb1')");
        }
    }

    private static long count(DataSource db, String table) throws SQLException {
        try (Connection connection = db.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select count(*) from tracer." + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
