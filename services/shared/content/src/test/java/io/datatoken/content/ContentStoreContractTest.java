package io.datatoken.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datatoken.domain.content.Cid;
import io.datatoken.domain.content.ContentNotFound;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.content.ContentTooLarge;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The specification of {@link ContentStore}: every implementation reruns it. Contents are random
 * per test, so tests do not depend on each other even when they share one store.
 */
abstract class ContentStoreContractTest {

    /** The store under test. */
    protected abstract ContentStore store();

    static byte[] randomContent(int size) {
        byte[] content = new byte[size];
        ThreadLocalRandom.current().nextBytes(content);
        return content;
    }

    static Cid unknownCid() {
        return Cid.of(("never stored " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void put_answers_the_cid_computed_from_the_bytes() {
        byte[] content = randomContent(1000);
        assertThat(store().put(content)).isEqualTo(Cid.of(content));
    }

    @Test
    void get_returns_exactly_what_was_put() {
        byte[] content = randomContent(4096);
        Cid cid = store().put(content);
        assertThat(store().get(cid)).isEqualTo(content);
    }

    @Test
    void every_byte_value_survives_the_round_trip() {
        byte[] content = new byte[512];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        assertThat(store().get(store().put(content))).isEqualTo(content);
    }

    @Test
    void empty_content_is_a_document_too() {
        Cid cid = store().put(new byte[0]);
        assertThat(cid).hasToString("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
        assertThat(store().get(cid)).isEmpty();
    }

    @Test
    void putting_the_same_content_twice_gives_the_same_cid() {
        byte[] content = randomContent(100);
        assertThat(store().put(content)).isEqualTo(store().put(content.clone()));
    }

    @Test
    void contains_what_was_put_and_nothing_else() {
        Cid cid = store().put(randomContent(100));
        assertThat(store().contains(cid)).isTrue();
        assertThat(store().contains(unknownCid())).isFalse();
    }

    @Test
    void get_of_unknown_content_is_not_found() {
        Cid unknown = unknownCid();
        assertThatThrownBy(() -> store().get(unknown))
                .isInstanceOfSatisfying(ContentNotFound.class, e -> assertThat(e.cid()).isEqualTo(unknown));
    }

    @Test
    void accepts_content_of_exactly_the_size_limit() {
        byte[] content = randomContent(ContentStore.MAX_CONTENT_BYTES);
        Cid cid = store().put(content);
        assertThat(cid).isEqualTo(Cid.of(content));
        assertThat(store().get(cid)).isEqualTo(content);
    }

    @Test
    void rejects_content_over_the_size_limit_and_stores_nothing() {
        byte[] content = randomContent(ContentStore.MAX_CONTENT_BYTES + 1);
        assertThatThrownBy(() -> store().put(content)).isInstanceOf(ContentTooLarge.class);
        assertThat(store().contains(Cid.of(content))).isFalse();
    }

    @Test
    void stored_content_is_not_changed_through_the_arrays_passed_in_or_out() {
        byte[] content = randomContent(64);
        byte[] original = content.clone();
        Cid cid = store().put(content);
        content[0] ^= 1;
        store().get(cid)[1] ^= 1;
        assertThat(store().get(cid)).isEqualTo(original);
    }
}
