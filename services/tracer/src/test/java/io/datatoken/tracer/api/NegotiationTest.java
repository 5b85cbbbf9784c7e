package io.datatoken.tracer.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON unless the caller asks for CSV by name. */
class NegotiationTest {

    private static final MediaType ANY = new MediaType("*", "*");
    private static final MediaType TEXT_ANY = new MediaType("text", "*");

    @Test
    void no_accept_header_or_wildcards_mean_json() {
        assertThat(Negotiation.wantsCsv(accepting(ANY))).isFalse();
        assertThat(Negotiation.wantsCsv(accepting(TEXT_ANY))).isFalse();
    }

    @Test
    void text_csv_by_name_means_csv_unless_json_comes_first() {
        assertThat(Negotiation.wantsCsv(accepting(Negotiation.CSV))).isTrue();
        assertThat(Negotiation.wantsCsv(accepting(Negotiation.CSV, ANY))).isTrue();
        assertThat(Negotiation.wantsCsv(accepting(MediaType.APPLICATION_JSON_TYPE, Negotiation.CSV))).isFalse();
    }

    /** Headers whose acceptable types are these, in this order (as JAX-RS sorts them by quality). */
    private static HttpHeaders accepting(MediaType... types) {
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(), new Class<?>[] {HttpHeaders.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getAcceptableMediaTypes")) {
                        return List.of(types);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
