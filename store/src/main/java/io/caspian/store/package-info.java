/**
 * The system of record: JDBC schema and migrations, group commit of transaction outcomes,
 * recovery queries and PAN encryption at rest. Sits under {@code core}: flows write through
 * it before any approval leaves the switch (DESIGN.md invariant I1).
 */
package io.caspian.store;
