package io.datatoken.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dependency rules of docs/architecture (ARCHITECTURE.md §3), checked over the compiled
 * classes of every module of this build, so they cannot rot.
 */
class ArchitectureTest {

    private static final List<String> SERVICES = List.of("asset", "job", "tracer", "verifier", "compute");
    private static JavaClasses platform;

    @BeforeAll
    static void importEveryModule() throws IOException {
        Path repository = Path.of(System.getProperty("datatoken.repository", ".."));
        List<Path> outputs;
        try (Stream<Path> found = Files.find(repository, 5, (path, attributes) -> attributes.isDirectory()
                && path.endsWith(Path.of("target", "classes")) && !path.toString().contains("node_modules"))) {
            outputs = found.toList();
        }
        platform = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPaths(outputs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"domain", "chain", "contracts.generated", "content", "keycloak", "metadata", "support", "privacy", "asset",
            "job", "tracer", "verifier", "compute", "portal"})
    void every_module_was_imported_so_no_rule_passes_vacuously(String module) {
        assertThat(platform.stream().anyMatch(c -> c.getPackageName().startsWith("io.datatoken." + module)))
                .as("classes of io.datatoken.%s (is the module built?)", module).isTrue();
    }

    @Test
    void the_domain_depends_on_the_jdk_only() {
        classes().that().resideInAPackage("io.datatoken.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.datatoken.domain..", "java..")
                .check(platform);
    }

    @Test
    void generated_contract_wrappers_stay_behind_the_chain_adapter() {
        noClasses().that().resideOutsideOfPackages("io.datatoken.chain..", "io.datatoken.contracts..")
                .should().dependOnClassesThat().resideInAPackage("io.datatoken.contracts.generated..")
                .check(platform);
        noClasses().that().resideOutsideOfPackages("io.datatoken.chain..", "io.datatoken.contracts..")
                .should().dependOnClassesThat().resideInAPackage("org.web3j..")
                .check(platform);
    }

    @Test
    void services_use_each_other_through_their_api_packages_only() {
        for (String service : SERVICES) {
            for (String other : SERVICES) {
                if (!other.equals(service)) {
                    noClasses().that().resideInAPackage("io.datatoken." + service + "..")
                            .should().dependOnClassesThat(
                                    com.tngtech.archunit.base.DescribedPredicate.describe(
                                            "implementation of the " + other + " service",
                                            c -> c.getPackageName().startsWith("io.datatoken." + other)
                                                    && !c.getPackageName().startsWith("io.datatoken." + other + ".api")))
                            .check(platform);
                }
            }
        }
    }

    @Test
    void the_portal_talks_to_services_through_their_apis_only() {
        noClasses().that().resideInAPackage("io.datatoken.portal..")
                .should().dependOnClassesThat().resideInAnyPackage("io.datatoken.chain..", "io.datatoken.contracts..",
                        "io.datatoken.content..", "io.datatoken.keycloak..", "io.datatoken.support..",
                        "jakarta.persistence..", "org.web3j..")
                .check(platform);
        for (String service : SERVICES) {
            noClasses().that().resideInAPackage("io.datatoken.portal..")
                    .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                            "implementation of the " + service + " service",
                            c -> c.getPackageName().startsWith("io.datatoken." + service)
                                    && !c.getPackageName().startsWith("io.datatoken." + service + ".api")))
                    .check(platform);
        }
    }

    @Test
    void shared_adapters_know_no_service_and_no_portal() {
        String[] consumers = Stream.concat(SERVICES.stream(), Stream.of("portal"))
                .map(s -> "io.datatoken." + s + "..").toArray(String[]::new);
        noClasses().that().resideInAnyPackage("io.datatoken.domain..", "io.datatoken.chain..",
                        "io.datatoken.content..", "io.datatoken.keycloak..", "io.datatoken.metadata..",
                        "io.datatoken.support..", "io.datatoken.privacy..")
                .should().dependOnClassesThat().resideInAnyPackage(consumers)
                .check(platform);
    }

    @Test
    void the_privacy_protocols_know_nothing_of_the_platform() {
        // they run inside op packages in the node's sandbox: the JDK and their kept libraries only
        classes().that().resideInAPackage("io.datatoken.privacy..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.datatoken.privacy..", "java..",
                        "org.bouncycastle..", "smile..", "com.fasterxml.jackson..", "com.sun.jna..")
                .check(platform);
        // and only PSI's OpenSSL adapter calls native code (decision 0022)
        noClasses().that().resideInAPackage("io.datatoken.privacy..")
                .and().haveNameNotMatching("io\\.datatoken\\.privacy\\.psi\\.OpenSslX25519(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
                .check(platform);
    }

    @Test
    void every_config_property_field_is_injected() {
        // without @Inject a @ConfigProperty field stays null and fails only when first used
        fields().that().areAnnotatedWith("org.eclipse.microprofile.config.inject.ConfigProperty")
                .should().beAnnotatedWith("jakarta.inject.Inject")
                .check(platform);
    }
}
