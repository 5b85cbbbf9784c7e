package io.datatoken.privacy.psi;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;

/**
 * The party that holds the other list (bank B in scenario S3) and learns nothing, or only the size of
 * the intersection when the terms say so. Steps, in order: {@link #respond(PsiRequest)}, then, only
 * under terms that reveal it, {@link #receive(IntersectionSize)}.
 */
public final class PsiResponder {

    private final PsiTerms terms;
    private final List<String> items;
    private final BlindingPool pool;
    private final SecureRandom random;
    private final BlindingKey key;
    private boolean responded;
    private Integer intersectionSize;

    public PsiResponder(PsiTerms terms, Collection<String> items, BlindingPool pool, SecureRandom random) {
        this(terms, items, pool, random, BlindingKey.random(random));
    }

    PsiResponder(PsiTerms terms, Collection<String> items, BlindingPool pool, SecureRandom random, BlindingKey key) {
        this.terms = terms;
        this.items = PsiItems.distinct(items);
        this.pool = pool;
        this.random = random;
        this.key = key;
    }

    /**
     * Step 2: the request's points blinded with b in the request's order, and H(y)^b for each distinct
     * item y of this party in a random order (so that the requester cannot tell where in this party's
     * list the common items are).
     */
    public PsiResponse respond(PsiRequest request) {
        if (responded) {
            throw new IllegalStateException("already responded: a second request would be a second run");
        }
        responded = true;
        BlindedPoints reblinded = pool.blind(request.requesterPoints(), key);
        int[] order = PsiItems.permutation(items.size(), random);
        List<String> shuffled = new ArrayList<>(items.size());
        for (int index : order) {
            shuffled.add(items.get(index));
        }
        return new PsiResponse(reblinded, pool.hashAndBlind(PsiItems.utf8(shuffled), key));
    }

    /** Step 4, only under terms that reveal it: the size of the intersection. */
    public void receive(IntersectionSize size) {
        if (!terms.revealSizeToResponder()) {
            throw new IllegalStateException("the terms do not reveal the intersection's size to the responder");
        }
        if (!responded) {
            throw new IllegalStateException("no response was sent yet");
        }
        intersectionSize = size.size();
    }

    /** What this party learned: the intersection's size if the terms revealed it, else nothing. */
    public OptionalInt intersectionSize() {
        return intersectionSize == null ? OptionalInt.empty() : OptionalInt.of(intersectionSize);
    }
}
