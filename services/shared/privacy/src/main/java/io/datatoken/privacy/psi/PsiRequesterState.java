package io.datatoken.privacy.psi;

import java.util.List;
import java.util.Objects;

/**
 * What the requester keeps between its request and the responder's answer (decision 0018), for its own
 * node only: the run it belongs to, the terms, its secret scalar and its distinct items in the order their
 * points were sent. {@link PsiRequester#restore} refuses it for any other run.
 */
public record PsiRequesterState(String run, PsiTerms terms, byte[] scalar, List<String> itemsInRequestOrder) {

    public PsiRequesterState {
        if (run == null || run.isBlank()) {
            throw new IllegalArgumentException("a requester's state names its run");
        }
        Objects.requireNonNull(terms, "terms");
        if (scalar == null || scalar.length != BlindingKey.SIZE) {
            throw new IllegalArgumentException("the state's scalar is " + BlindingKey.SIZE + " bytes");
        }
        scalar = scalar.clone();
        itemsInRequestOrder = List.copyOf(itemsInRequestOrder);
    }

    @Override
    public byte[] scalar() {
        return scalar.clone();
    }

    @Override
    public String toString() {
        return "PsiRequesterState[run " + run + ", " + itemsInRequestOrder.size() + " items, secret]";
    }
}
