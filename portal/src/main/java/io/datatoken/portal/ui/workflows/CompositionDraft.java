package io.datatoken.portal.ui.workflows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.portal.services.Asset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A composition being built: its children in the order they were picked (the order the ops pair
 * them in, e.g. shares to compute nodes) and the op it runs on each; it writes the ALGORITHM DDO the
 * asset service registers and the verifier judges. One draft keeps one DT id, so what was verified
 * is what gets registered.
 */
final class CompositionDraft {

    /** The service type of a composition's workflow. */
    static final String SERVICE_TYPE = "data-union";
    /** The schema's bound on a purpose. */
    static final int MAX_PURPOSE = 2000;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String dt;
    private final String owner;
    private final List<Step> steps = new ArrayList<>();

    /** One child and the op chosen for it (null until chosen). */
    record Step(Asset child, String op) {
    }

    CompositionDraft(String dt, String owner) {
        this.dt = Objects.requireNonNull(dt);
        this.owner = Objects.requireNonNull(owner);
    }

    String dt() {
        return dt;
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    /**
     * Adds a child once; its op is preselected when it offers exactly one.
     *
     * @return false if it is already a child or is the composition itself
     */
    boolean add(Asset child) {
        if (child.dt().equalsIgnoreCase(dt) || find(child.dt()).isPresent()) {
            return false;
        }
        steps.add(new Step(child, child.supportedOps().size() == 1 ? child.supportedOps().get(0) : null));
        return true;
    }

    void remove(String childDt) {
        steps.removeIf(step -> step.child().dt().equalsIgnoreCase(childDt));
    }

    /** Chooses the op for a child; only an op the child offers. */
    void setOp(String childDt, String op) {
        Step step = find(childDt).orElseThrow(() -> new IllegalArgumentException("not a child: " + childDt));
        if (op != null && !step.child().supportedOps().contains(op)) {
            throw new IllegalArgumentException(childDt + " does not offer op " + op);
        }
        steps.set(steps.indexOf(step), new Step(step.child(), op));
    }

    Optional<Step> find(String childDt) {
        return steps.stream().filter(step -> step.child().dt().equalsIgnoreCase(childDt)).findFirst();
    }

    /** Children without an op yet. */
    List<Asset> withoutOp() {
        return steps.stream().filter(step -> step.op() == null).map(Step::child).toList();
    }

    /**
     * The composition's DDO.
     *
     * @param endpoint the owner's node (where its result is delivered), or null for none
     * @param purpose  what the children's terms must agree to; blank for none
     */
    ObjectNode ddo(String title, String description, String endpoint, String purpose, Map<String, String> params) {
        ObjectNode ddo = JSON.objectNode();
        ddo.put("dt", dt);
        ddo.put("kind", AssetKind.ALGORITHM.name());
        ddo.put("title", title.strip());
        if (description != null && !description.isBlank()) {
            ddo.put("description", description.strip());
        }
        ddo.put("owner", owner);
        ObjectNode service = ddo.putArray("services").addObject();
        service.put("type", SERVICE_TYPE);
        if (endpoint != null && !endpoint.isBlank()) {
            service.put("endpoint", endpoint.strip());
        }
        ArrayNode children = service.putArray("childDts");
        steps.forEach(step -> children.add(step.child().dt()));
        ArrayNode ops = service.putArray("supportedOps");
        steps.stream().map(Step::op).filter(Objects::nonNull).distinct().forEach(ops::add);
        ObjectNode workflow = service.putObject("workflow");
        ObjectNode setOps = workflow.putObject("setOps");
        steps.stream().filter(step -> step.op() != null).forEach(step -> setOps.put(step.child().dt(), step.op()));
        ObjectNode configs = workflow.putObject("configs");
        new LinkedHashMap<>(params).forEach(configs::put);
        ObjectNode terms = service.putObject("terms");
        if (purpose != null && !purpose.isBlank()) {
            terms.put("purpose", purpose.strip());
        }
        return ddo;
    }
}
