package io.datatoken.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The images' definitions, read as text (no container engine here to build them). */
class DockerfilesTest {

    static Stream<Path> libertyImages() {
        return Stream.of("services/asset", "services/job", "services/tracer", "services/verifier", "services/compute", "portal")
                .map(dir -> Manifests.REPO.resolve(dir).resolve("Dockerfile"));
    }

    @ParameterizedTest
    @MethodSource("libertyImages")
    void each_service_runs_on_the_open_liberty_image_of_the_build(Path dockerfile) throws IOException {
        String text = Files.readString(dockerfile);
        assertThat(arg(text, "LIBERTY_VERSION")).isEqualTo(pomProperty("liberty.runtime.version"));
        assertThat(instructions(text, "FROM")).containsExactly(
                "icr.io/appcafe/open-liberty:${LIBERTY_VERSION}-kernel-slim-java21-openj9-ubi-minimal");
        assertThat(instructions(text, "RUN")).contains("features.sh", "configure.sh");
        assertThat(instructions(text, "HEALTHCHECK")).singleElement().asString().contains("/health/ready");
        String service = dockerfile.getParent().getFileName().toString();
        assertThat(instructions(text, "COPY")).anySatisfy(copy -> assertThat(copy)
                .contains(dockerfile.getParent().getFileName().equals(Path.of("portal")) ? "portal/src/main/liberty/config/server.xml"
                        : "services/" + service + "/src/main/liberty/config/server.xml").endsWith("/config/server.xml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"services/asset", "services/job", "services/tracer", "services/verifier", "services/compute",
            "portal", "k8s/images/keycloak", "k8s/images/op-runner"})
    void no_image_carries_a_secret_and_each_says_how_it_is_probed(String dir) throws IOException {
        String text = Files.readString(Manifests.REPO.resolve(dir).resolve("Dockerfile"));
        // a secret's name, unless it names the file the secret is read from
        Pattern secret = Pattern.compile("(?i)(^|_)(PASSWORD|SECRET|TOKEN|KEK|KEY)(_[A-Z]+)*$");
        for (String env : Stream.concat(instructions(text, "ENV").stream(), instructions(text, "ARG").stream()).toList()) {
            Matcher names = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=").matcher(env);
            while (names.find()) {
                String name = names.group(1);
                assertThat(name.endsWith("_FILE") || !secret.matcher(name).find()).as("%s in an ENV or ARG of %s", name, dir).isTrue();
            }
        }
        assertThat(instructions(text, "HEALTHCHECK").isEmpty() ? text.toLowerCase() : "healthcheck")
                .as("a HEALTHCHECK, or a note on the probes, in %s", dir).containsAnyOf("healthcheck", "probe");
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s/images/keycloak"})
    void keycloak_is_the_version_of_the_build_with_the_realm_as_code(String dir) throws IOException {
        String text = Files.readString(Manifests.REPO.resolve(dir).resolve("Dockerfile"));
        assertThat(arg(text, "KEYCLOAK_VERSION")).isEqualTo(pomProperty("keycloak.version"));
        assertThat(instructions(text, "COPY")).anySatisfy(copy -> assertThat(copy)
                .startsWith("identity/src/main/keycloak/datatoken-realm.json"));
        assertThat(text).doesNotContain("identity/dev");
    }

    @Test
    void the_op_runner_carries_the_privacy_module_s_kept_libraries_where_the_op_jobs_look_for_them() throws IOException {
        String text = Files.readString(Manifests.REPO.resolve("k8s/images/op-runner/Dockerfile"));
        String jobs = Pattern.compile("(?m)^\\s*- DATATOKEN_COMPUTE_KUBERNETES_JVM_LIBRARIES=(\\S+)$")
                .matcher(Files.readString(Manifests.K8S.resolve("compute-node/kustomization.yaml"))).results()
                .map(m -> m.group(1)).findFirst().orElseThrow();
        assertThat(instructions(text, "COPY")).containsExactly("services/shared/privacy/target/op-runtime/*.jar " + jobs + "/");
        // built from the repository root, where the privacy module's build output is
        assertThat(text).contains("docker build -f k8s/images/op-runner/Dockerfile");
        // PSI's X25519 engine loads libcrypto.so.3; without it PSI runs at half speed on Bouncy Castle
        assertThat(instructions(text, "RUN")).anySatisfy(run -> assertThat(run).contains("openssl-libs"));
    }

    /** The arguments of each instruction of a kind, continuation lines joined. */
    private static List<String> instructions(String dockerfile, String kind) {
        String joined = dockerfile.replaceAll("\\\\\\r?\\n", " ");
        return joined.lines().map(String::strip).filter(l -> l.startsWith(kind + " "))
                .map(l -> l.substring(kind.length()).strip().replaceAll("\\s+", " ")).toList();
    }

    private static String arg(String dockerfile, String name) {
        Matcher arg = Pattern.compile("(?m)^ARG " + name + "=(\\S+)$").matcher(dockerfile);
        assertThat(arg.find()).as("ARG %s with a default", name).isTrue();
        return arg.group(1);
    }

    private static String pomProperty(String name) throws IOException {
        Matcher property = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(
                Files.readString(Manifests.REPO.resolve("pom.xml")));
        assertThat(property.find()).as("property %s in the parent pom", name).isTrue();
        return property.group(1);
    }
}
