/**
 * The flows: authorization, financial, reversal and advice, each an explicit state machine
 * over {@link io.caspian.store.TransactionState}, driven by one engine thread. Requests come
 * from an acquiring scheme's link, are routed, converted and forwarded to the issuing
 * scheme, and answered only after their outcome is durable (DESIGN.md I1).
 */
package io.caspian.core.flow;
