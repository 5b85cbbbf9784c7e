package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every service of the stack has started, migrated its schema, reaches its database and is live:
 * the shared services in the local all-in-one server, the compute service in each organization's
 * node, a server of its own with a database of its own.
 */
class ServiceHealthIT {

    @ParameterizedTest
    @ValueSource(strings = {"asset", "job", "tracer", "verifier"})
    void every_service_answers_all_three_probes(String service) throws IOException {
        assertAllThreeProbes(URI.create(Stack.current().services()), service);
    }

    @ParameterizedTest
    @ValueSource(strings = {"asset", "job", "tracer", "verifier"})
    void every_service_has_migrated_its_own_schema(String service) throws IOException {
        assertMigrated(URI.create(Stack.current().services()), service);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bank-a", "bank-b", "fintech-c"})
    void every_organizations_compute_node_answers_all_three_probes_and_has_migrated_its_schema(String organization)
            throws IOException {
        URI node = URI.create(Stack.current().computeNode(organization));

        assertAllThreeProbes(node, "compute");
        assertMigrated(node, "compute");
    }

    @Test
    void the_shared_server_hosts_no_compute_node() throws IOException {
        JsonNode checks = Stack.JSON.readTree(Stack.current().get("/health/started", null).body()).get("checks");

        assertThat(checks.findValuesAsText("name")).noneMatch(name -> name.startsWith("compute-"));
        assertThat(Stack.current().get("/compute/api/v1/datasets", null).statusCode()).isEqualTo(404);
    }

    @Test
    void the_tracer_reports_its_index_lag_as_a_metric() {
        var response = Stack.current().get("/metrics?scope=application", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body().lines().filter(l -> l.startsWith("datatoken_tracer_index_lag")))
                .singleElement().satisfies(line -> assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                        .isGreaterThanOrEqualTo(0));
    }

    @Test
    void the_api_is_documented_with_openapi() {
        var response = Stack.current().get("/openapi", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/asset/api/v1/assets", "/job/api/v1/tasks", "/tracer/api/v1/usage/{dt}",
                "/tracer/api/v1/lineage/{dt}", "/tracer/api/v1/audit", "/verifier/api/v1/terms");
        assertThat(Stack.current().get("/openapi/ui/", null).statusCode()).isEqualTo(200);
        var node = Stack.current().get(URI.create(Stack.current().computeNode("bank-a")).resolve("/openapi"), null);
        assertThat(node.statusCode()).isEqualTo(200);
        assertThat(node.body()).contains("/v1/datasets", "/v1/executions");
    }

    @Test
    void the_ddo_schema_is_published_without_a_token() throws IOException {
        var response = Stack.current().get("/asset/api/v1/schemas/ddo", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/schema+json"));
        assertThat(Stack.JSON.readTree(response.body()).get("$schema").asText()).contains("2020-12");
    }

    /** The server's probes all answer 200 with every check UP, among them the service's own. */
    private static void assertAllThreeProbes(URI server, String service) throws IOException {
        for (String probe : new String[] {"started", "ready", "live"}) {
            var response = Stack.current().get(server.resolve("/health/" + probe), null);
            assertThat(response.statusCode()).as("%s/health/%s", server, probe).isEqualTo(200);
            JsonNode checks = Stack.JSON.readTree(response.body()).get("checks");
            assertThat(checks.findValuesAsText("name")).as("%s checks", probe)
                    .anyMatch(name -> name.startsWith(service + "-"));
            checks.forEach(check -> assertThat(check.get("status").asText()).as(check.toString()).isEqualTo("UP"));
        }
    }

    private static void assertMigrated(URI server, String service) throws IOException {
        JsonNode checks = Stack.JSON.readTree(Stack.current().get(server.resolve("/health/started"), null).body())
                .get("checks");
        JsonNode schema = null;
        for (JsonNode check : checks) {
            if (check.get("name").asText().equals(service + "-schema")) {
                schema = check;
            }
        }
        assertThat(schema).as("%s-schema check at %s", service, server).isNotNull();
        assertThat(schema.get("data").get("version").asText()).as("migrated version").matches("[1-9][0-9]*");
    }
}
