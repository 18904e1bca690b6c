/**
 * Mapping between each scheme's dialect and the canonical transaction: the wire conventions
 * a scheme follows (amount layout, trace length, local time layout, function codes) and its
 * response-code table are data in the scheme's configuration.
 */
package io.caspian.core.mapping;
