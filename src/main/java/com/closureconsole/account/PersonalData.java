package com.closureconsole.account;

import org.jspecify.annotations.Nullable;

/** The unmasked personal data of an account, returned only by an explicit, audited reveal. */
public record PersonalData(String accountId, String name, @Nullable String phone, @Nullable String email) {
}
