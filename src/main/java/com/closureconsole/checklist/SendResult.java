package com.closureconsole.checklist;

/** How a send ended: queued for delivery, or refused with the reason and what the checklist is now. */
public sealed interface SendResult {

    /** Queued in the outbox, with its audit entry. */
    record Sent(SentChecklist checklist, Quota quota) implements SendResult {
    }

    /**
     * Nothing was queued.
     *
     * @param current the checklist as it stands now (for {@link Refusal#CHANGED_SINCE_PREVIEW}, the new text to read)
     */
    record Refused(Refusal reason, ChecklistPreview current) implements SendResult {
    }
}
