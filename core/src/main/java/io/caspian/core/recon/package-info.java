/**
 * Reconciliation messages at cut-over: the totals of a closed business date that Caspian
 * sends a scheme (x500, or x520 in the 2003-style model) and the scheme's answer (x510 /
 * x530) with its own totals and "in balance" or "out of balance" (DE 66). Field layout:
 * docs/dialects.md; what the totals count: docs/clearing.md.
 */
package io.caspian.core.recon;
