package io.datatoken.compute.adapters;

import io.datatoken.compute.runs.PeerNodes;
import io.datatoken.compute.runs.Transfer;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts a transfer to a peer node's {@code /v1/transfers}. No bearer token: the peer trusts the
 * transfer's signature and the chain, not the caller, so nodes of different organizations need no
 * shared client.
 */
final class HttpPeerNodes implements PeerNodes {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration timeout;

    HttpPeerNodes(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void send(URI node, Transfer transfer) {
        var message = Json.createObjectBuilder()
                .add("job", transfer.job().value())
                .add("from", transfer.from().value())
                .add("to", transfer.to().value())
                .add("kind", transfer.kind().name())
                .add("payload", transfer.payload())
                .add("signature", transfer.signature());
        if (transfer.round() != 0) {
            message.add("round", transfer.round());
        }
        String body = message.build().toString();
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(node + "/v1/transfers"))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PeerUnreachable(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnreachable("interrupted", e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        if (status / 100 == 4 && status != 408 && status != 429) {
            throw new PeerRefused(status + " " + response.body());
        }
        throw new PeerUnreachable("answered " + status + ": " + response.body(), null);
    }
}
