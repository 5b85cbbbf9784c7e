package io.datatoken.portal.services;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Query parameters of a call; absent and blank values are left out. */
public final class Query {

    private final Map<String, String> parameters = new LinkedHashMap<>();

    private Query() {
    }

    public static Query none() {
        return new Query();
    }

    public static Query of(String name, Object value) {
        return new Query().and(name, value);
    }

    public Query and(String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            parameters.put(name, value.toString().strip());
        }
        return this;
    }

    /** {@code ?a=1&b=x} (encoded), or nothing. */
    String encoded() {
        if (parameters.isEmpty()) {
            return "";
        }
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }

    @Override
    public String toString() {
        return encoded();
    }
}
