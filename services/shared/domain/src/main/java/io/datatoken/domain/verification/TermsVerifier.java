package io.datatoken.domain.verification;

import io.datatoken.domain.asset.AssetService;
import io.datatoken.domain.asset.Ddo;
import io.datatoken.domain.asset.Terms;
import io.datatoken.domain.organization.OrganizationAlias;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a composition against the terms of each child it uses, every rule of {@link TermsRule}
 * for every child, so an owner sees all that stands in the way at once. The terms that apply to a
 * child are those of the child's service offering the op the composition runs on it; a child the
 * workflow names no op for may still be used as is if it is a composition with its own workflow, on
 * the terms of the service carrying that workflow.
 */
public final class TermsVerifier {

    private final Clock clock;

    public TermsVerifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param parent   the composition: its services' children, workflow and (for the purpose) terms
     * @param children every child the parent names, by dt, with verified DDOs
     * @param ops      what the op registry says of an op hash
     * @throws IllegalArgumentException if a child the parent names is missing from {@code children}
     */
    public VerificationReport verify(Ddo parent, Map<String, Child> children, Function<String, OpStatus> ops) {
        Instant now = clock.instant();
        List<ChildVerdict> verdicts = new ArrayList<>();
        for (AssetService service : parent.services()) {
            for (String dt : service.childDts()) {
                if (!children.containsKey(dt)) {
                    throw new IllegalArgumentException("child " + dt + " of " + parent.dt() + " was not provided");
                }
            }
            long parties = service.childDts().stream().map(dt -> children.get(dt).ddo().owner()).distinct().count();
            for (String dt : service.childDts()) {
                verdicts.add(verdict(parent, service, dt, children.get(dt), parties, ops, now));
            }
        }
        return new VerificationReport(parent.dt(), parent.owner(), now, verdicts);
    }

    private static ChildVerdict verdict(Ddo parent, AssetService service, String dt, Child child, long parties,
                                        Function<String, OpStatus> ops, Instant now) {
        OrganizationAlias owner = child.ddo().owner();
        String op = service.workflow().setOps().get(dt);
        if (op == null) {
            return ownWorkflowOf(child.ddo())
                    .map(own -> asIs(parent, service, dt, child, own, parties, now))
                    .orElseGet(() -> new ChildVerdict(dt, owner, null, List.of(new Denial(TermsRule.WORKFLOW_OP, "",
                            "an op from " + supportedOps(child.ddo()), "the workflow names no op for this child: set one "
                            + "in workflow.setOps (a composition with its own workflow may be used as is)"))));
        }
        Optional<AssetService> offering = child.ddo().services().stream()
                .filter(s -> s.supportedOps().contains(op)).findFirst();
        if (offering.isEmpty()) {
            return new ChildVerdict(dt, owner, op, List.of(new Denial(TermsRule.OP_SUPPORTED, op,
                    String.join(", ", supportedOps(child.ddo())), "the child does not offer this op; run one it supports")));
        }
        Terms terms = offering.get().terms();
        List<Denial> denials = new ArrayList<>();
        if (!terms.allows(op)) {
            denials.add(new Denial(TermsRule.OP_ALLOWED, op, String.join(", ", terms.allowedOps().keySet().stream().sorted().toList()),
                    "the child's terms do not allow this op"));
        }
        switch (ops.apply(op)) {
            case UNKNOWN -> denials.add(new Denial(TermsRule.OP_USABLE, op, "a registered trusted op",
                    "this op is not in the trusted op registry"));
            case DEPRECATED -> denials.add(new Denial(TermsRule.OP_USABLE, op, "a trusted op that is not deprecated",
                    "this op is deprecated; compose with its successor"));
            case USABLE -> {
            }
        }
        checkParameters(terms, op, service.workflow().configs(), denials);
        checkUse(parent, service, child, terms, parties, now, denials);
        return new ChildVerdict(dt, owner, op, denials);
    }

