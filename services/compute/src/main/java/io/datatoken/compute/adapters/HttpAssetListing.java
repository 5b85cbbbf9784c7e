package io.datatoken.compute.adapters;

import io.datatoken.compute.device.AssetListing;
import io.datatoken.domain.token.DataTokenId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@code POST <asset service>/v1/assets/{dt}/listing} with the end user's own bearer token. */
final class HttpAssetListing implements AssetListing {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI assetApi;
    private final Duration timeout;

    HttpAssetListing(URI assetApi, Duration timeout) {
        this.assetApi = assetApi;
        this.timeout = timeout;
    }

    @Override
    public void list(DataTokenId dt, String bearerToken) {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(assetApi.toString().replaceAll("/+$", "")
                            + "/v1/assets/" + dt.value() + "/listing"))
                    .timeout(timeout)
                    .header("Authorization", "Bearer " + bearerToken)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new NotListed("the asset service at " + assetApi + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotListed("interrupted while listing " + dt, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new NotListed("the asset service answered " + response.statusCode() + ": " + response.body(), null);
        }
    }
}
