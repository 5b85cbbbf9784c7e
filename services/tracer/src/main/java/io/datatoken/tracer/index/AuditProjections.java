package io.datatoken.tracer.index;

import io.datatoken.domain.ledger.LedgerEvent;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Derives, in the transaction that applies an event, what the audit views need: which organization
 * each account belongs to (account_change), who posted each task (task), and the organizations the
 * event concerns (event_subject) — the one whose account sent it or is its "by" field (ACTOR), those
 * owning a DT, job or task it names (OWNER, also when it names the organization as an owner), and those it names otherwise (PARTY). Resolved at that block, so a
 * later change of an account's organization does not rewrite history. Runs after {@link Projections},
 * whose token and job rows it reads.
 */
final class AuditProjections {

    /**
     * Fields naming a DT, a job or a task (resolved to their owner); a composition's children and the
     * DTs below a job's algorithm concern their owners too.
     */
    private static final List<String> OWNED = List.of("dt", "child", "parent", "algorithmDt", "jobId", "taskId");
    /** Fields naming an organization by its ledger id: as the owner of what the event is about, or itself. */
    private static final String OWNER = "owner";
    private static final List<String> PARTIES = List.of("orgId", "party");
    /** Fields naming the account that acted (when the transaction's sender acted for it). */
    private static final List<String> ACTORS = List.of("by", "grantedBy", "revokedBy", "closedBy", "removedBy");

    private static final Pattern HEX_ID = Pattern.compile("0x[0-9a-f]{64}");

    private final EntityManager entities;

    AuditProjections(EntityManager entities) {
        this.entities = entities;
    }

    void project(LedgerEvent event) {
        switch (event.contract() + "." + event.event()) {
            case "OrganizationRegistry.OrganizationRegistered", "OrganizationRegistry.AccountAdded" ->
                    accountChanged(event, "ORGANIZATION", "ADDED");
            case "OrganizationRegistry.AccountRemoved" -> accountChanged(event, "ORGANIZATION", "REMOVED");
            case "OrganizationRegistry.EndUserRegistered" -> accountChanged(event, "END_USER", "ADDED");
            case "OrganizationRegistry.EndUserRemoved" -> accountChanged(event, "END_USER", "REMOVED");
            case "TaskMarket.TaskCreated" -> insert("insert into task (task, owner_org, tx_hash, log_index) "
                    + "values (?3, ?4, ?1, ?2) on conflict (task) do nothing", event,
                    lower(event.fields().get("taskId")), OrganizationIdText.of(event.fields().get("owner")));
            default -> {
                // no table of its own: its subjects below are all the audit needs
            }
        }
        subjects(event);
    }

    private void accountChanged(LedgerEvent event, String kind, String change) {
        insert("insert into account_change (account, org, kind, change, block_number, tx_hash, log_index) "
                        + "values (?3, ?4, ?5, ?6, ?7, ?1, ?2)", event, lower(event.fields().get("account")),
                OrganizationIdText.of(event.fields().get("orgId")), kind, change, event.blockNumber());
    }

    private void subjects(LedgerEvent event) {
        Map<String, String> fields = event.fields();
        Set<String> actors = new LinkedHashSet<>();
        organizationOf(event.sender()).ifPresent(actors::add);
        ACTORS.stream().map(fields::get).filter(Objects::nonNull).forEach(a -> organizationOf(lower(a)).ifPresent(actors::add));
        Set<String> owners = new LinkedHashSet<>();
        if (fields.get(OWNER) != null) {
            owners.add(OrganizationIdText.of(fields.get(OWNER)));
        }
        if (fields.get("children") != null) {
            HEX_ID.matcher(fields.get("children").toLowerCase(Locale.ROOT)).results()
                    .forEach(child -> ownerOf("dt", child.group()).ifPresent(owners::add));
        }
        if ("JobSubmitted".equals(event.event())) {
            owners.addAll(ownersBelow(lower(fields.get("algorithmDt"))));
        }
        for (String name : OWNED) {
            String id = fields.get(name);
            if (id != null) {
                ownerOf(name, lower(id)).ifPresent(owners::add);
            }
        }
        Set<String> parties = new LinkedHashSet<>();
        PARTIES.stream().map(fields::get).filter(Objects::nonNull).map(OrganizationIdText::of).forEach(parties::add);
        actors.forEach(org -> subject(event, org, "ACTOR"));
        owners.forEach(org -> subject(event, org, "OWNER"));
        parties.forEach(org -> subject(event, org, "PARTY"));
    }

    /**
     * The owners of every DT the algorithm is made of: a job uses them all. The registry bounds a
     * composition's tree (depth and size), so the walk is small.
     */
    @SuppressWarnings("unchecked")
    private List<String> ownersBelow(String algorithm) {
        return entities.createNativeQuery("with recursive tree(dt) as (select cast(?1 as varchar) union "
                        + "select e.child from lineage_edge e join tree t on e.parent = t.dt) "
                        + "select distinct k.owner_org from tree t join token k on k.dt = t.dt")
                .setParameter(1, algorithm).getResultList();
    }

    /** The organization the account belongs to now (at this event), if any. */
    private Optional<String> organizationOf(String account) {
        List<?> rows = entities.createNativeQuery("select org, change from account_change where account = ?1 "
                        + "order by block_number desc, log_index desc limit 1")
                .setParameter(1, account).getResultList();
        return rows.stream().map(row -> (Object[]) row).filter(row -> "ADDED".equals(row[1]))
                .map(row -> (String) row[0]).findFirst();
    }

    private Optional<String> ownerOf(String field, String id) {
        String table = switch (field) {
            case "jobId" -> "job where job";
            case "taskId" -> "task where task";
            default -> "token where dt";
        };
        List<?> rows = entities.createNativeQuery("select owner_org from " + table + " = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().map(row -> (String) row).findFirst();
    }

    private void subject(LedgerEvent event, String org, String relation) {
        insert("insert into event_subject (org, relation, block_number, tx_hash, log_index) "
                + "values (?3, ?4, ?5, ?1, ?2) on conflict do nothing", event, org, relation, event.blockNumber());
    }

    private void insert(String sql, LedgerEvent event, Object... values) {
        var insert = entities.createNativeQuery(sql)
                .setParameter(1, event.txHash()).setParameter(2, event.logIndex());
        for (int i = 0; i < values.length; i++) {
            insert.setParameter(i + 3, values[i]);
        }
        insert.executeUpdate();
    }

    private static String lower(String value) {
        if (value == null) {
            throw new IllegalStateException("an event field the audit projection needs is missing");
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
