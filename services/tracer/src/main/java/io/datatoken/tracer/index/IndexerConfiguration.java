package io.datatoken.tracer.index;

import io.datatoken.domain.ledger.ChainLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Produces the indexer with its settings from MicroProfile Config. */
@ApplicationScoped
public class IndexerConfiguration {

    /** Blocks below the head never applied, as a reorganization may still replace them. */
    @Inject
    @ConfigProperty(name = "datatoken.tracer.confirmations", defaultValue = "2")
    int confirmations;

    /** Blocks applied per transaction. */
    @Inject
    @ConfigProperty(name = "datatoken.tracer.batch-blocks", defaultValue = "500")
    int batchBlocks;

    /** Singleton, not application scoped: records cannot be proxied. */
    @Produces
    @Singleton
    IndexerSettings settings() {
        return new IndexerSettings(confirmations, batchBlocks, IndexerSettings.DEFAULTS.keptBlocks());
    }

    @Produces
    @ApplicationScoped
    Indexer indexer(ChainLog chain, IndexStore store, IndexerSettings settings) {
        return new Indexer(chain, store, settings);
    }
}
