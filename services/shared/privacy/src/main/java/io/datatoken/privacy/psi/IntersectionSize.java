package io.datatoken.privacy.psi;

/** Requester to responder, step 3, only when the terms reveal it: the size of the intersection. */
public record IntersectionSize(int size) {

    public IntersectionSize {
        if (size < 0) {
            throw new IllegalArgumentException("negative intersection size: " + size);
        }
    }
}
