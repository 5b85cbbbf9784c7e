// ECDH-PSI benchmark, run by ./datatoken bench psi: a whole protocol run between a
// requester (A) and a responder (B) over N x N items, and in the same process, on the same threads,
// the bound: the same number of X25519 scalar multiplications alone (4 per pair of items: A blinds x,
// B re-blinds it, B blinds y, A re-blinds that). Elements per second per core = 2N / wall time / threads.
// The multiplications use the fastest X25519 engine here (OpenSSL's when libcrypto 3 loads, decision
// 0022); Bouncy Castle's, the baseline, is timed in the same run on a sample of the same points.
//
// Options: --size N (default 1000000), --overlap K (common items, default N / 10),
//          --threads T (default: available cores), --warmup W (items per side of the warm-up run),
//          --engine openssl|bouncy-castle (default: the fastest available).

import io.datatoken.privacy.psi.BlindedPoints;
import io.datatoken.privacy.psi.BlindingPool;
import io.datatoken.privacy.psi.IntersectionSize;
import io.datatoken.privacy.psi.PsiRequest;
import io.datatoken.privacy.psi.PsiRequester;
import io.datatoken.privacy.psi.PsiResponder;
import io.datatoken.privacy.psi.PsiResponse;
import io.datatoken.privacy.psi.PsiTerms;
import io.datatoken.privacy.psi.X25519Engine;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

public class psi {

