package io.datatoken.tracer.audit;

import java.util.Optional;
import java.util.regex.Pattern;

/** Where a page ended: the block and log index of its last (oldest) event; as text "block-logIndex". */
public record AuditCursor(long block, int logIndex) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,18})-(\\d{1,9})");

    public static Optional<AuditCursor> parse(String text) {
        var match = TEXT.matcher(text.strip());
        return match.matches()
                ? Optional.of(new AuditCursor(Long.parseLong(match.group(1)), Integer.parseInt(match.group(2))))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return block + "-" + logIndex;
    }
}
