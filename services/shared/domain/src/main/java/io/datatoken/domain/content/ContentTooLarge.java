package io.datatoken.domain.content;

/** The document exceeds {@link ContentStore#MAX_CONTENT_BYTES}; it was not sent anywhere. */
public final class ContentTooLarge extends ContentException {

    private final int size;
    private final int limit;

    public ContentTooLarge(int size, int limit) {
        super("content of " + size + " bytes exceeds the limit of " + limit + " bytes");
        this.size = size;
        this.limit = limit;
    }

    public int size() {
        return size;
    }

    public int limit() {
        return limit;
    }
}
