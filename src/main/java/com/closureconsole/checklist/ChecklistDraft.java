package com.closureconsole.checklist;

import java.util.List;

import com.closureconsole.closure.conditions.ConditionCode;
import com.closureconsole.notification.Channel;

/**
 * What the customer will receive, as the agent previews it: the channel, the destination masked,
 * the customer's language, and the subject and body exactly as they will be sent.
 *
 * @param locale  the customer's language, {@code zh_CN} or {@code en}
 * @param subject the email's subject (an SMS carries the body only)
 * @param digest  identifies this exact message (destination and text); a send names the digest
 *                it previewed and is refused when the message would now be another one
 */
public record ChecklistDraft(String accountId, Channel channel, String maskedRecipient, String locale, String subject,
                             String body, List<ConditionCode> blockers, String digest) {

    public ChecklistDraft {
        blockers = List.copyOf(blockers);
    }
}
