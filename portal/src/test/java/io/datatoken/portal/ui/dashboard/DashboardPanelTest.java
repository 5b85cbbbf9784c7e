package io.datatoken.portal.ui.dashboard;

import static io.datatoken.domain.organization.PlatformRole.ADMIN;
import static io.datatoken.domain.organization.PlatformRole.ALGORITHM_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.COMPUTE_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.DATA_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.DATA_USER;
import static io.datatoken.domain.organization.PlatformRole.END_USER;
import static io.datatoken.domain.organization.PlatformRole.REGULATOR;
import static io.datatoken.portal.ui.dashboard.DashboardPanel.MY_ASSETS;
import static io.datatoken.portal.ui.dashboard.DashboardPanel.MY_DATA;
import static io.datatoken.portal.ui.dashboard.DashboardPanel.RECENT_EVENTS;
import static io.datatoken.portal.ui.dashboard.DashboardPanel.RUNNING_JOBS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DashboardPanelTest {

    @Test
    void eachDemoUserGetsThePanelsTheirServicesAnswer() {
        assertThat(DashboardPanel.shownTo(Set.of(DATA_PROVIDER, COMPUTE_PROVIDER))).as("alice, bob, victor")
                .containsExactly(MY_ASSETS, RECENT_EVENTS);
        assertThat(DashboardPanel.shownTo(Set.of(ALGORITHM_PROVIDER, DATA_USER))).as("carol, mia")
                .containsExactly(MY_ASSETS, RUNNING_JOBS, RECENT_EVENTS);
        assertThat(DashboardPanel.shownTo(Set.of(REGULATOR))).as("rita").containsExactly(RECENT_EVENTS);
        assertThat(DashboardPanel.shownTo(Set.of(ADMIN))).as("admin").containsExactly(RECENT_EVENTS);
    }

    @Test
    void anEndUserGetsTheirOwnDataAndNothingTheServicesRefuseThem() {
        assertThat(DashboardPanel.shownTo(Set.of(END_USER))).as("u1").containsExactly(MY_DATA);
        assertThat(DashboardPanel.shownTo(Set.of(END_USER, DATA_PROVIDER)))
                .as("the services take them for an end user acting for no organization").containsExactly(MY_DATA);
    }

    @Test
    void aUserWithoutAPlatformRoleGetsNoPanelThatCallsAService() {
        assertThat(DashboardPanel.shownTo(Set.of())).isEmpty();
    }
}
