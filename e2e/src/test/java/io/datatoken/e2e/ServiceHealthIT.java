package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every service of the stack has started, migrated its schema, reaches its database and is live. */
class ServiceHealthIT {

    @ParameterizedTest
    @ValueSource(strings = {"asset", "job", "tracer", "verifier", "compute"})
    void every_service_answers_all_three_probes(String service) throws IOException {
        for (String probe : new String[] {"started", "ready", "live"}) {
            var response = Stack.current().get("/health/" + probe, null);
            assertThat(response.statusCode()).as("/health/%s", probe).isEqualTo(200);
            JsonNode checks = Stack.JSON.readTree(response.body()).get("checks");
            assertThat(checks.findValuesAsText("name")).as("%s checks", probe)
                    .anyMatch(name -> name.startsWith(service + "-"));
            checks.forEach(check -> assertThat(check.get("status").asText()).as(check.toString()).isEqualTo("UP"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"asset", "job", "tracer", "verifier", "compute"})
    void every_service_has_migrated_its_own_schema(String service) throws IOException {
        JsonNode checks = Stack.JSON.readTree(Stack.current().get("/health/started", null).body()).get("checks");
        JsonNode schema = null;
        for (JsonNode check : checks) {
            if (check.get("name").asText().equals(service + "-schema")) {
                schema = check;
            }
        }
        assertThat(schema).as("%s-schema check", service).isNotNull();
        assertThat(schema.get("data").get("version").asText()).as("migrated version").matches("[1-9][0-9]*");
    }

    @org.junit.jupiter.api.Test
    void the_api_is_documented_with_openapi() {
        var response = Stack.current().get("/openapi", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/asset/api/v1/assets", "/job/api/v1/tasks", "/tracer/api/v1/usage",
                "/verifier/api/v1/terms", "/compute/api/v1/datasets");
        assertThat(Stack.current().get("/openapi/ui/", null).statusCode()).isEqualTo(200);
    }

    @org.junit.jupiter.api.Test
    void the_ddo_schema_is_published_without_a_token() throws IOException {
        var response = Stack.current().get("/asset/api/v1/schemas/ddo", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/schema+json"));
        assertThat(Stack.JSON.readTree(response.body()).get("$schema").asText()).contains("2020-12");
    }
}
