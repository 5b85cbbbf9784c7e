package io.datatoken.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainProblemsTest {

    @Test
    void names_the_problem_after_the_rule_that_refused() {
        assertThat(DomainProblems.kebab("OrganizationExists")).isEqualTo("organization-exists");
        assertThat(DomainProblems.kebab("NotAdmin")).isEqualTo("not-admin");
    }

    @Test
    void a_platform_value_check_counts_as_bad_input_but_a_librarys_does_not() {
        IllegalArgumentException library;
        try {
            java.util.UUID.fromString("not-a-uuid");
            throw new AssertionError("UUID accepted garbage");
        } catch (IllegalArgumentException e) {
            library = e;
        }

        assertThat(DomainProblems.raisedByPlatform(new IllegalArgumentException("alias 'A B' is not valid"))).isTrue();
        assertThat(DomainProblems.raisedByPlatform(library)).isFalse();
    }
}
