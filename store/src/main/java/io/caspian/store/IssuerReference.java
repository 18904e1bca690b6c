package io.caspian.store;

/**
 * Caspian's own identifiers of the message it forwarded to the issuer's scheme; a response
 * (or a late one) is matched by these.
 *
 * @param stan our trace number on the issuer link, up to 12 digits
 * @param rrn our retrieval reference number on the issuer link, or null
 */
public record IssuerReference(String stan, String rrn) {
    public IssuerReference {
        Invariants.requiredText(stan, "issuer stan", 12);
        Invariants.text(rrn, "issuer rrn", 12);
    }
}
