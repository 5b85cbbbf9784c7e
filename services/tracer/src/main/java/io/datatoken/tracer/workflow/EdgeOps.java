package io.datatoken.tracer.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ops of lineage edges: for each (parent, child), the op the parent's latest metadata event's
 * document runs on the child, with the name and version its OpPublished event registered; or why it is
 * not known (not read yet, unavailable, rejected, set for no child). One query for all the edges asked.
 */
@ApplicationScoped
public class EdgeOps {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
    };

    @PersistenceContext(unitName = "tracer")
    EntityManager entities;

    /** An entry for every edge asked. */
    @Transactional
    public Map<Edge, EdgeOp> of(Collection<Edge> edges) {
        Map<Edge, EdgeOp> ops = new HashMap<>();
        if (edges.isEmpty()) {
            return ops;
        }
        List<?> rows = entities.createNativeQuery("with asked as ("
                        + "  select distinct e.parent, e.child from jsonb_to_recordset(cast(?1 as jsonb)) "
                        + "  as e(parent text, child text)), "
                        + "latest as ("
                        + "  select p.parent, m.tx_hash, m.log_index from (select distinct parent from asked) p "
                        + "  cross join lateral (select tx_hash, log_index from token_metadata where dt = p.parent "
                        + "    order by block_number desc, log_index desc limit 1) m) "
                        + "select a.parent, a.child, r.state, r.reason, o.op_hash, cast(o.params as text), "
                        + "  op.fields ->> 'name', op.fields ->> 'version' "
                        + "from asked a "
                        + "left join latest l on l.parent = a.parent "
                        + "left join metadata_read r on r.tx_hash = l.tx_hash and r.log_index = l.log_index "
                        + "left join edge_op o on o.tx_hash = l.tx_hash and o.log_index = l.log_index "
                        + "  and o.child = a.child "
                        + "left join lateral (select c.fields from chain_event c "
                        + "  where c.contract = 'OpRegistry' and c.event = 'OpPublished' "
                        + "  and lower(c.fields ->> 'opHash') = o.op_hash "
                        + "  order by c.block_number desc, c.log_index desc limit 1) op on true")
                .setParameter(1, json(edges))
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            ops.put(new Edge((String) columns[0], (String) columns[1]), op(columns));
        }
        return ops;
    }

    private static EdgeOp op(Object[] columns) {
        String state = (String) columns[2];
        if (state == null) {
            return EdgeOp.unknown(EdgeOp.Status.NO_DOCUMENT, null);
        }
        String reason = (String) columns[3];
        return switch (state) {
            case "PENDING" -> EdgeOp.unknown(EdgeOp.Status.PENDING, null);
            case "UNAVAILABLE" -> EdgeOp.unknown(EdgeOp.Status.UNAVAILABLE, reason);
            case "REJECTED" -> EdgeOp.unknown(EdgeOp.Status.REJECTED, reason);
            case "READ" -> columns[4] == null ? EdgeOp.unknown(EdgeOp.Status.NOT_SET, null)
                    : EdgeOp.known((String) columns[4], (String) columns[6], (String) columns[7],
                    params((String) columns[5]));
            default -> throw new IllegalStateException("metadata_read state " + state + " is not one this build knows");
        };
    }

    private static String json(Collection<Edge> edges) {
        try {
            return JSON.writeValueAsString(edges.stream().map(e -> Map.of("parent", e.parent(), "child", e.child()))
                    .toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("edges are always JSON", e);
        }
    }

    private static Map<String, String> params(String json) {
        try {
            return JSON.readValue(json, PARAMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("edge_op.params is not a JSON object of strings: " + json, e);
        }
    }
}
