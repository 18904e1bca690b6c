package io.caspian.hsm;

/** Life cycle of one key version. Retired is final: a retired key never works again. */
public enum KeyStatus {
    ACTIVE,
    RETIRED
}
