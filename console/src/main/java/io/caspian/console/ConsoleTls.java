package io.caspian.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTPS for the console: the server's certificate chain and its private key, PEM files as
 * the links take them (chain leaf first; key unencrypted PKCS#8, "BEGIN PRIVATE KEY", EC or
 * RSA). Both are read when the settings are made, so a bad file fails the start, not the
 * first browser.
 *
 * @param certificateChainPem the certificate chain
 * @param privateKeyPem the private key
 */
public record ConsoleTls(Path certificateChainPem, Path privateKeyPem) {
    /** The in-memory key store's password: the key never leaves this process. */
    static final char[] KEY_STORE_PASSWORD = "console".toCharArray();

    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    public ConsoleTls {
        keyStore(certificateChainPem, privateKeyPem);
    }

    /** The chain and key as a key store under {@link #KEY_STORE_PASSWORD}. */
    KeyStore keyStore() {
        return keyStore(certificateChainPem, privateKeyPem);
    }

    private static KeyStore keyStore(Path chainPem, Path keyPem) {
        List<? extends Certificate> chain = chain(chainPem);
        PrivateKey key = key(keyPem);
        if (!belongs(key, chain.get(0).getPublicKey())) {
            throw new IllegalArgumentException("the private key does not belong to the first"
                    + " certificate of the chain");
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("console", key, KEY_STORE_PASSWORD, chain.toArray(new Certificate[0]));
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot hold the key and chain: " + e.getMessage(),
                    e);
        }
    }

    /** Whether a signature by {@code key} verifies under the certificate's public key. */
    private static boolean belongs(PrivateKey key, PublicKey certified) {
        if (!key.getAlgorithm().equals(certified.getAlgorithm())) {
            return false;
        }
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA"
                : "SHA256withRSA";
        byte[] probe = "caspian console key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature sign = Signature.getInstance(algorithm);
            sign.initSign(key);
            sign.update(probe);
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance(algorithm);
            verify.initVerify(certified);
            verify.update(probe);
            return verify.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static List<? extends Certificate> chain(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            List<? extends Certificate> chain = List.copyOf(CertificateFactory.getInstance("X.509")
                    .generateCertificates(in));
            if (chain.isEmpty()) {
                throw new IllegalArgumentException(pem + " holds no certificate");
            }
            return chain;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(pem + " is not a PEM certificate chain: "
                    + e.getMessage(), e);
        }
    }

    private static PrivateKey key(Path pem) {
        String text;
        try {
            text = Files.readString(pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + pem + ": " + e.getMessage(), e);
        }
        Matcher m = PKCS8.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException(pem + " holds no unencrypted PKCS#8 key"
                    + " (BEGIN PRIVATE KEY)");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        for (String algorithm : List.of("EC", "RSA")) {
            try {
                return KeyFactory.getInstance(algorithm)
                        .generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // not this algorithm: try the next
            }
        }
        throw new IllegalArgumentException(pem + " holds neither an EC nor an RSA key");
    }
}
