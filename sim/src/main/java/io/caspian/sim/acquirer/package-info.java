/**
 * The acquirer of a simulated scheme: terminals (POS, ATM, e-commerce) where foreign cards
 * are used, requests built in the scheme's dialect with PIN blocks from the HSM, replies
 * matched by the acquirer's own DE 11 + DE 37 + DE 41, reversals after a timeout or a
 * customer's cancellation, and what it saw for reconciliation. First stop of a message flow.
 */
package io.caspian.sim.acquirer;
