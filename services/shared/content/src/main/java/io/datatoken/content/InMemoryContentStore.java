package io.datatoken.content;

import io.datatoken.domain.content.Cid;
import io.datatoken.domain.content.ContentNotFound;
import io.datatoken.domain.content.ContentStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ContentStore} in a map, for unit tests of other modules. It lives in {@code src/main}
 * (not a test-jar) so a plain test-scoped dependency on this module is enough; it passes the same
 * contract test as {@link IpfsContentStore}. Thread-safe; copies bytes in and out.
 */
public final class InMemoryContentStore implements ContentStore {

    private final Map<Cid, byte[]> contents = new ConcurrentHashMap<>();

    @Override
    public Cid put(byte[] content) {
        ContentStore.requireWithinLimit(content);
        Cid cid = Cid.of(content);
        contents.putIfAbsent(cid, content.clone());
        return cid;
    }

    @Override
    public byte[] get(Cid cid) {
        byte[] content = contents.get(cid);
        if (content == null) {
            throw new ContentNotFound(cid);
        }
        return content.clone();
    }

    @Override
    public boolean contains(Cid cid) {
        return contents.containsKey(cid);
    }
}
