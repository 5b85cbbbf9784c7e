package io.datatoken.portal.ui;

import static io.datatoken.domain.organization.PlatformRole.ADMIN;
import static io.datatoken.domain.organization.PlatformRole.ALGORITHM_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.COMPUTE_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.DATA_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.DATA_USER;
import static io.datatoken.domain.organization.PlatformRole.END_USER;
import static io.datatoken.domain.organization.PlatformRole.REGULATOR;
import static io.datatoken.portal.ui.PortalSection.ADMINISTRATION;
import static io.datatoken.portal.ui.PortalSection.APPROVALS;
import static io.datatoken.portal.ui.PortalSection.AUDIT;
import static io.datatoken.portal.ui.PortalSection.CATALOG;
import static io.datatoken.portal.ui.PortalSection.DASHBOARD;
import static io.datatoken.portal.ui.PortalSection.JOBS;
import static io.datatoken.portal.ui.PortalSection.REGISTER;
import static io.datatoken.portal.ui.PortalSection.TRACE;
import static io.datatoken.portal.ui.PortalSection.WORKFLOWS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PortalSectionTest {

    @Test
    void eachDemoUserSeesTheSectionsOfTheirRoles() {
        assertThat(PortalSection.visibleTo(Set.of(DATA_PROVIDER, COMPUTE_PROVIDER)))
                .as("alice, bob, victor").containsExactly(DASHBOARD, CATALOG, REGISTER, APPROVALS, TRACE);
        assertThat(PortalSection.visibleTo(Set.of(ALGORITHM_PROVIDER, DATA_USER)))
                .as("carol, mia").containsExactly(DASHBOARD, CATALOG, REGISTER, WORKFLOWS, JOBS, TRACE);
        assertThat(PortalSection.visibleTo(Set.of(REGULATOR))).as("rita").containsExactly(DASHBOARD, CATALOG, TRACE, AUDIT);
        assertThat(PortalSection.visibleTo(Set.of(ADMIN))).as("admin")
                .containsExactly(DASHBOARD, CATALOG, TRACE, AUDIT, ADMINISTRATION);
        assertThat(PortalSection.visibleTo(Set.of())).as("no platform role").containsExactly(DASHBOARD);
    }

    @Test
    void anEndUserSeesTheDashboardAndTheTraceOnly() {
        assertThat(PortalSection.visibleTo(Set.of(END_USER))).as("u1, u2, u3").containsExactly(DASHBOARD, TRACE);
        assertThat(CATALOG.allows(Set.of(END_USER))).as("the asset service refuses end users its catalog").isFalse();
        assertThat(REGISTER.allows(Set.of(END_USER))).as("they register their data at their device").isFalse();
    }

    @Test
    void aPathBelongsToItsSectionAndEverythingBelowIt() {
        assertThat(PortalSection.owning("")).contains(DASHBOARD);
        assertThat(PortalSection.owning("/")).contains(DASHBOARD);
        assertThat(PortalSection.owning("admin")).contains(ADMINISTRATION);
        assertThat(PortalSection.owning("admin/organizations/new")).contains(ADMINISTRATION);
        assertThat(PortalSection.owning("audit/")).contains(AUDIT);
        assertThat(PortalSection.owning("administrator")).isEmpty();
        assertThat(PortalSection.owning("somewhere/else")).isEmpty();
    }

    @Test
    void keysNameElementsAndTexts() {
        assertThat(DASHBOARD.key()).isEqualTo("dashboard");
        assertThat(ADMINISTRATION.key()).isEqualTo("admin");
        assertThat(AUDIT.labelKey()).isEqualTo("nav.audit");
    }
}
