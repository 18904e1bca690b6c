/**
 * Screening, limits and liquidity, decided after routing and before forwarding: blocked
 * IINs, cards (by keyed hash, never the PAN), merchant categories and countries; velocity
 * limits per card; and each scheme's prefunded position with its net debit cap.
 */
package io.caspian.core.screening;
