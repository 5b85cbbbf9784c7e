package io.datatoken.job.market;

/**
 * A task or job posted on chain by this request, or, when {@code replayed}, the one an earlier request
 * with the same {@link IdempotencyKey} posted.
 */
public record Posted<E>(E entry, boolean replayed) {
}
