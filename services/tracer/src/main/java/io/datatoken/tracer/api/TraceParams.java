package io.datatoken.tracer.api;

import io.datatoken.support.web.ProblemException;
import io.datatoken.tracer.lineage.Direction;
import io.datatoken.tracer.lineage.LineageQueries;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/** The trace queries' parameters, refused as a 400 that names the value and its form. */
final class TraceParams {

    private TraceParams() {
    }

    /** down (the default) or up. */
    static Direction direction(String value) {
        if (value == null || value.isBlank()) {
            return Direction.DOWN;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "down" -> Direction.DOWN;
            case "up" -> Direction.UP;
            default -> throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-direction",
                    "direction '" + value + "' must be down or up");
        };
    }

    /** 1 to {@link LineageQueries#MAX_DEPTH}, {@link LineageQueries#DEFAULT_DEPTH} when absent. */
    static int depth(String value) {
        if (value == null || value.isBlank()) {
            return LineageQueries.DEFAULT_DEPTH;
        }
        try {
            int depth = Integer.parseInt(value.strip());
            if (depth >= 1 && depth <= LineageQueries.MAX_DEPTH) {
                return depth;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-depth",
                "depth '" + value + "' must be a whole number from 1 to " + LineageQueries.MAX_DEPTH);
    }
}
