package io.datatoken.compute.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpLibrariesTest {

    @TempDir
    Path node;

    @TempDir
    Path unpacked;

    private String library(String name, String content) throws IOException {
        return OpLibraries.sha256(Files.writeString(node.resolve(name), content));
    }

    @Test
    void copies_in_each_library_the_package_names_when_the_nodes_copy_has_its_hash() throws IOException {
        String hash = library("bcprov-jdk18on-1.87.jar", "bouncy castle");
        Files.writeString(unpacked.resolve(OpLibraries.MANIFEST), hash + "  lib/bcprov-jdk18on-1.87.jar\n");

        new OpLibraries(node).provide(unpacked);

        assertThat(unpacked.resolve("lib/bcprov-jdk18on-1.87.jar")).hasContent("bouncy castle");
    }

    @Test
    void refuses_a_library_the_node_lacks_or_keeps_with_another_hash() throws IOException {
        library("jackson-core-2.21.1.jar", "jackson, patched");
        String other = "0".repeat(64);
        Files.writeString(unpacked.resolve(OpLibraries.MANIFEST), other + "  lib/jackson-core-2.21.1.jar\n");

        assertThatThrownBy(() -> new OpLibraries(node).provide(unpacked)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("this node's jackson-core-2.21.1.jar has sha-256").hasMessageContaining(other);
        Files.writeString(unpacked.resolve(OpLibraries.MANIFEST), other + "  lib/smile-core-6.3.0.jar\n");
        assertThatThrownBy(() -> new OpLibraries(node).provide(unpacked))
                .hasMessageContaining("does not keep").hasMessageContaining("smile-core-6.3.0.jar");
        assertThat(unpacked.resolve("lib")).doesNotExist();
    }

    @Test
    void refuses_a_line_that_would_leave_lib_or_is_not_a_checksum() throws IOException {
        String hash = library("x.jar", "x");
        for (String line : new String[] {hash + "  lib/../../x.jar", hash + "  /etc/x.jar", "nothex  lib/x.jar"}) {
            Files.writeString(unpacked.resolve(OpLibraries.MANIFEST), line + "\n");
            assertThatThrownBy(() -> new OpLibraries(node).provide(unpacked)).as(line)
                    .hasMessageContaining("is not '<sha-256>  lib/<name>.jar'");
        }
    }

    @Test
    void a_package_without_a_manifest_needs_nothing_from_the_node() {
        new OpLibraries(node.resolve("absent")).provide(unpacked);

        assertThat(unpacked).isEmptyDirectory();
    }
}
