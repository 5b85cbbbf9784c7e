package io.datatoken.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NodeMessagesTest {

    private final ChainAccounts.NewAccount node = ChainAccounts.generate();
    private final byte[] message = "share 1 of job 0xab for 0xcd".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignerIsRecoveredFromTheMessageAndItsSignature() {
        assertThat(NodeMessages.signerOf(message, NodeMessages.sign(message, node.privateKey()))).isEqualTo(node.address());
    }

    @Test
    void aChangedMessageNamesAnotherSigner() {
        String signature = NodeMessages.sign(message, node.privateKey());
        byte[] changed = message.clone();
        changed[0] ^= 1;
        assertThat(NodeMessages.signerOf(changed, signature)).isNotEqualTo(node.address());
    }

    @Test
    void aMalformedSignatureIsRefused() {
        assertThatThrownBy(() -> NodeMessages.signerOf(message, "0x1234")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65 bytes");
        assertThatThrownBy(() -> NodeMessages.signerOf(message, "zz")).isInstanceOf(IllegalArgumentException.class);
    }
}
