package com.closureconsole.account;

/** One row of the search results, with personal data masked. */
public record AccountSummary(String accountId, String maskedName, String maskedPhone, String maskedEmail,
                             AccountStatus status, IdentityType identityType) {
}
