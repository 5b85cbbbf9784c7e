package io.datatoken.keycloak;

import io.datatoken.domain.organization.DirectoryMember;
import io.datatoken.domain.organization.DirectoryOrganization;
import io.datatoken.domain.organization.DirectoryRefusal;
import io.datatoken.domain.organization.NewMember;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.OrganizationDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A fake directory for unit tests; obeys the same contract as the Keycloak adapter. */
public class InMemoryOrganizationDirectory implements OrganizationDirectory {

    private final Map<OrganizationAlias, DirectoryOrganization> organizations = new LinkedHashMap<>();
    private final Map<OrganizationAlias, List<DirectoryMember>> members = new LinkedHashMap<>();

    @Override
    public synchronized DirectoryOrganization createOrganization(OrganizationAlias alias, String name, String domain) {
        boolean taken = organizations.values().stream().anyMatch(o -> o.alias().equals(alias) || o.name().equals(name)
                || domain.equals(o.domain()));
        if (taken) {
            throw new DirectoryRefusal("OrganizationExists", "organization '" + alias + "' exists already");
        }
        var organization = new DirectoryOrganization(UUID.randomUUID().toString(), alias, name, domain);
        organizations.put(alias, organization);
        members.put(alias, new ArrayList<>());
        return organization;
    }

    @Override
    public synchronized Optional<DirectoryOrganization> find(OrganizationAlias alias) {
        return Optional.ofNullable(organizations.get(alias));
    }

    @Override
    public synchronized DirectoryMember addMember(OrganizationAlias alias, NewMember member) {
        if (!organizations.containsKey(alias)) {
            throw new DirectoryRefusal("UnknownOrganization", "no organization '" + alias + "'");
        }
        boolean taken = members.values().stream().flatMap(List::stream)
                .anyMatch(m -> m.username().equals(member.username()) || m.email().equals(member.email()));
        if (taken) {
            throw new DirectoryRefusal("MemberExists", "user '" + member.username() + "' exists already");
        }
        var created = new DirectoryMember(UUID.randomUUID().toString(), member.username(), member.email(), member.roles());
        members.get(alias).add(created);
        return created;
    }

    @Override
    public synchronized List<DirectoryMember> membersOf(OrganizationAlias alias) {
        if (!organizations.containsKey(alias)) {
            throw new DirectoryRefusal("UnknownOrganization", "no organization '" + alias + "'");
        }
        return List.copyOf(members.get(alias));
    }

    @Override
    public synchronized void deleteOrganization(OrganizationAlias alias) {
        organizations.remove(alias);
        members.remove(alias);
    }
}
