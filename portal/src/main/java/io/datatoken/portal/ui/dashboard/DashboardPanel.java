package io.datatoken.portal.ui.dashboard;

import static io.datatoken.domain.organization.PlatformRole.ADMIN;
import static io.datatoken.domain.organization.PlatformRole.ALGORITHM_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.COMPUTE_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.DATA_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.DATA_USER;
import static io.datatoken.domain.organization.PlatformRole.END_USER;
import static io.datatoken.domain.organization.PlatformRole.REGULATOR;

import io.datatoken.domain.organization.PlatformRole;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The dashboard's panels that call a service, each with the roles whose call that service answers: a
 * panel the service would refuse is not shown at all. An end user's calls are an end user's whatever
 * other roles they hold (the services then act for no organization), so an end user gets their own
 * panel only.
 */
enum DashboardPanel {
    /**
     * The user's own DTs and their consents (tracer, {@code end-users/me/tokens} and their usage; the asset
     * service, their DDOs; the user's device node).
     */
    MY_DATA(END_USER),
    /** The organization's assets and the approvals waiting (asset service, {@code assets}). */
    MY_ASSETS(DATA_PROVIDER, COMPUTE_PROVIDER, ALGORITHM_PROVIDER),
    /** The organization's running jobs (job service). */
    RUNNING_JOBS(ALGORITHM_PROVIDER, DATA_USER),
    /** The newest events of the chain (tracer, {@code audit}). */
    RECENT_EVENTS(ADMIN, DATA_PROVIDER, COMPUTE_PROVIDER, ALGORITHM_PROVIDER, DATA_USER, REGULATOR);

    private final Set<PlatformRole> roles;

    DashboardPanel(PlatformRole... roles) {
        this.roles = EnumSet.copyOf(Arrays.asList(roles));
    }

    /** The panels a user with these roles sees. */
    static Set<DashboardPanel> shownTo(Set<PlatformRole> userRoles) {
        if (userRoles.contains(END_USER)) {
            return EnumSet.of(MY_DATA);
        }
        Set<DashboardPanel> shown = EnumSet.noneOf(DashboardPanel.class);
        Arrays.stream(values()).filter(panel -> userRoles.stream().anyMatch(panel.roles::contains)).forEach(shown::add);
        return shown;
    }
}
