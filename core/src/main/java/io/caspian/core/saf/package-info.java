/**
 * Store-and-forward: reversals and advices owed to an issuer, sent and repeated until the
 * issuer acknowledges them, across restarts (DESIGN.md I2). The queue's durable copy is the
 * store's; this package keeps the engine's working copy.
 */
package io.caspian.core.saf;
