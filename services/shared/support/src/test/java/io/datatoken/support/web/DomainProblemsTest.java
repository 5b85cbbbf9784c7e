package io.datatoken.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainProblemsTest {

    @Test
    void names_the_problem_after_the_rule_that_refused() {
        assertThat(DomainProblems.kebab("OrganizationExists")).isEqualTo("organization-exists");
        assertThat(DomainProblems.kebab("NotAdmin")).isEqualTo("not-admin");
    }
}
