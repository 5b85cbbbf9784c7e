package io.datatoken.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.Proof;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.OrganizationAlias;

class DataTokenIdTest {

    private static final DataTokenId DT1 = DataTokenId.of("0x" + "1".repeat(64));
    private static final DataTokenId DT2 = DataTokenId.of("0x" + "2".repeat(64));
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void is_32_bytes_of_hex_in_one_spelling() {
        assertThat(DataTokenId.of("0x" + "A".repeat(64))).isEqualTo(DataTokenId.of("0x" + "a".repeat(64)));
        assertThat(DT1.toString()).isEqualTo("0x" + "1".repeat(64));
        assertThatThrownBy(() -> DataTokenId.of("0x1234")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data token id");
        assertThatThrownBy(() -> DataTokenId.of("0x" + "0".repeat(64))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_token_never_lists_itself_or_a_child_twice() {
        Cid cid = Cid.of(new byte[] {1});
        Proof proof = Proof.sha256Of(new byte[] {1});
        OrganizationAlias bank = OrganizationAlias.of("bank-a");

        assertThat(new DataToken(DT1, bank, AssetKind.DATA, cid, proof, List.of(), T0).isLeaf()).isTrue();
        assertThat(new DataToken(DT1, bank, AssetKind.ALGORITHM, cid, proof, List.of(DT2), T0).isLeaf()).isFalse();
        assertThatThrownBy(() -> new DataToken(DT1, bank, AssetKind.DATA, cid, proof, List.of(DT1), T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataToken(DT1, bank, AssetKind.DATA, cid, proof, List.of(DT2, DT2), T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_end_users_token_is_a_data_leaf_and_an_organizations_has_no_end_user() {
        Cid cid = Cid.of(new byte[] {1});
        Proof proof = Proof.sha256Of(new byte[] {1});
        OrganizationAlias vendor = OrganizationAlias.of("vendor-a");
        Optional<EndUserId> u1 = Optional.of(EndUserId.of("u-0001"));

        assertThat(new DataToken(DT1, vendor, AssetKind.DATA, cid, proof, List.of(), T0, u1).endUser())
                .contains(EndUserId.of("u-0001"));
        assertThat(new DataToken(DT1, vendor, AssetKind.DATA, cid, proof, List.of(), T0).endUser()).isEmpty();
        assertThatThrownBy(() -> new DataToken(DT1, vendor, AssetKind.ALGORITHM, cid, proof, List.of(), T0, u1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a DATA leaf");
        assertThatThrownBy(() -> new DataToken(DT1, vendor, AssetKind.DATA, cid, proof, List.of(DT2), T0, u1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end user u-0001");
    }

    @Test
    void a_grant_is_live_until_revoked_or_expired() {
        Instant later = T0.plusSeconds(60);

        assertThat(new Grant(DT2, DT1, T0, null, false).isLiveAt(later.plusSeconds(1_000_000))).isTrue();
        assertThat(new Grant(DT2, DT1, T0, null, true).isLiveAt(T0)).isFalse();
        Grant expiring = new Grant(DT2, DT1, T0, later, false);
        assertThat(expiring.isLiveAt(later.minusSeconds(1))).isTrue();
        assertThat(expiring.isLiveAt(later)).isFalse();
    }
}