    static final double GOAL_PER_CORE = 15_000;
    static final double GOAL_RATIO = 0.70;

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (IllegalArgumentException bad) {
            // NumberFormatException too: a usage error, said in one line
            System.err.println("bench psi: " + bad.getMessage()
                    + "\nusage: ./datatoken bench psi [--size N] [--overlap K] [--threads T] [--warmup W] "
                    + "[--engine openssl|bouncy-castle]");
            System.exit(2);
        }
    }

    static void run(String[] args) throws Exception {
        int size = intOption(args, "--size", 1_000_000);
        int overlap = intOption(args, "--overlap", size / 10);
        int threads = intOption(args, "--threads", Runtime.getRuntime().availableProcessors());
        int warmup = intOption(args, "--warmup", Math.min(size, 20_000));
        if (overlap > size) {
            throw new IllegalArgumentException("--overlap " + overlap + " exceeds --size " + size);
        }
        X25519Engine engine = engine(args);
        System.out.printf("ECDH-PSI over curve25519 (RFC 9380 hash-to-curve, X25519 by %s), %,d x %,d items, %,d common, "
                + "%d threads on %d cores, load average %s%n", engine.name(), size, size, overlap, threads,
                Runtime.getRuntime().availableProcessors(), loadAverage());

        try (var pool = new BlindingPool(threads, engine)) {
            System.out.printf("warm-up: %,d x %,d ...%n", warmup, warmup);
            run(pool, items("warm-a", warmup, warmup / 10), items("warm-b", warmup, warmup / 10), warmup / 10);

            List<String> a = items("prospect", size, overlap);
            List<String> b = items("client", size, overlap);
            System.gc();
            Run run = run(pool, a, b, overlap);
            double bound = scalarMultsAlone(pool, engine, run.requestMessage.requesterPoints(), 4);
            double boundCpuOfRun = boundCpu;

            double elements = 2.0 * size;
            double perCore = elements / run.total / threads;
            double boundPerCore = elements / bound / threads;
            double ratio = bound / run.total;
            System.out.printf("protocol: %.1f s (A request %.1f s, B response %.1f s, A intersection %.1f s), "
                    + "intersection %,d%n", run.total, run.request, run.respond, run.receive, overlap);
            System.out.printf("bound:    %.1f s for %,d scalar multiplications alone (%.1f us each per thread)%n",
                    bound, 4L * size, bound * threads / (4.0 * size) * 1e6);
            System.out.printf("elements/s per core: %,.0f (goal >= %,.0f: %s); bound %,.0f; ratio %.0f %% (goal >= %.0f %%: %s)%n",
                    perCore, GOAL_PER_CORE, perCore >= GOAL_PER_CORE ? "met" : "NOT met", boundPerCore, ratio * 100,
                    GOAL_RATIO * 100, ratio >= GOAL_RATIO ? "met" : "NOT met");
            System.out.printf("per CPU-second actually received (shared cores): protocol %,.0f elements, bound %,.0f, "
                    + "ratio %.0f %% (CPU %.1f s vs %.1f s; %.0f %% of %d threads' wall time)%n", elements / run.cpu,
                    elements / boundCpuOfRun, boundCpuOfRun / run.cpu * 100, run.cpu, boundCpuOfRun,
                    run.cpu / run.total / threads * 100, threads);
            double perMult = bound * threads / (4.0 * size) * 1e6;
            if (engine != X25519Engine.bouncyCastle()) {
                // the baseline on a sample: all 4N multiplications by Bouncy Castle would double the run
                BlindedPoints sample = BlindedPoints.fromBytes(Arrays.copyOf(run.requestMessage.requesterPoints().toBytes(),
                        Math.min(size, 100_000) * BlindedPoints.POINT_SIZE));
                double baseline = scalarMultsAlone(pool, X25519Engine.bouncyCastle(), sample, 1) * threads / sample.size() * 1e6;
                System.out.printf("X25519 baseline, Bouncy Castle on %,d of the same points: %.1f us per multiplication per "
                        + "thread; %s %.1f us, %.2fx as fast%n", sample.size(), baseline, engine.name(), perMult, baseline / perMult);
            }
            System.out.printf("load average after: %s%n", loadAverage());
        }
    }

    record Run(PsiRequest requestMessage, double request, double respond, double receive, double total, double cpu) {
    }

    /** One protocol run, timed step by step; checks the intersection's size. */
    static Run run(BlindingPool pool, List<String> a, List<String> b, int overlap) {
        var random = new SecureRandom();
        var terms = PsiTerms.responderLearnsSize();
        var requester = new PsiRequester(terms, a, pool, random);
        var responder = new PsiResponder(terms, b, pool, random);
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        PsiRequest request = requester.request();
        long t1 = System.nanoTime();
        PsiResponse response = responder.respond(request);
        long t2 = System.nanoTime();
        Optional<IntersectionSize> size = requester.receive(response);
        size.ifPresent(responder::receive);
        long t3 = System.nanoTime();
        long cpu1 = cpuNanos();
        if (requester.intersection().size() != overlap || responder.intersectionSize().orElse(-1) != overlap) {
            throw new IllegalStateException("wrong intersection: " + requester.intersection().size() + " != " + overlap);
        }
        return new Run(request, seconds(t1 - t0), seconds(t2 - t1), seconds(t3 - t2), seconds(t3 - t0), seconds(cpu1 - cpu0));
    }

    /** Seconds for rounds x points.size() X25519 scalar multiplications by the engine on the pool's threads. */
    static double scalarMultsAlone(BlindingPool pool, X25519Engine engine, BlindedPoints points, int rounds) {
        byte[] in = points.toBytes();
        byte[] out = new byte[in.length];
        byte[] scalar = new byte[32];
        new SecureRandom().nextBytes(scalar);
        long cpu0 = cpuNanos();
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            pool.inChunks(points.size(), (from, to) -> {
                try (var multiplier = engine.multiplier(scalar)) {
                    for (int i = from; i < to; i++) {
                        multiplier.multiply(in, i * BlindedPoints.POINT_SIZE, out, i * BlindedPoints.POINT_SIZE);
                    }
                }
            });
        }
        double wall = seconds(System.nanoTime() - start);
        boundCpu = seconds(cpuNanos() - cpu0);
        return wall;
    }

    static double boundCpu;

    /** CPU time of this process: on shared cores it tells what the run really got. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** size e-mail-like items, the first overlap of them shared by both sides. */
    static List<String> items(String kind, int size, int overlap) {
        List<String> items = new ArrayList<>(size);
        for (int i = 0; i < overlap; i++) {
            items.add("common-" + i + "@example.com");
        }
        for (int i = overlap; i < size; i++) {
            items.add(kind + "-" + i + "@example.com");
        }
        return items;
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "n/a";
        }
    }

    static X25519Engine engine(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--engine")) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("--engine needs a value");
                }
                String name = args[i + 1];
                return switch (name) {
                    case "bouncy-castle" -> X25519Engine.bouncyCastle();
                    case "openssl" -> X25519Engine.openSsl().orElseThrow(() -> new IllegalArgumentException(
                            "--engine openssl: OpenSSL's libcrypto.so.3 does not load here (install libssl3)"));
                    default -> throw new IllegalArgumentException("--engine takes openssl or bouncy-castle, not '" + name + "'");
                };
            }
        }
        return X25519Engine.fastest();
    }

    static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1].replace("_", "").replace("k", "000").replace("M", "000000"));
            }
        }
        for (String arg : args) {
            if (arg.equals(name)) {
                throw new IllegalArgumentException(name + " needs a value");
            }
        }
        return fallback;
    }
}
