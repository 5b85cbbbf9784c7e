package io.datatoken.asset.api;

import io.datatoken.asset.catalog.Catalog;
import io.datatoken.asset.catalog.CatalogQuery;
import io.datatoken.asset.registration.AssetRegistration;
import io.datatoken.asset.registration.AssetRegistration.Expected;
import io.datatoken.asset.registration.AssetRegistration.Registered;
import io.datatoken.asset.registration.AssetRegistration.Registrant;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.Proof;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.ledger.Bytes32Hex;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.support.security.Caller;
import io.datatoken.support.security.OrganizationRequired;
import io.datatoken.support.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/v1/assets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class AssetsResource {

    @Inject
    Caller caller;

    @Inject
    Catalog catalog;

    @Inject
    AssetRegistration registration;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"data-provider", "compute-provider", "algorithm-provider"})
    @Operation(summary = "Register an asset: the body is its DDO (schema: /v1/schemas/ddo), owned by the caller's "
            + "organization. Retrying the same document is safe: it answers with the registration that stands.")
    @APIResponse(responseCode = "201", description = "registered: DDO stored, token on chain, listed in the catalog")
    @APIResponse(responseCode = "200", description = "this document was registered already; nothing new was written")
    @APIResponse(responseCode = "400", description = "invalid DDO (every violation with its JSON Pointer), unknown op or "
            + "child, or the document does not hash to the expected proof or CID; nothing was written")
    @APIResponse(responseCode = "403", description = "the DDO names another owner, the caller lacks the kind's provider "
            + "role, or a child is not offered to the caller's organization")
    @APIResponse(responseCode = "409", description = "the dt is registered with another document or owner, an op is "
            + "deprecated, or the organization is not onboarded")
    @APIResponse(responseCode = "413", description = "the DDO is larger than 256 KiB")
    @APIResponse(responseCode = "503", description = "the chain or the content store cannot be reached; nothing was registered")
    public Response register(
            @Parameter(description = "the proof (0x + sha-256 of the RFC 8785 form) the client computed; refused if it differs")
            @QueryParam("proof") String proof,
            @Parameter(description = "the CID the client computed for the canonical form; refused if it differs")
            @QueryParam("cid") String cid,
            InputStream body) throws IOException {
        Registered registered = registration.register(registrant(), readDdo(body), expected(proof, cid));
        AssetView view = AssetView.of(registered.entry());
        if (!registered.created()) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getBaseUriBuilder().path(AssetsResource.class).path(view.dt()).build())
                .entity(view).build();
    }

    @GET
    @RolesAllowed({"data-provider", "compute-provider", "algorithm-provider"})
    @Operation(summary = "The assets of the caller's organization, newest first")
    @APIResponse(responseCode = "200", description = "the organization's assets (possibly none)")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "not a provider, or no organization")
    public List<AssetView> mine() {
        return catalog.ownedBy(OrganizationRequired.of(caller)).stream().map(AssetView::of).toList();
    }

    @GET
    @Path("/catalog")
    @RolesAllowed({"admin", "data-provider", "compute-provider", "algorithm-provider", "data-user", "regulator"})
    @Operation(summary = "Search every organization's assets; each given criterion must match. Newest first.")
    @APIResponse(responseCode = "200", description = "the matching assets (possibly none)")
    @APIResponse(responseCode = "400", description = "a criterion is malformed")
    public List<AssetView> search(
            @Parameter(description = "words in the title or description (case-insensitive)") @QueryParam("q") String text,
            @Parameter(description = "DATA, COMPUTE or ALGORITHM") @QueryParam("kind") String kind,
            @Parameter(description = "owning organization's alias") @QueryParam("owner") String owner,
            @Parameter(description = "hash of an op the asset supports") @QueryParam("op") String op,
            @QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("offset") @DefaultValue("0") int offset) {
        var query = new CatalogQuery(text, parsed("kind", kind, AssetsResource::kind),
                parsed("owner", owner, OrganizationAlias::of), parsed("op", op, v -> Bytes32Hex.require(v, "op hash")),
                limit, offset);
        return catalog.search(query).stream().map(AssetView::of).toList();
    }

    @GET
    @Path("/{dt}")
    @RolesAllowed({"admin", "data-provider", "compute-provider", "algorithm-provider", "data-user", "regulator"})
    @Operation(summary = "One asset, with whether its whole tree is authorized on chain now")
    @APIResponse(responseCode = "404", description = "no asset is registered as this dt")
    public AssetView get(@PathParam("dt") String dt) {
        DataTokenId id = dtOf(dt);
        return catalog.find(id.value()).map(e -> AssetView.of(e, registration.isActive(id)))
                .orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "unknown-asset",
                        "no asset is registered as " + id));
    }

    @POST
    @Path("/{dt}/listing")
    @RolesAllowed({"admin", "data-provider", "compute-provider", "algorithm-provider", "data-user", "regulator",
        "end-user"})
    @Operation(summary = "List in the catalog an asset registered on chain without this service (an end user's own, "
            + "registered from their device node), or bring its entry up to date: the entry copies the chain and the "
            + "DDO proven against it, so any signed-in user may ask")
    @APIResponse(responseCode = "200", description = "the asset as the catalog now lists it")
    @APIResponse(responseCode = "404", description = "no asset is registered as this dt on chain")
    @APIResponse(responseCode = "502", description = "the stored document is not the one the chain vouches for; "
            + "it is not listed")
    public AssetView list(@PathParam("dt") String dt) {
        DataTokenId id = dtOf(dt);
        return AssetView.of(registration.listFromChain(id), registration.isActive(id));
    }

    @GET
    @Path("/{dt}/ddo")
    @RolesAllowed({"admin", "data-provider", "compute-provider", "algorithm-provider", "data-user", "regulator",
            "end-user"})
    @Operation(summary = "The asset's DDO in canonical form, proven against the chain (CID and proof); "
            + "headers name both")
    @APIResponse(responseCode = "200", description = "the verified document")
    @APIResponse(responseCode = "404", description = "no asset is registered as this dt")
    @APIResponse(responseCode = "502", description = "the stored document is not the one the chain vouches for; "
            + "it is not served")
    public Response ddo(@PathParam("dt") String dt) {
        var verified = registration.readDdo(dtOf(dt));
        return Response.ok(verified.canonical(), MediaType.APPLICATION_JSON_TYPE)
                .header("X-DataToken-Proof", verified.token().proof().value())
                .header("X-DataToken-CID", verified.token().storagePath().value())
                .build();
    }

    @PUT
    @Path("/{dt}/ddo")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"data-provider", "compute-provider", "algorithm-provider"})
    @Operation(summary = "Point an asset at a new version of its DDO (its owner only; kind, owner and children stay)")
    @APIResponse(responseCode = "200", description = "the asset as it is now")
    @APIResponse(responseCode = "400", description = "invalid DDO, another dt, or a changed kind or children")
    @APIResponse(responseCode = "403", description = "the caller's organization does not own the asset")
    @APIResponse(responseCode = "404", description = "no asset is registered as this dt")
    public AssetView update(@PathParam("dt") String dt, @QueryParam("proof") String proof, @QueryParam("cid") String cid,
                            InputStream body) throws IOException {
        return AssetView.of(registration.update(registrant(), dtOf(dt), readDdo(body), expected(proof, cid)).entry());
    }

    private Registrant registrant() {
        return new Registrant(OrganizationRequired.of(caller), caller.roles());
    }

    private static Expected expected(String proof, String cid) {
        return new Expected(parsed("proof", proof, Proof::of), parsed("cid", cid, Cid::parse));
    }

    private static DataTokenId dtOf(String dt) {
        return parsed("dt", dt, DataTokenId::of);
    }

    private static AssetKind kind(String name) {
        try {
            return AssetKind.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown kind '" + name + "'; one of " + Arrays.toString(AssetKind.values()));
        }
    }

    /** The parsed value, {@code null} when absent; a malformed one is a 400 naming the parameter. */
    private static <T> T parsed(String parameter, String value, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-" + parameter, e.getMessage());
        }
    }

    private static byte[] readDdo(InputStream body) throws IOException {
        byte[] read = body == null ? new byte[0] : body.readNBytes(ContentStore.MAX_CONTENT_BYTES + 1);
        if (read.length > ContentStore.MAX_CONTENT_BYTES) {
            throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "ddo-too-large",
                    "a DDO may be at most " + ContentStore.MAX_CONTENT_BYTES + " bytes (one content block); "
                            + "move large descriptions to a document the DDO links to");
        }
        return read;
    }
}
