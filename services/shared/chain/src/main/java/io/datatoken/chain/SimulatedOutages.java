package io.datatoken.chain;

import io.datatoken.domain.organization.LedgerUnavailable;

/**
 * The outage switches of the in-memory ledgers: a ledger that is down, a change that never
 * reached it, and a change that was applied but whose answer was lost. The last two are what
 * callers must survive by re-reading before they retry (see {@link LedgerUnavailable}).
 * Not thread-safe: the owning fake calls it under its own lock.
 */
final class SimulatedOutages {

    private final String ledger;
    private boolean down;
    private boolean failNextWrite;
    private boolean loseNextAnswer;

    SimulatedOutages(String ledger) {
        this.ledger = ledger;
    }

    void goDown() {
        down = true;
    }

    void comeBack() {
        down = false;
    }

    void failNextWrite() {
        failNextWrite = true;
    }

    void loseNextWriteAnswer() {
        loseNextAnswer = true;
    }

    void beforeRead() {
        if (down) {
            throw unavailable("read the " + ledger);
        }
    }

    /**
     * Throws if the change cannot reach the ledger now.
     *
     * @return whether its answer is to be lost: apply it, then throw {@link #unavailable}
     */
    boolean beforeWrite(String action) {
        if (down) {
            throw unavailable(action);
        }
        if (failNextWrite) {
            failNextWrite = false;
            throw unavailable(action);
        }
        boolean lose = loseNextAnswer;
        loseNextAnswer = false;
        return lose;
    }

    LedgerUnavailable unavailable(String action) {
        return new LedgerUnavailable("Could not " + action + " on the in-memory " + ledger + ": simulated outage", null);
    }
}
