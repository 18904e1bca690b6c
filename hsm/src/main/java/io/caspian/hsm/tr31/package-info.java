/**
 * ANSI X9.143 (formerly ASC X9 TR-31) key blocks, versions B (TDES key derivation binding)
 * and D (AES key derivation binding), and the legacy ECB form of a TDES key under a TDES
 * ZMK: the forms in which keys cross between Caspian and a scheme.
 *
 * <p>Versions A and C (key variant binding) are refused: X9.143 deprecates them.
 */
package io.caspian.hsm.tr31;
