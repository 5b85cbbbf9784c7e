/**
 * The protocols of the privacy ops beyond scenario S1 (issue 7), each in its own package: what every
 * party computes and sends, on primitives from kept libraries (Bouncy Castle: curves, hashes,
 * ciphers; Smile: local training). Only the protocol glue is written here (decision 0017);
 * {@code docs/privacy.md} states what each party learns and under which assumptions.
 */
package io.datatoken.privacy;
