package io.datatoken.job.orchestration;

class InMemoryPartyBookTest implements PartyBookContract {

    private final InMemoryPartyBook book = new InMemoryPartyBook();

    @Override
    public PartyBook book() {
        return book;
    }
}
