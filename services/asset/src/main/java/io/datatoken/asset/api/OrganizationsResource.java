package io.datatoken.asset.api;

import io.datatoken.asset.onboarding.Onboarding;
import io.datatoken.asset.onboarding.OrganizationAdministration;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.LedgerOrganization;
import io.datatoken.domain.organization.NewMember;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/v1/organizations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class OrganizationsResource {

    @Inject
    Onboarding onboarding;

    @Inject
    OrganizationAdministration administration;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Onboard an organization: Keycloak organization and first members, chain account, chain registration")
    @APIResponse(responseCode = "201", description = "onboarded")
    @APIResponse(responseCode = "400", description = "a field is missing or malformed; nothing was created")
    @APIResponse(responseCode = "409", description = "the organization (or a member) exists already; nothing was created")
    @APIResponse(responseCode = "503", description = "Keycloak or the chain cannot be reached; nothing was created")
    public Response onboard(OnboardingRequest request) {
        if (request == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "missing-body",
                    "send the organization as JSON: alias, name, domain, roles, members");
        }
        var alias = OrganizationAlias.of(required("alias", request.alias()));
        var onboarded = onboarding.onboard(alias, required("name", request.name()), required("domain", request.domain()),
                roles("roles", request.roles()), members(request.members()));
        var view = new OrganizationView(onboarded.alias().value(), onboarded.name(), onboarded.domain(),
                names(onboarded.roles()), onboarded.account().value(), List.of(onboarded.account().value()), true,
                onboarded.members().stream().map(m -> new OrganizationView.Member(m.username(), names(m.roles()))).toList());
        return Response.created(uri.getAbsolutePathBuilder().path(alias.value()).build()).entity(view).build();
    }

    @POST
    @Path("/{alias}/registration")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Register on chain an organization that Keycloak has already (e.g. imported with the realm): "
            + "chain account and registration, members untouched")
    @APIResponse(responseCode = "201", description = "registered on chain")
    @APIResponse(responseCode = "200", description = "the same registration was done already; nothing changed")
    @APIResponse(responseCode = "400", description = "roles missing or unknown; nothing was created")
    @APIResponse(responseCode = "404", description = "Keycloak has no such organization")
    @APIResponse(responseCode = "409", description = "the organization is registered on chain already, otherwise")
    @APIResponse(responseCode = "503", description = "Keycloak or the chain cannot be reached")
    public Response adopt(@PathParam("alias") String alias, RegistrationRequest request) {
        if (request == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "missing-body",
                    "send the organization's platform roles as JSON, e.g. {\"roles\": [\"data-provider\"]}");
        }
        Onboarding.Onboarded adopted;
        try {
            adopted = onboarding.adopt(OrganizationAlias.of(alias), roles("roles", request.roles()));
        } catch (Onboarding.UnknownOrganization e) {
            throw new ProblemException(Response.Status.NOT_FOUND, "unknown-organization", e.getMessage());
        }
        var view = new OrganizationView(alias, adopted.name(), adopted.domain(), names(adopted.roles()),
                adopted.account().value(), List.of(adopted.account().value()), true, List.of());
        if (!adopted.created()) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getBaseUriBuilder().path(OrganizationsResource.class).path(alias).build())
                .entity(view).build();
    }

    /** The platform roles of an organization adopted from the identity provider. */
    public record RegistrationRequest(List<String> roles) {
    }

    @GET
    @RolesAllowed({"admin", "regulator"})
    @Operation(summary = "Every organization the chain records, suspended ones included, by alias")
    @APIResponse(responseCode = "200", description = "the organizations (an empty list if none)")
    @APIResponse(responseCode = "503", description = "the chain cannot be reached")
    public List<OrganizationView> list() {
        return administration.all().stream().map(this::view).toList();
    }

    @GET
    @Path("/{alias}")
    @RolesAllowed({"admin", "regulator"})
    @Operation(summary = "An onboarded organization as the chain records it")
    @APIResponse(responseCode = "404", description = "no such organization is onboarded (or it was removed)")
    public OrganizationView get(@PathParam("alias") String alias) {
        return view(administration(a -> a.find(OrganizationAlias.of(alias)).orElseThrow(
                () -> new OrganizationAdministration.NotOnboarded(OrganizationAlias.of(alias)))));
    }

    @POST
    @Path("/{alias}/accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "platform-service"})
    @Operation(summary = "Add an account that acts for the organization on chain (a key it keeps on its own compute "
            + "node, or a platform service's own custodial account for it); adding one it has changes nothing")
    @APIResponse(responseCode = "409", description = "the account acts for another organization or is an end user")
    public OrganizationView addAccount(@PathParam("alias") String alias, AccountRequest request) {
        if (request == null || request.address() == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "missing-body", "send {\"address\": \"0x…\"}");
        }
        ChainAddress account = ChainAddress.of(request.address());
        return view(administration(a -> a.addAccount(OrganizationAlias.of(alias), account)));
    }

    @DELETE
    @Path("/{alias}/accounts/{address}")
    @RolesAllowed("admin")
    @Operation(summary = "Stop an account acting for the organization (never the platform's own account for it)")
    @APIResponse(responseCode = "409", description = "the platform's own account, the last account, or not the organization's")
    public OrganizationView removeAccount(@PathParam("alias") String alias, @PathParam("address") String address) {
        ChainAddress account = ChainAddress.of(address);
        return view(administration(a -> a.removeAccount(OrganizationAlias.of(alias), account)));
    }

    @POST
    @Path("/{alias}/suspension")
    @RolesAllowed("admin")
    @Operation(summary = "Suspend the organization: it cannot register or authorize, and its assets stop "
            + "authorizing what composes them, until reinstated")
    public OrganizationView suspend(@PathParam("alias") String alias) {
        return view(administration(a -> a.suspend(OrganizationAlias.of(alias))));
    }

    @DELETE
    @Path("/{alias}/suspension")
    @RolesAllowed("admin")
    @Operation(summary = "Reinstate a suspended organization")
    public OrganizationView reinstate(@PathParam("alias") String alias) {
        return view(administration(a -> a.reinstate(OrganizationAlias.of(alias))));
    }

    @DELETE
    @Path("/{alias}")
    @RolesAllowed("admin")
    @Operation(summary = "Remove the organization from the chain for good: its accounts stop acting for it and its "
            + "alias can never be registered again (its Keycloak organization is left to the identity admins)")
    @APIResponse(responseCode = "204", description = "removed")
    @APIResponse(responseCode = "404", description = "no such organization is onboarded")
    public Response remove(@PathParam("alias") String alias) {
        administration(a -> {
            a.remove(OrganizationAlias.of(alias));
            return null;
        });
        return Response.noContent().build();
    }

    /** @param address the account (0x + 40 hex) */
    public record AccountRequest(String address) {
    }

    private <T> T administration(Function<OrganizationAdministration, T> action) {
        try {
            return action.apply(administration);
        } catch (OrganizationAdministration.NotOnboarded e) {
            throw new ProblemException(Response.Status.NOT_FOUND, "unknown-organization", e.getMessage());
        }
    }

    private OrganizationView view(LedgerOrganization organization) {
        return new OrganizationView(organization.alias().value(), null, null, names(organization.roles()),
                administration.custodialAccount(organization.alias()).map(ChainAddress::value).orElse(null),
                organization.accounts().stream().map(ChainAddress::value).toList(), organization.active(), List.of());
    }

    private static List<NewMember> members(List<OnboardingRequest.Member> members) {
        if (members == null) {
            return List.of();
        }
        return members.stream().map(m -> new NewMember(required("members[].username", m.username()),
                required("members[].email", m.email()), m.firstName(), m.lastName(),
                roles("members[].roles", m.roles()), m.initialPassword())).toList();
    }

    private static Set<PlatformRole> roles(String field, List<String> names) {
        Set<PlatformRole> roles = EnumSet.noneOf(PlatformRole.class);
        for (String name : names == null ? List.<String>of() : names) {
            roles.add(PlatformRole.fromRoleName(name).orElseThrow(() -> new IllegalArgumentException(
                    field + ": unknown role '" + name + "'; known: data-provider, compute-provider, "
                            + "algorithm-provider, data-user, regulator")));
        }
        return roles;
    }

    private static List<String> names(Set<PlatformRole> roles) {
        return roles.stream().map(PlatformRole::roleName).sorted().toList();
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return value.strip();
    }
}
