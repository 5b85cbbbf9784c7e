package io.datatoken.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The published JSON Schema (draft 2020-12) of a DDO. One file, the classpath resource
 * {@value #RESOURCE}: validators load it from here and the asset service serves it as is.
 */
public final class DdoSchema {

    public static final String RESOURCE = "io/datatoken/metadata/ddo.schema.json";

    private static final String TEXT = load();

    private DdoSchema() {
    }

    /** The schema document, exactly as published. */
    public static String text() {
        return TEXT;
    }

    private static String load() {
        try (InputStream in = DdoSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the DDO schema " + RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the DDO schema " + RESOURCE, e);
        }
    }
}
