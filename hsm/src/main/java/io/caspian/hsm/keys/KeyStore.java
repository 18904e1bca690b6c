package io.caspian.hsm.keys;

import io.caspian.hsm.HsmError;
import io.caspian.hsm.KeyInfo;
import io.caspian.hsm.KeyRef;
import io.caspian.hsm.KeyStatus;
import io.caspian.hsm.Refusal;
import io.caspian.hsm.crypto.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Versioned keys sealed under the LMK, persisted in one file.
 *
 * <p>Key change on a live link: adding a key under an existing id creates the next version,
 * which becomes current at once; the versions before it stay usable for
 * {@code previousVersionGrace} (messages already in flight still verify and translate) or
 * until they are retired, whichever comes first. Versions of keys protecting data at rest
 * (data keys, look-up hash keys) have no grace limit: they open what they protected until an
 * operator retires them.
 *
 * <p>Reads take an immutable snapshot and never lock; writes are serialised and replace the
 * snapshot after the file is written.
 *
 * <p>Unsealed values are cached inside this boundary, by key id and version, so a command
 * does not open the LMK seal (AES-GCM and a fresh cipher) every time: a command gets its own
 * copy, which it zeroes when done. Adding a version of an id, or retiring any of its
 * versions, drops and zeroes the id's cached values; usability (retirement, grace period) is
 * still checked on every resolve. Cached values never leave the store: no getter, no
 * {@code toString}, no log.
 */
public final class KeyStore {
    public static final String FILE_NAME = "keystore.txt";

    private final Path file;
    private final Lmk lmk;
    private final Clock clock;
    private final Duration previousVersionGrace;
    private final Random random;
    private volatile Map<String, List<StoredKey>> snapshot;
    /** Clear values by "id@version"; zeroed when dropped. */
    private final Map<String, byte[]> unsealed = new ConcurrentHashMap<>();
    private final List<Consumer<String>> keyChangeListeners = new CopyOnWriteArrayList<>();

    private KeyStore(Path file, Lmk lmk, Clock clock, Duration grace, Random random,
            List<StoredKey> keys) {
        this.file = file;
        this.lmk = lmk;
        this.clock = clock;
        this.previousVersionGrace = grace;
        this.random = random;
        this.snapshot = index(keys);
    }

