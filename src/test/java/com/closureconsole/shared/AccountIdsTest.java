package com.closureconsole.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountIdsTest {

    @Test
    void an_account_id_is_sixteen_digits_starting_2088() {
        assertThat(AccountIds.isAccountId("2088000000000001")).isTrue();
        assertThat(AccountIds.isAccountId("2088" + "9".repeat(AccountIds.LENGTH - 4))).isTrue();
    }

    @Test
    void anything_else_is_not_an_account_id() {
        assertThat(AccountIds.isAccountId("208800000000001")).as("15 digits").isFalse();
        assertThat(AccountIds.isAccountId("20880000000000011")).as("17 digits").isFalse();
        assertThat(AccountIds.isAccountId("2099000000000001")).as("another prefix").isFalse();
        assertThat(AccountIds.isAccountId("2088 0000 0000 0001")).as("spaces").isFalse();
        assertThat(AccountIds.isAccountId(null)).isFalse();
    }
}
