/**
 * Terms: what an owner allows to be done with an asset, versioned per Data Token.
 */
package io.datatoken.verifier.terms;
