package io.datatoken.tracer.refusals;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.chain.ChainAccounts;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.EndUser;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReportingRights} answers, as the ledgers do (OrganizationLedger#organizationOf,
 * #findEndUser and #isActive, DataTokenLedger#find). An implementation sets up:
 * <ul>
 *   <li>bank A with an account, a DT of its own, end user u1 (with an account and a DT registered as
 *       u1's own) and end user u2, removed after being registered;</li>
 *   <li>bank S with an account and end user u1, then suspended.</li>
 * </ul>
 */
abstract class ReportingRightsContract {

    static final OrganizationAlias BANK_A = OrganizationAlias.of("bank-a");
    static final OrganizationAlias BANK_S = OrganizationAlias.of("bank-s");
    static final EndUserId U1 = EndUserId.of("u1");
    static final EndUserId U2 = EndUserId.of("u2");
    private static final SecureRandom RANDOM = new SecureRandom();

    protected final ChainAddress accountOfA = ChainAccounts.generate().address();
    protected final ChainAddress accountOfS = ChainAccounts.generate().address();
    protected final ChainAddress accountOfU1OfA = ChainAccounts.generate().address();
    protected final ChainAddress accountOfU2OfA = ChainAccounts.generate().address();
    protected final ChainAddress accountOfU1OfS = ChainAccounts.generate().address();
    protected final DataTokenId dtOfA = randomDt();
    protected final DataTokenId dtOfU1OfA = randomDt();

    /** The set-up above, with these accounts and DTs. */
    protected abstract ReportingRights rights();

    @Test
    void an_account_acts_for_its_organization_suspended_or_not() {
        assertThat(rights().organizationOf(accountOfA)).contains(BANK_A);
        assertThat(rights().organizationOf(accountOfS)).contains(BANK_S);
        assertThat(rights().organizationOf(ChainAccounts.generate().address())).isEmpty();
    }

    @Test
    void an_end_users_account_is_that_user_of_its_organization_suspended_or_not_and_acts_for_none() {
        assertThat(rights().endUserOf(accountOfU1OfA)).contains(new EndUser(BANK_A, U1, accountOfU1OfA));
        assertThat(rights().endUserOf(accountOfU1OfS)).contains(new EndUser(BANK_S, U1, accountOfU1OfS));
        assertThat(rights().organizationOf(accountOfU1OfA)).isEmpty();
        assertThat(rights().endUserOf(accountOfA)).isEmpty();
        assertThat(rights().endUserOf(ChainAccounts.generate().address())).isEmpty();
    }

    @Test
    void a_removed_end_users_account_is_no_ones() {
        assertThat(rights().endUserOf(accountOfU2OfA)).isEmpty();
        assertThat(rights().organizationOf(accountOfU2OfA)).isEmpty();
    }

    @Test
    void a_suspended_or_unknown_organization_is_not_active() {
        assertThat(rights().isActive(BANK_A)).isTrue();
        assertThat(rights().isActive(BANK_S)).isFalse();
        assertThat(rights().isActive(OrganizationAlias.of("nobody"))).isFalse();
    }

    @Test
    void a_registered_dt_has_its_owner_an_unknown_one_none() {
        assertThat(rights().ownerOf(dtOfA)).contains(ReportingRights.Owner.organization(BANK_A));
        assertThat(rights().ownerOf(randomDt())).isEmpty();
    }

    @Test
    void an_end_users_own_dt_is_owned_by_their_organization_and_names_them() {
        assertThat(rights().ownerOf(dtOfU1OfA)).contains(ReportingRights.Owner.endUser(BANK_A, U1));
    }

    static DataTokenId randomDt() {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        return DataTokenId.of("0x" + HexFormat.of().formatHex(id));
    }
}
