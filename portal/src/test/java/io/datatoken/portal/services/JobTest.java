package io.datatoken.portal.services;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobTest {

    @Test
    void runsUntilItEnds() {
        assertThat(job("SUBMITTED").running()).isTrue();
        assertThat(job("AUTHORIZED").running()).isTrue();
        assertThat(job("RUNNING").running()).isTrue();
        assertThat(job("SUCCEEDED").running()).isFalse();
        assertThat(job("FAILED").running()).isFalse();
        assertThat(job("REVOKED").running()).isFalse();
        assertThat(job("SOMETHING_NEW").running()).as("an unknown state is shown, not hidden").isTrue();
    }

    private static Job job(String state) {
        return new Job("0x1", "0x2", "0x3", "fintech-c", state, null, null, null);
    }
}
