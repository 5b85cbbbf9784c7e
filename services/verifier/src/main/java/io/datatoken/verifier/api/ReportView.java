package io.datatoken.verifier.api;

import io.datatoken.domain.verification.ChildVerdict;
import io.datatoken.domain.verification.Denial;
import io.datatoken.domain.verification.VerificationReport;
import java.time.Instant;
import java.util.List;

/** A verification report: passed, or why denied — per child, every broken rule with its offending value. */
public record ReportView(String parent, String composer, Instant verifiedAt, boolean passed, List<ChildView> children) {

    static ReportView of(VerificationReport report) {
        return new ReportView(report.parentDt(), report.composer().value(), report.verifiedAt(), report.passed(),
                report.children().stream().map(ChildView::of).toList());
    }

    /**
     * One child: the op the composition runs on it and the rules it breaks. A composition used as is
     * has no {@code op} (left out) and {@code asIs} true: its own workflow runs unchanged.
     */
    public record ChildView(String child, String owner, String op, boolean asIs, boolean passed,
                            List<DenialView> denials) {

        static ChildView of(ChildVerdict verdict) {
            return new ChildView(verdict.childDt(), verdict.owner().value(), verdict.opHash(), verdict.asIs(),
                    verdict.passed(), verdict.denials().stream().map(DenialView::of).toList());
        }
    }

    /** A broken rule, the composition's offending value, what the terms allow, and what to change. */
    public record DenialView(String rule, String offending, String allowed, String reason) {

        static DenialView of(Denial denial) {
            return new DenialView(denial.rule().code(), denial.offending(), denial.allowed(), denial.reason());
        }
    }
}
