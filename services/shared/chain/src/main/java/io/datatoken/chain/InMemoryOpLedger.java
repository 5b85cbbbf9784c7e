package io.datatoken.chain;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import io.datatoken.domain.content.Cid;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.op.OpLedger;
import io.datatoken.domain.op.TrustedOp;

/**
 * An {@link OpLedger} in memory, for unit tests of services; it passes the same contract test as
 * {@link Web3jOpLedger}: the rules of OpRegistry.sol, refused with the same reasons (the custom
 * error names). A new instance acts as the platform admin; {@link #asNonAdmin()} is another
 * account on the same register. Times are block times (whole seconds).
 */
public final class InMemoryOpLedger implements OpLedger {

    /** An account that is not the admin, as refusals name it. */
    static final String NON_ADMIN_ACCOUNT = "0x00000000000000000000000000000000000000aa";

    private final Register register;
    private final boolean admin;

    /** An empty register on the system clock, acting as its admin. */
    public InMemoryOpLedger() {
        this(Clock.systemUTC());
    }

    /** An empty register whose block time is {@code clock}'s, acting as its admin. */
    public InMemoryOpLedger(Clock clock) {
        this(new Register(clock), true);
    }

    private InMemoryOpLedger(Register register, boolean admin) {
        this.register = register;
        this.admin = admin;
    }

    /** The same register, as an account that may read but not publish or deprecate. */
    public InMemoryOpLedger asNonAdmin() {
        return new InMemoryOpLedger(register, false);
    }

    /** The block time now: the clock's, moved by {@link #advanceTime}, in whole seconds. */
    public Instant now() {
        return register.now();
    }

    public void advanceTime(Duration by) {
        register.advanceTime(by);
    }

    /** Every read and change fails with LedgerUnavailable until {@link #comeBack()}. */
    public void goDown() {
        register.outages(SimulatedOutages::goDown);
    }

    public void comeBack() {
        register.outages(SimulatedOutages::comeBack);
    }

    /** The next change fails with LedgerUnavailable and is not applied. */
    public void failNextWrite() {
        register.outages(SimulatedOutages::failNextWrite);
    }

    /** The next change is applied if the rules allow it, but its caller gets LedgerUnavailable. */
    public void loseNextWriteAnswer() {
        register.outages(SimulatedOutages::loseNextWriteAnswer);
    }

    @Override
    public void publish(OpHash opHash, String name, String version, Cid codeCid) {
        Objects.requireNonNull(opHash, "opHash");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(codeCid, "codeCid");
        register.publish(admin, "publish op " + name + " " + version, opHash, name, version, codeCid);
    }

    @Override
    public void deprecate(OpHash opHash) {
        register.deprecate(admin, "deprecate op " + opHash, opHash);
    }

    @Override
    public Optional<TrustedOp> find(OpHash opHash) {
        return register.find(opHash);
    }

    @Override
    public boolean isUsable(OpHash opHash) {
        return register.find(opHash).map(TrustedOp::usable).orElse(false);
    }

    @Override
    public Optional<TrustedOp> latestVersionOf(String name) {
        return register.latestVersionOf(name);
    }

    @Override
    public List<TrustedOp> all() {
        return register.all();
    }

    /**
     * An op as the contract stores it; checked as a {@link TrustedOp} only when read, as the
     * adapter does (the contract refuses empty names, not blank ones).
     */
    private record Op(OpHash opHash, String name, String version, Cid codeCid, boolean deprecated,
                      Instant publishedAt) {

        TrustedOp trusted() {
            return new TrustedOp(opHash, name, version, codeCid, deprecated, publishedAt);
        }
    }

    /** The ops, shared by every account; thread-safe under its lock. */
    private static final class Register {

        /** OpRegistry.sol's bounds. */
        static final int MAX_NAME_LENGTH = 64;
        static final int MAX_VERSION_LENGTH = 32;
        static final int MAX_CID_LENGTH = 128;

