/**
 * Block-cipher primitives of the software HSM: TDES and AES in ECB and CBC, CMAC (NIST SP
 * 800-38B), key check values, DES parity, hex and secret hygiene.
 *
 * <p>Internal to the {@code hsm} module: these classes are public only so that the feature
 * packages ({@code keys}, {@code pin}, {@code mac}, {@code tr31}) can share them. No caller
 * outside the module may use them; keys reach them only inside the HSM boundary.
 */
package io.caspian.hsm.crypto;
