package io.datatoken.tracer.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Which representation a request asks for where JSON is the default and CSV an export. */
final class Negotiation {

    static final MediaType CSV = new MediaType("text", "csv");

    private Negotiation() {
    }

    /**
     * CSV only when the Accept header names text/csv before (by quality, then order) anything JSON
     * would satisfy; no Accept header, or wildcards, mean JSON.
     */
    static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (!type.isWildcardType() && !type.isWildcardSubtype() && type.isCompatible(CSV)) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
