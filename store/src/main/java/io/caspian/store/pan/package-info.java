/**
 * PAN protection at rest (DESIGN.md I5): a stored PAN is AES-GCM ciphertext under a data
 * key, a keyed hash for look-ups, and the first six and last four digits for display.
 * Flows protect the PAN once, when a transaction is first stored; only dispute handling
 * reveals it.
 */
package io.caspian.store.pan;
