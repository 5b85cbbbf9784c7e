package io.datatoken.portal.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An end user's own device node (decision 0021), where they alone consent to a composition's use of
 * their token or withdraw it, signed with their key ({@code <device>/v1/device/consents}). The device
 * is the first endpoint of the token's DDO, which the user registered there themselves; the user's
 * access token goes to it for the user's own tokens only (the caller passes one of
 * {@link TracerClient#myTokens()}).
 */
@ApplicationScoped
public class DeviceClient {

    /** How problems name the device: it is a compute node. */
    static final String SERVICE = "compute";

    private ServicesClient client;
    private AssetClient assets;

    /** For CDI proxies only. */
    protected DeviceClient() {
    }

    @Inject
    public DeviceClient(ServicesClient client, AssetClient assets) {
        this.client = client;
        this.assets = assets;
    }

    /** The device node of the user's token: the first http(s) endpoint its DDO names, if any. */
    public Optional<URI> deviceOf(String dt) {
        return ResultClient.nodeOf(assets.ddo(dt).document());
    }

    /**
     * Consents to the composition's use of the token, until {@code until} or, without it, until withdrawn:
     * the device verifies the composition against the token's terms itself, then grants on chain
     * ({@code tx}; none when a live consent with that expiry stood already). A composition that breaks the
     * terms is refused ({@code 409 terms-not-met}), its verdict read by {@link #verdictOf}.
     */
    public Consent consent(URI device, String child, String parent, Optional<Instant> until) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("child", child);
        body.put("parent", parent);
        until.ifPresent(end -> body.put("expiresAt", end.toString()));
        return client.postAt(at(device, ""), SERVICE, body, Consent.class);
    }

    /** Withdraws the live consent on chain ({@code 404 no-consent} when there is none). */
    public Withdrawal withdraw(URI device, String child, String parent) {
        return client.deleteAt(at(device, "?child=" + AssetClient.segment(child) + "&parent="
                + AssetClient.segment(parent)), SERVICE, Withdrawal.class);
    }

    /** The device's verdict a refusal by the terms carries ({@code verdict} of a {@code terms-not-met}), if any. */
    public static Optional<Verdict> verdictOf(BackendProblem problem) {
        JsonNode verdict = problem.report().path("verdict");
        if (!verdict.isObject()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ServicesClient.JSON.treeToValue(verdict, Verdict.class));
        } catch (JsonProcessingException unreadable) {
            return Optional.empty();
        }
    }

    private static URI at(URI device, String query) {
        return URI.create(device.toString().replaceAll("/+$", "") + "/v1/device/consents" + query);
    }

    /**
     * A consent as the device answered it.
     *
     * @param expiresAt ISO-8601 instant, null for until withdrawn
     * @param tx        the grant's transaction, null when the consent stood already
     */
    public record Consent(String child, String parent, String expiresAt, String tx, Verdict verdict) {
    }

    /** A withdrawal as the device answered it, with its transaction. */
    public record Withdrawal(String child, String parent, String tx) {
    }

    /** The device's own verdict on the composition's use of the token: each rule of the terms it breaks. */
    public record Verdict(String child, String op, boolean passed, List<VerificationReport.Denial> denials) {

        public Verdict {
            denials = denials == null ? List.of() : List.copyOf(denials);
        }
    }
}
