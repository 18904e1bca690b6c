/**
 * Test cards: Luhn-valid PANs in a scheme's IINs, PINs enrolled through the HSM. Feeds both
 * the issuer's accounts and the acquirer's card list; no clear PIN outlives enrolment.
 */
package io.caspian.sim.cards;
