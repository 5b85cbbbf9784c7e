package io.datatoken.portal.ui.admin;

import io.datatoken.domain.op.TrustedOp;

/** What the op form holds: the op's name and version, checked as the ledger will. */
public class OpForm {

    /** The asset service takes a code package of at most 256 KiB. */
    static final int MAX_PACKAGE_BYTES = 256 * 1024;

    private String name = "";
    private String version = "";

    static boolean isValidName(String name) {
        return isValid("name", name, TrustedOp.MAX_NAME_BYTES);
    }

    static boolean isValidVersion(String version) {
        return isValid("version", version, TrustedOp.MAX_VERSION_BYTES);
    }

    static boolean isValidPackage(byte[] codePackage) {
        return codePackage != null && codePackage.length > 0 && codePackage.length <= MAX_PACKAGE_BYTES;
    }

    private static boolean isValid(String field, String value, int max) {
        try {
            TrustedOp.requireText(field, value == null ? null : value.strip(), max);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }
}
