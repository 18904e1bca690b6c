/**
 * PAN protection at rest (DESIGN.md I5): a stored PAN is AES-GCM ciphertext under a data
 * key, a keyed hash for look-ups, and the first six and last four digits for display.
 * Flows protect the PAN once, when a transaction is first stored; only dispute handling
 * reveals it. {@link io.caspian.store.pan.HsmPanProtector} keeps the keys in the HSM;
 * {@link io.caspian.store.pan.SoftwarePanProtector} holds them in process, for tests.
 */
package io.caspian.store.pan;
