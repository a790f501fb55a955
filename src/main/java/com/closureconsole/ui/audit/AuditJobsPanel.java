package com.closureconsole.ui.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.closureconsole.audit.AuditExport;
import com.closureconsole.audit.AuditFilter;
import com.closureconsole.audit.AuditIntegrity;
import com.closureconsole.audit.AuditJob;
import com.closureconsole.audit.LedgerReport;
import com.closureconsole.audit.ExportResult;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.shared.Registration;
import org.jspecify.annotations.Nullable;

/**
 * Export and verification, which may take long: each runs in the background while the browser
 * polls for its progress; either can be cancelled. A finished export is offered as a download;
 * a verification's finding is said in words.
 */
class AuditJobsPanel extends Composite<HorizontalLayout> {

    static final int POLL_MILLIS = 500;

    final Button export = new Button();
    final Button verify = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span status = new Span();
    final Button cancel = new Button();
    final Anchor download = new Anchor();
    final Span verifyResult = new Span();

    private final AuditExport exports;
    private final AuditIntegrity integrity;
    private final Supplier<Optional<AuditFilter>> filter;
    private final Runnable afterJob;
    private @Nullable AuditJob<?> running;
    private @Nullable Registration polling;
    private final DownloadFile exportFile = new DownloadFile("audit-export-", ".csv");

    AuditJobsPanel(AuditExport exports, AuditIntegrity integrity, Supplier<Optional<AuditFilter>> filter,
                   Runnable afterJob) {
        this.exports = exports;
        this.integrity = integrity;
        this.filter = filter;
        this.afterJob = afterJob;
        export.setText(getTranslation("audit.export"));
        export.setIcon(VaadinIcon.DOWNLOAD.create());
        export.setId("audit-export");
        export.addClickListener(click -> startExport());
        verify.setText(getTranslation("audit.verify"));
        verify.setIcon(VaadinIcon.SHIELD.create());
        verify.setId("audit-verify");
        verify.addClickListener(click -> startVerification());
        progress.setId("audit-job-progress");
        progress.setWidth("10rem");
        progress.setVisible(false);
        status.setId("audit-job-status");
        cancel.setText(getTranslation("audit.job.cancel"));
        cancel.setId("audit-job-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        cancel.setVisible(false);
        cancel.addClickListener(click -> Objects.requireNonNull(running, "the button shows while a job runs").cancel());
        download.setId("audit-export-download");
        download.setText(getTranslation("audit.export.download"));
        download.setVisible(false);
        verifyResult.setId("audit-verify-result");
        verifyResult.setVisible(false);
        getContent().setAlignItems(FlexComponent.Alignment.CENTER);
        getContent().setWrap(true);
        getContent().add(export, verify, progress, status, cancel, download, verifyResult);
        addDetachListener(this::stopAndCleanUp);
    }

    private void startExport() {
        Optional<AuditFilter> current = filter.get();
        if (current.isEmpty()) {
            return;
        }
        download.setVisible(false);
        Path file;
        OutputStream out;
        try {
            file = exportFile.create();
            out = Files.newOutputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the export's temporary file", e);
        }
        run(exports.start(current.get(), out), "audit.export.running", (ExportResult result) -> {
            download.setHref(DownloadHandler.forFile(file.toFile(), "audit-trail.csv"));
            download.setVisible(true);
            status.setText(getTranslation("audit.export.ready", result.rows()));
        }, "audit.export.cancelled", "audit.export.failed");
    }

    private void startVerification() {
        Optional<AuditFilter> current = filter.get();
        if (current.isEmpty()) {
            return;
        }
        verifyResult.setVisible(false);
        run(integrity.start(current.get().from(), current.get().to()), "audit.verify.running", (LedgerReport report) -> {
            verifyResult.setText(words(report));
            verifyResult.getElement().getThemeList().clear();
            verifyResult.getElement().getThemeList().add(report.intact() ? "badge success" : "badge error");
            verifyResult.setVisible(true);
            status.setText("");
        }, "audit.verify.cancelled", "audit.verify.failed");
    }

    /** What a verification found, in a sentence. */
    String words(LedgerReport report) {
        LedgerReport.Finding finding = report.finding();
        if (finding == null) {
            Long lastBlockNo = report.lastBlockNo();
            if (lastBlockNo == null) {
                return getTranslation("audit.verify.empty");
            }
            String withLastBlock = "a report that names its last block names its first one and its hash";
            return getTranslation("audit.verify.intact", report.entriesChecked(), report.blocksChecked(),
                    Long.toString(Objects.requireNonNull(report.firstBlockNo(), withLastBlock)),
                    Long.toString(lastBlockNo),
                    Objects.requireNonNull(report.lastBlockHash(), withLastBlock).substring(0, 16));
        }
        return getTranslation("audit.verify.broken." + finding.problem().name(),
                finding.entryId() == null ? getTranslation("audit.detail.none") : Long.toString(finding.entryId()),
                finding.blockNo() == null ? getTranslation("audit.detail.none") : Long.toString(finding.blockNo()));
    }

    private <R> void run(AuditJob<R> job, String runningKey, Consumer<R> onDone, String cancelledKey, String failedKey) {
        running = job;
        export.setEnabled(false);
        verify.setEnabled(false);
        progress.setVisible(true);
        progress.setIndeterminate(true);
        cancel.setVisible(true);
        status.setText(getTranslation(runningKey, 0));
        UI ui = UI.getCurrent();
        ui.setPollInterval(POLL_MILLIS);
        polling = ui.addPollListener(poll -> showProgress(job, runningKey, onDone, cancelledKey, failedKey));
    }

    private <R> void showProgress(AuditJob<R> job, String runningKey, Consumer<R> onDone, String cancelledKey,
                                  String failedKey) {
        CompletableFuture<R> result = job.result();
        if (!result.isDone()) {
            double fraction = job.fraction();
            progress.setIndeterminate(fraction < 0);
            progress.setValue(Math.max(0, fraction));
            status.setText(getTranslation(runningKey, job.done()));
            return;
        }
        finish();
        try {
            onDone.accept(result.join());
        } catch (CancellationException | CompletionException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            // The job has logged a failure with its stack trace; the supervisor reads words.
            status.setText(getTranslation(cause instanceof CancellationException ? cancelledKey : failedKey));
            exportFile.delete();
        }
        afterJob.run();
    }

    private void finish() {
        running = null;
        Objects.requireNonNull(polling, "a job that finishes was polled").remove();
        polling = null;
        UI.getCurrent().setPollInterval(-1);
        progress.setVisible(false);
        cancel.setVisible(false);
        export.setEnabled(true);
        verify.setEnabled(true);
    }

    private void stopAndCleanUp(DetachEvent event) {
        if (running != null) {
            running.cancel();
        }
        if (polling != null) {
            polling.remove();
            event.getUI().setPollInterval(-1);
        }
        exportFile.delete();
    }
}
