package com.closureconsole.account;

/** The unmasked personal data of an account, returned only by an explicit, audited reveal. */
public record PersonalData(String accountId, String name, String phone, String email) {
}
