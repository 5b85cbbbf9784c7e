package io.datatoken.portal.ui.admin;

import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.portal.services.NewOrganization;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the onboarding form holds: the organization, its platform roles and its first member, who gets
 * the organization's roles and signs in with a temporary password (Keycloak asks for a new one).
 */
public class OnboardingForm {

    /** The platform roles an organization may have (the admin role is never given through onboarding). */
    static final List<String> ROLES = List.of("data-provider", "compute-provider", "algorithm-provider", "data-user",
            "regulator");
    /** Keycloak lowers usernames; these are the characters its default user profile allows. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,62}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");
    static final int MIN_PASSWORD = 8;

    private String alias = "";
    private String name = "";
    private String domain = "";
    private Set<String> roles = new LinkedHashSet<>();
    private String username = "";
    private String email = "";
    private String firstName = "";
    private String lastName = "";
    private String password = "";

    /** As the domain's {@link OrganizationAlias#of} checks: lowercase letters, digits and inner hyphens, at most 63. */
    static boolean isValidAlias(String alias) {
        try {
            OrganizationAlias.of(alias == null ? null : alias.strip());
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    static boolean isValidDomain(String domain) {
        return domain != null && DOMAIN.matcher(domain.strip()).matches();
    }

    static boolean isValidRoles(Set<String> roles) {
        return roles != null && !roles.isEmpty() && ROLES.containsAll(roles);
    }

    static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username.strip()).matches();
    }

    static boolean isValidEmail(String email) {
        return email != null && EMAIL.matcher(email.strip()).matches();
    }

    static boolean isValidPassword(String password) {
        return password != null && password.length() >= MIN_PASSWORD && !password.isBlank();
    }

    static boolean isFilled(String text) {
        return text != null && !text.isBlank();
    }

    /** The request the asset service takes; its roles in the order of {@link #ROLES}. */
    NewOrganization toRequest() {
        List<String> chosen = ROLES.stream().filter(roles::contains).toList();
        var member = new NewOrganization.Member(username.strip(), email.strip(), firstName.strip(), lastName.strip(),
                chosen, password);
        return new NewOrganization(alias.strip(), name.strip(), domain.strip(), chosen, List.of(member));
    }

    public String getAlias() {
        return alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public Set<String> getRoles() {
        return roles;
    }

    public void setRoles(Set<String> roles) {
        this.roles = roles == null ? new LinkedHashSet<>() : new LinkedHashSet<>(roles);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
