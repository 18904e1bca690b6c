package io.caspian.hsm;

import io.caspian.hsm.crypto.DesParity;
import io.caspian.hsm.crypto.Hex;
import io.caspian.hsm.crypto.KeyCheckValues;
import io.caspian.hsm.crypto.Secrets;
import io.caspian.hsm.keys.ClearKey;
import io.caspian.hsm.keys.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key ceremonies: forming a key from clear components and splitting a ZMK into them, so two
 * parties can establish a shared ZMK with no key under which to exchange it (ANSI X9.24-1
 * split knowledge and dual control: each custodian sees one component, none sees the key).
 *
 * <p>Components are XORed, so any one of them (or two of three) says nothing about the key.
 * They are never logged or stored; the log names the key, the count and check values.
 */
final class CeremonyCommands {
    static final int COMPONENTS_MIN = 2;
    static final int COMPONENTS_MAX = 3;
    private static final Logger LOG = LoggerFactory.getLogger(CeremonyCommands.class);

    private final KeyStore store;
    private final KeyCommands keys;
    private final Random random;

    CeremonyCommands(KeyStore store, KeyCommands keys, Random random) {
        this.store = store;
        this.keys = keys;
        this.random = random;
    }

    FormedKey form(HsmCommand.FormKey command) {
        byte[] key = null;
        try {
            key = combine(command.algorithm(), command.components());
            if (command.algorithm().isTdes()) {
                DesParity.adjustToOdd(key);
            }
            requireNotDegenerate(command.algorithm(), key);
            if (command.expectedCheckValue() != null) {
                CheckValues.require(command.algorithm(), key, command.expectedCheckValue(),
                        "the formed key");
            }
            KeyInfo stored = keys.store(command.id(), command.usage(), command.algorithm(),
                    ModeOfUse.defaultFor(command.usage()), Exportability.E, key,
                    "formed from " + command.components().size() + " components:");
            return new FormedKey(stored, command.algorithm().isTdes());
        } finally {
            Secrets.zero(key);
            command.components().forEach(component -> Secrets.zero(component.value()));
        }
    }

    KeyComponents split(HsmCommand.SplitKey command) {
        if (command.count() < COMPONENTS_MIN || command.count() > COMPONENTS_MAX) {
            throw new Refusal(HsmError.INPUT_INVALID, "a key splits into " + COMPONENTS_MIN
                    + " or " + COMPONENTS_MAX + " components, not " + command.count());
        }
        try (ClearKey key = store.resolve(command.key())) {
            KeyInfo info = key.info();
            KeyPolicy.requireType(info, KeyType.ZMK, "splitting into components");
            if (!info.exportability().exportable()) {
                throw new Refusal(HsmError.KEY_NOT_EXPORTABLE,
                        "key " + info.ref() + " has exportability N");
            }
            // The last component is the key XOR all the random ones, so all XOR to the key.
            byte[] last = key.value().clone();
            List<KeyComponent> components = new ArrayList<>();
            for (int i = 1; i < command.count(); i++) {
                byte[] value = new byte[last.length];
                random.nextBytes(value);
                byte[] next = Secrets.xor(last, value);
                Secrets.zero(last);
                last = next;
                components.add(component(info.algorithm(), value));
            }
            components.add(component(info.algorithm(), last));
            LOG.warn("split key {} into {} clear components for a key ceremony, kcvs={}",
                    info.ref(), command.count(),
                    components.stream().map(KeyComponent::checkValue).toList());
            return new KeyComponents(info, components);
        }
    }

    /** Checks every component before combining any: a bad one stops the ceremony. */
    private static byte[] combine(KeyAlgorithm algorithm, List<KeyComponent> components) {
        if (components.size() < COMPONENTS_MIN || components.size() > COMPONENTS_MAX) {
            throw new Refusal(HsmError.INPUT_INVALID, "a key is formed from " + COMPONENTS_MIN
                    + " or " + COMPONENTS_MAX + " components, not " + components.size());
        }
        for (int i = 0; i < components.size(); i++) {
            byte[] value = components.get(i).value();
            String subject = "component " + (i + 1);
            if (value.length != algorithm.keyLengthBytes()) {
                throw new Refusal(HsmError.INPUT_INVALID, subject + " is " + value.length
                        + " bytes; " + algorithm + " needs " + algorithm.keyLengthBytes());
            }
            CheckValues.require(algorithm, value, components.get(i).checkValue(), subject);
        }
        byte[] key = new byte[algorithm.keyLengthBytes()];
        for (KeyComponent component : components) {
            for (int i = 0; i < key.length; i++) {
                key[i] ^= component.value()[i];
            }
        }
        return key;
    }

    /**
     * Refuses an all-zero key (components that cancel out, such as one entered twice) and a
     * TDES key whose first two parts are equal, which is single DES (ANSI X9.52).
     */
    private static void requireNotDegenerate(KeyAlgorithm algorithm, byte[] key) {
        boolean zero = true;
        for (byte b : key) {
            zero &= (b & (algorithm.isTdes() ? 0xFE : 0xFF)) == 0;
        }
        boolean singleDes = algorithm.isTdes()
                && Arrays.equals(key, 0, 8, key, 8, 16);
        if (zero || singleDes) {
            throw new Refusal(HsmError.INPUT_INVALID, "the components form a degenerate key ("
                    + (zero ? "all zeros" : "equal first and second DES keys")
                    + "): check the components entered");
        }
    }

    private static KeyComponent component(KeyAlgorithm algorithm, byte[] value) {
        return new KeyComponent(value,
                Hex.encode(KeyCheckValues.compute(algorithm.blockAlgorithm(), value)));
    }
}
