package com.closureconsole.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the ledger's key and its digests come from.
 *
 * <ul>
 *   <li>{@code closure.audit.signing-key}: a PEM file (PKCS#8) with the Ed25519 private key; or
 *       {@code closure.audit.keystore} (PKCS#12) with {@code closure.audit.keystore-password} and
 *       {@code closure.audit.key-alias};</li>
 *   <li>{@code closure.audit.digest-directory}: the folder of the {@link FileDigestStore}, unless
 *       another {@link DigestStore} bean is declared;</li>
 *   <li>in demo mode only, without those: a key generated on first start and the digests, both in
 *       {@code closure.audit.directory} (beside the embedded data; empty: a throwaway folder).</li>
 * </ul>
 * Outside demo mode a missing or unreadable key, or a missing digest folder, stops the start
 * with what to set ({@link LedgerNotConfigured}).
 */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LedgerConfiguration.class);

    /** What to configure when the key is missing or unusable. */
    static final String SET_KEY = "Set closure.audit.signing-key (CLOSURE_AUDIT_SIGNING_KEY) to an Ed25519 private key "
            + "in PEM (PKCS#8) form, made with: openssl genpkey -algorithm ed25519 -out ledger-signing-key.pem; or "
            + "closure.audit.keystore, closure.audit.keystore-password and closure.audit.key-alias for a PKCS#12 "
            + "keystore (see the README's Audit section). Only a demo (closure.demo=true) makes a key of its own.";

    private final boolean demo;
    private final String demoDirectory;
    private @Nullable Path demoFolder;

    LedgerConfiguration(@Value("${closure.demo:false}") boolean demo,
                        @Value("${closure.audit.directory:}") String demoDirectory) {
        this.demo = demo;
        this.demoDirectory = demoDirectory;
    }

    @Bean
    LedgerKeys ledgerKeys(@Value("${closure.audit.signing-key:}") String signingKey,
                          @Value("${closure.audit.keystore:}") String keystore,
                          @Value("${closure.audit.keystore-password:}") String keystorePassword,
                          @Value("${closure.audit.key-alias:ledger}") String alias) {
        LedgerKeys keys;
        try {
            if (!signingKey.isBlank()) {
                keys = LedgerKeys.fromPemFile(Path.of(signingKey));
            } else if (!keystore.isBlank()) {
                keys = LedgerKeys.fromKeystore(Path.of(keystore), keystorePassword.toCharArray(), alias);
            } else if (demo) {
                keys = LedgerKeys.generatedIn(demoFolder());
            } else {
                throw new LedgerNotConfigured("The audit ledger has no signing key.", SET_KEY);
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new LedgerNotConfigured("The audit ledger's signing key cannot be used: " + e.getMessage() + ".",
                    SET_KEY, e.getCause() == null ? e : e.getCause());
        }
        log.info("Audit ledger signs with key {}", keys.keyId());
        return keys;
    }

    @Bean
    @ConditionalOnMissingBean(DigestStore.class)
    DigestStore fileDigestStore(@Value("${closure.audit.digest-directory:}") String directory) {
        Path folder;
        if (!directory.isBlank()) {
            folder = Path.of(directory).toAbsolutePath();
        } else if (demo) {
            folder = demoFolder().resolve("digests");
        } else {
            throw new LedgerNotConfigured("The audit ledger has nowhere to keep its digests outside the database.",
                    "Set closure.audit.digest-directory (CLOSURE_AUDIT_DIGEST_DIRECTORY) to a folder on other storage "
                    + "than the database's (see the README's Audit section).");
        }
        FileDigestStore store = new FileDigestStore(folder);
        log.info("Audit ledger digests are kept in {}", store.describe());
        return store;
    }

    private synchronized Path demoFolder() {
        if (demoFolder == null) {
            try {
                demoFolder = demoDirectory.isBlank() ? Files.createTempDirectory("closure-audit")
                        : Path.of(demoDirectory).toAbsolutePath();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a folder for the demo's audit key", e);
            }
        }
        return demoFolder;
    }
}
