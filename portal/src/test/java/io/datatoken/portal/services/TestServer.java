package io.datatoken.portal.services;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.datatoken.portal.security.AccessTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** A local HTTP server that answers with queued responses and records what it was asked. */
final class TestServer implements AutoCloseable {

    record Reply(int status, String contentType, String body, Map<String, String> headers) {
    }

    record Asked(String method, String uri, String authorization, String accept, String body) {
    }

    private final HttpServer server;
    private final Deque<Reply> replies = new ArrayDeque<>();
    final List<Asked> asked = new ArrayList<>();

    TestServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    /** A client of this server whose user's token is always {@code token} (no refresh to test). */
    ServicesClient client(String token) {
        return new ServicesClient(url(), new AccessTokens() {
            @Override
            public String current() {
                return token;
            }

            @Override
            public String renewed() {
                return token;
            }
        });
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    TestServer reply(int status, String contentType, String body) {
        return reply(status, contentType, body, Map.of());
    }

    TestServer reply(int status, String contentType, String body, Map<String, String> headers) {
        replies.add(new Reply(status, contentType, body, headers));
        return this;
    }

    private synchronized void answer(HttpExchange exchange) throws IOException {
        asked.add(new Asked(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Accept"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Reply reply = replies.isEmpty() ? new Reply(500, "text/plain", "no reply queued", Map.of()) : replies.poll();
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach(exchange.getResponseHeaders()::add);
        if (reply.contentType() != null) {
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
        }
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
