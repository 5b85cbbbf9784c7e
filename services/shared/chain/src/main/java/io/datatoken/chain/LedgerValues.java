package io.datatoken.chain;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import org.web3j.utils.Numeric;

import io.datatoken.domain.organization.LedgerUnavailable;
import io.datatoken.domain.organization.OrganizationAlias;

/** Conversions between the contracts' ABI values and domain values, shared by the adapters. */
final class LedgerValues {

    private LedgerValues() {
    }

    /** A domain 32-byte value ({@code 0x} + 64 hex digits) as ABI bytes32. */
    static byte[] bytes32(Object hexValue) {
        return Numeric.hexStringToByteArray(hexValue.toString());
    }

    static List<byte[]> bytes32(List<?> hexValues) {
        return hexValues.stream().map(LedgerValues::bytes32).toList();
    }

    static String hex(byte[] bytes32) {
        return Numeric.toHexString(bytes32);
    }

    /** A block timestamp (unix seconds) as an instant. */
    static Instant instant(BigInteger unixSeconds) {
        return Instant.ofEpochSecond(unixSeconds.longValueExact());
    }

    /** A block timestamp where 0 means "none", as an instant or null. */
    static Instant instantOrNull(BigInteger unixSeconds) {
        return unixSeconds.signum() == 0 ? null : instant(unixSeconds);
    }

    static BigInteger unixSeconds(Instant instant) {
        return BigInteger.valueOf(instant.getEpochSecond());
    }

    static OrganizationAlias organization(byte[] id) {
        OrganizationAlias alias = OrganizationIds.toAlias(id);
        if (alias == null) {
            throw new LedgerUnavailable("the ledger returned a record without an owner organization", null);
        }
        return alias;
    }

    /** Parses a value the ledger holds; a malformed one means the record was not written by the platform. */
    static <T> T parsed(String what, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new LedgerUnavailable("the ledger holds a malformed " + what + " '" + value + "'", e);
        }
    }
}
