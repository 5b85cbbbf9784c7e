package io.datatoken.compute.runs;

import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataToken;
import io.datatoken.support.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whom this node acts for: an organization (its premises, decision 0014), or one end user of an
 * organization (a <em>device node</em>, scenario S2, decision 0021), whose key is the node's key. A
 * node runs ops only on the Data Tokens of the party it acts for: an organization's node never on
 * its end users' own tokens, a device node only on its user's.
 */
@ApplicationScoped
public class NodeParty {

    @Inject
    @ConfigProperty(name = "datatoken.compute.organization")
    String organizationValue;

    /** The end user a device node acts for; absent on an organization's node. */
    @Inject
    @ConfigProperty(name = "datatoken.compute.end-user")
    Optional<String> endUserValue;

    private OrganizationAlias organization;
    private Optional<EndUserId> endUser;

    /** A party as configuration would give it (tests and tools; CDI configures its own instance). */
    public static NodeParty of(OrganizationAlias organization, Optional<EndUserId> endUser) {
        NodeParty party = new NodeParty();
        party.organizationValue = organization.value();
        party.endUserValue = endUser.map(EndUserId::value);
        party.parse();
        return party;
    }

    @PostConstruct
    void parse() {
        organization = OrganizationAlias.of(organizationValue.strip());
        endUser = endUserValue.map(String::strip).filter(v -> !v.isEmpty()).map(EndUserId::of);
    }

    /** The organization; on a device node, the one whose end user the node acts for. */
    public OrganizationAlias organization() {
        return organization;
    }

    public Optional<EndUserId> endUser() {
        return endUser;
    }

    public boolean isDevice() {
        return endUser.isPresent();
    }

    /** Whether the token is this party's own: the organization's, and the same end user's or none's. */
    public boolean holds(DataToken token) {
        return token.owner().equals(organization) && token.endUser().equals(endUser);
    }

    /** Why this node does not run for {@code token}; call only when {@link #holds} is false. */
    public String whyNotHeld(DataToken token) {
        if (!token.owner().equals(organization)) {
            return "asset " + token.id() + " belongs to '" + token.owner() + "'; this node runs for " + this;
        }
        return token.endUser().map(user -> "asset " + token.id() + " is end user " + user + "'s own data; only their "
                + "device node runs for it, and this node runs for " + this)
                .orElse("asset " + token.id() + " is '" + organization + "''s own, not its end user's; this node runs for "
                        + this + " only");
    }

    /** Whether the caller may act on this node's data: a member of its organization, or on a device node its end user. */
    public boolean actsFor(Caller caller) {
        return endUser.map(user -> caller.isEndUser(organization, user))
                .orElseGet(() -> caller.organization().filter(organization::equals).isPresent());
    }

    @Override
    public String toString() {
        return endUser.map(user -> "end user " + user + " of '" + organization + "'").orElse("'" + organization + "'");
    }
}
