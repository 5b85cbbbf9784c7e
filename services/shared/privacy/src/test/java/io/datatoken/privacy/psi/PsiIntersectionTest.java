package io.datatoken.privacy.psi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Correctness: the requester's result is the plaintext set intersection. */
class PsiIntersectionTest {

    private static final BlindingPool POOL = new BlindingPool(3);
    private static final PsiTerms TERMS = PsiTerms.responderLearnsNothing();

    @AfterAll
    static void closePool() {
        POOL.close();
    }

    @Test
    void random_sets_with_a_known_overlap_intersect_as_in_plaintext() {
        var random = new Random(20261124);
        List<String> common = randomItems(random, "common", 137);
        List<String> prospects = new ArrayList<>(common);
        prospects.addAll(randomItems(random, "prospect", 400));
        List<String> clients = new ArrayList<>(common);
        clients.addAll(randomItems(random, "client", 650));
        Collections.shuffle(prospects, random);
        Collections.shuffle(clients, random);

        Set<String> result = PsiRun.between(TERMS, prospects, clients, POOL).intersection();

        assertThat(result).hasSize(137).containsExactlyInAnyOrderElementsOf(plaintext(prospects, clients));
        assertThat(List.copyOf(result)).isEqualTo(prospects.stream().filter(common::contains).toList());
    }

    @Test
    void duplicates_on_either_side_count_once() {
        var prospects = List.of("ann", "bob", "ann", "cy", "bob", "dee");
        var clients = List.of("bob", "bob", "dee", "eve", "dee");

        var run = PsiRun.between(PsiTerms.responderLearnsSize(), prospects, clients, POOL);

        assertThat(run.intersection()).containsExactly("bob", "dee");
        assertThat(run.request().requesterPoints().size()).isEqualTo(4);
        assertThat(run.response().responderPoints().size()).isEqualTo(3);
        assertThat(run.responder().intersectionSize()).hasValue(2);
    }

    @Test
    void empty_sets_give_an_empty_intersection() {
        assertThat(PsiRun.between(TERMS, List.of(), List.of("a", "b"), POOL).intersection()).isEmpty();
        assertThat(PsiRun.between(TERMS, List.of("a", "b"), List.of(), POOL).intersection()).isEmpty();
        var both = PsiRun.between(PsiTerms.responderLearnsSize(), List.of(), List.of(), POOL);
        assertThat(both.intersection()).isEmpty();
        assertThat(both.responder().intersectionSize()).hasValue(0);
    }

    @Test
    void disjoint_and_identical_sets() {
        var items = List.of("a", "b", "c");
        assertThat(PsiRun.between(TERMS, items, List.of("d", "e"), POOL).intersection()).isEmpty();
        assertThat(PsiRun.between(TERMS, items, List.of("c", "b", "a"), POOL).intersection()).containsExactly("a", "b", "c");
    }

    @Test
    void unicode_items_match_by_their_exact_utf8_bytes() {
        var prospects = List.of("Zoë Müller", "東京都港区", "Åsa 🚗", "e\u0301lodie", "plain", "");
        var clients = List.of("東京都港区", "Åsa 🚗", "\u00e9lodie", "PLAIN", "", "Zoe Muller");

        Set<String> result = PsiRun.between(TERMS, prospects, clients, POOL).intersection();

        // "e" + combining acute is not U+00E9: canonicalizing (NFC, case) is the callers' job, on both sides.
        assertThat(result).containsExactly("東京都港区", "Åsa 🚗", "");
    }

    @Test
    void the_result_does_not_depend_on_the_number_of_threads() {
        var items = randomItems(new Random(3), "x", 300);
        var key = BlindingKey.random(new SecureRandom());
        try (var one = new BlindingPool(1)) {
            assertThat(one.hashAndBlind(PsiItems.utf8(items), key).toHex())
                    .isEqualTo(POOL.hashAndBlind(PsiItems.utf8(items), key).toHex());
        }
    }

    @Test
    void the_steps_run_once_and_in_order() {
        var random = new SecureRandom();
        var requester = new PsiRequester(TERMS, List.of("a"), POOL, random);
        var responder = new PsiResponder(TERMS, List.of("a"), POOL, random);

        assertThatThrownBy(requester::intersection).isInstanceOf(IllegalStateException.class);
        var request = requester.request();
        assertThatThrownBy(requester::request).isInstanceOf(IllegalStateException.class);
        var response = responder.respond(request);
        assertThatThrownBy(() -> responder.respond(request)).isInstanceOf(IllegalStateException.class);
        requester.receive(response);
        assertThatThrownBy(() -> requester.receive(response)).isInstanceOf(IllegalStateException.class);
        assertThat(requester.intersection()).containsExactly("a");
    }

    @Test
    void a_response_for_another_request_is_refused() {
        var random = new SecureRandom();
        var requester = new PsiRequester(TERMS, List.of("a", "b"), POOL, random);
        requester.request();
        var other = new PsiResponder(TERMS, List.of("a"), POOL, random)
                .respond(new PsiRequester(TERMS, List.of("a"), POOL, random).request());

        assertThatThrownBy(() -> requester.receive(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 reblinded points for 2 requested");
    }

    static List<String> randomItems(Random random, String kind, int count) {
        Set<String> items = new LinkedHashSet<>();
        while (items.size() < count) {
            items.add(kind + "-" + Long.toHexString(random.nextLong()) + "@example.com");
        }
        return List.copyOf(items);
    }

    private static Set<String> plaintext(List<String> a, List<String> b) {
        Set<String> common = new LinkedHashSet<>(a);
        common.retainAll(Set.copyOf(b));
        return common;
    }
}
