package io.datatoken.compute.adapters;

import io.datatoken.chain.ChainAccounts;
import io.datatoken.chain.ChainConnection;
import io.datatoken.chain.ChainReaders;
import io.datatoken.chain.NodeMessages;
import io.datatoken.chain.Web3jDataTokenLedger;
import io.datatoken.chain.Web3jTaskMarketLedger;
import io.datatoken.compute.runs.NodeAccount;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.ResultHash;
import io.datatoken.domain.market.TaskMarketLedger;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.LedgerRefusal;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.OrganizationLedger;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import io.datatoken.keycloak.AssetServiceAccounts;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The node's account from its key file. Before its first receipt it makes sure the chain counts it
 * as an account of the node's organization, asking the asset service to add it if not (once per
 * start, and again after a refusal). A device node's account is its end user's: only the
 * organization registers its end users, so the node checks that it did and otherwise says so.
 */
final class ChainNodeAccount implements NodeAccount, AutoCloseable {

    private final Supplier<String> key;
    private final ChainAddress address;
    private final OrganizationAlias organization;
    private final Optional<EndUserId> endUser;
    private final OrganizationLedger organizations;
    private final AssetServiceAccounts registrar;
    private final ChainConnection connection;
    private final TaskMarketLedger market;
    private final DataTokenLedger tokens;
    private volatile boolean registered;

    ChainNodeAccount(Supplier<String> key, OrganizationAlias organization, Optional<EndUserId> endUser,
                     ChainReaders chain, AssetServiceAccounts registrar) {
        this.key = key;
        this.address = ChainAccounts.addressOf(key.get());
        this.organization = organization;
        this.endUser = endUser;
        this.organizations = chain.organizations();
        this.registrar = registrar;
        this.connection = ChainConnection.open(chain.settingsFor(key));
        this.market = new Web3jTaskMarketLedger(connection, chain.address("TaskMarket"));
        this.tokens = new Web3jDataTokenLedger(connection, chain.address("DataTokenRegistry"));
    }

    @Override
    public ChainAddress address() {
        return address;
    }

    @Override
    public DataTokenLedger tokens() {
        return tokens;
    }

    @Override
    public String sign(byte[] message) {
        return NodeMessages.sign(message, key.get());
    }

    @Override
    public void recordReceipt(JobId job, DataTokenId dt, OpHash op, ResultHash result) {
        if (recorded(job, dt, op)) {
            return;
        }
        ensureRegistered();
        try {
            market.recordReceipt(job, dt, op, result);
        } catch (LedgerRefusal refused) {
            if (!"ReceiptExists".equals(refused.reason())) {
                throw refused;
            }
        }
    }

    private boolean recorded(JobId job, DataTokenId dt, OpHash op) {
        return market.receipts(job).stream().anyMatch(r -> r.dt().equals(dt) && r.op().equals(op));
    }

    @Override
    public void ensureRegistered() {
        if (registered) {
            return;
        }
        if (endUser.isPresent()) {
            boolean theirs = organizations.findEndUser(address)
                    .filter(u -> u.organization().equals(organization) && u.id().equals(endUser.get())).isPresent();
            if (!theirs) {
                throw new NotRegistered("this device node's account " + address + " is not end user " + endUser.get()
                        + " of '" + organization + "' on chain; a data provider of '" + organization + "' registers it: "
                        + "POST /asset/api/v1/organizations/" + organization + "/end-users {\"userId\": \"" + endUser.get()
                        + "\", \"account\": \"" + address + "\"}");
            }
            registered = true;
            return;
        }
        if (!organizations.organizationOf(address).filter(organization::equals).isPresent()) {
            registrar.addAccount(organization, address);
        }
        registered = true;
    }

    @Override
    public void close() {
        connection.close();
    }
}
