package io.datatoken.asset.api;

import io.datatoken.asset.endusers.EndUserRegistry;
import io.datatoken.asset.onboarding.OrganizationAdministration;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.LedgerRefusal;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.support.security.Caller;
import io.datatoken.support.security.OrganizationRequired;
import io.datatoken.support.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * An organization's register of its own end users on chain (scenario S2: a device vendor's users),
 * signed by the account the platform keeps for the organization. Only the organization's data
 * providers change it: the end users are the vendor's, not the platform operator's, so the admin
 * may read the register but not write it; a regulator reads every organization's.
 */
@Path("/v1/organizations/{org}/end-users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class EndUsersResource {

    @Inject
    Caller caller;

    @Inject
    EndUserRegistry registry;

    @Context
    UriInfo uri;

    @GET
    @RolesAllowed({"admin", "data-provider", "compute-provider", "algorithm-provider", "data-user", "regulator"})
    @Operation(summary = "The organization's end users as the chain holds them, by id: for its members, "
            + "a regulator or an admin")
    @APIResponse(responseCode = "200", description = "the end users (an empty list if none)")
    @APIResponse(responseCode = "400", description = "the organization alias is malformed")
    @APIResponse(responseCode = "403", description = "the caller is a member of another organization (not-yours)")
    @APIResponse(responseCode = "404", description = "no such organization is onboarded")
    @APIResponse(responseCode = "503", description = "the chain cannot be reached")
    public List<EndUserView> list(@PathParam("org") String org) {
        OrganizationAlias organization = alias(org);
        if (!caller.has(PlatformRole.REGULATOR) && !caller.has(PlatformRole.ADMIN)) {
            requireMember(organization, "read");
        }
        return onChain(() -> registry.of(organization)).stream().map(EndUserView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("data-provider")
    @Operation(summary = "Register an end user of the organization on chain, signed by the organization's "
            + "account (data providers of the organization only); registering the very same end user again "
            + "changes nothing")
    @APIResponse(responseCode = "201", description = "registered")
    @APIResponse(responseCode = "200", description = "this end user, with this account, was registered already")
    @APIResponse(responseCode = "400", description = "body missing, user id or account missing or malformed")
    @APIResponse(responseCode = "403", description = "the caller is not a data provider of this organization")
    @APIResponse(responseCode = "404", description = "no such organization is onboarded")
    @APIResponse(responseCode = "409", description = "the id is taken in the organization (end-user-exists), the "
            + "account is an end user already (account-is-end-user) or an organization's account (account-taken), "
            + "or the organization is suspended (organization-inactive); nothing was registered")
    @APIResponse(responseCode = "503", description = "the chain cannot be reached; nothing was registered")
    public Response register(@PathParam("org") String org, EndUserRequest request) {
        OrganizationAlias organization = alias(org);
        requireProvider(organization);
        if (request == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "missing-body",
                    "send the end user as JSON, e.g. {\"userId\": \"u-0042\", \"account\": \"0x…\"}");
        }
        EndUserId id = userId(request.userId());
        ChainAddress account = account(request.account());
        EndUserRegistry.Registered registered = onChain(() -> registry.register(organization, id, account), organization,
                id, account);
        EndUserView view = EndUserView.of(registered.endUser());
        if (!registered.created()) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(view.userId()).build()).entity(view).build();
    }

    @DELETE
    @Path("/{userId}")
    @RolesAllowed("data-provider")
    @Operation(summary = "Remove an end user of the organization from the chain, signed by the organization's "
            + "account (data providers of the organization only); its id and account are free again")
    @APIResponse(responseCode = "204", description = "removed")
    @APIResponse(responseCode = "400", description = "the user id is malformed")
    @APIResponse(responseCode = "403", description = "the caller is not a data provider of this organization")
    @APIResponse(responseCode = "404", description = "no such organization, or it has no such end user")
    @APIResponse(responseCode = "409", description = "the organization is suspended (organization-inactive)")
    @APIResponse(responseCode = "503", description = "the chain cannot be reached; nothing was removed")
    public Response remove(@PathParam("org") String org, @PathParam("userId") String userId) {
        OrganizationAlias organization = alias(org);
        requireProvider(organization);
        EndUserId id = userId(userId);
        onChain(() -> {
            registry.remove(organization, id);
            return null;
        }, organization, id, null);
        return Response.noContent().build();
    }

    /** @param userId the end user's id within the organization; @param account its chain account (0x + 40 hex) */
    public record EndUserRequest(String userId, String account) {
    }

    private void requireProvider(OrganizationAlias organization) {
        // Also checked here, not only by @RolesAllowed: the admin is the operator, not the vendor.
        if (!caller.has(PlatformRole.DATA_PROVIDER)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "data-provider-required", "user '"
                    + caller.username() + "' may read the end users of '" + organization + "' but not change them: "
                    + "only the organization's data providers register or remove its end users");
        }
        requireMember(organization, "change");
    }

    private void requireMember(OrganizationAlias organization, String what) {
        OrganizationAlias own = OrganizationRequired.of(caller);
        if (!own.equals(organization)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "not-yours", "organization '" + own + "' may "
                    + what + " its own end users only, not those of '" + organization + "'");
        }
    }

    private static <T> T onChain(Supplier<T> action) {
        try {
            return action.get();
        } catch (OrganizationAdministration.NotOnboarded e) {
            throw new ProblemException(Response.Status.NOT_FOUND, "unknown-organization", e.getMessage());
        }
    }

    /** The chain's refusals as what the vendor can do about them; others reach DomainProblems (409). */
    private static <T> T onChain(Supplier<T> action, OrganizationAlias organization, EndUserId id,
                                 ChainAddress account) {
        try {
            return onChain(action);
        } catch (LedgerRefusal e) {
            throw switch (e.reason()) {
                case "EndUserExists" -> new ProblemException(Response.Status.CONFLICT, "end-user-exists",
                        "organization '" + organization + "' already has an end user '" + id + "': choose another "
                                + "id, or remove that end user first if it is the same person with a new account");
                case "AccountIsEndUser" -> new ProblemException(Response.Status.CONFLICT, "account-is-end-user",
                        e.getMessage() + ": an account is the end user of one organization only, under one id; "
                                + "register the person's own account, or remove the end user holding it first");
                case "AccountTaken" -> new ProblemException(Response.Status.CONFLICT, "account-taken", "account "
                        + account + " acts for an organization on chain, so it cannot be an end user: register "
                        + "the end user's own account");
                case "OrganizationInactive" -> new ProblemException(Response.Status.CONFLICT, "organization-inactive",
                        "organization '" + organization + "' is suspended: its end users stay but cannot change "
                                + "until an admin reinstates it");
                case "UnknownEndUser" -> new ProblemException(Response.Status.NOT_FOUND, "unknown-end-user",
                        "organization '" + organization + "' has no end user '" + id + "'");
                case "ZeroAddress" -> new ProblemException(Response.Status.BAD_REQUEST, "malformed-account",
                        "the zero address cannot be an end user's account");
                default -> e;
            };
        }
    }

    private static OrganizationAlias alias(String org) {
        try {
            return OrganizationAlias.of(org);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-org", "organization '" + org
                    + "' is not an organization alias: " + e.getMessage());
        }
    }

    private static EndUserId userId(String value) {
        if (value == null || value.isBlank()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "missing-user-id",
                    "'userId' is required: the end user's id within the organization, e.g. u-0042");
        }
        try {
            return EndUserId.of(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-user-id", e.getMessage());
        }
    }

    private static ChainAddress account(String value) {
        if (value == null || value.isBlank()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "missing-account",
                    "'account' is required: the end user's chain account, 0x followed by 40 hex digits");
        }
        try {
            return ChainAddress.of(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-account", "account: " + e.getMessage());
        }
    }
}
