package io.datatoken.asset.api;

import io.datatoken.metadata.DdoSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Publishes the JSON Schema every DDO is validated against, so writers can check theirs first. */
@Path("/v1/schemas")
@ApplicationScoped
public class SchemasResource {

    static final String SCHEMA_JSON = "application/schema+json";

    @GET
    @Path("/ddo")
    @Produces(SCHEMA_JSON)
    @Operation(summary = "The JSON Schema (draft 2020-12) of a DDO; no token needed")
    public String ddo() {
        return DdoSchema.text();
    }
}
