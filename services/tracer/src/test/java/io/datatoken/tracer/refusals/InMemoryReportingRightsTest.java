package io.datatoken.tracer.refusals;

/** The fake obeys the ledgers' answers. */
class InMemoryReportingRightsTest extends ReportingRightsContract {

    private final InMemoryReportingRights rights = new InMemoryReportingRights()
            .account(accountOfA, BANK_A).owns(BANK_A, dtOfA)
            .endUser(accountOfU1OfA, BANK_A, U1).owns(BANK_A, U1, dtOfU1OfA)
            .endUser(accountOfU2OfA, BANK_A, U2).removeEndUser(accountOfU2OfA)
            .account(accountOfS, BANK_S).endUser(accountOfU1OfS, BANK_S, U1).suspend(BANK_S);

    @Override
    protected ReportingRights rights() {
        return rights;
    }
}
