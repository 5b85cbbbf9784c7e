package io.datatoken.portal.security;

/** Where the signed-in user of a request is kept: in the portal, its HTTP session ({@link CurrentUser}). */
interface UserHolder {

    SignedInUser get();

    /** Keeps the user with new tokens. */
    void replace(SignedInUser user);

    /** Drops the sign-in. */
    void forget();
}
