package io.datatoken.portal.services;

import java.util.List;

/** Refusals newest first; {@code next} is the {@code before} of the following page, null on the last. */
public record RefusalPage(List<Refusal> entries, String next) {

    public RefusalPage {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
