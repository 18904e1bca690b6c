/**
 * The issuer host of a simulated scheme: card accounts, decisions with the scheme's codes,
 * PIN verification through the HSM, an append-only ledger. Last stop of a forwarded request:
 * Caspian's x100/x200, advices and reversals are answered here.
 */
package io.caspian.sim.issuer;
