package io.datatoken.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datatoken.domain.organization.DirectoryMember;
import io.datatoken.domain.organization.DirectoryRefusal;
import io.datatoken.domain.organization.NewMember;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.OrganizationDirectory;
import io.datatoken.domain.organization.PlatformRole;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OrganizationDirectory} does, whether Keycloak or the fake. Each test works on
 * organizations with fresh random aliases and deletes them afterwards, so it can run against a
 * shared, long-lived directory.
 */
public abstract class OrganizationDirectoryContract {

    protected abstract OrganizationDirectory directory();

    private OrganizationAlias alias;
    private String suffix;

    @BeforeEach
    void freshAlias() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        alias = OrganizationAlias.of("org-" + suffix);
    }

    @AfterEach
    void cleanUp() {
        directory().deleteOrganization(alias);
    }

    @Test
    void creates_and_finds_an_organization_by_alias() {
        var created = directory().createOrganization(alias, "Org " + suffix, suffix + ".example");

        assertThat(created.alias()).isEqualTo(alias);
        assertThat(directory().find(alias)).hasValueSatisfying(found -> {
            assertThat(found.id()).isEqualTo(created.id());
            assertThat(found.name()).isEqualTo("Org " + suffix);
            assertThat(found.domain()).isEqualTo(suffix + ".example");
        });
    }

    @Test
    void refuses_a_second_organization_with_the_same_alias() {
        directory().createOrganization(alias, "Org " + suffix, suffix + ".example");

        assertThatThrownBy(() -> directory().createOrganization(alias, "Org " + suffix, suffix + ".example"))
                .isInstanceOfSatisfying(DirectoryRefusal.class, e -> assertThat(e.reason()).isEqualTo("OrganizationExists"));
    }

    @Test
    void adds_members_with_their_platform_roles() {
        directory().createOrganization(alias, "Org " + suffix, suffix + ".example");

        DirectoryMember added = directory().addMember(alias, member("dana-" + suffix,
                Set.of(PlatformRole.DATA_PROVIDER, PlatformRole.COMPUTE_PROVIDER)));

        assertThat(directory().membersOf(alias)).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(added.id());
            assertThat(m.username()).isEqualTo("dana-" + suffix);
            assertThat(m.roles()).containsExactlyInAnyOrder(PlatformRole.DATA_PROVIDER, PlatformRole.COMPUTE_PROVIDER);
        });
    }

    @Test
    void refuses_a_member_for_an_unknown_organization() {
        assertThatThrownBy(() -> directory().addMember(alias, member("eve-" + suffix, Set.of(PlatformRole.DATA_USER))))
                .isInstanceOfSatisfying(DirectoryRefusal.class, e -> assertThat(e.reason()).isEqualTo("UnknownOrganization"));
    }

    @Test
    void refuses_a_username_that_exists() {
        directory().createOrganization(alias, "Org " + suffix, suffix + ".example");
        directory().addMember(alias, member("finn-" + suffix, Set.of(PlatformRole.DATA_USER)));

        assertThatThrownBy(() -> directory().addMember(alias, member("finn-" + suffix, Set.of(PlatformRole.DATA_USER))))
                .isInstanceOfSatisfying(DirectoryRefusal.class, e -> assertThat(e.reason()).isEqualTo("MemberExists"));
    }

    @Test
    void deleting_an_organization_removes_it_and_its_members() {
        directory().createOrganization(alias, "Org " + suffix, suffix + ".example");
        directory().addMember(alias, member("gus-" + suffix, Set.of(PlatformRole.DATA_USER)));

        directory().deleteOrganization(alias);

        assertThat(directory().find(alias)).isEmpty();
        directory().createOrganization(alias, "Org " + suffix, suffix + ".example");
        assertThat(directory().membersOf(alias)).isEmpty();
        directory().addMember(alias, member("gus-" + suffix, Set.of(PlatformRole.DATA_USER)));
    }

    private static NewMember member(String username, Set<PlatformRole> roles) {
        return new NewMember(username, username + "@members.example", "First", "Last", roles, "initial-" + username);
    }
}
