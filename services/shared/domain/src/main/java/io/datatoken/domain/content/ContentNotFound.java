package io.datatoken.domain.content;

/** The store does not hold the document named by this CID. */
public final class ContentNotFound extends ContentException {

    private final transient Cid cid;

    public ContentNotFound(Cid cid) {
        super("no content stored under " + cid);
        this.cid = cid;
    }

    public Cid cid() {
        return cid;
    }
}
