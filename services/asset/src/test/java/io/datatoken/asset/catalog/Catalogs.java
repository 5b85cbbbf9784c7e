package io.datatoken.asset.catalog;

import jakarta.persistence.EntityManager;

/** Catalogs over a test entity manager, as the container would inject it. */
public final class Catalogs {

    private Catalogs() {
    }

    public static Catalog over(EntityManager entities) {
        Catalog catalog = new Catalog();
        catalog.entities = entities;
        return catalog;
    }
}
