package io.datatoken.privacy.psi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The bulk curve work of PSI (hash-to-curve and scalar multiplication, nearly all of its time) split
 * in chunks over a fixed number of threads, multiplying with one {@link X25519Engine}. Both parties of
 * one process may share a pool: their steps alternate, never overlap.
 */
public final class BlindingPool implements AutoCloseable {

    private static final int CHUNKS_PER_THREAD = 8;
    private static final int MIN_CHUNK = 64;
    /** Items hashed to the curve with one inversion: the inversion's cost shared, the batch small in cache. */
    private static final int HASH_BATCH = 256;

    private final int threads;
    private final X25519Engine engine;
    private final ExecutorService executor;

    /** A pool of the given threads on the fastest engine here ({@link X25519Engine#fastest()}). */
    public BlindingPool(int threads) {
        this(threads, X25519Engine.fastest());
    }

    public BlindingPool(int threads, X25519Engine engine) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        this.threads = threads;
        this.engine = engine;
        this.executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "psi-blinding");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A pool with a thread per available core. */
    public static BlindingPool allCores() {
        return new BlindingPool(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    public X25519Engine engine() {
        return engine;
    }

    /** [key] H(item) for each item, in the items' order. */
    BlindedPoints hashAndBlind(List<byte[]> items, BlindingKey key) {
        byte[] out = new byte[items.size() * BlindedPoints.POINT_SIZE];
        inChunks(items.size(), (from, to) -> {
            HashToCurve25519 hash = HashToCurve25519.forPsi();
            byte[] u = new byte[HASH_BATCH * BlindedPoints.POINT_SIZE];
            try (X25519Engine.Multiplier blinding = key.multiplier(engine)) {
                for (int start = from; start < to; start += HASH_BATCH) {
                    int end = Math.min(to, start + HASH_BATCH);
                    hash.hashToCurve(items, start, end, u, 0);
                    for (int i = start; i < end; i++) {
                        blinding.multiply(u, (i - start) * BlindedPoints.POINT_SIZE, out, i * BlindedPoints.POINT_SIZE);
                    }
                }
            }
        });
        return new BlindedPoints(out);
    }

    /** [key] P for each point P, in order. */
    BlindedPoints blind(BlindedPoints points, BlindingKey key) {
        byte[] in = points.packed();
        byte[] out = new byte[in.length];
        inChunks(points.size(), (from, to) -> {
            try (X25519Engine.Multiplier blinding = key.multiplier(engine)) {
                for (int i = from; i < to; i++) {
                    blinding.multiply(in, i * BlindedPoints.POINT_SIZE, out, i * BlindedPoints.POINT_SIZE);
                }
            }
        });
        return new BlindedPoints(out);
    }

    /** A piece of bulk work over the indices [from, to). */
    public interface Range {
        void run(int from, int to);
    }

    /**
     * Runs body over [0, count) in chunks on the pool's threads and returns when all are done. Public
     * so that {@code bench/psi.java} times the bare scalar multiplications on the very same threads.
     */
    public void inChunks(int count, Range body) {
        if (count == 0) {
            return;
        }
        int chunk = Math.max(MIN_CHUNK, Math.ceilDiv(count, threads * CHUNKS_PER_THREAD));
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int from = 0; from < count; from += chunk) {
            int start = from, end = Math.min(count, from + chunk);
            tasks.add(() -> {
                body.run(start, end);
                return null;
            });
        }
        try {
            for (Future<Void> done : executor.invokeAll(tasks)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while blinding", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("blinding failed", e.getCause());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
