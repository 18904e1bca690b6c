/**
 * {@code caspian hsm}: operator commands of the software HSM (LMK, keys, check values, PIN
 * blocks, MACs). Hex in and out; every error is one line on stderr with exit code 2.
 * No logic here: each subcommand builds one {@link io.caspian.hsm.HsmCommand} and prints its
 * result.
 */
package io.caspian.app.hsm;
