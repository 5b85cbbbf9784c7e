// The indexed side of ./datatoken bench trace (run by bench/trace.mjs with the tracer's classpath):
// times the tracer's own LineageQueries.lineage(dt, direction, depth), so exactly the SQL the service
// runs, through Hibernate (the service's JPA provider) and the PostgreSQL driver, one transaction per
// call as its @Transactional, on a connection kept open as the server's pool keeps it, with
// currentSchema=bench_trace where the service's data source says currentSchema=tracer.
//
// Input (--dts file): lines "<set> <direction> <dt>", the set 'warmup' first (timed, not reported).
// Output (stdout): "call <set> <direction> <dt> <ms> <tokens> <edges> <jobs> <truncated>" per call;
// then, for the slowest call of each set and direction, "plan <set> <direction> <dt> <statement> <line>"
// lines: EXPLAIN (ANALYZE, BUFFERS) of each statement lineage() issued for that DT.
//
// Usage: java -cp <tracer classes and test classpath> bench/trace-queries.java --url <jdbc url>
//        --user <user> --dts <file> [--depth 10]    (password from PGPASSWORD)
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.tracer.lineage.Direction;
import io.datatoken.tracer.lineage.LineageQueries;
import io.datatoken.tracer.lineage.LineageView;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.Query;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

public class TraceQueries {

    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

    record Call(String set, Direction direction, String dt) {}

    /** A statement lineage() issued, with its positional parameters, to EXPLAIN afterwards. */
    record Statement(String sql, Map<Integer, Object> parameters) {}

    public static void main(String[] args) throws Exception {
        HIBERNATE_LOG.setLevel(Level.WARNING);
        Map<String, String> options = new HashMap<>(Map.of("depth", "10"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int depth = Integer.parseInt(options.get("depth"));
        List<Call> calls = Files.readAllLines(Path.of(options.get("dts"))).stream().filter(l -> !l.isBlank())
                .map(l -> l.trim().split("\\s+"))
                .map(f -> new Call(f[0], Direction.valueOf(f[1].toUpperCase(Locale.ROOT)), f[2])).toList();

        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(options.get("url"));
        postgres.setUser(options.get("user"));
        postgres.setPassword(System.getenv("PGPASSWORD"));
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("tracer", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", pooled(postgres),
                "jakarta.persistence.nonJtaDataSource", pooled(postgres),
                "hibernate.transaction.jta.platform", "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform"));

        Map<String, Call> slowest = new LinkedHashMap<>();
        Map<String, Double> slowestMs = new HashMap<>();
        for (Call call : calls) {
            DataTokenId dt = DataTokenId.of(call.dt());
            long t0 = System.nanoTime();
            LineageView view = inTransaction(factory, em -> queries(em).lineage(dt, call.direction(), depth))
                    .orElseThrow(() -> new IllegalStateException("no token " + call.dt() + " in the bench index"));
            double ms = (System.nanoTime() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "call %s %s %s %.3f %d %d %d %b%n", call.set(), call.direction(), call.dt(),
                    ms, view.tokens().size(), view.edges().size(), view.jobs().size(), view.truncated());
            String key = call.set() + " " + call.direction();
            if (!call.set().equals("warmup") && ms > slowestMs.getOrDefault(key, -1.0)) {
                slowest.put(key, call);
                slowestMs.put(key, ms);
            }
        }
        for (Call call : slowest.values()) {
            explain(factory, call, depth);
        }
        factory.close();
    }

    /** Runs lineage() once more for the call recording its statements, then EXPLAINs each of them. */
    private static void explain(EntityManagerFactory factory, Call call, int depth) {
        List<Statement> statements = new ArrayList<>();
        inTransaction(factory, em -> queries(recording(em, statements))
                .lineage(DataTokenId.of(call.dt()), call.direction(), depth));
        inTransaction(factory, em -> {
            for (int n = 0; n < statements.size(); n++) {
                Query explain = em.createNativeQuery("explain (analyze, buffers) " + statements.get(n).sql());
                statements.get(n).parameters().forEach(explain::setParameter);
                for (Object line : explain.getResultList()) {
                    System.out.printf("plan %s %s %s %d %s%n", call.set(), call.direction(), call.dt(), n + 1, line);
                }
            }
            return null;
        });
    }

    private static LineageQueries queries(EntityManager em) {
        try {
            LineageQueries queries = new LineageQueries();
            Field entities = LineageQueries.class.getDeclaredField("entities");
            entities.setAccessible(true);
            entities.set(queries, em);
            return queries;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("LineageQueries has no field 'entities' any more: update the bench", e);
        }
    }

    /** One transaction per call, as the container's @Transactional on lineage(). */
    private static <T> T inTransaction(EntityManagerFactory factory, java.util.function.Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** One connection, opened once and handed out again on every request, as a pool would. */
    private static DataSource pooled(PGSimpleDataSource postgres) throws Exception {
        Connection connection = postgres.getConnection();
        Connection handle = proxy(Connection.class, (method, args) -> method.getName().equals("close") ? null
                : method.invoke(connection, args));
        return proxy(DataSource.class, (method, args) -> method.getName().equals("getConnection") ? handle
                : method.invoke(postgres, args));
    }

    /** The entity manager, recording every native query it creates and the parameters set on it. */
    private static EntityManager recording(EntityManager em, List<Statement> statements) {
        return proxy(EntityManager.class, (method, args) -> {
            Object result = method.invoke(em, args);
            if (!method.getName().equals("createNativeQuery")) {
                return result;
            }
            Statement statement = new Statement((String) args[0], new TreeMap<>());
            statements.add(statement);
            Query query = (Query) result;
            return proxy(Query.class, (queryMethod, queryArgs) -> {
                if (queryMethod.getName().equals("setParameter") && queryArgs[0] instanceof Integer position) {
                    statement.parameters().put(position, queryArgs[1]);
                }
                Object value = queryMethod.invoke(query, queryArgs);
                return value == query ? null : value;
            });
        });
    }

    interface Handler {
        Object handle(java.lang.reflect.Method method, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Handler handler) {
        return (T) Proxy.newProxyInstance(TraceQueries.class.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            try {
                Object result = handler.handle(method, args);
                // A fluent call (setParameter) returns the query itself: keep returning the proxy.
                return result == null && method.getReturnType().isAssignableFrom(type) ? p : result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