    /**
     * A composition the workflow names no op for runs its own workflow unchanged: its children
     * verified that workflow when they authorized it, so no op rule applies here, only the terms of
     * the service carrying it — and the parent's configuration cannot change it (nodes read the
     * configuration of the composition directly above an asset).
     */
    private static ChildVerdict asIs(Ddo parent, AssetService service, String dt, Child child, AssetService own,
                                     long parties, Instant now) {
        List<Denial> denials = new ArrayList<>();
        Map<String, String> ownConfigs = own.workflow().configs();
        service.workflow().configs().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> ownConfigs.containsKey(e.getKey())
                        && !ownConfigs.get(e.getKey()).strip().equals(e.getValue().strip()))
                .forEach(e -> denials.add(new Denial(TermsRule.AS_IS_CONFIG, e.getKey() + "=" + e.getValue(),
                        e.getKey() + "=" + ownConfigs.get(e.getKey()), "a composition used as is keeps its own "
                        + "configuration: remove '" + e.getKey() + "' from workflow.configs or set the child's value")));
        checkUse(parent, service, child, own.terms(), parties, now, denials);
        return ChildVerdict.asIs(dt, child.ddo().owner(), denials);
    }

    /** The rules of the child's terms that hold whatever runs on it: who composes, why, until when, how often, with whom. */
    private static void checkUse(Ddo parent, AssetService service, Child child, Terms terms, long parties, Instant now,
                                 List<Denial> denials) {
        if (!child.ddo().owner().equals(parent.owner()) && !terms.consumerOrganizations().isEmpty()
                && !terms.consumerOrganizations().contains(parent.owner())) {
            denials.add(new Denial(TermsRule.CONSUMER_ORGANIZATION, parent.owner().value(),
                    String.join(", ", terms.consumerOrganizations().stream().map(OrganizationAlias::value).toList()),
                    "the child is not offered to the composing organization"));
        }
        String purpose = service.terms().purpose().strip();
        if (!terms.purpose().isBlank() && !terms.purpose().strip().equalsIgnoreCase(purpose)) {
            denials.add(new Denial(TermsRule.PURPOSE, purpose, terms.purpose(),
                    "state the purpose the child's terms agree to in the composition's terms"));
        }
        if (terms.expiresAt() != null && !terms.expiresAt().isAfter(now)) {
            denials.add(new Denial(TermsRule.EXPIRY, now.toString(), "until " + terms.expiresAt(),
                    "the child's terms have expired"));
        }
        if (terms.maxUses() != null && child.usesSoFar() >= terms.maxUses()) {
            denials.add(new Denial(TermsRule.MAX_USES, "use " + (child.usesSoFar() + 1), "at most " + terms.maxUses()
                    + " uses", "the child has no uses left"));
        }
        if (terms.minParties() != null && parties < terms.minParties()) {
            denials.add(new Denial(TermsRule.MIN_PARTIES, parties + " parties", "at least " + terms.minParties(),
                    "the composition joins too few organizations for this child's terms"));
        }
    }

    /** The child's service whose workflow sets ops for its children (the first), as the job's nodes find it. */
    private static Optional<AssetService> ownWorkflowOf(Ddo child) {
        return child.services().stream().filter(s -> !s.workflow().setOps().isEmpty()).findFirst();
    }

    /** Each limited parameter the workflow configures must be a number within its limit. */
    private static void checkParameters(Terms terms, String op, Map<String, String> configs, List<Denial> denials) {
        Map<String, Double> limits = terms.allowedOps().getOrDefault(op, Map.of());
        limits.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(limit -> {
            String value = configs.get(limit.getKey());
            if (value == null) {
                return;
            }
            double number;
            try {
                number = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                denials.add(new Denial(TermsRule.OP_PARAMETER, limit.getKey() + "=" + value, "a number <= "
                        + format(limit.getValue()), "parameter '" + limit.getKey() + "' must be a number"));
                return;
            }
            if (!Double.isFinite(number) || number > limit.getValue()) {
                denials.add(new Denial(TermsRule.OP_PARAMETER, limit.getKey() + "=" + value, limit.getKey() + " <= "
                        + format(limit.getValue()), "parameter '" + limit.getKey() + "' exceeds the child's limit"));
            }
        });
    }

    private static List<String> supportedOps(Ddo ddo) {
        return ddo.services().stream().flatMap(s -> s.supportedOps().stream()).distinct().toList();
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
