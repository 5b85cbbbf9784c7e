package io.datatoken.metadata;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.datatoken.domain.asset.Ddo;
import io.datatoken.domain.asset.InvalidDdo;
import io.datatoken.domain.asset.Violation;
import io.datatoken.domain.content.ContentStore;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a raw DDO before anything else reads it: size first (without parsing), then JSON syntax
 * (no duplicate keys, nothing after the document), then the published {@link DdoSchema}, then the
 * domain's cross-field rules. Every problem comes back as a {@link Violation} naming its JSON Pointer.
 * Thread-safe; build one and share it (compiling the schema is the costly part).
 */
public final class DdoValidator {

    private static final String HEX32_PATTERN = "^0x[0-9a-f]{64}$";

    private final int maxBytes;
    private final Schema schema;

    /** Validator with the content store's limit ({@link ContentStore#MAX_CONTENT_BYTES}). */
    public DdoValidator() {
        this(ContentStore.MAX_CONTENT_BYTES);
    }

    public DdoValidator(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("the DDO size limit must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                        builder -> builder.schemaRegistryConfig(config))
                .getSchema(DdoSchema.text(), InputFormat.JSON);
    }

    /** Every violation of the document; empty when it is a valid DDO. */
    public List<Violation> validate(byte[] json) {
        return check(json).violations();
    }

    /** The outcome of a check: the DDO when valid, else the violations. */
    record Checked(Ddo ddo, List<Violation> violations) {
    }

    Checked check(byte[] json) {
        if (json == null || json.length == 0) {
            return rejected(new Violation("", "the document is empty; a DDO is a JSON object"));
        }
        if (json.length > maxBytes) {
            return rejected(new Violation("", "the document is " + json.length + " bytes; a DDO may have at most "
                    + maxBytes + " bytes (the content store keeps documents in one block)"));
        }
        JsonNode tree;
        try {
            tree = StrictJson.read(json);
        } catch (JsonProcessingException e) {
            return rejected(new Violation("", "the document is not JSON: " + e.getOriginalMessage() + where(e.getLocation())));
        } catch (IOException e) {
            return rejected(new Violation("", "the document cannot be read as JSON: " + e.getMessage()));
        }
        if (tree == null || tree.isMissingNode()) {
            return rejected(new Violation("", "the document is empty; a DDO is a JSON object"));
        }
        List<Violation> schemaViolations = schema.validate(tree).stream()
                .map(DdoValidator::toViolation)
                .distinct()
                .sorted(Comparator.comparing(Violation::path).thenComparing(Violation::message))
                .toList();
        if (!schemaViolations.isEmpty()) {
            return new Checked(null, schemaViolations);
        }
        try {
            return new Checked(DdoJson.fromTree(tree), List.of());
        } catch (InvalidDdo e) {
            return new Checked(null, e.violations());
        }
    }

    private static Checked rejected(Violation violation) {
        return new Checked(null, List.of(violation));
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static Violation toViolation(Error error) {
        String at = error.getInstanceLocation().toString();
        String property = error.getProperty();
        return switch (error.getKeyword()) {
            case "required" -> new Violation(at + "/" + pointerToken(property), "'" + property + "' is required");
            case "additionalProperties" -> new Violation(at + "/" + pointerToken(property),
                    "'" + property + "' is not a known property here; remove it or check its spelling");
            case "pattern" -> new Violation(at, patternMessage(error, at));
            default -> new Violation(at, withoutLocation(error.getMessage(), at));
        };
    }

    /** Says what the most common pattern, 32 bytes in hex, means in words. */
    private static String patternMessage(Error error, String at) {
        String message = withoutLocation(error.getMessage(), at);
        JsonNode value = error.getInstanceNode();
        if (message.contains(HEX32_PATTERN) && value != null && value.isTextual()) {
            return "'" + value.textValue() + "' must be 0x followed by 64 lower-case hex digits (" + message + ")";
        }
        return message;
    }

    /** The library prefixes messages with the instance location; the path already says it. */
    private static String withoutLocation(String message, String at) {
        String prefix = at + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String pointerToken(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
