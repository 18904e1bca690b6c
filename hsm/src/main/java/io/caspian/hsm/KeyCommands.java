package io.caspian.hsm;

import io.caspian.hsm.crypto.DesParity;
import io.caspian.hsm.crypto.Hex;
import io.caspian.hsm.crypto.KeyCheckValues;
import io.caspian.hsm.crypto.Secrets;
import io.caspian.hsm.keys.ClearKey;
import io.caspian.hsm.keys.KeyStore;
import io.caspian.hsm.tr31.EcbKeyWrap;
import io.caspian.hsm.tr31.KeyBlockHeader;
import io.caspian.hsm.tr31.KeyBlocks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key life cycle and key exchange: generate, ensure, import, export, describe, list, retire.
 */
final class KeyCommands {
    private static final Logger LOG = LoggerFactory.getLogger(KeyCommands.class);

    private final KeyStore store;
    private final Random random;

    KeyCommands(KeyStore store, Random random) {
        this.store = store;
        this.random = random;
    }

    KeyInfo generate(HsmCommand.GenerateKey command) {
        byte[] value = new byte[command.algorithm().keyLengthBytes()];
        random.nextBytes(value);
        if (command.algorithm().isTdes()) {
            DesParity.adjustToOdd(value);
        }
        try {
            ModeOfUse mode = ModeOfUse.defaultFor(command.usage());
            return store(command.id(), command.usage(), command.algorithm(), mode,
                    Exportability.E, value, "generated");
        } finally {
            Secrets.zero(value);
        }
    }

    /**
     * Returns the current version when it matches, generating one when there is none.
     * Synchronised so that two callers bootstrapping at once make one key, not two versions.
     */
    synchronized KeyInfo ensure(HsmCommand.EnsureKey command) {
        Optional<KeyInfo> current = store.current(command.id());
        if (current.isEmpty()) {
            return generate(new HsmCommand.GenerateKey(command.id(), command.usage(),
                    command.algorithm()));
        }
        KeyInfo key = current.get();
        if (key.usage() != command.usage() || key.algorithm() != command.algorithm()) {
            throw new Refusal(HsmError.KEY_TYPE_NOT_PERMITTED, "key " + key.ref() + " exists as "
                    + key.usage() + " " + key.algorithm() + ", not " + command.usage() + " "
                    + command.algorithm());
        }
        return key;
    }

    KeyInfo importKeyBlock(HsmCommand.ImportKeyBlock command) {
        KeyBlocks.Unwrapped unwrapped;
        try (ClearKey zmk = store.resolve(command.zmk())) {
            requireZmk(zmk.info(), "key import");
            KeyPolicy.requireDecrypt(zmk.info(), "key import");
            unwrapped = KeyBlocks.unwrap(command.keyBlock(), zmk.info().algorithm(), zmk.value());
        }
        try {
            KeyBlockHeader header = unwrapped.header();
            if (header.modeOfUse() == ModeOfUse.N || !header.usage().allows(header.modeOfUse())) {
                throw new Refusal(HsmError.KEY_BLOCK_HEADER_NOT_PERMITTED, "mode of use "
                        + header.modeOfUse() + " is not permitted for usage " + header.usage());
            }
            CheckValues.require(unwrapped.algorithm(), unwrapped.key(),
                    command.expectedCheckValue(), "the key");
            return store(command.id(), header.usage(), unwrapped.algorithm(),
                    header.modeOfUse(), header.exportability(), unwrapped.key(),
                    "imported (key block " + header.version() + ")");
        } finally {
            Secrets.zero(unwrapped.key());
        }
    }

    KeyInfo importKeyEcb(HsmCommand.ImportKeyEcb command) {
        byte[] value;
        try (ClearKey zmk = store.resolve(command.zmk())) {
            requireZmk(zmk.info(), "key import");
            KeyPolicy.requireDecrypt(zmk.info(), "key import");
            value = EcbKeyWrap.unwrap(zmk.info().algorithm(), zmk.value(), command.algorithm(),
                    command.encryptedKey());
        }
        try {
            CheckValues.require(command.algorithm(), value, command.expectedCheckValue(),
                    "the key");
            return store(command.id(), command.usage(), command.algorithm(),
                    ModeOfUse.defaultFor(command.usage()), Exportability.E, value,
                    "imported (ECB)");
        } finally {
            Secrets.zero(value);
        }
    }

    ExportedKey exportKeyBlock(HsmCommand.ExportKeyBlock command) {
        try (ClearKey key = store.resolve(command.key());
                ClearKey zmk = store.resolve(command.zmk())) {
            checkExport(key.info(), zmk.info());
            KeyInfo info = key.info();
            char algorithm = info.algorithm().isTdes() ? 'T' : 'A';
            KeyBlockHeader header = KeyBlockHeader.of(command.version(), info.usage(), algorithm,
                    info.modeOfUse(), info.exportability());
            String block = KeyBlocks.wrap(header, zmk.info().algorithm(), zmk.value(),
                    key.value(), random);
            LOG.info("exported key {} under {} as key block {}", info.ref(), zmk.info().ref(),
                    command.version());
            return new ExportedKey(block, info.checkValue(), info);
        }
    }

    ExportedKey exportKeyEcb(HsmCommand.ExportKeyEcb command) {
        try (ClearKey key = store.resolve(command.key());
                ClearKey zmk = store.resolve(command.zmk())) {
            checkExport(key.info(), zmk.info());
            byte[] wrapped = EcbKeyWrap.wrap(zmk.info().algorithm(), zmk.value(),
                    key.info().algorithm(), key.value());
            LOG.info("exported key {} under {} in ECB form", key.info().ref(), zmk.info().ref());
            return new ExportedKey(Hex.encode(wrapped), key.info().checkValue(), key.info());
        }
    }

    KeyInfo describe(HsmCommand.DescribeKey command) {
        return store.info(command.key());
    }

    List<KeyInfo> list() {
        return store.list();
    }

    List<KeyInfo> retire(HsmCommand.RetireKey command) {
        List<KeyInfo> retired = store.retire(command.key());
        retired.forEach(info -> LOG.info("retired key {}", info.ref()));
        return retired;
    }

    /** Stores a new version and logs its attributes (never its value). */
    KeyInfo store(String id, KeyUsage usage, KeyAlgorithm algorithm, ModeOfUse mode,
            Exportability exportability, byte[] value, String how) {
        String kcv = Hex.encode(KeyCheckValues.compute(algorithm.blockAlgorithm(), value));
        KeyInfo template = new KeyInfo(id, 1, usage, algorithm, mode, exportability, kcv,
                KeyStatus.ACTIVE, Instant.EPOCH, null);
        KeyInfo stored = store.add(template, value);
        LOG.info("{} key {} usage={} algorithm={} mode={} kcv={}", how, stored.ref(), usage,
                algorithm, mode, kcv);
        return stored;
    }

    private static void requireZmk(KeyInfo zmk, String operation) {
        KeyPolicy.requireType(zmk, KeyType.ZMK, operation);
    }

    private static void checkExport(KeyInfo key, KeyInfo zmk) {
        requireZmk(zmk, "key export");
        KeyPolicy.requireEncrypt(zmk, "key export");
        if (!key.exportability().exportable()) {
            throw new Refusal(HsmError.KEY_NOT_EXPORTABLE,
                    "key " + key.ref() + " has exportability N");
        }
        if (key.id().equals(zmk.id())) {
            throw new Refusal(HsmError.INPUT_INVALID, "a key cannot be exported under itself");
        }
    }
}
