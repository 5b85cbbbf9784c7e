package io.datatoken.content;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the IPFS node's kubo RPC API listens and how long to wait for it.
 *
 * @param apiUrl         base URL of the RPC API, e.g. {@code http://127.0.0.1:5001} ({@code /api/v0/…} is appended)
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long one call may take end to end; on kubo online a missing CID is
 *                       searched in the network until this expires
 */
public record IpfsSettings(URI apiUrl, Duration connectTimeout, Duration requestTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);

    public IpfsSettings {
        Objects.requireNonNull(apiUrl, "IPFS API URL");
        Objects.requireNonNull(connectTimeout, "connect timeout");
        Objects.requireNonNull(requestTimeout, "request timeout");
        if (!"http".equals(apiUrl.getScheme()) && !"https".equals(apiUrl.getScheme())) {
            throw new IllegalArgumentException("IPFS API URL must be http(s), got '" + apiUrl + "'");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("IPFS timeouts must be positive");
        }
        String text = apiUrl.toString();
        apiUrl = text.endsWith("/") ? apiUrl : URI.create(text + "/");
    }

    /** Settings for this API URL with the default timeouts. */
    public static IpfsSettings of(URI apiUrl) {
        return new IpfsSettings(apiUrl, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    URI endpoint(String command, String query) {
        return apiUrl.resolve("api/v0/" + command + (query.isEmpty() ? "" : "?" + query));
    }
}
