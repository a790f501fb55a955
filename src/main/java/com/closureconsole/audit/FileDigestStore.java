package com.closureconsole.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The default digest store: one JSON object a line in {@code audit-digests.jsonl} in a folder of
 * its own, only ever appended to, and forced to disk (fsync) before {@link #append} returns. Keep
 * the folder off the database's machine, or copy the file away as it grows (e.g. a write-once
 * bucket); all nodes of one console share the folder.
 */
final class FileDigestStore implements DigestStore {

    static final String FILE_NAME = "audit-digests.jsonl";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;

    public FileDigestStore(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the audit digest folder " + folder, e);
        }
        this.file = folder.resolve(FILE_NAME);
    }

    @Override
    public synchronized void append(BlockDigest digest) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer line = ByteBuffer.wrap((JSON.writeValueAsString(digest) + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the audit digest file " + file, e);
        }
    }

    @Override
    public synchronized List<BlockDigest> readAll() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<BlockDigest> digests = new ArrayList<>();
        try {
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    digests.add(JSON.readValue(line, BlockDigest.class));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("line " + number + " of the audit digest file " + file
                            + " is not a digest: it was damaged", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit digest file " + file, e);
        }
        return digests;
    }

    @Override
    public String describe() {
        return file.toString();
    }

    Path file() {
        return file;
    }
}
