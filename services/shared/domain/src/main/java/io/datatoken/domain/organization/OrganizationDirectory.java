package io.datatoken.domain.organization;

import java.util.List;
import java.util.Optional;

/**
 * The identity provider's view of organizations and their members: who can sign in, for which
 * organization, with which platform roles. Onboarding writes here; tokens are read from here.
 */
public interface OrganizationDirectory {

    /** Creates an organization; refused with {@code OrganizationExists} if the alias is taken. */
    DirectoryOrganization createOrganization(OrganizationAlias alias, String name, String domain);

    Optional<DirectoryOrganization> find(OrganizationAlias alias);

    /**
     * Creates a user with the given platform roles and makes it a member of the organization;
     * refused with {@code UnknownOrganization} or {@code MemberExists}.
     */
    DirectoryMember addMember(OrganizationAlias alias, NewMember member);

    List<DirectoryMember> membersOf(OrganizationAlias alias);

    /** Removes the organization and the members it brought (to undo a failed onboarding). */
    void deleteOrganization(OrganizationAlias alias);
}
