package io.datatoken.compute.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PartyStateSealTest {

    private static final String NODE_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    private static final OpRun.Key RUN = new OpRun.Key("0x01", "0x02", "0x03");
    private static final String STATE = "{\"run\":\"0x01/0x02/0x03\",\"secret\":\"c2VjcmV0IHNjYWxhcg==\"}";

    private final PartyStateSeal seal = PartyStateSeal.derivedFrom(NODE_KEY);

    @Test
    void a_sealed_state_opens_for_its_run_and_hides_its_content() {
        byte[] sealed = seal.seal(RUN, STATE);

        assertThat(seal.open(RUN, sealed)).isEqualTo(STATE);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("secret", "c2VjcmV0");
        assertThat(seal.seal(RUN, STATE)).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void a_state_does_not_open_for_another_run_another_node_or_once_altered() {
        byte[] sealed = seal.seal(RUN, STATE);
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;

        assertThatThrownBy(() -> seal.open(new OpRun.Key("0x01", "0x02", "0x04"), sealed))
                .isInstanceOf(RunFailed.class).hasMessageContaining("does not open");
        assertThatThrownBy(() -> PartyStateSeal.derivedFrom(NODE_KEY.replace('9', '8')).open(RUN, sealed))
                .isInstanceOf(RunFailed.class);
        assertThatThrownBy(() -> seal.open(RUN, altered)).isInstanceOf(RunFailed.class);
        assertThatThrownBy(() -> seal.open(RUN, new byte[5])).isInstanceOf(RunFailed.class)
                .hasMessageContaining("truncated");
    }
}
