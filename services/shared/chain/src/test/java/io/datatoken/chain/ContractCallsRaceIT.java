package io.datatoken.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.organization.LedgerRefusal;
import io.datatoken.domain.token.DataTokenId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;

/**
 * Two writers race for the same token: both dry-runs pass before either transaction is mined, so
 * the loser's transaction reverts on chain. Its refusal is still named by the contract's rule, and
 * each writer waits for its own receipt without holding its signer's lock.
 */
class ContractCallsRaceIT {

    private static LedgerFixture chain;
    private static HttpService rpc;

    @BeforeAll
    static void startChain() {
        chain = new LedgerFixture();
        chain.deploy();
        rpc = new HttpService(chain.anvil.rpcUrl().toString());
    }

    @AfterAll
    static void stopChain() {
        if (chain != null) {
            chain.close();
        }
    }

    @Test
    void the_loser_of_a_race_is_refused_by_the_rule_it_broke_and_the_winner_keeps_the_token() throws Exception {
        DataTokenId id = DataTokenId.of(LedgerFixture.randomHex32());
        ExecutorService writers = Executors.newFixedThreadPool(2);
        automine(false);
        try {
            Future<?> bank = writers.submit(() -> chain.tokens(chain.bankA)
                    .register(id, AssetKind.DATA, LedgerFixture.randomCid(), LedgerFixture.randomProof(), List.of()));
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingTransactions() == 1);
            Future<?> hospital = writers.submit(() -> chain.tokens(chain.hospitalB)
                    .register(id, AssetKind.DATA, LedgerFixture.randomCid(), LedgerFixture.randomProof(), List.of()));
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingTransactions() == 2);

            mine();

            bank.get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> hospital.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(LedgerRefusal.class)
                    .satisfies(refusal -> assertThat(((LedgerRefusal) refusal).reason()).isEqualTo("TokenExists"));
        } finally {
            automine(true);
            writers.shutdownNow();
        }
        assertThat(chain.tokens(chain.admin).find(id).orElseThrow().owner()).isEqualTo(LedgerFixture.BANK_A);
    }

    private static long pendingTransactions() throws IOException {
        return chain.admin.web3j().ethGetBlockTransactionCountByNumber(DefaultBlockParameterName.PENDING).send()
                .getTransactionCount().longValueExact();
    }

    private static void automine(boolean on) {
        call("evm_setAutomine", List.of(on));
    }

    private static void mine() {
        call("evm_mine", List.of());
    }

    private static void call(String method, List<?> params) {
        try {
            VoidResponse response = new Request<>(method, params, rpc, VoidResponse.class).send();
            if (response.hasError()) {
                throw new IllegalStateException(method + ": " + response.getError().getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
