/**
 * {@code caspian demo}: the switch between two simulated schemes on loopback, with its own
 * HSM keys exchanged in a key ceremony, traffic both ways through phases of faults, a live
 * progress line, and a reconciliation at the end.
 */
package io.caspian.app.demo;
