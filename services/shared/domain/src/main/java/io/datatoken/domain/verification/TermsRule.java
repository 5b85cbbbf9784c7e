package io.datatoken.domain.verification;

/**
 * The rules a composed asset's use of a child is checked against, in the order they are checked. A
 * composition used as is (no op named for it, its own workflow runs) is not checked against the op
 * rules ({@link #OP_SUPPORTED} to {@link #OP_PARAMETER}) but against {@link #AS_IS_CONFIG}.
 */
public enum TermsRule {
    /**
     * The composition's workflow names the op that will run on the child, unless the child is a
     * composition with its own workflow, which is then used as is.
     */
    WORKFLOW_OP("workflow-op"),
    /** The child offers that op (its DDO lists it among a service's supported ops). */
    OP_SUPPORTED("op-supported"),
    /** The child's terms allow that op. */
    OP_ALLOWED("op-allowed"),
    /** The op is a registered trusted op and not deprecated. */
    OP_USABLE("op-usable"),
    /** Every parameter the terms limit stays within its limit in the workflow's configuration. */
    OP_PARAMETER("op-parameter"),
    /** A composition used as is keeps its own configuration: the workflow sets no key of it to another value. */
    AS_IS_CONFIG("as-is-config"),
    /** The composer's organization is among the child's consumer organizations (if it names any). */
    CONSUMER_ORGANIZATION("consumer-organization"),
    /** The composition states the purpose the child's terms agreed to (if they state one). */
    PURPOSE("purpose"),
    /** The child's terms have not expired. */
    EXPIRY("expiry"),
    /** The child has uses left. */
    MAX_USES("max-uses"),
    /** The composition has at least the number of parties (distinct owner organizations) the terms require. */
    MIN_PARTIES("min-parties");

    private final String code;

    TermsRule(String code) {
        this.code = code;
    }

    /** The rule's stable name in reports, e.g. {@code op-allowed}. */
    public String code() {
        return code;
    }
}
