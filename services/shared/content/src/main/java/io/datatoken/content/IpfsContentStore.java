package io.datatoken.content;

import io.datatoken.domain.content.Cid;
import io.datatoken.domain.content.ContentNotFound;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.content.ContentStoreUnavailable;
import io.datatoken.domain.content.ContentTampered;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * {@link ContentStore} on an IPFS node through the kubo RPC API (kubo in production, the Helia
 * based dev/ipfs-node locally). Each document is one raw block ({@code block/put}), so its CID
 * is a hash of its bytes: the node is untrusted, the CID it answers on put and every byte it
 * returns are checked against a CID computed here.
 */
public final class IpfsContentStore implements ContentStore, AutoCloseable {

    private final IpfsSettings settings;
    private final HttpClient http;

    public IpfsContentStore(IpfsSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    @Override
    public Cid put(byte[] content) {
        ContentStore.requireWithinLimit(content);
        Cid expected = Cid.of(content);
        String boundary = "datatoken-" + UUID.randomUUID();
        HttpResponse<InputStream> response = call("block/put", "cid-codec=raw&mhtype=sha2-256&pin=true",
                HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, content)),
                "multipart/form-data; boundary=" + boundary);
        String body = text(response, expected);
        if (response.statusCode() != 200) {
            throw failure("block/put", response.statusCode(), body);
        }
        String answered = KuboJson.string(body, "Key")
                .orElseThrow(() -> new ContentStoreUnavailable("IPFS block/put answered no Key: " + body));
        if (!answered.equals(expected.value())) {
            throw new ContentTampered(expected, answered);
        }
        return expected;
    }

    @Override
    public byte[] get(Cid cid) {
        HttpResponse<InputStream> response = call("block/get", "arg=" + cid, HttpRequest.BodyPublishers.noBody(), null);
        if (response.statusCode() != 200) {
            String body = text(response, cid);
            if (isNotFound(body)) {
                throw new ContentNotFound(cid);
            }
            throw failure("block/get", response.statusCode(), body);
        }
        byte[] content = bounded(response, cid);
        Cid actual = Cid.of(content);
        if (!actual.equals(cid)) {
            throw new ContentTampered(cid, actual.value());
        }
        return content;
    }

    @Override
    public boolean contains(Cid cid) {
        HttpResponse<InputStream> response = call("block/stat", "arg=" + cid, HttpRequest.BodyPublishers.noBody(), null);
        String body = text(response, cid);
        if (response.statusCode() == 200) {
            return true;
        }
        if (isNotFound(body)) {
            return false;
        }
        throw failure("block/stat", response.statusCode(), body);
    }

    @Override
    public void close() {
        http.close();
    }

    private HttpResponse<InputStream> call(String command, String query, HttpRequest.BodyPublisher body, String contentType) {
        URI uri = settings.endpoint(command, query);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .POST(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ContentStoreUnavailable("IPFS " + command + " at " + settings.apiUrl() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContentStoreUnavailable("interrupted while calling IPFS " + command, e);
        }
    }

    /**
     * Reads a block, at most one byte over the limit: a node could stream without end, and no
     * block this store wrote can be larger, so more than that is already tampering.
     */
    private static byte[] bounded(HttpResponse<InputStream> response, Cid cid) {
        try (InputStream in = response.body()) {
            byte[] content = in.readNBytes(MAX_CONTENT_BYTES + 1);
            if (content.length > MAX_CONTENT_BYTES) {
                throw new ContentTampered(cid, "a block larger than " + MAX_CONTENT_BYTES + " bytes");
            }
            return content;
        } catch (IOException e) {
            throw new ContentStoreUnavailable("reading " + cid + " from IPFS failed: " + e, e);
        }
    }

    /** Small text answers (JSON, errors); bounded for the same reason as blocks. */
    private static String text(HttpResponse<InputStream> response, Cid cid) {
        try (InputStream in = response.body()) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ContentStoreUnavailable("reading the IPFS answer for " + cid + " failed: " + e, e);
        }
    }

    /** kubo: "block was not found locally (offline): ipld: could not find …"; Helia alike. */
    private static boolean isNotFound(String body) {
        String message = KuboJson.string(body, "Message").orElse("").toLowerCase(Locale.ROOT);
        return message.contains("not found") || message.contains("could not find");
    }

    private static ContentStoreUnavailable failure(String command, int status, String body) {
        String message = KuboJson.string(body, "Message").orElse(body.strip());
        return new ContentStoreUnavailable("IPFS " + command + " answered HTTP " + status + ": " + message);
    }

    private static byte[] multipart(String boundary, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 256);
        out.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"content\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
