package com.closureconsole.checklist;

import com.closureconsole.closure.PreCheck;
import org.jspecify.annotations.Nullable;

/** The checklist as it would be sent now, or why there is none to send; with the account's daily quota. */
public sealed interface ChecklistPreview {

    Quota quota();

    /** A checklist to send (the quota may still be reached: sending is then refused). */
    record Ready(ChecklistDraft draft, Quota quota) implements ChecklistPreview {
    }

    /**
     * No checklist can be sent.
     *
     * @param failedPreCheck with {@link Refusal#PRE_CHECK_FAILED}, the pre-check that failed
     */
    record Unavailable(Refusal reason, @Nullable PreCheck failedPreCheck, Quota quota) implements ChecklistPreview {
    }
}
