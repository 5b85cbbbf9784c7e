package io.datatoken.compute.adapters;

import io.datatoken.compute.refusals.Refusal;
import io.datatoken.compute.refusals.TracerReports;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * Posts a signed refusal to the tracer's {@code /api/v1/refusals}. No bearer token: the tracer trusts
 * the signature and the chain, so a node holds no platform credential for it. Only the tracer's
 * verdicts on the refusal itself (400, 403, 409, 413, 422) end its reporting; any other answer (404
 * from a wrong URL or a tracer not yet deployed, 401, 408, 429, 5xx) or none is worth a later try.
 */
public final class HttpTracerReports implements TracerReports {

    private static final Set<Integer> VERDICTS = Set.of(400, 403, 409, 413, 422);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI refusals;
    private final Duration timeout;

    /** @param tracer the tracer service's base URL, e.g. {@code http://localhost:9080/tracer} */
    public HttpTracerReports(URI tracer, Duration timeout) {
        this.refusals = URI.create(tracer.toString().replaceAll("/+$", "") + "/api/v1/refusals");
        this.timeout = timeout;
    }

    @Override
    public boolean on() {
        return true;
    }

    @Override
    public void report(Refusal refusal, String signature) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("id", refusal.id().toString());
        if (refusal.job() != null) {
            body.add("job", refusal.job());
        }
        body.add("dt", refusal.dt());
        if (refusal.op() != null) {
            body.add("op", refusal.op());
        }
        body.add("code", refusal.code()).add("detail", refusal.detail())
                .add("refusedAt", refusal.refusedAt().toString()).add("signature", signature);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(refusals)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unreachable("cannot reach " + refusals + ": " + e.getClass().getSimpleName() + " "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted", e);
        }
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            return;
        }
        if (VERDICTS.contains(status)) {
            throw new Refused(status + " " + response.body());
        }
        throw new Unreachable(refusals + " answered " + status + ": " + response.body(), null);
    }
}
