package io.datatoken.job.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.support.persistence.MigratedSchemaTestBase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TaskBoardSchemaTest extends MigratedSchemaTestBase {

    @Override
    protected String schema() {
        return "job";
    }

    @BeforeAll
    void rows() {
        var t0 = OffsetDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        inTransaction(em -> {
            em.persist(new TaskEntry(java.util.UUID.randomUUID(), "fintech-c", "risk features", "OPEN", t0));
            em.persist(new TaskEntry(java.util.UUID.randomUUID(), "fintech-c", "churn", "CLOSED", t0.plusDays(1)));
            em.persist(new TaskEntry(java.util.UUID.randomUUID(), "medco-b", "diagnosis", "OPEN", t0));
        });
    }

    @Test
    void lists_only_the_given_organizations_rows_newest_first() {
        inTransaction(em -> {
            var repository = new TaskBoard();
            repository.entities = em;
            assertThat(repository.postedBy(OrganizationAlias.of("fintech-c"))).extracting(TaskEntry::title)
                    .containsExactly("churn", "risk features");
        });
    }
}
