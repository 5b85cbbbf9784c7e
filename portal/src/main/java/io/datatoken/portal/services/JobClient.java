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
}
