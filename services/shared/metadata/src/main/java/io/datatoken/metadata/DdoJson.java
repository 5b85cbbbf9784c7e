package io.datatoken.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.AssetService;
import io.datatoken.domain.asset.Ddo;
import io.datatoken.domain.asset.InvalidDdo;
import io.datatoken.domain.asset.Terms;
import io.datatoken.domain.asset.Violation;
import io.datatoken.domain.asset.Workflow;
import io.datatoken.domain.organization.OrganizationAlias;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Maps between the domain {@link Ddo} and its JSON tree by hand, so the domain stays free of
 * annotations and the document shape is written down in one place (next to the schema).
 * {@link #fromTree} expects a schema-valid tree; the domain then adds the cross-field rules.
 */
final class DdoJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DdoJson() {
    }

    static ObjectNode toTree(Ddo ddo) {
        ObjectNode root = NODES.objectNode();
        root.put("dt", ddo.dt());
        root.put("kind", ddo.kind().name());
        root.put("title", ddo.title());
        root.put("description", ddo.description());
        root.put("owner", ddo.owner().value());
        ArrayNode services = root.putArray("services");
        ddo.services().forEach(s -> services.add(toTree(s)));
        return root;
    }

    private static ObjectNode toTree(AssetService service) {
        ObjectNode node = NODES.objectNode();
        node.put("type", service.type());
        if (service.endpoint() != null) {
            node.put("endpoint", service.endpoint());
        }
        service.childDts().forEach(node.putArray("childDts")::add);
        service.supportedOps().forEach(node.putArray("supportedOps")::add);
        ObjectNode workflow = node.putObject("workflow");
        workflow.set("setOps", stringMap(service.workflow().setOps()));
        workflow.set("configs", stringMap(service.workflow().configs()));
        node.set("terms", toTree(service.terms()));
        node.set("extraParams", stringMap(service.extraParams()));
        return node;
    }

    private static ObjectNode toTree(Terms terms) {
        ObjectNode node = NODES.objectNode();
        ObjectNode ops = node.putObject("allowedOps");
        terms.allowedOps().forEach((op, limits) -> {
            ObjectNode limitNode = ops.putObject(op);
            limits.forEach(limitNode::put);
        });
        ArrayNode organizations = node.putArray("consumerOrganizations");
        terms.consumerOrganizations().forEach(org -> organizations.add(org.value()));
        node.put("purpose", terms.purpose());
        if (terms.expiresAt() != null) {
            node.put("expiresAt", terms.expiresAt().toString());
        }
        if (terms.maxUses() != null) {
            node.put("maxUses", terms.maxUses());
        }
        if (terms.minParties() != null) {
            node.put("minParties", terms.minParties());
        }
        return node;
    }

    private static ObjectNode stringMap(Map<String, String> map) {
        ObjectNode node = NODES.objectNode();
        map.forEach(node::put);
        return node;
    }

    /** Builds the domain DDO from a schema-valid tree; every domain rule broken is reported with its path. */
    static Ddo fromTree(JsonNode root) {
        List<Violation> found = new ArrayList<>();
        List<AssetService> services = new ArrayList<>();
        JsonNode serviceNodes = root.path("services");
        for (int i = 0; i < serviceNodes.size(); i++) {
            String at = "/services/" + i;
            JsonNode node = serviceNodes.get(i);
            Workflow workflow = part(found, at + "/workflow", () -> workflow(node.path("workflow")));
            Terms terms = part(found, at + "/terms", () -> terms(node.path("terms"), found, at + "/terms"));
            if (workflow != null && terms != null) {
                AssetService service = part(found, at, () -> new AssetService(
                        node.path("type").asText(),
                        text(node.get("endpoint")),
                        strings(node.path("childDts")),
                        strings(node.path("supportedOps")),
                        workflow,
                        terms,
                        map(node.path("extraParams"), JsonNode::asText)));
                services.add(service);
            }
        }
        if (!found.isEmpty()) {
            throw new InvalidDdo(found);
        }
        return new Ddo(
                root.path("dt").asText(),
                AssetKind.valueOf(root.path("kind").asText()),
                root.path("title").asText(),
                text(root.get("description")),
                OrganizationAlias.of(root.path("owner").asText()),
                services);
    }

    private static Workflow workflow(JsonNode node) {
        return new Workflow(map(node.path("setOps"), JsonNode::asText), map(node.path("configs"), JsonNode::asText));
    }

    private static Terms terms(JsonNode node, List<Violation> found, String at) {
        Instant expiresAt = null;
        if (node.hasNonNull("expiresAt")) {
            try {
                expiresAt = OffsetDateTime.parse(node.get("expiresAt").asText()).toInstant();
            } catch (DateTimeParseException e) {
                found.add(new Violation(at + "/expiresAt", "'" + node.get("expiresAt").asText()
                        + "' is not an RFC 3339 date-time such as 2030-01-31T00:00:00Z"));
            }
        }
        return new Terms(
                map(node.path("allowedOps"), limits -> map(limits, JsonNode::doubleValue)),
                strings(node.path("consumerOrganizations")).stream().map(OrganizationAlias::of).toList(),
                text(node.get("purpose")),
                expiresAt,
                node.hasNonNull("maxUses") ? node.get("maxUses").intValue() : null,
                node.hasNonNull("minParties") ? node.get("minParties").intValue() : null);
    }

    private static <T> T part(List<Violation> found, String at, Supplier<T> part) {
        try {
            return part.get();
        } catch (InvalidDdo e) {
            found.addAll(e.under(at).violations());
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }

    private static <V> Map<String, V> map(JsonNode object, Function<JsonNode, V> value) {
        Map<String, V> values = new LinkedHashMap<>();
        object.properties().forEach(member -> values.put(member.getKey(), value.apply(member.getValue())));
        return values;
    }
}
