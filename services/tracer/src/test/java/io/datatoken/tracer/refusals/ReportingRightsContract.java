package io.datatoken.tracer.refusals;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.chain.ChainAccounts;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReportingRights} answers, as the ledgers do (OrganizationLedger#organizationOf and
 * #isActive, DataTokenLedger#find): an implementation sets up bank A with an account and a DT, and
 * bank S with an account, suspended.
 */
abstract class ReportingRightsContract {

    static final OrganizationAlias BANK_A = OrganizationAlias.of("bank-a");
    static final OrganizationAlias BANK_S = OrganizationAlias.of("bank-s");
    private static final SecureRandom RANDOM = new SecureRandom();

    protected final ChainAddress accountOfA = ChainAccounts.generate().address();
    protected final ChainAddress accountOfS = ChainAccounts.generate().address();
    protected final DataTokenId dtOfA = randomDt();

    /** Bank A (account {@link #accountOfA}, owner of {@link #dtOfA}); bank S ({@link #accountOfS}) suspended. */
    protected abstract ReportingRights rights();

    @Test
    void an_account_acts_for_its_organization_suspended_or_not() {
        assertThat(rights().organizationOf(accountOfA)).contains(BANK_A);
        assertThat(rights().organizationOf(accountOfS)).contains(BANK_S);
        assertThat(rights().organizationOf(ChainAccounts.generate().address())).isEmpty();
    }

    @Test
    void a_suspended_or_unknown_organization_is_not_active() {
        assertThat(rights().isActive(BANK_A)).isTrue();
        assertThat(rights().isActive(BANK_S)).isFalse();
        assertThat(rights().isActive(OrganizationAlias.of("nobody"))).isFalse();
    }

    @Test
    void a_registered_dt_has_its_owner_an_unknown_one_none() {
        assertThat(rights().ownerOf(dtOfA)).contains(BANK_A);
        assertThat(rights().ownerOf(randomDt())).isEmpty();
    }

    static DataTokenId randomDt() {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        return DataTokenId.of("0x" + HexFormat.of().formatHex(id));
    }
}