    /** Creates an empty store file in {@code directory}; refuses to overwrite one. */
    public static KeyStore create(Path directory, Lmk lmk, Clock clock, Duration grace,
            Random random) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        if (Files.exists(file)) {
            throw new IOException("a key store already exists at " + file);
        }
        KeyStoreFile.write(file, lmk, List.of());
        return new KeyStore(file, lmk, clock, grace, random, List.of());
    }

    /** Opens the store file in {@code directory}, checking the LMK and the file's MAC. */
    public static KeyStore open(Path directory, Lmk lmk, Clock clock, Duration grace,
            Random random) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            throw new IOException("no key store at " + file + " (run: caspian hsm lmk init)");
        }
        return new KeyStore(file, lmk, clock, grace, random, KeyStoreFile.read(file, lmk));
    }

    public Path file() {
        return file;
    }

    /**
     * Stores {@code value} as the next version of {@code template.id()}; the version number
     * and creation time of the template are replaced. The caller keeps ownership of value.
     */
    public synchronized KeyInfo add(KeyInfo template, byte[] value) {
        Instant now = clock.instant();
        List<StoredKey> versions = snapshot.getOrDefault(template.id(), List.of());
        int version = versions.stream().mapToInt(k -> k.info().version()).max().orElse(0) + 1;
        KeyInfo info = new KeyInfo(template.id(), version, template.usage(),
                template.algorithm(), template.modeOfUse(), template.exportability(),
                template.checkValue(), KeyStatus.ACTIVE, now, null);
        byte[] sealed = LmkCipher.seal(lmk, StoredKey.PURPOSE, StoredKey.context(info), value,
                random);
        List<StoredKey> updated = new ArrayList<>();
        Instant graceEnd = now.plus(previousVersionGrace);
        for (StoredKey previous : versions) {
            KeyInfo old = previous.info();
            boolean limit = !template.type().protectsDataAtRest()
                    && (old.usableUntil() == null || old.usableUntil().isAfter(graceEnd));
            updated.add(limit ? previous.withInfo(old.withUsableUntil(graceEnd)) : previous);
        }
        updated.add(new StoredKey(info, sealed));
        replace(template.id(), updated);
        return info;
    }

    /**
     * The key a reference names, in clear, if it is usable now.
     *
     * @throws Refusal KEY_NOT_FOUND or KEY_RETIRED
     */
    public ClearKey resolve(KeyRef ref) {
        return unseal(find(ref));
    }

    /**
     * The usable versions a reference may mean, newest first: for an explicit version, that
     * one; for the current version, the current one followed by previous versions still in
     * their grace period (for verifying messages sent just before a key change).
     */
    public List<KeyInfo> candidates(KeyRef ref) {
        if (!ref.isCurrent()) {
            return List.of(find(ref).info());
        }
        // Called for every MAC and PIN command: a loop, not a stream.
        Instant now = clock.instant();
        List<StoredKey> versions = versions(ref.id());
        List<KeyInfo> usable = new ArrayList<>(versions.size());
        for (StoredKey key : versions) {
            if (key.info().usableAt(now)) {
                usable.add(key.info());
            }
        }
        usable.sort(Comparator.comparingInt(KeyInfo::version).reversed());
        if (usable.isEmpty()) {
            throw new Refusal(HsmError.KEY_RETIRED, "key " + ref.id() + " has no usable version");
        }
        return usable;
    }

    /** The current usable version of {@code id}, or empty if there is none. */
    public Optional<KeyInfo> current(String id) {
        Instant now = clock.instant();
        return snapshot.getOrDefault(id, List.of()).stream().map(StoredKey::info)
                .filter(info -> info.usableAt(now))
                .max(Comparator.comparingInt(KeyInfo::version));
    }

    public KeyInfo info(KeyRef ref) {
        if (ref.isCurrent()) {
            return candidates(ref).get(0);
        }
        return versions(ref.id()).stream().map(StoredKey::info)
                .filter(info -> info.version() == ref.version()).findFirst()
                .orElseThrow(() -> notFound(ref));
    }

    public List<KeyInfo> list() {
        List<KeyInfo> all = new ArrayList<>();
        snapshot.values().forEach(versions -> versions.forEach(k -> all.add(k.info())));
        return all;
    }

    /** Retires one version, or every version of the id when the reference is "current". */
    public synchronized List<KeyInfo> retire(KeyRef ref) {
        List<StoredKey> versions = versions(ref.id());
        if (!ref.isCurrent() && versions.stream().noneMatch(k -> k.info().version()
                == ref.version())) {
            throw notFound(ref);
        }
        List<StoredKey> updated = new ArrayList<>();
        List<KeyInfo> retired = new ArrayList<>();
        for (StoredKey key : versions) {
            boolean hit = ref.isCurrent() || key.info().version() == ref.version();
            StoredKey next = hit ? key.withInfo(key.info().withStatus(KeyStatus.RETIRED)) : key;
            updated.add(next);
            if (hit) {
                retired.add(next.info());
            }
        }
        replace(ref.id(), updated);
        return retired;
    }

    private StoredKey find(KeyRef ref) {
        List<StoredKey> versions = versions(ref.id());
        Instant now = clock.instant();
        StoredKey key = null;
        for (StoredKey k : versions) {
            boolean match = ref.isCurrent()
                    ? k.info().usableAt(now)
                            && (key == null || k.info().version() > key.info().version())
                    : k.info().version() == ref.version();
            key = match ? k : key;
        }
        if (key == null) {
            throw ref.isCurrent() ? new Refusal(HsmError.KEY_RETIRED,
                    "key " + ref.id() + " has no usable version") : notFound(ref);
        }
        if (!key.info().usableAt(now)) {
            throw new Refusal(HsmError.KEY_RETIRED, "key " + ref + " is retired"
                    + (key.info().status() == KeyStatus.ACTIVE ? " (grace period over)" : ""));
        }
        return key;
    }

    private ClearKey unseal(StoredKey key) {
        String name = key.info().id() + "@" + key.info().version();
        byte[] cached = unsealed.get(name);
        if (cached == null) {
            cached = LmkCipher.open(lmk, StoredKey.PURPOSE, key.context(), key.sealed());
            byte[] raced = unsealed.putIfAbsent(name, cached);
            if (raced != null) {
                Secrets.zero(cached);
                cached = raced;
            }
        }
        byte[] value = cached.clone();
        try {
            return new ClearKey(key.info(), value);
        } catch (IllegalArgumentException e) {
            Secrets.zero(value);
            throw new Refusal(HsmError.KEY_STORE_FAILURE, "stored key " + key.info().id()
                    + " has the wrong length");
        }
    }

    private List<StoredKey> versions(String id) {
        List<StoredKey> versions = snapshot.get(id);
        if (versions == null) {
            throw notFound(KeyRef.current(id));
        }
        return versions;
    }

    private static Refusal notFound(KeyRef ref) {
        return new Refusal(HsmError.KEY_NOT_FOUND, "no key " + ref + " in the key store");
    }

    /**
     * The key a reference names if it is usable now (retirement and grace period checked),
     * without unsealing it.
     *
     * @throws Refusal KEY_NOT_FOUND or KEY_RETIRED
     */
    public KeyInfo usable(KeyRef ref) {
        return find(ref).info();
    }

    /**
     * Registers what else caches objects made from keys inside the HSM: called with a key
     * id whenever a version of it is added or retired.
     */
    public void onKeyChange(Consumer<String> listener) {
        keyChangeListeners.add(listener);
    }

    /** Drops and zeroes the cached clear values of every version of {@code id}. */
    private void forget(String id) {
        for (Consumer<String> listener : keyChangeListeners) {
            listener.accept(id);
        }
        String prefix = id + "@";
        unsealed.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(prefix)) {
                Secrets.zero(e.getValue());
                return true;
            }
            return false;
        });
    }

    private void replace(String id, List<StoredKey> versions) {
        Map<String, List<StoredKey>> next = new TreeMap<>(snapshot);
        next.put(id, List.copyOf(versions));
        List<StoredKey> all = new ArrayList<>();
        next.values().forEach(all::addAll);
        try {
            KeyStoreFile.write(file, lmk, all);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key store " + file, e);
        }
        snapshot = next;
        forget(id);
    }

    private static Map<String, List<StoredKey>> index(List<StoredKey> keys) {
        Map<String, List<StoredKey>> byId = new TreeMap<>();
        for (StoredKey key : keys) {
            byId.computeIfAbsent(key.info().id(), id -> new ArrayList<>()).add(key);
        }
        byId.replaceAll((id, versions) -> List.copyOf(versions));
        return byId;
    }

    @Override
    public String toString() {
        return "KeyStore[" + file + ", lmk-kcv=" + lmk.checkValue() + "]";
    }
}
