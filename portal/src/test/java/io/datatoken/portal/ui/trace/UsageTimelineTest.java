package io.datatoken.portal.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.portal.services.GrantChange;
import io.datatoken.portal.services.Receipt;
import io.datatoken.portal.services.Refusal;
import io.datatoken.portal.services.TracedJob;
import io.datatoken.portal.services.Usage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageTimelineTest {

    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void everyKindInOneListOldestFirstWithWhatHasNoTimeLast() {
        Usage usage = new Usage("0xd", null, List.of(),
                List.of(new TracedJob("0xjob", "0xtask", "0xalg", "fintech-c", "SUCCEEDED", 12, 15L, "0xt1",
                        T.plusSeconds(20), "0xc")),
                List.of(new Receipt("0xjob", "0xd", "0xop", "0xresult", "bank-a", 14, "0xt2", 0, T.plusSeconds(40), "0xa"),
                        new Receipt("0xjob", "0xd", "0xop", "0xresult", "bank-b", 13, "0xt3", 0, T.plusSeconds(30), "0xb")),
                List.of(new GrantChange("0xd", "0xalg", "GRANTED", 0L, "0xa", 10, "0xt4", T),
                        new GrantChange("0xd", "0xalg", "REVOKED", null, "0xa", 99, "0xt5", null)),
                List.of(new Refusal("r1", "bank-a", "0xa", "0xjob", "0xd", null, "replayed", "seen before", T.plusSeconds(35), T)));

        List<UsageTimeline.Entry> timeline = UsageTimeline.of(usage);

        assertThat(timeline).extracting(UsageTimeline.Entry::kind).containsExactly(UsageTimeline.Kind.GRANT,
                UsageTimeline.Kind.JOB, UsageTimeline.Kind.RECEIPT, UsageTimeline.Kind.REFUSAL,
                UsageTimeline.Kind.RECEIPT, UsageTimeline.Kind.REVOCATION);
        assertThat(timeline).extracting(UsageTimeline.Entry::who)
                .containsExactly("0xa", "fintech-c", "bank-b", "bank-a", "bank-a", "0xa");
    }

    @Test
    void anUnusedDtHasAnEmptyTimeline() {
        assertThat(UsageTimeline.of(new Usage("0xd", null, null, null, null, null, null))).isEmpty();
    }
}
