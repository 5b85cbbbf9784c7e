package io.datatoken.job.orchestration;

import io.datatoken.domain.market.JobId;
import io.datatoken.support.persistence.MigratedSchemaTestBase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** The JPA book obeys the contract over the job schema as the migrations make it, each call in its own transaction. */
class JpaPartyBookTest extends MigratedSchemaTestBase implements PartyBookContract {

    @Override
    protected String schema() {
        return "job";
    }

    @Override
    public PartyBook book() {
        return new PartyBook() {
            @Override
            public Optional<RunRecord> find(JobId job) {
                return withBook(book -> book.find(job));
            }

            @Override
            public RunRecord begin(JobId job, Instant at, List<PartyRecord> parties) {
                return withBook(book -> book.begin(job, at, parties));
            }

            @Override
            public void update(JobId job, PartyRecord party) {
                withBook(book -> {
                    book.update(job, party);
                    return null;
                });
            }

            @Override
            public void note(JobId job, String detail) {
                withBook(book -> {
                    book.note(job, detail);
                    return null;
                });
            }
        };
    }

    private <T> T withBook(Function<JpaPartyBook, T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        inTransaction(em -> {
            JpaPartyBook book = new JpaPartyBook();
            book.entities = em;
            result.set(work.apply(book));
        });
        return result.get();
    }
}
