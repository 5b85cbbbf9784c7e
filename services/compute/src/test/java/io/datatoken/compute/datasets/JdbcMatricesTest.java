package io.datatoken.compute.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A table of the node's own PostgreSQL as a matrix (a real database, started for the test). */
class JdbcMatricesTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    @BeforeAll
    static void a_database_with_a_loans_table() throws Exception {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create schema bank");
            statement.execute("create table bank.loans (id integer primary key, customer text, income numeric, debt double precision)");
            statement.execute("insert into bank.loans values (2, 'b', 0.25, 4), (1, 'a', 1.5, -2)");
            statement.execute("create table bank.names (name text)");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void reads_every_numeric_column_in_order_of_the_first() {
        assertThat(new JdbcMatrices(dataSource).read("bank.loans"))
                .isDeepEqualTo(new double[][] {{1, 1.5, -2}, {2, 0.25, 4}});
    }

    @Test
    void refuses_anything_but_a_plain_table_name_and_tables_without_numbers() {
        var matrices = new JdbcMatrices(dataSource);
        assertThatThrownBy(() -> matrices.read("bank.loans; drop table bank.loans")).hasMessageContaining("lower-case name");
        assertThatThrownBy(() -> matrices.read("bank.names")).hasMessageContaining("no numeric column");
        assertThatThrownBy(() -> matrices.read("bank.missing")).hasMessageContaining("cannot read table");
        assertThat(new JdbcMatrices(dataSource).read("bank.loans")).hasNumberOfRows(2);
    }
}
