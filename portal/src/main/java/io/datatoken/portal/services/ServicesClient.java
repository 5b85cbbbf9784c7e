package io.datatoken.portal.services;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.datatoken.portal.security.AccessTokens;
import io.datatoken.portal.security.SignInExpiredException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The portal's only way to the platform's services: their HTTP APIs, called with the signed-in
 * user's access token, so each service applies its own rules to the person. JSON in and out
 * (Jackson); a refused call becomes a {@link BackendProblem} carrying the service's problem
 * report. An expired access token is refreshed before the call; a 401 is retried once with a
 * renewed one. Calls block the calling thread (a UI request), bounded by {@link #REQUEST_TIMEOUT}.
 *
 * <p>The small clients per service ({@link AssetClient}, {@link JobClient}, {@link TracerClient})
 * name the endpoints; add methods there, or a client for another service, rather than calling
 * this class from views.
 */
@ApplicationScoped
public class ServicesClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(ServicesClient.class.getName());

    /** Shared by the per-service clients: unknown members are ignored, instants read as ISO-8601. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private URI baseUrl;
    private AccessTokens tokens;
    private HttpClient http;

    /** For CDI proxies only. */
    protected ServicesClient() {
    }

    @Inject
    public ServicesClient(ServicesSettings settings, AccessTokens tokens) {
        this(settings.baseUrl(), tokens);
    }

    ServicesClient(URI baseUrl, AccessTokens tokens) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** An answer's body with its headers (e.g. the DDO's CID and proof). */
    public record Answer<T>(T body, HttpHeaders headers) {
    }

    public <T> T get(String path, Query query, Class<T> type) {
        return this.<T>send("GET", path, query, null, JSON.constructType(type)).body();
    }

    public <T> T get(String path, Query query, TypeReference<T> type) {
        return this.<T>send("GET", path, query, null, JSON.getTypeFactory().constructType(type)).body();
    }

    /** A representation other than JSON (e.g. {@code text/csv} for an export), as text. */
    public String getText(String path, Query query, String mediaType) {
        return this.<String>send("GET", path, query, null, JSON.constructType(String.class), mediaType).body();
    }

    public <T> Answer<T> getWithHeaders(String path, Query query, Class<T> type) {
        return this.<T>send("GET", path, query, null, JSON.constructType(type));
    }

    /** @param body a record, a {@link JsonNode} or JSON text; {@code null} sends none */
    public <T> T post(String path, Object body, Class<T> type) {
        return this.<T>send("POST", path, Query.none(), body, JSON.constructType(type)).body();
    }

    /** Raw bytes as the body (an op's code package), sent as {@code mediaType} rather than JSON. */
    public <T> T postBytes(String path, Query query, byte[] body, String mediaType, Class<T> type) {
        return this.<T>send(serviceOf(path), "POST", URI.create(baseUrl + path + query.encoded()),
                new RawBody(body, mediaType), JSON.constructType(type), "application/json").body();
    }

    /** A body sent as it is, with its own content type. */
    private record RawBody(byte[] bytes, String mediaType) {
    }

    public <T> T put(String path, Object body, Class<T> type) {
        return this.<T>send("PUT", path, Query.none(), body, JSON.constructType(type)).body();
    }

    public void delete(String path) {
        send("DELETE", path, Query.none(), null, JSON.constructType(Void.class));
    }

    /** A DELETE that answers a representation (e.g. the reinstated organization). */
    public <T> T delete(String path, Class<T> type) {
        return this.<T>send("DELETE", path, Query.none(), null, JSON.constructType(type)).body();
    }

    /**
     * A GET of a URL outside the services' base URL with the user's token: a compute node's API, at
     * the endpoint an asset of the user's own organization names (see {@link ResultClient}).
     *
     * @param service how problems name the callee ({@code compute})
     */
    public <T> T getAt(URI url, String service, Class<T> type) {
        return this.<T>send(service, "GET", url, null, JSON.constructType(type), "application/json").body();
    }

    /** A POST of a JSON body to a URL outside the services' base URL with the user's token: as {@link #getAt}. */
    public <T> T postAt(URI url, String service, Object body, Class<T> type) {
        return this.<T>send(service, "POST", url, body, JSON.constructType(type), "application/json").body();
    }

    /** A DELETE of a URL outside the services' base URL with the user's token: as {@link #getAt}. */
    public <T> T deleteAt(URI url, String service, Class<T> type) {
        return this.<T>send(service, "DELETE", url, null, JSON.constructType(type), "application/json").body();
    }

    /**
     * @param path absolute path below the base URL, starting with the service's context root,
     *             e.g. {@code /asset/api/v1/assets}
     */
    <T> Answer<T> send(String method, String path, Query query, Object body, JavaType type) {
        return send(method, path, query, body, type, "application/json");
    }

    private <T> Answer<T> send(String method, String path, Query query, Object body, JavaType type, String accept) {
        return send(serviceOf(path), method, URI.create(baseUrl + path + query.encoded()), body, type, accept);
    }

    private <T> Answer<T> send(String service, String method, URI url, Object body, JavaType type, String accept) {
        byte[] json = body == null ? null : body instanceof RawBody raw ? raw.bytes() : serialized(body);
        String contentType = body instanceof RawBody raw ? raw.mediaType() : "application/json";
        try {
            HttpResponse<byte[]> response = http.send(request(method, url, json, contentType, tokens.current(), accept),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 401) {
                response = http.send(request(method, url, json, contentType, tokens.renewed(), accept),
                        HttpResponse.BodyHandlers.ofByteArray());
            }
            return answer(service, response, type);
        } catch (SignInExpiredException e) {
            throw BackendProblem.signInExpired(service, e);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "{0} {1} failed: {2}", new Object[] {method, url, e.toString()});
            throw BackendProblem.unreachable(service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BackendProblem.unreachable(service, e);
        }
    }

    private static HttpRequest request(String method, URI url, byte[] json, String contentType, String accessToken,
                                       String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
                .header("Accept", accept + ", application/problem+json")
                .header("Authorization", "Bearer " + accessToken);
        if (json == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return request.header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(json)).build();
    }

    private static <T> Answer<T> answer(String service, HttpResponse<byte[]> response, JavaType type) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return new Answer<>(parsed(response.body(), type), response.headers());
            } catch (IOException e) {
                throw BackendProblem.unexpectedAnswer(service, status, e);
            }
        }
        throw problemOf(service, response);
    }

    @SuppressWarnings("unchecked")
    private static <T> T parsed(byte[] body, JavaType type) throws IOException {
        if (type.hasRawClass(Void.class) || body.length == 0) {
            return null;
        }
        if (type.hasRawClass(String.class)) {
            return (T) new String(body, StandardCharsets.UTF_8);
        }
        return JSON.readValue(body, type);
    }

    private static BackendProblem problemOf(String service, HttpResponse<byte[]> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (contentType.contains("json")) {
            try {
                JsonNode report = JSON.readTree(response.body());
                if (report != null && report.isObject()) {
                    return BackendProblem.refused(service, response.statusCode(), report);
                }
            } catch (IOException e) {
                return BackendProblem.unexpectedAnswer(service, response.statusCode(), e);
            }
        }
        return BackendProblem.unexpectedAnswer(service, response.statusCode(), null);
    }

    private static byte[] serialized(Object body) {
        try {
            return body instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** {@code /asset/api/v1/…} → {@code asset}. */
    static String serviceOf(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a path below the services' base URL starts with '/': " + path);
        }
        int end = path.indexOf('/', 1);
        return end < 0 ? path.substring(1) : path.substring(1, end);
    }
}
