package com.closureconsole.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The ledger's Ed25519 key pair: the private key signs each sealed block's digest and each
 * evidence bundle; the public key is all a verifier needs. The private key is read from a PEM file
 * (PKCS#8) or a PKCS#12 keystore named in the configuration, never from the database; only a demo
 * generates one, kept beside its embedded data.
 */
final class LedgerKeys {

    static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    LedgerKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyId(publicKey);
    }

    String sign(byte[] bytes) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(bytes);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the ledger's key", e);
        }
    }

    PublicKey publicKey() {
        return publicKey;
    }

    String keyId() {
        return keyId;
    }

    String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** Whether {@code signature} (base64) is {@code key}'s signature of {@code bytes}; false for anything malformed. */
    static boolean verify(PublicKey key, byte[] bytes, String signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(bytes);
            return signature != null && verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static String keyId(PublicKey key) {
        return Ledger.hex(Ledger.sha256(key.getEncoded())).substring(0, 16);
    }

    static PublicKey readPublicKey(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(unpem(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in PEM form", e);
        }
    }

    /** A PKCS#8 PEM file with the private key; its public key is derived from it. */
    static LedgerKeys fromPemFile(Path file) {
        try {
            PrivateKey key = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(file, StandardCharsets.US_ASCII), "PRIVATE KEY")));
            return new LedgerKeys(key, derivePublic(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger's signing key " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the ledger's signing key " + file + " is not an Ed25519 private key in PEM (PKCS#8) form", e);
        }
    }

    static LedgerKeys fromKeystore(Path keystore, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (!(store.getEntry(alias, new KeyStore.PasswordProtection(password)) instanceof KeyStore.PrivateKeyEntry entry)) {
                throw new IllegalStateException("the keystore " + keystore + " holds no private key under the alias " + alias);
            }
            if (!ALGORITHM.equalsIgnoreCase(entry.getPrivateKey().getAlgorithm())
                    && !"EdDSA".equalsIgnoreCase(entry.getPrivateKey().getAlgorithm())) {
                throw new IllegalStateException("the key " + alias + " in " + keystore + " is not an Ed25519 key");
            }
            return new LedgerKeys(entry.getPrivateKey(), entry.getCertificate().getPublicKey());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger's keystore " + keystore, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the ledger's keystore " + keystore, e);
        }
    }

    /** A demo's key: generated on its first start into {@code folder} (owner-only), read from there afterwards. */
    static LedgerKeys generatedIn(Path folder) {
        Path privateFile = folder.resolve("ledger-signing-key.pem");
        Path publicFile = folder.resolve("ledger-public-key.pem");
        if (!Files.exists(privateFile)) {
            try {
                Files.createDirectories(folder);
                KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
                Path temporary = Files.createTempFile(folder, "ledger-key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temporary, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
                Files.move(temporary, privateFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the demo's ledger key in " + folder, e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this Java runtime cannot make Ed25519 keys", e);
            }
        }
        LedgerKeys keys = fromPemFile(privateFile);
        if (!Files.exists(publicFile)) {
            try {
                Files.writeString(publicFile, keys.publicKeyPem(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + publicFile, e);
            }
        }
        return keys;
    }

    /** Ed25519's public key follows from its 32-byte seed: generate the pair again from that seed. */
    private static PublicKey derivePublic(PrivateKey key) throws GeneralSecurityException {
        byte[] seed = ((EdECPrivateKey) key).getBytes()
                .orElseThrow(() -> new GeneralSecurityException("the private key does not reveal its bytes"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        });
        return generator.generateKeyPair().getPublic();
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + type + " block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }
}
