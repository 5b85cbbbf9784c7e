package io.datatoken.compute.api;

import io.datatoken.compute.datasets.LocalDatasets;
import io.datatoken.support.security.Caller;
import io.datatoken.compute.runs.NodeParty;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import io.datatoken.compute.datasets.DatasetBinding;
import io.datatoken.compute.datasets.DatasetBindings;
import io.datatoken.support.web.Params;
import io.datatoken.support.web.ProblemException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/v1/datasets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class DatasetsResource {

    @Inject
    Caller caller;

    @Inject
    LocalDatasets localDatasets;

    @Inject
    DatasetBindings bindings;

    @Inject
    NodeParty party;

    @GET
    @RolesAllowed({"data-provider", "compute-provider", "algorithm-provider", "end-user"})
    @Operation(summary = "The datasets this node has bound for the caller's organization, newest first")
    @APIResponse(responseCode = "200", description = "the list (possibly empty)")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "a role that may not read this, or no organization")
    public List<DatasetSummary> list() {
        if (!party.actsFor(caller)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "not-this-node", "this node runs for " + party
                    + "; ask that party's own node");
        }
        return localDatasets.boundFor(party.organization()).stream()
                .map(e -> new DatasetSummary(e.dt(), e.ownerOrganization(), e.sourceKind(), e.boundAt()))
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"data-provider", "compute-provider", "algorithm-provider", "end-user"})
    @Operation(summary = "Bind a local dataset (a CSV file in the node's datasets directory, or a table of its own "
            + "database) to one of this node's organization's DATA assets, optionally with the party's private weights W "
            + "for ss-share, or labels to its ALGORITHM asset; the data never leaves the node")
    @APIResponse(responseCode = "201", description = "bound (the dataset was read once to check it)")
    @APIResponse(responseCode = "400", description = "unknown or non-DATA asset, unknown kind, unreadable or non-numeric dataset")
    @APIResponse(responseCode = "403", description = "another organization's asset, or a node of another organization")
    public Response bind(BindingRequest request) {
        if (request == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "missing-body",
                    "send {\"dt\": \"0x…\", \"kind\": \"CSV\", \"location\": \"loans.csv\"}");
        }
        DatasetBinding binding;
        try {
            binding = bindings.bind(caller, Params.dataTokenId("dt", request.dt()), request.kind(),
                    request.location() == null ? "" : request.location(), request.weights());
        } catch (DatasetBindings.NotThisNode e) {
            throw new ProblemException(Response.Status.FORBIDDEN, "not-this-nodes-asset", e.getMessage());
        }
        return Response.status(Response.Status.CREATED).entity(new DatasetSummary(binding.dt(), binding.ownerOrganization(),
                binding.sourceKind(), binding.boundAt())).build();
    }

    /**
     * @param kind     CSV or JDBC (a numeric matrix), or ITEMS (a CSV file of identifiers, one per line: a PSI party's list)
     * @param location a file under the datasets directory, or schema.table
     * @param weights  optional: the party's private weights W for ss-share, of the same kind
     */
    public record BindingRequest(String dt, String kind, String location, String weights) {
    }
}
