package io.datatoken.keycloak;

import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.LedgerRefusal;
import io.datatoken.domain.organization.LedgerUnavailable;
import io.datatoken.domain.organization.OrganizationAlias;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the asset service, as the platform's service account (role platform-service), to add an
 * account to an organization: how services and compute nodes get their own chain accounts into
 * their organization without holding an administrator's credentials.
 */
public final class AssetServiceAccounts {

    private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"[^\"]*/([a-z0-9-]+)\"");

    private final URI assetApi;
    private final ServiceAccountToken token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public AssetServiceAccounts(URI assetApi, ServiceAccountToken token) {
        this.assetApi = assetApi;
        this.token = token;
    }

    public void addAccount(OrganizationAlias organization, ChainAddress account) {
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(assetApi + "/v1/organizations/" + organization.value()
                            + "/accounts"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token.value())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"address\":\"" + account.value() + "\"}"))
                    .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | DirectoryUnavailable e) {
            throw new LedgerUnavailable("cannot have account " + account + " added to '" + organization
                    + "' by the asset service at " + assetApi + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailable("interrupted while asking the asset service", e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        if (status == 404 || status == 409) {
            Matcher type = PROBLEM_TYPE.matcher(response.body());
            throw new LedgerRefusal(type.find() ? type.group(1) : "account-refused", "the asset service refused to add "
                    + "this service's account to '" + organization + "': " + response.body());
        }
        throw new LedgerUnavailable("the asset service answered " + status + " when asked to add an account to '"
                + organization + "': " + response.body(), null);
    }
}
