package io.datatoken.compute.runs;

import java.net.URI;

/** Delivers a transfer to another compute node at the endpoint its owner published. */
public interface PeerNodes {

    /**
     * @throws PeerRefused     the node checked the transfer and refused it (retrying will not help)
     * @throws PeerUnreachable the node did not answer, or answered that it cannot now
     */
    void send(URI node, Transfer transfer);

    final class PeerRefused extends RuntimeException {
        public PeerRefused(String message) {
            super(message);
        }
    }

    final class PeerUnreachable extends RuntimeException {
        public PeerUnreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
