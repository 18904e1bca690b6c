/**
 * Clearing and settlement, after the switch has answered: business dates and cut-over
 * ({@link io.caspian.clearing.BusinessDates}), clearing files per scheme and date
 * ({@link io.caspian.clearing.ClearingService}), fees
 * ({@link io.caspian.clearing.FeeSchedule}), net settlement
 * ({@link io.caspian.clearing.SettlementService}), reconciliation of clearing against the
 * store ({@link io.caspian.clearing.Reconciler}) and disputes
 * ({@link io.caspian.clearing.Disputes}). Reads and writes the system of record through
 * the store only; docs/clearing.md is the file format and the API.
 */
package io.caspian.clearing;
