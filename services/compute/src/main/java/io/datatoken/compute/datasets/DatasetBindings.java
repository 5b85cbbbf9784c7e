package io.datatoken.compute.datasets;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.compute.runs.NodeParty;
import io.datatoken.domain.token.DataToken;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import io.datatoken.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.List;
import java.util.Optional;

/**
 * Binds the node's local datasets to the DATA tokens of the party it runs for (its organization's,
 * or on a device node its end user's). A binding is checked by
 * reading the dataset once; no API ever returns the data itself.
 */
@ApplicationScoped
public class DatasetBindings {

    /** A CSV file of identifiers, one per line (a PSI party's list), rather than a numeric matrix. */
    public static final String ITEMS = "ITEMS";

    @Inject
    DataTokenLedger tokens;

    @Inject
    CsvMatrices csv;

    @Inject
    JdbcMatrices jdbc;

    @PersistenceContext(unitName = "compute")
    EntityManager entities;

    @Inject
    NodeParty party;

    Clock clock = Clock.systemUTC();

    /**
     * Binds a dataset to a DATA asset (with the party's private weights W when it runs ss-share), or
     * the owner's labels to an ALGORITHM asset (to train a model on a job's result). Both are read
     * once here to check them.
     */
    @Transactional
    public DatasetBinding bind(Caller caller, DataTokenId dt, String kind, String location, String weights) {
        if (!party.actsFor(caller)) {
            throw new NotThisNode("this node runs for " + party + ", not for " + caller.endUser().map(u -> "end user " + u)
                    .orElse(caller.organization().map(o -> "'" + o + "'").orElse("a caller of no organization")));
        }
        DataToken token = tokens.find(dt).orElseThrow(() -> new IllegalArgumentException("no asset is registered as " + dt));
        if (!party.holds(token)) {
            throw new NotThisNode(party.whyNotHeld(token) + "; a node binds the data of the party it runs for");
        }
        if (token.kind() != AssetKind.DATA && token.kind() != AssetKind.ALGORITHM) {
            throw new IllegalArgumentException("asset " + dt + " is " + token.kind() + "; datasets are bound to DATA assets "
                    + "(labels to ALGORITHM assets)");
        }
        if (token.kind() == AssetKind.ALGORITHM && weights != null) {
            throw new IllegalArgumentException("an ALGORITHM asset takes labels only: leave out 'weights'");
        }
        String source = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
        if (source.equals(ITEMS)) {
            if (weights != null) {
                throw new IllegalArgumentException("a list of identifiers takes no weights: leave out 'weights'");
            }
            if (new CsvItems(csv).read(location).isEmpty()) {
                throw new IllegalArgumentException(location + " holds no identifiers");
            }
        }
        double[][] matrix = source.equals(ITEMS) ? null : read(source, kind, location);
        if (matrix != null && matrix.length == 0) {
            throw new IllegalArgumentException("the dataset is empty");
        }
        if (weights != null) {
            double[][] w = read(source, kind, weights);
            if (w.length != matrix[0].length) {
                throw new IllegalArgumentException("the weights W must have one row per column of the dataset ("
                        + matrix[0].length + "), they have " + w.length);
            }
        }
        DatasetBinding existing = entities.find(DatasetBinding.class, dt.value());
        if (existing != null) {
            entities.remove(existing);
            entities.flush();
        }
        DatasetBinding binding = new DatasetBinding(dt.value(), party.organization().value(), source, location, weights,
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
        entities.persist(binding);
        return binding;
    }

    /** The dataset bound to {@code dt}, read now; never leaves the node. */
    public Optional<double[][]> datasetOf(DataTokenId dt) {
        return Optional.ofNullable(entities.find(DatasetBinding.class, dt.value()))
                .map(b -> read(b.sourceKind(), b.sourceKind(), b.location()));
    }

    /**
     * The dataset bound to {@code dt} as a list of identifiers (kind {@value #ITEMS}: a CSV file, the
     * first field of each line), read now.
     */
    public Optional<List<String>> itemsOf(DataTokenId dt) {
        return Optional.ofNullable(entities.find(DatasetBinding.class, dt.value())).map(b -> {
            if (!b.sourceKind().equals(ITEMS)) {
                throw new IllegalArgumentException("the dataset of " + dt + " is bound as " + b.sourceKind() + "; bind "
                        + "its list of identifiers with kind " + ITEMS);
            }
            return new CsvItems(csv).read(b.location());
        });
    }

    /** The private weights bound with {@code dt}'s dataset, read now. */
    public Optional<double[][]> weightsOf(DataTokenId dt) {
        return Optional.ofNullable(entities.find(DatasetBinding.class, dt.value()))
                .flatMap(b -> b.weightsLocation().map(w -> read(b.sourceKind(), b.sourceKind(), w)));
    }

    private double[][] read(String source, String kind, String location) {
        return switch (source) {
            case "CSV" -> csv.read(location);
            case "JDBC" -> jdbc.read(location);
            case ITEMS -> throw new IllegalArgumentException("the dataset is a list of identifiers (" + ITEMS + "), "
                    + "not numbers");
            default -> throw new IllegalArgumentException("kind must be CSV, JDBC or " + ITEMS + ", was '" + kind + "'");
        };
    }

    /** The caller is not the party this node runs for, or the asset is not that party's. */
    public static final class NotThisNode extends RuntimeException {
        public NotThisNode(String message) {
            super(message);
        }
    }
}
