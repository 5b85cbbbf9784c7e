package io.datatoken.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml parses (with its YAML anchors and merge keys) and runs the whole platform. */
class ComposeFileTest {

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        try (Reader compose = Files.newBufferedReader(Manifests.REPO.resolve("docker-compose.yml"))) {
            Map<String, Object> file = new Yaml().load(compose);
            services = (Map<String, Map<String, Object>>) file.get("services");
        }
    }

    @Test
    void it_names_every_component_of_the_platform() {
        assertThat(services).containsKeys("postgres", "chain", "contracts", "ipfs", "keycloak", "asset", "job", "tracer",
                "verifier", "portal", "compute-bank-a", "compute-bank-b", "compute-fintech-c");
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_compute_node_runs_for_its_organization_with_its_own_database_and_key() {
        for (String organization : new String[] {"bank-a", "bank-b", "fintech-c"}) {
            Map<String, Object> node = services.get("compute-" + organization);
            Map<String, Object> env = (Map<String, Object>) node.get("environment");
            assertThat(env).containsEntry("DATATOKEN_COMPUTE_ORGANIZATION", organization)
                    .containsEntry("DB_NAME", "compute_" + organization.replace('-', '_'))
                    .containsEntry("DATATOKEN_COMPUTE_NODE_KEY_FILE", "/run/secrets/node-key");
            assertThat(node.get("secrets").toString()).contains("node-key-" + organization);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void its_configuration_keys_are_the_documented_ones_and_no_secret_is_in_the_environment() {
        services.forEach((name, service) -> {
            Object environment = service.get("environment");
            if (environment instanceof Map<?, ?> env) {
                assertThat(ConfigurationKeys.platformKeys((java.util.Set<String>) env.keySet())).as("keys of %s", name)
                        .allSatisfy(key -> assertThat(ConfigurationKeys.documented()).contains(key));
                env.forEach((key, value) -> assertThat(key.toString()).as("%s of %s", key, name)
                        .matches(k -> !k.matches(".*(PASSWORD|SECRET|_KEY|KEK)") || k.endsWith("_USERNAME")));
            }
        });
    }
}
