package io.caspian.hsm;

/** ANSI X9.143 exportability of a key. */
public enum Exportability {
    /** E: exportable under a KEK in a form meeting X9.24 (a key block). */
    E,
    /** N: not exportable. */
    N,
    /** S: sensitive; exportable under a KEK in a form not necessarily meeting X9.24. */
    S;

    public boolean exportable() {
        return this != N;
    }
}
