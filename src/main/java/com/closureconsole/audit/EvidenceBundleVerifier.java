package com.closureconsole.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.type.TypeReference;
import org.jspecify.annotations.Nullable;

/**
 * The offline verifier of an evidence bundle: needs neither the console nor its database, only
 * the bundle and the ledger's public key.
 *
 * <pre>
 * java -Dloader.main=com.closureconsole.audit.EvidenceBundleVerifier \
 *      -cp closure-console.jar org.springframework.boot.loader.launch.PropertiesLauncher \
 *      bundle.zip --public-key ledger-public-key.pem
 * </pre>
 *
 * Exits 0 when everything holds, 1 naming each problem when anything does not, 2 when it cannot
 * be run as asked.
 */
public final class EvidenceBundleVerifier {

    /** Why {@link #verify} reads a bundle's files unchecked: it refuses one that lacks a file first. */
    private static final String HAS_EVERY_FILE = "a bundle that lacks a file is refused before";

    private EvidenceBundleVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the check as {@link #main} does, writing to {@code out} and {@code err}; answers the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path bundle = null;
        Path keyFile = null;
        for (int i = 0; i < args.length; i++) {
            if ("--public-key".equals(args[i]) && i + 1 < args.length) {
                keyFile = Path.of(args[++i]);
            } else if (bundle == null && !args[i].startsWith("--")) {
                bundle = Path.of(args[i]);
            } else {
                bundle = null;
                break;
            }
        }
        if (bundle == null) {
            err.println("usage: EvidenceBundleVerifier bundle.zip [--public-key ledger-public-key.pem]");
            return 2;
        }
        byte[] zip;
        PublicKey trusted = null;
        try {
            zip = Files.readAllBytes(bundle);
            if (keyFile != null) {
                trusted = LedgerKeys.readPublicKey(Files.readString(keyFile, StandardCharsets.US_ASCII));
            }
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot read " + (keyFile != null && e instanceof IllegalArgumentException ? keyFile : bundle)
                    + ": " + e.getMessage());
            return 2;
        }
        if (trusted == null) {
            err.println("warning: no --public-key given; checking against the key inside the bundle, which shows the "
                    + "bundle is consistent but not who signed it. Ask the console's operator for the ledger's public key.");
        }
        Result result = verify(zip, trusted);
        if (result.problems().isEmpty()) {
            out.println("VERIFIED: " + result.summary());
            return 0;
        }
        err.println("REFUSED: " + bundle);
        result.problems().forEach(problem -> err.println("  - " + problem));
        return 1;
    }

    /** What a check found: no problems means the bundle holds. */
    record Result(List<String> problems, @Nullable String summary) {
    }

    /** Checks a bundle against {@code trusted}, or against its own key when that is {@code null}. */
    static Result verify(byte[] zip, @Nullable PublicKey trusted) {
        List<String> problems = new ArrayList<>();
        Map<String, byte[]> files;
        try {
            files = EvidenceBundleFormat.unzip(zip);
        } catch (IOException | RuntimeException e) {
            return new Result(List.of("the bundle is not a readable ZIP: " + e.getMessage()), null);
        }
        for (String name : EvidenceBundleFormat.FILES) {
            if (!files.containsKey(name)) {
                problems.add("the file " + name + " is missing");
            }
        }
        files.keySet().stream().filter(name -> !EvidenceBundleFormat.FILES.contains(name))
                .forEach(name -> problems.add("the file " + name + " does not belong in a bundle"));
        if (!problems.isEmpty()) {
            return new Result(problems, null);
        }
        PublicKey key;
        try {
            PublicKey own = LedgerKeys.readPublicKey(new String(files.get(EvidenceBundleFormat.PUBLIC_KEY), StandardCharsets.US_ASCII));
            if (trusted != null && !trusted.equals(own)) {
                problems.add("public-key.pem is not the public key given with --public-key");
            }
            key = trusted != null ? trusted : own;
        } catch (IllegalArgumentException e) {
            if (trusted == null) {
                return new Result(List.of("public-key.pem is not an Ed25519 public key"), null);
            }
            problems.add("public-key.pem is not an Ed25519 public key");
            key = trusted;
        }
        byte[] manifestBytes = Objects.requireNonNull(files.get(EvidenceBundleFormat.MANIFEST), HAS_EVERY_FILE);
        if (!LedgerKeys.verify(key, manifestBytes,
                new String(files.get(EvidenceBundleFormat.MANIFEST_SIGNATURE), StandardCharsets.US_ASCII).strip())) {
            problems.add("manifest.json or manifest.sig was changed: the manifest's signature does not verify");
        }
        EvidenceBundleFormat.Manifest manifest;
        List<EvidenceBundleFormat.Entry> entries;
        List<EvidenceBundleFormat.Proof> proofs;
        List<InclusionProof.Block> blocks;
        List<BlockDigest> digests;
        try {
            manifest = EvidenceBundleFormat.JSON.readValue(manifestBytes, EvidenceBundleFormat.Manifest.class);
            Map<String, String> listed = new HashMap<>();
            manifest.files().forEach(file -> listed.put(file.name(), file.sha256()));
            for (String name : EvidenceBundleFormat.LISTED) {
                byte[] file = Objects.requireNonNull(files.get(name), HAS_EVERY_FILE);
                if (!Objects.equals(listed.get(name), Ledger.hex(Ledger.sha256(file)))) {
                    problems.add("the file " + name + " was changed: its SHA-256 is not the one the signed manifest lists");
                }
            }
            entries = EvidenceBundleFormat.JSON.readValue(files.get(EvidenceBundleFormat.ENTRIES), new TypeReference<>() { });
            proofs = EvidenceBundleFormat.JSON.readValue(files.get(EvidenceBundleFormat.PROOFS), new TypeReference<>() { });
            blocks = EvidenceBundleFormat.JSON.readValue(files.get(EvidenceBundleFormat.BLOCKS), new TypeReference<>() { });
            digests = EvidenceBundleFormat.JSON.readValue(files.get(EvidenceBundleFormat.DIGESTS), new TypeReference<>() { });
        } catch (IOException | RuntimeException e) {
            problems.add("the bundle's JSON cannot be read: " + e.getMessage());
            return new Result(problems, null);
        }
        Map<Long, InclusionProof.Block> blockByNo = new HashMap<>();
        for (InclusionProof.Block block : blocks) {
            blockByNo.put(block.blockNo(), block);
            LedgerBlock ledgerBlock;
            try {
                ledgerBlock = block.ledgerBlock();
            } catch (RuntimeException e) {
                problems.add("block " + block.blockNo() + " cannot be read: " + e.getMessage());
                continue;
            }
            if (!ledgerBlock.computedHash().equals(block.blockHash())) {
                problems.add("block " + block.blockNo() + " was changed: its fields no longer give its hash");
            }
            if (!LedgerKeys.verify(key, LedgerBlock.signedBytes(block.blockNo(), block.blockHash()), block.signature())) {
                problems.add("block " + block.blockNo() + "'s signature does not verify with the ledger's public key");
            }
            BlockDigest digest = digests.stream().filter(d -> d.blockNo() == block.blockNo()).findFirst().orElse(null);
            if (digest == null) {
                problems.add("block " + block.blockNo() + " has no digest from the digest store");
            } else if (!digest.equals(ledgerBlock.digest())) {
                problems.add("block " + block.blockNo() + " differs from its digest from the digest store");
            }
        }
        Map<Long, EvidenceBundleFormat.Proof> proofByEntry = new HashMap<>();
        proofs.forEach(proof -> proofByEntry.put(proof.entryId(), proof));
        for (EvidenceBundleFormat.Entry entry : entries) {
            if (!Objects.equals(entry.correlationId(), manifest.correlationId())) {
                problems.add("entry #" + entry.id() + " belongs to another closure than the manifest's " + manifest.correlationId());
            }
            EvidenceBundleFormat.Proof proof = proofByEntry.get(entry.id());
            if (proof == null) {
                problems.add("entry #" + entry.id() + " has no inclusion proof");
                continue;
            }
            String leaf;
            try {
                leaf = Ledger.hex(Ledger.leafHash(entry.auditEntry()));
            } catch (RuntimeException e) {
                problems.add("entry #" + entry.id() + " cannot be read: " + e.getMessage());
                continue;
            }
            if (!leaf.equals(proof.leafHash())) {
                problems.add("entry #" + entry.id() + " was changed: it no longer gives the leaf hash it was sealed with");
            }
            InclusionProof.Block block = blockByNo.get(proof.blockNo());
            if (block == null) {
                problems.add("entry #" + entry.id() + "'s block " + proof.blockNo() + " is not in the bundle");
                continue;
            }
            boolean leads;
            try {
                leads = new InclusionProof(entry.id(), proof.leafIndex(), leaf, proof.path(), block).leadsToRoot();
            } catch (RuntimeException e) {
                leads = false;
            }
            if (!leads) {
                problems.add("the proof of entry #" + entry.id() + " does not lead to the Merkle root of block " + proof.blockNo());
            }
        }
        if (entries.size() != manifest.entries() || proofs.size() != entries.size()) {
            problems.add("the bundle holds " + entries.size() + " entries and " + proofs.size()
                    + " proofs where its manifest lists " + manifest.entries());
        }
        if (problems.isEmpty() && !Arrays.equals(EvidenceBundleFormat.zip(files), zip)) {
            problems.add("the ZIP itself was changed outside its files (its headers, times or layout)");
        }
        return new Result(problems, entries.size() + " entries of closure " + manifest.correlationId() + ", sealed in "
                + blocks.size() + " blocks signed by ledger key " + manifest.keyId());
    }
}
