package com.closureconsole.checklist;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.closureconsole.closure.conditions.ConditionCode;
import com.closureconsole.notification.Channel;
import com.closureconsole.notification.CustomerMessages;

/**
 * A checklist sent to the customer, as the account view lists it: when, by whom, how and to whom
 * (masked), and how its delivery goes.
 *
 * @param delivery the notification's status (queued with its attempts, sent, or failed)
 */
public record SentChecklist(UUID id, String accountId, Instant sentAt, String sentBy, Channel channel,
                            String maskedRecipient, String locale, List<ConditionCode> blockers,
                            CustomerMessages.Status delivery) {

    public SentChecklist {
        blockers = List.copyOf(blockers);
    }
}
