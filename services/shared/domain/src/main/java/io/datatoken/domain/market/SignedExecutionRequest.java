package io.datatoken.domain.market;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An execution request with its signature: 0x + r (32 bytes) + s (32 bytes) + v (1 byte), in hex.
 * Who signed it is recovered from the signature, never taken from the request.
 */
public record SignedExecutionRequest(ExecutionRequest request, String signature) {

    private static final Pattern SIGNATURE = Pattern.compile("0x[0-9a-f]{130}");

    public SignedExecutionRequest {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(signature, "signature");
        if (!SIGNATURE.matcher(signature).matches()) {
            throw new IllegalArgumentException("a signature is 0x followed by 130 lower-case hex digits (r, s, v)");
        }
    }
}
