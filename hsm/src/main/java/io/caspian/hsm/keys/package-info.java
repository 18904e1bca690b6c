/**
 * The key store of the software HSM: the local master key ({@link io.caspian.hsm.keys.Lmk}),
 * keys held wrapped under it with AES-256-GCM, their versions and life cycle, and the file
 * they live in (format in {@code docs/hsm.md} and {@link io.caspian.hsm.keys.KeyStoreFile}).
 *
 * <p>Only the HSM implementation uses this package. A clear key exists only inside a
 * {@link io.caspian.hsm.keys.ClearKey}, for the length of one command, and is zeroed after.
 */
package io.caspian.hsm.keys;
