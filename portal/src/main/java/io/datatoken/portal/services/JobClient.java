package io.datatoken.portal.services;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The job service's API ({@code /job/api/v1}): tasks and jobs on the chain's task market. */
@ApplicationScoped
public class JobClient {

    static final String BASE = "/job/api/v1";
    private static final TypeReference<List<Job>> JOBS = new TypeReference<>() {
    };
    private static final TypeReference<List<Task>> TASKS = new TypeReference<>() {
    };

    private ServicesClient client;

    /** For CDI proxies only. */
    protected JobClient() {
    }

    @Inject
    public JobClient(ServicesClient client) {
        this.client = client;
    }

    /** The jobs of the user's organization, newest first (algorithm providers and data users). */
    public List<Job> mine() {
        return client.get(BASE + "/jobs", Query.none(), JOBS);
    }

    /** One job, with its parties once the job service began running it. */
    public JobDetails job(String jobId) {
        return client.get(BASE + "/jobs/" + AssetClient.segment(jobId), Query.none(), JobDetails.class);
    }

    /** The tasks the user's organization posted, newest first. */
    public List<Task> tasks() {
        return client.get(BASE + "/tasks", Query.none(), TASKS);
    }

    /** Posts a task for the user's organization (data users). */
    public Task createTask(NewTask task) {
        return client.post(BASE + "/tasks", task, Task.class);
    }

    /** Submits the algorithm asset (a dt of the user's organization) as a job to the task (algorithm providers). */
    public Job submit(String taskId, String algorithm) {
        return client.post(BASE + "/tasks/" + AssetClient.segment(taskId) + "/jobs", new JobRequest(algorithm), Job.class);
    }

    /** Moves a SUBMITTED job to AUTHORIZED; a 409 {@code not-all-authorized} while a grant below it is missing. */
    public Job authorize(String jobId) {
        return client.post(BASE + "/jobs/" + AssetClient.segment(jobId) + "/authorization", null, Job.class);
    }

    /** Starts an AUTHORIZED job; the job service dispatches its parties in the background. */
    public Job start(String jobId) {
        return client.post(BASE + "/jobs/" + AssetClient.segment(jobId) + "/start", null, Job.class);
    }

    record JobRequest(String algorithm) {
    }
}
