package io.datatoken.compute.runs;

import io.datatoken.domain.market.JobId;
import io.datatoken.domain.token.DataTokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends a run's output to the node of the asset that takes it, at the endpoint that asset's owner
 * published in its document, signed by this node's account; retried while the peer is unreachable
 * (the peer keeps a transfer once, so a retry is harmless).
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());

    @Inject
    JobPlans plans;

    @Inject
    NodeAccount account;

    @Inject
    PeerNodes peers;

    @Inject
    @ConfigProperty(name = "datatoken.compute.delivery.attempts", defaultValue = "5")
    int attempts;

    public void deliver(JobId job, DataTokenId from, DataTokenId to, RunInput.Kind kind, String payload) {
        deliver(job, from, to, kind, 0, payload);
    }

    /** A message of a training round ({@code round} 1 first). */
    public void deliver(JobId job, DataTokenId from, DataTokenId to, RunInput.Kind kind, int round, String payload) {
        if (!offer(job, from, to, kind, round, payload)) {
            throw new RunFailed("the node of " + to + " was unreachable " + attempts + " times; nothing more can go to it");
        }
    }

    /**
     * Like {@link #deliver}, but a peer still unreachable after every attempt answers false rather than
     * failing the run: for a party that may drop out (a device in federated learning).
     *
     * @throws RunFailed if the peer refuses the transfer, or the asset names no endpoint
     */
    public boolean offer(JobId job, DataTokenId from, DataTokenId to, RunInput.Kind kind, int round, String payload) {
        URI node = plans.endpointOf(to).orElseThrow(() -> new RunFailed("asset " + to + " names no compute endpoint "
                + "in its document: nowhere to send its " + kind.name().toLowerCase().replace('_', ' ')));
        String hash = Transfer.sha256(payload);
        Transfer transfer = new Transfer(job, from, to, kind, round, payload,
                account.sign(Transfer.signedBytes(job, from, to, kind, round, hash)));
        long backoffMillis = 200;
        for (int attempt = 1; ; attempt++) {
            try {
                peers.send(node, transfer);
                return true;
            } catch (PeerNodes.PeerRefused refused) {
                throw new RunFailed("the node of " + to + " refused the " + kind + ": " + refused.getMessage(), refused);
            } catch (PeerNodes.PeerUnreachable unreachable) {
                if (attempt >= attempts) {
                    LOG.info(() -> "the node of " + to + " at " + node + " was unreachable " + attempts + " times: "
                            + unreachable.getMessage());
                    return false;
                }
            }
            try {
                TimeUnit.MILLISECONDS.sleep(backoffMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunFailed("interrupted while delivering to " + node);
            }
            backoffMillis = Math.min(backoffMillis * 2, 5_000);
        }
    }
}
