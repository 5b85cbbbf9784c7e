package io.datatoken.portal.ui;

import static io.datatoken.domain.organization.PlatformRole.ADMIN;
import static io.datatoken.domain.organization.PlatformRole.ALGORITHM_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.COMPUTE_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.DATA_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.DATA_USER;
import static io.datatoken.domain.organization.PlatformRole.END_USER;
import static io.datatoken.domain.organization.PlatformRole.REGULATOR;

import com.vaadin.flow.component.icon.VaadinIcon;
import io.datatoken.domain.organization.PlatformRole;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The portal's sections, in navigation order: where each lives (its route path and every path
 * below it), its label, and who may enter it. The navigation shows a user only the sections their
 * roles allow, and {@link SectionGuard} refuses the others, typed URL or not.
 *
 * <p>To build a section, give its view {@code @Route(value = "<path>", layout = MainLayout.class)}
 * and {@code @Dependent}; until a view has the path, {@link PlannedSectionView} stands in for it.
 * Views below a section's path (e.g. {@code catalog/<dt>}) get the section's access rule.
 *
 * <p>A section's roles are those its services answer: an end user (who acts for no organization) gets
 * the dashboard, with their own data, and the trace, where the tracer lets them read their own tokens' only.
 */
public enum PortalSection {
    DASHBOARD("", VaadinIcon.DASHBOARD),
    CATALOG("catalog", VaadinIcon.SEARCH, ADMIN, DATA_PROVIDER, COMPUTE_PROVIDER, ALGORITHM_PROVIDER, DATA_USER,
            REGULATOR),
    REGISTER("register", VaadinIcon.PLUS_CIRCLE_O, DATA_PROVIDER, COMPUTE_PROVIDER, ALGORITHM_PROVIDER),
    WORKFLOWS("workflows", VaadinIcon.CONNECT_O, ALGORITHM_PROVIDER),
    APPROVALS("approvals", VaadinIcon.CHECK_SQUARE_O, DATA_PROVIDER, COMPUTE_PROVIDER),
    JOBS("jobs", VaadinIcon.TASKS, ALGORITHM_PROVIDER, DATA_USER),
    TRACE("trace", VaadinIcon.SITEMAP, DATA_PROVIDER, COMPUTE_PROVIDER, ALGORITHM_PROVIDER, DATA_USER, REGULATOR,
            ADMIN, END_USER),
    AUDIT("audit", VaadinIcon.EYE, REGULATOR, ADMIN),
    ADMINISTRATION("admin", VaadinIcon.COG_O, ADMIN);

    private final String path;
    private final VaadinIcon icon;
    private final Set<PlatformRole> roles;

    /** @param roles who may enter; none listed = every signed-in user */
    PortalSection(String path, VaadinIcon icon, PlatformRole... roles) {
        this.path = path;
        this.icon = icon;
        this.roles = roles.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(roles));
    }

    /** Route path, without slashes ({@code ""} for the dashboard). */
    public String path() {
        return path;
    }

    public VaadinIcon icon() {
        return icon;
    }

    /** Stable name for element ids and translation keys: {@code dashboard}, {@code catalog}, … {@code admin}. */
    public String key() {
        return path.isEmpty() ? "dashboard" : path;
    }

    public String labelKey() {
        return "nav." + key();
    }

    public boolean allows(Set<PlatformRole> userRoles) {
        return roles.isEmpty() || userRoles.stream().anyMatch(roles::contains);
    }

    /** The sections a user with these roles sees, in navigation order. */
    public static List<PortalSection> visibleTo(Set<PlatformRole> userRoles) {
        return Arrays.stream(values()).filter(s -> s.allows(userRoles)).toList();
    }

    /** The section a route path (no leading slash) belongs to: its own path or one below it. */
    public static Optional<PortalSection> owning(String routePath) {
        String path = routePath == null ? "" : routePath.replaceAll("^/+|/+$", "");
        return Arrays.stream(values())
                .filter(s -> s.path.isEmpty() ? path.isEmpty() : path.equals(s.path) || path.startsWith(s.path + "/"))
                .findFirst();
    }
}
