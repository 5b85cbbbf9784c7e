package io.datatoken.privacy.paillier;

import java.security.SecureRandom;

/** Small keys, generated once per test run: 512-bit moduli keep the tests fast on shared cores (only one test uses 2048 bits). */
final class TestKeys {

    static final SecureRandom RANDOM = new SecureRandom();
    static final PaillierKeyPair KEYS = PaillierKeyPair.generateAnySize(512, RANDOM);
    static final PaillierKeyPair OTHER_KEYS = PaillierKeyPair.generateAnySize(512, RANDOM);

    private TestKeys() {
    }
}
