package io.datatoken.domain.verification;

/** What the op registry says of an op hash. */
public enum OpStatus {
    USABLE,
    DEPRECATED,
    UNKNOWN
}
