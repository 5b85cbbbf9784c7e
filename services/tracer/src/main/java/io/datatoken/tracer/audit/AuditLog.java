package io.datatoken.tracer.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Audit pages from the index (chain_event with event_subject and account_change), newest first. A DT
 * or an account filter matches the id anywhere in the event (sender or any field, children too): ids
 * are 32 or 20 random bytes in hex, so a match is theirs.
 */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext(unitName = "tracer")
    EntityManager entities;

    @Transactional
    public AuditPage page(AuditFilter filter) {
        List<Object> values = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        filter.organization().ifPresent(org -> where.append(" and exists (select 1 from event_subject s where "
                + "s.tx_hash = e.tx_hash and s.log_index = e.log_index and s.org = ").append(bind(values, org)).append(")"));
        filter.dt().ifPresent(dt -> where.append(" and strpos(lower(e.fields::text), ")
                .append(bind(values, dt.toLowerCase(Locale.ROOT))).append(") > 0"));
        filter.account().ifPresent(account -> {
            String lower = account.toLowerCase(Locale.ROOT);
            where.append(" and (e.sender = ").append(bind(values, lower)).append(" or strpos(lower(e.fields::text), ")
                    .append(bind(values, lower)).append(") > 0)");
        });
        filter.event().ifPresent(event -> where.append(" and e.event = ").append(bind(values, event)));
        filter.since().ifPresent(since -> where.append(" and e.block_time >= ").append(bind(values, since.getEpochSecond())));
        filter.until().ifPresent(until -> where.append(" and e.block_time < ").append(bind(values, until.getEpochSecond())));
        filter.before().ifPresent(cursor -> where.append(" and (e.block_number, e.log_index) < (")
                .append(bind(values, cursor.block())).append(", ").append(bind(values, cursor.logIndex())).append(")"));
        String sql = "select e.block_number, e.block_time, e.tx_hash, e.log_index, e.contract, e.event, e.sender, "
                + "(select a.org from account_change a where a.account = e.sender and (a.block_number, a.log_index) "
                + "<= (e.block_number, e.log_index) order by a.block_number desc, a.log_index desc limit 1) as sender_org, "
                + "(select a.change from account_change a where a.account = e.sender and (a.block_number, a.log_index) "
                + "<= (e.block_number, e.log_index) order by a.block_number desc, a.log_index desc limit 1) as sender_change, "
                + "e.fields::text, (select string_agg(s.org || ' ' || s.relation, ',' order by s.org, s.relation) "
                + "from event_subject s where s.tx_hash = e.tx_hash and s.log_index = e.log_index) as subjects "
                + "from chain_event e" + where + " order by e.block_number desc, e.log_index desc limit "
                + bind(values, filter.limit() + 1);
        Query query = entities.createNativeQuery(sql);
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        List<AuditEntry> entries = new ArrayList<>();
        for (Object row : query.getResultList()) {
            entries.add(entry((Object[]) row));
        }
        if (entries.size() <= filter.limit()) {
            return new AuditPage(entries, null);
        }
        List<AuditEntry> page = entries.subList(0, filter.limit());
        return new AuditPage(List.copyOf(page), page.getLast().cursor().toString());
    }

    private static String bind(List<Object> values, Object value) {
        values.add(value);
        return "?" + values.size();
    }

    private static AuditEntry entry(Object[] row) {
        String senderOrganization = "ADDED".equals(row[8]) ? (String) row[7] : null;
        List<AuditEntry.Subject> subjects = row[10] == null ? List.of() : Arrays.stream(((String) row[10]).split(","))
                .map(s -> s.split(" ", 2)).map(s -> new AuditEntry.Subject(s[0], s[1])).toList();
        return new AuditEntry(((Number) row[0]).longValue(), Instant.ofEpochSecond(((Number) row[1]).longValue()),
                (String) row[2], ((Number) row[3]).intValue(), (String) row[4], (String) row[5], (String) row[6],
                senderOrganization, fields((String) row[9]), subjects);
    }

    /** The fields column (a JSON object of strings) back as a map, in the order jsonb keeps its keys. */
    private static Map<String, String> fields(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            object.forEach((name, value) -> fields.put(name, ((JsonString) value).getString()));
        }
        return fields;
    }
}
