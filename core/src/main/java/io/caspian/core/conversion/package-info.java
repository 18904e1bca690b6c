/**
 * Currency conversion between the schemes: a rate table with effective times and a markup
 * per direction. Sits between routing and forwarding in the flow; fills DE 6/10/51
 * (cardholder billing) and DE 5/9/50 (settlement) per dialect.
 */
package io.caspian.core.conversion;
