package io.datatoken.compute.datasets;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataToken;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Binds the node's local datasets to its organization's DATA tokens. A binding is checked by
 * reading the dataset once; no API ever returns the data itself.
 */
@ApplicationScoped
public class DatasetBindings {

    @Inject
    DataTokenLedger tokens;

    @Inject
    CsvMatrices csv;

    @Inject
    JdbcMatrices jdbc;

    @PersistenceContext(unitName = "compute")
    EntityManager entities;

    @Inject
    @ConfigProperty(name = "datatoken.compute.organization")
    String nodeOrganization;

    Clock clock = Clock.systemUTC();

    @Transactional
    public DatasetBinding bind(OrganizationAlias caller, DataTokenId dt, String kind, String location) {
        if (!caller.value().equals(nodeOrganization)) {
            throw new NotThisNode("this node runs for '" + nodeOrganization + "', not for '" + caller + "'");
        }
        DataToken token = tokens.find(dt).orElseThrow(() -> new IllegalArgumentException("no asset is registered as " + dt));
        if (!token.owner().equals(caller)) {
            throw new NotThisNode("asset " + dt + " belongs to '" + token.owner() + "'; a node binds its own organization's data");
        }
        if (token.kind() != AssetKind.DATA) {
            throw new IllegalArgumentException("asset " + dt + " is " + token.kind() + "; datasets are bound to DATA assets");
        }
        String source = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
        double[][] matrix = switch (source) {
            case "CSV" -> csv.read(location);
            case "JDBC" -> jdbc.read(location);
            default -> throw new IllegalArgumentException("kind must be CSV or JDBC, was '" + kind + "'");
        };
        if (matrix.length == 0) {
            throw new IllegalArgumentException("the dataset is empty");
        }
        DatasetBinding existing = entities.find(DatasetBinding.class, dt.value());
        if (existing != null) {
            entities.remove(existing);
            entities.flush();
        }
        DatasetBinding binding = new DatasetBinding(dt.value(), caller.value(), source, location,
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
        entities.persist(binding);
        return binding;
    }

    /** The caller's organization is not the one this node runs for, or does not own the asset. */
    public static final class NotThisNode extends RuntimeException {
        public NotThisNode(String message) {
            super(message);
        }
    }
}
