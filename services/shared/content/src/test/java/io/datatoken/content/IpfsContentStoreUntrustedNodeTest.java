package io.datatoken.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.content.ContentNotFound;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.content.ContentStoreUnavailable;
import io.datatoken.domain.content.ContentTampered;
import io.datatoken.domain.content.ContentTooLarge;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link IpfsContentStore} facing a node that lies, fails or hangs: a tiny fake kubo RPC server. */
class IpfsContentStoreUntrustedNodeTest {

    private static final byte[] CONTENT = "the real document".getBytes(StandardCharsets.UTF_8);
    private static final Cid CID = Cid.of(CONTENT);

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private HttpServer server;
    private IpfsContentStore store;

    @BeforeEach
    void startFakeNode() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.start();
        store = new IpfsContentStore(new IpfsSettings(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }

    @AfterEach
    void stopFakeNode() {
        release.countDown();
        store.close();
        server.stop(0);
        handlers.shutdownNow();
    }

    private void answer(String path, int status, byte[] body) {
        server.createContext(path, exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.getRequestBody().readAllBytes();
            respond(exchange, status, body);
        });
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void bytes_other_than_the_cid_names_are_tampering() {
        byte[] forged = "a forged document".getBytes(StandardCharsets.UTF_8);
        answer("/api/v0/block/get", 200, forged);

        assertThatThrownBy(() -> store.get(CID))
                .isInstanceOfSatisfying(ContentTampered.class, e -> {
                    assertThat(e.expected()).isEqualTo(CID);
                    assertThat(e.actual()).isEqualTo(Cid.of(forged).value());
                });
        assertThat(requests).containsExactly("POST /api/v0/block/get?arg=" + CID);
    }

    @Test
    void a_block_larger_than_any_document_is_tampering() {
        answer("/api/v0/block/get", 200, new byte[ContentStore.MAX_CONTENT_BYTES + 10]);
        assertThatThrownBy(() -> store.get(CID)).isInstanceOf(ContentTampered.class);
    }

    @Test
    void the_right_bytes_are_returned() {
        answer("/api/v0/block/get", 200, CONTENT);
        assertThat(store.get(CID)).isEqualTo(CONTENT);
    }

    @Test
    void a_put_answered_with_another_cid_is_tampering() {
        String other = Cid.of(json("something else")).value();
        answer("/api/v0/block/put", 200, json("{\"Key\":\"" + other + "\",\"Size\":17}"));

        assertThatThrownBy(() -> store.put(CONTENT))
                .isInstanceOfSatisfying(ContentTampered.class, e -> {
                    assertThat(e.expected()).isEqualTo(CID);
                    assertThat(e.actual()).isEqualTo(other);
                });
    }

    @Test
    void a_put_answered_with_a_cidv0_is_tampering_too() {
        answer("/api/v0/block/put", 200, json("{\"Key\":\"Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD\",\"Size\":11}"));
        assertThatThrownBy(() -> store.put(CONTENT)).isInstanceOf(ContentTampered.class);
    }

    @Test
    void put_sends_one_raw_sha256_block_and_pins_it() {
        answer("/api/v0/block/put", 200, json("{\"Key\":\"" + CID + "\",\"Size\":17}"));
        assertThat(store.put(CONTENT)).isEqualTo(CID);
        assertThat(requests).containsExactly("POST /api/v0/block/put?cid-codec=raw&mhtype=sha2-256&pin=true");
    }

    @Test
    void too_large_content_is_refused_before_anything_is_sent() {
        answer("/api/v0/block/put", 200, json("{}"));
        assertThatThrownBy(() -> store.put(new byte[ContentStore.MAX_CONTENT_BYTES + 1])).isInstanceOf(ContentTooLarge.class);
        assertThat(requests).isEmpty();
    }

    @Test
    void a_kubo_not_found_error_means_not_found() {
        byte[] error = json("{\"Message\":\"block was not found locally (offline): ipld: could not find " + CID + "\",\"Code\":0,\"Type\":\"error\"}");
        answer("/api/v0/block/get", 500, error);
        answer("/api/v0/block/stat", 500, error);

        assertThatThrownBy(() -> store.get(CID)).isInstanceOf(ContentNotFound.class);
        assertThat(store.contains(CID)).isFalse();
    }

    @Test
    void other_node_errors_are_unavailability_not_absence() {
        byte[] error = json("{\"Message\":\"datastore closed\",\"Code\":0,\"Type\":\"error\"}");
        answer("/api/v0/block/get", 500, error);
        answer("/api/v0/block/stat", 500, error);

        assertThatThrownBy(() -> store.get(CID)).isInstanceOf(ContentStoreUnavailable.class).hasMessageContaining("datastore closed");
        assertThatThrownBy(() -> store.contains(CID)).isInstanceOf(ContentStoreUnavailable.class);
    }

    @Test
    void a_node_that_does_not_answer_in_time_is_unavailable() {
        server.createContext("/api/v0/block/get", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, CONTENT);
        });

        assertThatThrownBy(() -> store.get(CID)).isInstanceOf(ContentStoreUnavailable.class);
    }

    @Test
    void an_unreachable_node_is_unavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (IpfsContentStore unreachable = new IpfsContentStore(IpfsSettings.of(URI.create("http://127.0.0.1:" + closedPort)))) {
            assertThatThrownBy(() -> unreachable.contains(CID)).isInstanceOf(ContentStoreUnavailable.class);
        }
    }
}
