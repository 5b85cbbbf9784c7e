package io.datatoken.portal.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An asset's DDO as the asset service serves it: proven against the chain (the CID and proof the
 * chain records, named in its headers) before it left the service.
 */
public record VerifiedDdo(JsonNode document, String cid, String proof) {

    /** The DDO's services (each with its terms, supported ops, children and workflow). */
    public List<JsonNode> services() {
        List<JsonNode> services = new ArrayList<>();
        document.path("services").forEach(services::add);
        return services;
    }

    /** The document, indented for reading. */
    public String pretty() {
        try {
            return ServicesClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            return document.toString();
        }
    }
}
