/** Money: integer minor units of an ISO 4217 currency, and the currency table. */
package io.caspian.core.money;
