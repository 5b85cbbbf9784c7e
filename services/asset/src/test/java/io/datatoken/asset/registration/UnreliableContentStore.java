package io.datatoken.asset.registration;

import io.datatoken.content.InMemoryContentStore;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.content.ContentStoreUnavailable;

/** The content store's fake, with an outage switch: while down, every call fails as an unreachable node does. */
final class UnreliableContentStore implements ContentStore {

    private final InMemoryContentStore store = new InMemoryContentStore();
    private volatile boolean down;

    void goDown() {
        down = true;
    }

    void comeBack() {
        down = false;
    }

    @Override
    public Cid put(byte[] content) {
        requireUp();
        return store.put(content);
    }

    @Override
    public byte[] get(Cid cid) {
        requireUp();
        return store.get(cid);
    }

    @Override
    public boolean contains(Cid cid) {
        requireUp();
        return store.contains(cid);
    }

    private void requireUp() {
        if (down) {
            throw new ContentStoreUnavailable("simulated outage of the content store");
        }
    }
}
