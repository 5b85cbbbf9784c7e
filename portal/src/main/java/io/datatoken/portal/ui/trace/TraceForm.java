package io.datatoken.portal.ui.trace;

import io.datatoken.domain.token.DataTokenId;

/** What the trace's fields hold: a DT id and which way to trace. */
public class TraceForm {

    private String dt = "";
    private String direction = TraceView.UP;

    /** {@code 0x} + 64 hex digits, as the tracer requires (any case: the domain's id lowers it). */
    static boolean isValidDt(String dt) {
        try {
            DataTokenId.of(dt == null ? null : dt.strip());
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    public String getDt() {
        return dt;
    }

    public void setDt(String dt) {
        this.dt = dt;
    }

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }
}
