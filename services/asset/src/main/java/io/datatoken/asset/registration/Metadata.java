package io.datatoken.asset.registration;

import io.datatoken.metadata.DdoCodec;
import io.datatoken.metadata.DdoVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One codec (its compiled schema is the costly part) and verifier for the whole service. */
@ApplicationScoped
public class Metadata {

    private static final DdoCodec CODEC = new DdoCodec();

    /** Singleton, not application scoped: final classes cannot be proxied. */
    @Produces
    @Singleton
    DdoCodec codec() {
        return CODEC;
    }

    @Produces
    @Singleton
    DdoVerifier verifier() {
        return new DdoVerifier(CODEC);
    }
}
