package io.datatoken.portal.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpFormTest {

    @Test
    void nameAndVersionAreNotBlankAndFitTheLedger() {
        assertThat(OpForm.isValidName("secure-sum")).isTrue();
        assertThat(OpForm.isValidName("  ")).isFalse();
        assertThat(OpForm.isValidName("n".repeat(65))).isFalse();
        assertThat(OpForm.isValidName(null)).isFalse();
        assertThat(OpForm.isValidVersion("1.0.0")).isTrue();
        assertThat(OpForm.isValidVersion("v".repeat(33))).isFalse();
        assertThat(OpForm.isValidVersion("")).isFalse();
    }

    @Test
    void aPackageIsNotEmptyAndAtMost256KiB() {
        assertThat(OpForm.isValidPackage(new byte[] {1})).isTrue();
        assertThat(OpForm.isValidPackage(new byte[256 * 1024])).isTrue();
        assertThat(OpForm.isValidPackage(new byte[256 * 1024 + 1])).isFalse();
        assertThat(OpForm.isValidPackage(new byte[0])).isFalse();
        assertThat(OpForm.isValidPackage(null)).isFalse();
    }
}
