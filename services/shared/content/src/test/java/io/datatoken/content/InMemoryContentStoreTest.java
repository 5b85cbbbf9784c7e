package io.datatoken.content;

import io.datatoken.domain.content.ContentStore;
import org.junit.jupiter.api.BeforeEach;

class InMemoryContentStoreTest extends ContentStoreContractTest {

    private ContentStore store;

    @BeforeEach
    void newStore() {
        store = new InMemoryContentStore();
    }

    @Override
    protected ContentStore store() {
        return store;
    }
}
