package io.datatoken.asset.api;

import io.datatoken.asset.onboarding.Onboarding;
import io.datatoken.domain.organization.NewMember;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.support.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
                names(onboarded.roles()), onboarded.account().value(), true,
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
                adopted.account().value(), true, List.of());
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
    @Path("/{alias}")
    @RolesAllowed({"admin", "regulator"})
    @Operation(summary = "An onboarded organization as the chain records it")
    public OrganizationView get(@PathParam("alias") String alias) {
        var organization = onboarding.find(OrganizationAlias.of(alias)).orElseThrow(() -> new ProblemException(
                Response.Status.NOT_FOUND, "unknown-organization", "no organization '" + alias + "' is onboarded"));
        return new OrganizationView(alias, null, null, names(organization.roles()),
                organization.accounts().isEmpty() ? null : organization.accounts().get(0).value(),
                organization.active(), List.of());
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
