/**
 * Stand-in: when an issuer's link is down, Caspian approves or declines on the issuer's
 * behalf by its configured rules, and owes the issuer an advice of every approval.
 */
package io.caspian.core.standin;
