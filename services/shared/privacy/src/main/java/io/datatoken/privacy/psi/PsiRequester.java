package io.datatoken.privacy.psi;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The party that learns the intersection (company A in scenario S3). Steps, in order:
 * {@link #request()}, then {@link #receive(PsiResponse)}, which yields the intersection and, when the
 * terms say so, the only message the responder gets back: the intersection's size.
 */
public final class PsiRequester {

    private final PsiTerms terms;
    private final List<String> items;
    private final BlindingPool pool;
    private final SecureRandom random;
    private final BlindingKey key;
    private int[] order; // order[i] = index in items of the i-th point sent
    private Set<String> intersection;

    public PsiRequester(PsiTerms terms, Collection<String> items, BlindingPool pool, SecureRandom random) {
        this(terms, items, pool, random, BlindingKey.random(random));
    }

    PsiRequester(PsiTerms terms, Collection<String> items, BlindingPool pool, SecureRandom random, BlindingKey key) {
        this.terms = terms;
        this.items = PsiItems.distinct(items);
        this.pool = pool;
        this.random = random;
        this.key = key;
    }

    /**
     * The requester of {@code run} between its two steps, from the state {@link #exportState} gave: its
     * request made, waiting for the answer. Refuses the state of another run, whose secret and items would
     * give a wrong intersection (or another run's).
     */
    public static PsiRequester restore(PsiRequesterState state, String run, BlindingPool pool) {
        if (!state.run().equals(run)) {
            throw new IllegalArgumentException("the state belongs to run " + state.run() + ", not " + run);
        }
        var requester = new PsiRequester(state.terms(), state.itemsInRequestOrder(), pool, null, BlindingKey.of(state.scalar()));
        if (requester.items.size() != state.itemsInRequestOrder().size()) {
            throw new IllegalArgumentException("the state's items are not distinct");
        }
        // the items are kept in request order, so the i-th point sent is the i-th item
        requester.order = new int[requester.items.size()];
        for (int i = 0; i < requester.order.length; i++) {
            requester.order[i] = i;
        }
        return requester;
    }

    /**
     * What this requester must keep, on its own node, to continue {@code run} when the answer comes
     * (decision 0018): between {@link #request()} and {@link #receive}.
     */
    public PsiRequesterState exportState(String run) {
        if (order == null || intersection != null) {
            throw new IllegalStateException("a requester's state is kept only between its request and the answer");
        }
        return new PsiRequesterState(run, terms, key.scalar(), itemsAt(order));
    }

    public PsiTerms terms() {
        return terms;
    }

    /** Step 1: H(x)^a for each distinct item, shuffled so that the list's order tells nothing. */
    public PsiRequest request() {
        if (order != null) {
            throw new IllegalStateException("the request was already made");
        }
        order = PsiItems.permutation(items.size(), random);
        return new PsiRequest(pool.hashAndBlind(PsiItems.utf8(itemsAt(order)), key));
    }

    /**
     * Step 3: (H(y)^b)^a for the responder's points; an item x is in the intersection when its
     * (H(x)^a)^b is among them. Returns the size message when the terms reveal it to the responder.
     */
    public Optional<IntersectionSize> receive(PsiResponse response) {
        if (order == null) {
            throw new IllegalStateException("no request was made");
        }
        if (intersection != null) {
            throw new IllegalStateException("the response was already received");
        }
        BlindedPoints reblinded = response.requesterPointsReblinded();
        if (reblinded.size() != order.length) {
            throw new IllegalArgumentException("the response has " + reblinded.size() + " reblinded points for "
                    + order.length + " requested");
        }
        PointIndex responderSet = new PointIndex(pool.blind(response.responderPoints(), key));
        boolean[] found = new boolean[items.size()];
        byte[] packed = reblinded.packed();
        for (int i = 0; i < order.length; i++) {
            found[order[i]] = responderSet.contains(packed, i * BlindedPoints.POINT_SIZE);
        }
        Set<String> common = new LinkedHashSet<>();
        for (int i = 0; i < found.length; i++) {
            if (found[i]) {
                common.add(items.get(i));
            }
        }
        intersection = Collections.unmodifiableSet(common);
        return terms.revealSizeToResponder() ? Optional.of(new IntersectionSize(common.size())) : Optional.empty();
    }

    /** The items of this party that the responder also has, in this party's order. */
    public Set<String> intersection() {
        if (intersection == null) {
            throw new IllegalStateException("the response was not received yet");
        }
        return intersection;
    }

    private List<String> itemsAt(int[] indices) {
        List<String> selected = new ArrayList<>(indices.length);
        for (int index : indices) {
            selected.add(items.get(index));
        }
        return selected;
    }
}
