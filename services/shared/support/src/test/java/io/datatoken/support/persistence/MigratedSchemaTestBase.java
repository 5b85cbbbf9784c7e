package io.datatoken.support.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Specification every service's persistence obeys: its Flyway scripts apply to an empty
 * PostgreSQL and its JPA entities match the resulting tables exactly (Hibernate validates
 * them). Subclasses name the schema and may add tests that use {@link #inTransaction}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MigratedSchemaTestBase {

    private EmbeddedPostgres postgres;
    private EntityManagerFactory entities;
    private String migratedVersion;

    /** The service's schema, which also names its persistence unit. */
    protected abstract String schema();

    @BeforeAll
    void migrateAndMap() throws IOException {
        postgres = EmbeddedPostgres.start();
        DataSource dataSource = postgres.getPostgresDatabase();
        migratedVersion = Flyway.configure().dataSource(dataSource)
                .schemas(schema()).defaultSchema(schema()).createSchemas(true)
                .locations("classpath:db/migration/" + schema())
                .load().migrate().targetSchemaVersion;
        entities = Persistence.createEntityManagerFactory(schema(), Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", dataSource,
                "jakarta.persistence.nonJtaDataSource", dataSource,
                "hibernate.transaction.jta.platform", "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform",
                "hibernate.default_schema", schema(),
                "hibernate.hbm2ddl.auto", "validate"));
    }

    @AfterAll
    void stop() throws IOException {
        if (entities != null) {
            entities.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void migrations_apply_and_the_entities_match_the_tables() {
        assertThat(migratedVersion).isNotBlank();
        assertThat(entities.isOpen()).isTrue();
    }

    protected void inTransaction(Consumer<EntityManager> work) {
        EntityManager em = entities.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }
}
