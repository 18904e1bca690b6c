/**
 * ISO 9564-1 PIN blocks (formats 0, 1, 3 and 4), their encipherment, and the PCI rules for
 * translating a PIN block from one key and format to another.
 *
 * <p>A clear PIN exists only inside a {@link io.caspian.hsm.pin.ClearPin}, between decoding
 * one block and encoding the next, and is zeroed after. Nothing in this package logs.
 */
package io.caspian.hsm.pin;
