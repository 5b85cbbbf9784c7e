package io.datatoken.privacy.secagg;

/** Round 2, client to server: the user's input plus its self mask and pairwise masks, over Z_2^64. */
public record MaskedInput(int user, long[] masked) {

    public MaskedInput {
        masked = masked.clone();
    }

    @Override
    public long[] masked() {
        return masked.clone();
    }
}
