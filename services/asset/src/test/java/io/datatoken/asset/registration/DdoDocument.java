package io.datatoken.asset.registration;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.organization.OrganizationAlias;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A DDO for a test, with one service, written as a client might send it: indented, keys not in
 * canonical order, so the bytes sent are never the canonical bytes stored.
 *
 * @param consumers     organizations the terms name ({@code []}: no restriction by organization)
 * @param termsExpireAt end of the terms, or {@code null}
 */
record DdoDocument(String dt, AssetKind kind, OrganizationAlias owner, String title, List<String> children,
                   List<String> supportedOps, List<OrganizationAlias> consumers, Instant termsExpireAt) {

    private static final SecureRandom RANDOM = new SecureRandom();

    DdoDocument {
        children = List.copyOf(children);
        supportedOps = List.copyOf(supportedOps);
        consumers = List.copyOf(consumers);
    }

    /** A document with a fresh dt, no children, no ops and terms that restrict nothing. */
    static DdoDocument of(AssetKind kind, OrganizationAlias owner) {
        return new DdoDocument(randomDt(), kind, owner, kind + " asset of " + owner, List.of(), List.of(), List.of(), null);
    }

    static String randomDt() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    DdoDocument withKind(AssetKind newKind) {
        return new DdoDocument(dt, newKind, owner, title, children, supportedOps, consumers, termsExpireAt);
    }

    DdoDocument withOwner(OrganizationAlias newOwner) {
        return new DdoDocument(dt, kind, newOwner, title, children, supportedOps, consumers, termsExpireAt);
    }

    DdoDocument withTitle(String newTitle) {
        return new DdoDocument(dt, kind, owner, newTitle, children, supportedOps, consumers, termsExpireAt);
    }

    DdoDocument withChildren(String... newChildren) {
        return new DdoDocument(dt, kind, owner, title, List.of(newChildren), supportedOps, consumers, termsExpireAt);
    }

    DdoDocument withSupportedOps(String... ops) {
        return new DdoDocument(dt, kind, owner, title, children, List.of(ops), consumers, termsExpireAt);
    }

    /** Terms naming these consumer organizations (none: offered to every organization). */
    DdoDocument offeredTo(OrganizationAlias... organizations) {
        return new DdoDocument(dt, kind, owner, title, children, supportedOps, List.of(organizations), termsExpireAt);
    }

    DdoDocument termsExpiringAt(Instant expiry) {
        return new DdoDocument(dt, kind, owner, title, children, supportedOps, consumers, expiry);
    }

    byte[] bytes() {
        List<String> service = new ArrayList<>();
        service.add("\"type\": " + quoted(kind == AssetKind.DATA ? "compute-to-data" : kind == AssetKind.COMPUTE
                ? "compute-node" : "data-union"));
        service.add("\"endpoint\": " + quoted("https://" + owner + ".example/api"));
        if (!children.isEmpty()) {
            service.add("\"childDts\": " + array(children));
        }
        if (!supportedOps.isEmpty()) {
            service.add("\"supportedOps\": " + array(supportedOps));
        }
        List<String> terms = new ArrayList<>();
        terms.add("\"purpose\": \"research\"");
        if (!consumers.isEmpty()) {
            terms.add("\"consumerOrganizations\": " + array(consumers.stream().map(OrganizationAlias::value).toList()));
        }
        if (termsExpireAt != null) {
            terms.add("\"expiresAt\": " + quoted(termsExpireAt.toString()));
        }
        service.add("\"terms\": {" + String.join(", ", terms) + "}");
        String json = "{\n"
                + "  \"title\": " + quoted(title) + ",\n"
                + "  \"owner\": " + quoted(owner.value()) + ",\n"
                + "  \"kind\": " + quoted(kind.name()) + ",\n"
                + "  \"dt\": " + quoted(dt) + ",\n"
                + "  \"description\": \"A test asset.\",\n"
                + "  \"services\": [\n    {\n      " + String.join(",\n      ", service) + "\n    }\n  ]\n"
                + "}\n";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String array(List<String> values) {
        return values.stream().map(DdoDocument::quoted).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
