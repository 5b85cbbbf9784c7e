package io.datatoken.domain.market;

import java.util.Objects;

/** Why a compute node refuses an execution request, in words an operator can act on. */
public record ExecutionRefusal(Reason reason, String detail) {

    public ExecutionRefusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** Each rule a request must pass; {@link #code()} is its stable name in answers and audit trails. */
    public enum Reason {
        EXPIRED("expired"),
        LIVES_TOO_LONG("lives-too-long"),
        REPLAYED("replayed"),
        UNKNOWN_SIGNER("unknown-signer"),
        WRONG_ORGANIZATION("wrong-organization"),
        UNKNOWN_JOB("unknown-job"),
        JOB_NOT_RUNNING("job-not-running"),
        NOT_AUTHORIZED("not-authorized"),
        NOT_PART_OF_JOB("not-part-of-job"),
        NOT_THIS_NODES_ASSET("not-this-nodes-asset"),
        OP_NOT_USABLE("op-not-usable"),
        OP_CODE_MISMATCH("op-code-mismatch"),
        OP_NOT_IN_WORKFLOW("op-not-in-workflow");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
