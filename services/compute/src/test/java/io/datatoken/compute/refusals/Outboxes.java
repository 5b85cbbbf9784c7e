package io.datatoken.compute.refusals;

import jakarta.persistence.EntityManager;

/** The real outbox on a test's entity manager, for tests of the classes that fill it. */
public final class Outboxes {

    private Outboxes() {
    }

    public static RefusalOutbox on(EntityManager entities) {
        RefusalOutbox outbox = new RefusalOutbox();
        outbox.entities = entities;
        return outbox;
    }
}
