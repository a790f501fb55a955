package com.closureconsole.ui.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary file behind a panel's download link: made afresh for each download (the one
 * before is deleted) and deleted when the panel leaves the page, so exports and bundles do not
 * pile up in the temporary folder.
 */
final class DownloadFile {

    private static final Logger log = LoggerFactory.getLogger(DownloadFile.class);

    private final String prefix;
    private final String suffix;
    private @Nullable Path file;

    DownloadFile(String prefix, String suffix) {
        this.prefix = prefix;
        this.suffix = suffix;
    }

    /** A new empty file in place of the last one. */
    Path create() throws IOException {
        delete();
        Path created = Files.createTempFile(prefix, suffix);
        file = created;
        return created;
    }

    void delete() {
        Path current = file;
        if (current == null) {
            return;
        }
        file = null;
        try {
            Files.deleteIfExists(current);
        } catch (IOException e) {
            log.warn("Could not delete the download file {}", current, e);
        }
    }
}
