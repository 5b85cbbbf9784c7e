package io.datatoken.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datatoken.domain.market.ExecutionRequest;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.SignedExecutionRequest;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.token.DataTokenId;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;

class Eip712ExecutionRequestsTest {

    private static final ChainAddress MARKET = ChainAddress.of("0x" + "5".repeat(40));
    private static final Eip712ExecutionRequests DOMAIN = new Eip712ExecutionRequests(31337, MARKET);
    private static final ExecutionRequest REQUEST = new ExecutionRequest(JobId.of(hex('1')), DataTokenId.of(hex('2')),
            OpHash.of(hex('3')), hex('4'), Instant.parse("2026-11-23T12:00:00Z"));

    private final ChainAccounts.NewAccount requester = ChainAccounts.generate();

    @Test
    void the_signer_of_a_request_is_recovered_from_its_signature() {
        SignedExecutionRequest signed = DOMAIN.sign(REQUEST, requester.privateKey());

        assertThat(DOMAIN.signerOf(signed)).isEqualTo(requester.address());
    }

    @Test
    void the_signature_is_web3js_eip712_signature_of_the_typed_data() throws Exception {
        SignedExecutionRequest signed = DOMAIN.sign(REQUEST, requester.privateKey());
        Sign.SignatureData reference = Sign.signTypedData(DOMAIN.typedData(REQUEST),
                Credentials.create(requester.privateKey()).getEcKeyPair());

        assertThat(signed.signature()).isEqualTo("0x" + HexFormat.of().formatHex(reference.getR())
                + HexFormat.of().formatHex(reference.getS()) + HexFormat.of().formatHex(reference.getV()));
    }

    @Test
    void any_changed_field_recovers_another_signer_so_the_request_is_not_the_requesters() {
        String signature = DOMAIN.sign(REQUEST, requester.privateKey()).signature();
        var changed = new ExecutionRequest[] {
            new ExecutionRequest(JobId.of(hex('9')), REQUEST.dt(), REQUEST.op(), REQUEST.nonce(), REQUEST.expiresAt()),
            new ExecutionRequest(REQUEST.job(), DataTokenId.of(hex('9')), REQUEST.op(), REQUEST.nonce(), REQUEST.expiresAt()),
            new ExecutionRequest(REQUEST.job(), REQUEST.dt(), OpHash.of(hex('9')), REQUEST.nonce(), REQUEST.expiresAt()),
            new ExecutionRequest(REQUEST.job(), REQUEST.dt(), REQUEST.op(), hex('9'), REQUEST.expiresAt()),
            new ExecutionRequest(REQUEST.job(), REQUEST.dt(), REQUEST.op(), REQUEST.nonce(), REQUEST.expiresAt().plusSeconds(1)),
        };

        for (ExecutionRequest other : changed) {
            assertThat(DOMAIN.signerOf(new SignedExecutionRequest(other, signature))).as(other.toString())
                    .isNotEqualTo(requester.address());
        }
    }

    @Test
    void a_request_signed_for_another_chain_or_market_recovers_another_signer() {
        SignedExecutionRequest signed = DOMAIN.sign(REQUEST, requester.privateKey());

        assertThat(new Eip712ExecutionRequests(1, MARKET).signerOf(signed)).isNotEqualTo(requester.address());
        assertThat(new Eip712ExecutionRequests(31337, ChainAddress.of("0x" + "6".repeat(40))).signerOf(signed))
                .isNotEqualTo(requester.address());
    }

    @Test
    void malformed_signatures_and_requests_are_refused() {
        assertThatThrownBy(() -> new SignedExecutionRequest(REQUEST, "0x1234")).isInstanceOf(IllegalArgumentException.class);
        String badV = "0x" + "1".repeat(128) + "05";
        assertThatThrownBy(() -> DOMAIN.signerOf(new SignedExecutionRequest(REQUEST, badV)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v must be 27 or 28");
        assertThatThrownBy(() -> new ExecutionRequest(REQUEST.job(), REQUEST.dt(), REQUEST.op(), REQUEST.nonce(),
                Instant.parse("2026-11-23T12:00:00.5Z"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_request_expires_at_its_second() {
        assertThat(REQUEST.expiredAt(REQUEST.expiresAt().minusSeconds(1))).isFalse();
        assertThat(REQUEST.expiredAt(REQUEST.expiresAt())).isTrue();
    }

    private static String hex(char c) {
        return "0x" + String.valueOf(c).repeat(64);
    }
}
