package io.datatoken.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datatoken.domain.content.Cid;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.content.ContentTampered;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract against the real dev IPFS node, plus what only a real repository can show. */
class IpfsContentStoreIT extends ContentStoreContractTest {

    @TempDir
    static Path workDir;

    private static DevIpfsNode node;
    private static IpfsContentStore store;

    @BeforeAll
    static void startNode() throws IOException {
        node = DevIpfsNode.start(workDir);
        store = new IpfsContentStore(IpfsSettings.of(node.apiUrl()));
    }

    @AfterAll
    static void stopNode() {
        if (store != null) {
            store.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Override
    protected ContentStore store() {
        return store;
    }

    @Test
    void bytes_altered_in_the_node_repository_are_detected_on_read() throws IOException {
        byte[] content = randomContent(2048);
        Cid cid = store.put(content);
        Path block = blockFileHolding(content);

        byte[] altered = content.clone();
        altered[100] ^= 0x01;
        Files.write(block, altered);

        assertThatThrownBy(() -> store.get(cid))
                .isInstanceOfSatisfying(ContentTampered.class, e -> {
                    assertThat(e.expected()).isEqualTo(cid);
                    assertThat(e.actual()).isEqualTo(Cid.of(altered).value());
                });
    }

    @Test
    void content_is_kept_in_the_node_repository_on_disk() throws IOException {
        byte[] content = randomContent(300);
        store.put(content);
        assertThat(blockFileHolding(content)).startsWith(node.repo());
    }

    private static Path blockFileHolding(byte[] content) throws IOException {
        try (Stream<Path> files = Files.walk(node.repo().resolve("blocks"))) {
            List<Path> matches = files.filter(Files::isRegularFile)
                    .filter(file -> Arrays.equals(read(file), content))
                    .toList();
            assertThat(matches).as("block files holding the content").hasSize(1);
            return matches.getFirst();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
