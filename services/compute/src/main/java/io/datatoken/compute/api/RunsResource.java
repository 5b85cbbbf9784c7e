package io.datatoken.compute.api;

import io.datatoken.compute.runs.OpRun;
import io.datatoken.compute.runs.RunBook;
import io.datatoken.domain.market.JobId;
import io.datatoken.support.web.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What this node ran for a job. Injects no caller: it answers callers without a token (the job
 * service), and a JsonWebToken cannot be injected for those.
 */
@Path("/v1/runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

    @Inject
    RunBook book;

    @GET
    @PermitAll
    @Operation(summary = "The node's runs for a job: per asset and op, WAITING for inputs, RUNNING, SUCCEEDED (with the "
            + "result hash in the receipt) or FAILED with the reason. Open like the chain's receipts, so the job "
            + "service learns of a failed run without a credential travelling to an endpoint an asset owner chose")
    public List<RunView> runs(@QueryParam("job") String job) {
        if (job == null || job.isBlank()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "missing-parameter", "query parameter 'job' is required");
        }
        return book.ofJob(JobId.of(job).value()).stream().map(RunView::of).toList();
    }

    public record RunView(String job, String dt, String op, String opName, String state, String resultHash, String detail,
                          OffsetDateTime startedAt, OffsetDateTime updatedAt) {
        static RunView of(OpRun r) {
            return new RunView(r.key().job(), r.key().dt(), r.key().op(), r.opName(), r.state().name(),
                    r.resultHash().orElse(null), r.detail(), r.startedAt(), r.updatedAt());
        }
    }

}
