package io.datatoken.tracer.index;

import io.datatoken.support.persistence.SchemaMigration;

/** The tracer's schema as already migrated (or not), without a database: for the wiring's unit tests. */
class MigratedSchema extends SchemaMigration {

    private volatile State state = new State(true, "3", null);

    MigratedSchema notMigrated(String failure) {
        state = new State(false, null, failure);
        return this;
    }

    @Override
    public synchronized State migrate() {
        return state;
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public String schema() {
        return "tracer";
    }
}
