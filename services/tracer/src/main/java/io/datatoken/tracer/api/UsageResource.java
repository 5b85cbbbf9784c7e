package io.datatoken.tracer.api;

import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.tracer.usage.UsageLog;
import io.datatoken.support.security.Caller;
import io.datatoken.support.security.OrganizationRequired;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/v1/usage")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class UsageResource {

    @Inject
    Caller caller;

    @Inject
    UsageLog usageLog;

    @GET
    @RolesAllowed({"data-provider", "compute-provider", "algorithm-provider", "data-user", "regulator"})
    @Operation(summary = "Uses of the caller's organization's assets (a regulator sees every use), newest first")
    @APIResponse(responseCode = "200", description = "the list (possibly empty)")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "a role that may not read this, or no organization")
    public List<UsageRecord> list() {
        var uses = caller.has(PlatformRole.REGULATOR)
                ? usageLog.all()
                : usageLog.ofAssetsOwnedBy(OrganizationRequired.of(caller));
        return uses.stream().map(e -> new UsageRecord(e.id(), e.dt(), e.ownerOrganization(), e.consumerOrganization(), e.action(), e.occurredAt())).toList();
    }
}
