package io.datatoken.compute.api;

import io.datatoken.compute.device.AssetListing;
import io.datatoken.compute.device.EndUserAssets;
import io.datatoken.compute.device.EndUserConsents;
import io.datatoken.compute.runs.NodeAccount;
import io.datatoken.compute.runs.NodeParty;
import io.datatoken.domain.asset.DdoRejected;
import io.datatoken.domain.ledger.TransactionHash;
import io.datatoken.domain.organization.OrganizationLedger;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.verification.ChildVerdict;
import io.datatoken.domain.verification.Denial;
import io.datatoken.support.security.Caller;
import io.datatoken.support.web.Params;
import io.datatoken.support.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A device node's end user at their own node (decision 0021): who the node is, their data registered
 * as their own Data Token, their consent given or withdrawn — all signed with the user's key, which
 * never leaves this node. On an organization's node there is no device: 404. Refusals are
 * problem+json ({@link DeviceProblems}); a refusal by the terms carries the node's verdict.
 */
@Path("/v1/device")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class DeviceResource {

    /** A DDO is one content-store block at most. */
    private static final int MAX_DOCUMENT = 256 * 1024;

    @Inject
    Caller caller;

    @Inject
    NodeParty party;

    @Inject
    NodeAccount account;

    @Inject
    OrganizationLedger organizations;

    @Inject
    EndUserAssets assets;

    @Inject
    EndUserConsents consents;

    @Inject
    AssetListing listing;

    @Inject
    JsonWebToken jwt;

    @GET
    @RolesAllowed({"end-user", "data-provider", "compute-provider", "admin", "regulator"})
    @Operation(summary = "The end user this device node acts for, the chain account it signs with (the user's), and "
            + "whether the user's organization has registered that account as the user's")
    @APIResponse(responseCode = "200", description = "the device")
    @APIResponse(responseCode = "404", description = "this is an organization's node, not a device node")
    public DeviceView device() {
        requireDevice();
        boolean registered = organizations.findEndUser(account.address())
                .filter(u -> u.organization().equals(party.organization()) && u.id().equals(party.endUser().get()))
                .isPresent();
        return new DeviceView(party.organization().value(), party.endUser().get().value(), account.address().value(),
                registered);
    }

    @POST
    @Path("/assets")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("end-user")
    @Operation(summary = "Register the end user's data as a Data Token of their own: the body is its DDO (a DATA asset "
            + "of the user's organization without children), stored in the content store and registered on chain by the "
            + "user's account, then listed in the platform's catalog. The same document again answers with the "
            + "registration that stands (and lists it, if it was not).")
    @APIResponse(responseCode = "201", description = "registered")
    @APIResponse(responseCode = "200", description = "this document was registered already")
    @APIResponse(responseCode = "400", description = "invalid DDO, not a DATA leaf, an unknown op, or maxUses set")
    @APIResponse(responseCode = "403", description = "not this device's end user, or another organization named")
    @APIResponse(responseCode = "409", description = "the dt is taken, the user's account is not registered by the "
            + "organization yet, or the chain refused (organization inactive or no data provider)")
    public Response register(InputStream body) throws IOException {
        requireDeviceUser();
        byte[] document = body == null ? new byte[0] : body.readNBytes(MAX_DOCUMENT + 1);
        if (document.length > MAX_DOCUMENT) {
            throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "content-too-large",
                    "a DDO is at most " + MAX_DOCUMENT + " bytes");
        }
        EndUserAssets.Registration registration;
        try {
            registration = assets.register(document);
        } catch (DdoRejected rejected) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid-ddo", rejected.getMessage());
        }
        String notListed = null;
        try {
            listing.list(registration.dt(), jwt.getRawToken());
        } catch (AssetListing.NotListed e) {
            // registered all the same: the chain is the commit point; the catalog is a copy, listed again on a retry
            notListed = e.getMessage();
        }
        var view = new RegistrationView(registration.dt().value(), registration.cid().value(),
                registration.proof().value(), registration.tx().map(TransactionHash::value).orElse(null),
                notListed == null, notListed);
        return Response.status(registration.created() ? Response.Status.CREATED : Response.Status.OK).entity(view).build();
    }

    @POST
    @Path("/consents")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("end-user")
    @Operation(summary = "Consent to a composition's use of one of the end user's tokens: this node verifies the "
            + "composition against the token's terms itself (chain and content store only), then the user's account "
            + "grants it on chain, until expiresAt if given. A live consent already given stands.")
    @APIResponse(responseCode = "201", description = "consented on chain")
    @APIResponse(responseCode = "200", description = "this consent stands already; nothing was sent")
    @APIResponse(responseCode = "400", description = "a malformed dt or time, or the parent does not compose the token")
    @APIResponse(responseCode = "403", description = "not this device's end user, or not the user's token")
    @APIResponse(responseCode = "409", description = "the composition breaks the token's terms (the verdict says which "
            + "rule, the offending value and what is allowed), or the user's account is not registered yet")
    public Response consent(ConsentRequest request) {
        requireDeviceUser();
        if (request == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "missing-body",
                    "send {\"child\": \"0x… (your token)\", \"parent\": \"0x… (the composition)\", \"expiresAt\": \"…Z\" (optional)}");
        }
        DataTokenId child = Params.dataTokenId("child", request.child());
        DataTokenId parent = Params.dataTokenId("parent", request.parent());
        Optional<Instant> expiresAt = Optional.ofNullable(Params.instantOrNull("expiresAt", request.expiresAt()));
        if (expiresAt.filter(e -> !e.isAfter(Instant.now())).isPresent()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "expiry-in-past", "expiresAt " + expiresAt.get()
                    + " is not in the future");
        }
        EndUserConsents.Consent consent = consents.give(child, parent, expiresAt);
        var view = new ConsentView(consent.child().value(), consent.parent().value(),
                consent.expiresAt() == null ? null : consent.expiresAt().toString(),
                consent.tx().map(TransactionHash::value).orElse(null), VerdictView.of(consent.verdict()));
        return Response.status(consent.created() ? Response.Status.CREATED : Response.Status.OK).entity(view).build();
    }

    @DELETE
    @Path("/consents")
    @RolesAllowed("end-user")
    @Operation(summary = "Withdraw the end user's consent to a composition's use of their token, signed by their "
            + "account: every job over it stops being authorized. Never blocked, whatever the organization did.")
    @APIResponse(responseCode = "200", description = "withdrawn on chain")
    @APIResponse(responseCode = "404", description = "no live consent of that token to that composition")
    @APIResponse(responseCode = "403", description = "not this device's end user, or not the user's token")
    public WithdrawalView withdraw(@QueryParam("child") String child, @QueryParam("parent") String parent) {
        requireDeviceUser();
        DataTokenId token = Params.dataTokenId("child", child);
        DataTokenId composition = Params.dataTokenId("parent", parent);
        return new WithdrawalView(token.value(), composition.value(), consents.withdraw(token, composition).value());
    }

    private void requireDevice() {
        if (!party.isDevice()) {
            throw new ProblemException(Response.Status.NOT_FOUND, "not-a-device-node", "this node runs for " + party
                    + ", not for an end user; an end user's device node answers this");
        }
    }

    private void requireDeviceUser() {
        requireDevice();
        if (!party.actsFor(caller)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "not-your-device", "this device node acts for " + party
                    + "; you are " + caller.endUser().map(u -> "end user " + u).orElse("'" + caller.username() + "'"));
        }
    }

    /** @param registered whether the chain counts the account as this end user's (the organization registered it) */
    public record DeviceView(String organization, String endUser, String account, boolean registered) {
    }

    /**
     * @param listed    whether the platform's catalog lists it now (the organization finds it there)
     * @param notListed why not, if not: the token is registered all the same; registering again lists it
     */
    public record RegistrationView(String dt, String cid, String proof, String tx, boolean listed, String notListed) {
    }

    /** @param expiresAt ISO-8601 instant, optional: until withdrawn if absent */
    public record ConsentRequest(String child, String parent, String expiresAt) {
    }

    public record ConsentView(String child, String parent, String expiresAt, String tx, VerdictView verdict) {
    }

    public record WithdrawalView(String child, String parent, String tx) {
    }

    /** The node's own verdict on the composition's use of the token. */
    public record VerdictView(String child, String op, boolean passed, List<DenialView> denials) {

        static VerdictView of(ChildVerdict verdict) {
            return new VerdictView(verdict.childDt(), verdict.opHash(), verdict.passed(),
                    verdict.denials().stream().map(DenialView::of).toList());
        }
    }

    public record DenialView(String rule, String offending, String allowed, String reason) {

        static DenialView of(Denial denial) {
            return new DenialView(denial.rule().code(), denial.offending(), denial.allowed(), denial.reason());
        }
    }
}
