/**
 * Routing by card IIN: which scheme issued a card, by longest matching prefix, after the
 * card number's Luhn check. First decision after decoding and duplicate detection.
 */
package io.caspian.core.routing;
