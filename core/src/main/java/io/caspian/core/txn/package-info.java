/**
 * The canonical transaction: a dialect-neutral view of a request or response that every
 * dialect maps to and from. Flows see only this; {@link io.caspian.core.mapping} turns wire
 * messages into it and back.
 */
package io.caspian.core.txn;
