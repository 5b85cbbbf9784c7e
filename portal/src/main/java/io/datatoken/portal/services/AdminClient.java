package io.datatoken.portal.services;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The admin's part of the asset service's API: onboarding and suspending organizations, publishing and deprecating ops. */
@ApplicationScoped
public class AdminClient {

    private static final String ORGANIZATIONS = AssetClient.BASE + "/organizations";
    private static final String OPS = AssetClient.BASE + "/ops";
    private static final TypeReference<List<Organization>> ORGANIZATION_LIST = new TypeReference<>() {
    };

    private ServicesClient client;

    /** For CDI proxies only. */
    protected AdminClient() {
    }

    @Inject
    public AdminClient(ServicesClient client) {
        this.client = client;
    }

    /** Keycloak organization and members, chain account and registration, all or nothing. */
    public Organization onboard(NewOrganization organization) {
        return client.post(ORGANIZATIONS, organization, Organization.class);
    }

    /** Every organization the chain records, suspended ones included, by alias (the chain knows no names or domains). */
    public List<Organization> organizations() {
        return client.get(ORGANIZATIONS, Query.none(), ORGANIZATION_LIST);
    }

    public Organization organization(String alias) {
        return client.get(ORGANIZATIONS + "/" + AssetClient.segment(alias), Query.none(), Organization.class);
    }

    public Organization suspend(String alias) {
        return client.post(ORGANIZATIONS + "/" + AssetClient.segment(alias) + "/suspension", null, Organization.class);
    }

    public Organization reinstate(String alias) {
        return client.delete(ORGANIZATIONS + "/" + AssetClient.segment(alias) + "/suspension", Organization.class);
    }

    /** Publishes a trusted op: the package goes as it is (application/octet-stream). */
    public TrustedOp publishOp(String name, String version, byte[] codePackage) {
        return client.postBytes(OPS, Query.of("name", name).and("version", version), codePackage,
                "application/octet-stream", TrustedOp.class);
    }

    public TrustedOp op(String opHash) {
        return client.get(OPS + "/" + AssetClient.segment(opHash), Query.none(), TrustedOp.class);
    }

    public TrustedOp deprecateOp(String opHash) {
        return client.post(OPS + "/" + AssetClient.segment(opHash) + "/deprecation", null, TrustedOp.class);
    }
}
