/**
 * The crash test (issue 5): the switch as its own process under traffic from both simulated
 * schemes, killed with SIGKILL at seeded random moments and restarted, then drained and
 * checked against DESIGN.md I1-I4 from the outside: what the acquirers were told, what the
 * store holds and what the issuers' ledgers posted must agree transaction by transaction.
 */
package io.caspian.app.crash;
