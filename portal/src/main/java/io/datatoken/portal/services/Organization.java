package io.datatoken.portal.services;

import java.util.List;

/**
 * An onboarded organization as the asset service shows it: name and domain only right after
 * onboarding (the chain records neither), its custodial chain account and every account acting for it.
 */
public record Organization(String alias, String name, String domain, List<String> roles, String account,
                           List<String> accounts, boolean active, List<Member> members) {

    public record Member(String username, List<String> roles) {
    }
}
