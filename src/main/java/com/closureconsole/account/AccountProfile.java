package com.closureconsole.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An account as the account view shows it, personal data masked.
 *
 * @param taobaoId        the linked Taobao account, or {@code null}
 * @param taobaoClosable  whether that Taobao account meets its own closure conditions ({@code null} when none)
 */
public record AccountProfile(String accountId, String maskedName, String maskedPhone, String maskedEmail,
                             boolean hasEmail, AccountStatus status, IdentityType identityType,
                             @Nullable String taobaoId, @Nullable Boolean taobaoClosable,
                             Instant registeredAt, @Nullable Instant activatedAt, @Nullable Instant closedAt) {
}
