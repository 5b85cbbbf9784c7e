package io.datatoken.tracer.refusals;

/** The fake obeys the ledgers' answers. */
class InMemoryReportingRightsTest extends ReportingRightsContract {

    private final InMemoryReportingRights rights = new InMemoryReportingRights()
            .account(accountOfA, BANK_A).owns(BANK_A, dtOfA)
            .account(accountOfS, BANK_S).suspend(BANK_S);

    @Override
    protected ReportingRights rights() {
        return rights;
    }
}
