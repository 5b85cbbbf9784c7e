package io.datatoken.portal.ui.register;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.domain.asset.AssetKind;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/**
 * The DDO the asset service's schema ({@code /asset/api/v1/schemas/ddo}) requires for a new asset
 * without children: one service offering the chosen ops, its terms allowing each of them without
 * limits to the named consumer organizations.
 */
public final class DdoBuilder {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DdoBuilder() {
    }

    /** A fresh DT id: 32 random bytes, as the schema writes them. */
    public static String newDt() {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        return "0x" + HexFormat.of().formatHex(id);
    }

    /** The service type of an asset of this kind (a data set is computed on in place; a node computes). */
    static String serviceType(AssetKind kind) {
        return kind == AssetKind.DATA ? "compute-to-data" : "compute-node";
    }

    static ObjectNode ddo(String dt, String owner, AssetKind kind, RegisterForm form) {
        ObjectNode ddo = JSON.objectNode();
        ddo.put("dt", dt);
        ddo.put("kind", kind.name());
        ddo.put("title", form.getTitle().strip());
        if (form.getDescription() != null && !form.getDescription().isBlank()) {
            ddo.put("description", form.getDescription().strip());
        }
        ddo.put("owner", owner);
        ObjectNode service = ddo.putArray("services").addObject();
        service.put("type", serviceType(kind));
        service.put("endpoint", form.getEndpoint().strip());
        List<String> ops = form.getOps().stream().distinct().sorted().toList();
        ops.forEach(service.putArray("supportedOps")::add);
        service.set("terms", terms(ops, form));
        return ddo;
    }

    private static ObjectNode terms(List<String> ops, RegisterForm form) {
        ObjectNode terms = JSON.objectNode();
        ObjectNode allowed = terms.putObject("allowedOps");
        ops.forEach(allowed::putObject);
        List<String> consumers = AssetTerms.consumers(form.getConsumers());
        if (!consumers.isEmpty()) {
            consumers.forEach(terms.putArray("consumerOrganizations")::add);
        }
        LocalDate expiry = form.getExpiry();
        if (expiry != null) {
            terms.put("expiresAt", DateTimeFormatter.ISO_INSTANT.format(expiry.atStartOfDay(ZoneOffset.UTC)));
        }
        if (form.getMaxUses() != null) {
            terms.put("maxUses", form.getMaxUses());
        }
        return terms;
    }
}
