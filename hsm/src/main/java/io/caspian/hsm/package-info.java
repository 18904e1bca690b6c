/**
 * The security boundary of Caspian: every key, PIN and MAC operation goes through
 * {@link io.caspian.hsm.Hsm}, and nothing else in Caspian touches key material.
 *
 * <p>In the message flow the HSM sits between decode and encode: the flow asks it to
 * verify the incoming MAC, translate the PIN block from the acquiring scheme's zone PIN key
 * to the issuing scheme's, and generate the outgoing MAC. Commands go in as
 * {@link io.caspian.hsm.HsmCommand} values and come back as {@link io.caspian.hsm.HsmResult}
 * values; a refusal (wrong key type, bad PIN block, ...) is a value, never an exception.
 *
 * <p>{@link io.caspian.hsm.SoftwareHsm} is the implementation Caspian ships; a network HSM
 * plugs in by implementing the same interface.
 */
package io.caspian.hsm;
