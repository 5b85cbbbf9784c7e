package io.datatoken.portal.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.portal.services.NewOrganization;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OnboardingFormTest {

    @Test
    void anAliasHasTheDomainsForm() {
        assertThat(OnboardingForm.isValidAlias("bank-d")).isTrue();
        assertThat(OnboardingForm.isValidAlias(" org-1a2b3c ")).isTrue();
        assertThat(OnboardingForm.isValidAlias("Bank D")).isFalse();
        assertThat(OnboardingForm.isValidAlias("-bank")).isFalse();
        assertThat(OnboardingForm.isValidAlias("bank-")).isFalse();
        assertThat(OnboardingForm.isValidAlias("a".repeat(64))).isFalse();
        assertThat(OnboardingForm.isValidAlias("")).isFalse();
        assertThat(OnboardingForm.isValidAlias(null)).isFalse();
    }

    @Test
    void aDomainHasAtLeastTwoLabels() {
        assertThat(OnboardingForm.isValidDomain("bank-d.example.com")).isTrue();
        assertThat(OnboardingForm.isValidDomain("localhost")).isFalse();
        assertThat(OnboardingForm.isValidDomain("bank d.com")).isFalse();
        assertThat(OnboardingForm.isValidDomain(null)).isFalse();
    }

    @Test
    void rolesAreSomeOfThePlatformRolesAnOrganizationMayHave() {
        assertThat(OnboardingForm.isValidRoles(Set.of("data-provider", "data-user"))).isTrue();
        assertThat(OnboardingForm.isValidRoles(Set.of())).isFalse();
        assertThat(OnboardingForm.isValidRoles(Set.of("admin"))).as("never through onboarding").isFalse();
        assertThat(OnboardingForm.isValidRoles(Set.of("banker"))).isFalse();
    }

    @Test
    void theMembersUsernameEmailAndPasswordAreChecked() {
        assertThat(OnboardingForm.isValidUsername("dora")).isTrue();
        assertThat(OnboardingForm.isValidUsername("Dora")).as("Keycloak lowers usernames").isFalse();
        assertThat(OnboardingForm.isValidUsername("d")).isFalse();
        assertThat(OnboardingForm.isValidUsername("do ra")).isFalse();
        assertThat(OnboardingForm.isValidEmail("dora@bank-d.example.com")).isTrue();
        assertThat(OnboardingForm.isValidEmail("dora")).isFalse();
        assertThat(OnboardingForm.isValidEmail("dora@localhost")).isFalse();
        assertThat(OnboardingForm.isValidPassword("12345678")).isTrue();
        assertThat(OnboardingForm.isValidPassword("1234567")).isFalse();
        assertThat(OnboardingForm.isValidPassword("        ")).isFalse();
        assertThat(OnboardingForm.isValidPassword(null)).isFalse();
    }

    @Test
    void theRequestGivesTheMemberTheOrganizationsRolesInThePlatformsOrder() {
        OnboardingForm form = new OnboardingForm();
        form.setAlias(" bank-d ");
        form.setName("Bank D");
        form.setDomain("bank-d.example.com");
        form.setRoles(Set.of("data-user", "data-provider"));
        form.setUsername("dora");
        form.setEmail("dora@bank-d.example.com");
        form.setFirstName("Dora");
        form.setLastName("Ding");
        form.setPassword("initial-pass");

        NewOrganization request = form.toRequest();

        assertThat(request.alias()).isEqualTo("bank-d");
        assertThat(request.roles()).containsExactly("data-provider", "data-user");
        assertThat(request.members()).singleElement().satisfies(member -> {
            assertThat(member.username()).isEqualTo("dora");
            assertThat(member.roles()).containsExactly("data-provider", "data-user");
            assertThat(member.initialPassword()).isEqualTo("initial-pass");
        });
    }
}
