package io.datatoken.compute.api;

import io.datatoken.compute.refusals.Refusal;
import io.datatoken.compute.refusals.RefusalOutbox;
import io.datatoken.compute.runs.Inbox;
import io.datatoken.compute.runs.RunInput;
import io.datatoken.compute.runs.Transfer;
import io.datatoken.domain.market.JobId;
import io.datatoken.support.web.Params;
import io.datatoken.support.web.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Node to node: the messages of running jobs (decision 0014: each kind with its route). Open to any caller because the node trusts
 * only the transfer's signature and the chain (the signer's organization must own the sending asset).
 */
@Path("/v1/transfers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TransfersResource {

    /** Largest payload a node takes in one transfer (characters of JSON). */
    static final int MAX_PAYLOAD = 16 * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(TransfersResource.class.getName());

    @Inject
    Inbox inbox;

    @Inject
    RefusalOutbox outbox;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Another compute node hands this one a message of a running job (a share, a partial sum, a PSI "
            + "query or answer, a Paillier key or ciphertexts, ...), signed by its chain account; kept once per (job, to, "
            + "from, kind), the same transfer again is accepted as a retry")
    @APIResponse(responseCode = "204", description = "kept")
    @APIResponse(responseCode = "400", description = "malformed transfer")
    @APIResponse(responseCode = "409", description = "refused: wrong signer, job not running, wrong op or asset, ...")
    public Response receive(TransferView body) {
        if (body == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "missing-body",
                    "send {job, from, to, kind, payload, signature}");
        }
        if (body.payload() == null || body.payload().length() > MAX_PAYLOAD) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-transfer", "'payload' is required and has "
                    + "at most " + MAX_PAYLOAD + " characters");
        }
        Transfer transfer;
        try {
            RunInput.Kind kind = RunInput.Kind.valueOf(String.valueOf(body.kind()).toUpperCase(Locale.ROOT));
            transfer = new Transfer(JobId.of(body.job()), Params.dataTokenId("from", body.from()),
                    Params.dataTokenId("to", body.to()), kind, kind.roundOf(body.round()), body.payload(),
                    String.valueOf(body.signature()));
        } catch (IllegalArgumentException | NullPointerException malformed) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-transfer", "not a transfer (job, from, to, "
                    + "kind one of " + Arrays.toString(RunInput.Kind.values()) + ", round for a kind of training rounds, payload, "
                    + "signature): "
                    + malformed.getMessage());
        }
        try {
            inbox.receive(transfer);
        } catch (Inbox.TransferRefused refused) {
            Response.Status status = refused.reason().equals("malformed-payload") || refused.reason().equals("bad-signature")
                    ? Response.Status.BAD_REQUEST : Response.Status.CONFLICT;
            if (status == Response.Status.CONFLICT) {
                report(transfer, refused);
            }
            throw new ProblemException(status, refused.reason(), refused.getMessage());
        }
        return Response.noContent().build();
    }

    /**
     * A transfer refused after the chain was asked (not a malformed one) goes to the tracer as a refusal
     * about the receiving asset; failing to queue it must not hide the refusal from the sender.
     */
    private void report(Transfer transfer, Inbox.TransferRefused refused) {
        try {
            outbox.add(new Refusal(UUID.randomUUID(), transfer.job().value(), transfer.to().value(), null,
                    refused.reason(), "a " + transfer.kind() + " from " + transfer.from() + " refused: "
                    + refused.getMessage(), Instant.now()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the refused transfer for job " + transfer.job() + " was not queued for the tracer",
                    e);
        }
    }

    /** @param round the training round of a kind that has rounds (1 first); absent for the others */
    public record TransferView(String job, String from, String to, String kind, Integer round, String payload,
                               String signature) {
    }
}