        private final Map<OpHash, Op> ops = new LinkedHashMap<>(); // in publishing order
        private final Map<List<String>, OpHash> opOfNameVersion = new HashMap<>();
        private final Map<String, List<OpHash>> versionsOfName = new HashMap<>();
        private final SimulatedRefusals refusals = new SimulatedRefusals(Web3jOpLedger.DESCRIPTIONS);
        private final SimulatedOutages outages = new SimulatedOutages("op registry");
        private final Clock clock;
        private Duration advanced = Duration.ZERO;

        Register(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        synchronized Instant now() {
            return clock.instant().plus(advanced).truncatedTo(ChronoUnit.SECONDS);
        }

        synchronized void advanceTime(Duration by) {
            if (by.isNegative()) {
                throw new IllegalArgumentException("a chain's clock does not go back");
            }
            advanced = advanced.plus(by);
        }

        synchronized void outages(Consumer<SimulatedOutages> change) {
            change.accept(outages);
        }

        synchronized void publish(boolean admin, String action, OpHash opHash, String name, String version, Cid codeCid) {
            write(action, () -> {
                requireAdmin(admin, action);
                requireText(action, "name", name, MAX_NAME_LENGTH);
                requireText(action, "version", version, MAX_VERSION_LENGTH);
                requireText(action, "codeCid", codeCid.value(), MAX_CID_LENGTH);
                if (ops.containsKey(opHash)) {
                    throw refusals.refuse(action, "OpExists", opHash);
                }
                List<String> nameVersion = List.of(name, version);
                if (opOfNameVersion.containsKey(nameVersion)) {
                    throw refusals.refuse(action, "VersionExists", name, version);
                }
                ops.put(opHash, new Op(opHash, name, version, codeCid, false, now()));
                opOfNameVersion.put(nameVersion, opHash);
                versionsOfName.computeIfAbsent(name, n -> new ArrayList<>()).add(opHash);
            });
        }

        synchronized void deprecate(boolean admin, String action, OpHash opHash) {
            write(action, () -> {
                requireAdmin(admin, action);
                Op op = ops.get(opHash);
                if (op == null) {
                    throw refusals.refuse(action, "UnknownOp", opHash);
                }
                if (op.deprecated()) {
                    throw refusals.refuse(action, "AlreadyDeprecated", opHash);
                }
                ops.put(opHash, new Op(opHash, op.name(), op.version(), op.codeCid(), true, op.publishedAt()));
            });
        }

        synchronized Optional<TrustedOp> find(OpHash opHash) {
            outages.beforeRead();
            return Optional.ofNullable(ops.get(opHash)).map(Op::trusted);
        }

        synchronized Optional<TrustedOp> latestVersionOf(String name) {
            outages.beforeRead();
            List<OpHash> versions = versionsOfName.getOrDefault(name, List.of());
            for (int i = versions.size() - 1; i >= 0; i--) {
                Op op = ops.get(versions.get(i));
                if (!op.deprecated()) {
                    return Optional.of(op.trusted());
                }
            }
            return Optional.empty();
        }

        synchronized List<TrustedOp> all() {
            outages.beforeRead();
            return ops.values().stream().map(Op::trusted).toList();
        }

        private void write(String action, Runnable change) {
            boolean answerLost = outages.beforeWrite(action);
            try {
                change.run();
            } catch (RuntimeException refused) {
                // a lost answer tells the caller nothing, refused or applied
                throw answerLost ? outages.unavailable(action) : refused;
            }
            if (answerLost) {
                throw outages.unavailable(action);
            }
        }

        private void requireAdmin(boolean admin, String action) {
            if (!admin) {
                throw refusals.refuse(action, "NotAdmin", NON_ADMIN_ACCOUNT);
            }
        }

        private void requireText(String action, String field, String value, int max) {
            int length = value.getBytes(StandardCharsets.UTF_8).length;
            if (length == 0) {
                throw refusals.refuse(action, "EmptyField", field);
            }
            if (length > max) {
                throw refusals.refuse(action, "FieldTooLong", field, length, max);
            }
        }
    }
}
