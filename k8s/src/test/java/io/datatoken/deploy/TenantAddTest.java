package io.datatoken.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./datatoken tenant add, run on a copy of k8s/ (the repository is left as it is). */
class TenantAddTest {

    @TempDir
    Path copy;

    @BeforeEach
    void copyOfK8s() throws IOException {
        for (String dir : List.of("base", "chain", "compute-node", "tenant-template", "tenants")) {
            Path from = Manifests.K8S.resolve(dir);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.toList()) {
                    Path to = copy.resolve(dir).resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
    }

    @Test
    void a_new_tenant_overlay_renders_its_isolated_compute_node() throws Exception {
        Result added = tenantAdd("acme-credit");

        assertThat(added.status).as(added.output).isZero();
        List<HasMetadata> objects = Manifests.render(copy.resolve("tenants/acme-credit"));
        assertThat(objects).allSatisfy(o -> assertThat(o.getMetadata().getNamespace() == null
                ? o.getMetadata().getName() : o.getMetadata().getNamespace()).isEqualTo("datatoken-tenant-acme-credit"));
        assertThat(Manifests.ofType(objects, ConfigMap.class)).filteredOn(c -> c.getMetadata().getName().startsWith("compute-config"))
                .singleElement().satisfies(c -> assertThat(c.getData()).containsEntry("DATATOKEN_COMPUTE_ORGANIZATION", "acme-credit"));
        assertThat(Manifests.ofType(objects, NetworkPolicy.class)).anySatisfy(TenantIsolationTest::denyAll);
        assertThat(Manifests.K8S.resolve("tenants/acme-credit")).doesNotExist();
    }

    @Test
    void an_existing_tenant_is_left_as_it_is() throws Exception {
        String before = Files.readString(copy.resolve("tenants/bank-a/kustomization.yaml"));

        Result again = tenantAdd("bank-a");

        assertThat(again.status).isNotZero();
        assertThat(again.output.strip()).isEqualTo("ERROR: tenant 'bank-a' exists already: " + copy.resolve("tenants/bank-a"));
        assertThat(copy.resolve("tenants/bank-a/kustomization.yaml")).hasContent(before);
    }

    @Test
    void a_name_that_is_not_an_organization_alias_is_refused() throws Exception {
        List<String> before = tenants();
        for (String bad : List.of("Bank_A", "-bank", "bank-", "a".repeat(47), "../escape")) {
            Result refused = tenantAdd(bad);
            assertThat(refused.status).as(bad).isNotZero();
            assertThat(refused.output.strip()).as(bad).startsWith("ERROR: '" + bad + "' is not an organization alias")
                    .doesNotContain("\n");
        }
        assertThat(tenants()).isEqualTo(before).contains("bank-a", "bank-b", "fintech-c");
    }

    private List<String> tenants() throws IOException {
        try (Stream<Path> tenants = Files.list(copy.resolve("tenants"))) {
            return tenants.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Result tenantAdd(String organization) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Manifests.REPO.resolve("datatoken").toString(), "tenant", "add", organization)
                .redirectErrorStream(true);
        builder.environment().put("DATATOKEN_K8S_DIR", copy.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int status, String output) {
    }
}
