package com.closureconsole.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void phones_keep_the_first_three_and_last_four_digits() {
        assertThat(Masking.phone("+8613800138000")).isEqualTo("138****8000");
    }

    @Test
    void emails_keep_the_first_letter_and_the_domain() {
        assertThat(Masking.email("zhang.wei@example.com")).isEqualTo("z***@example.com");
    }

    @Test
    void chinese_names_keep_only_the_last_character() {
        assertThat(Masking.name("张伟")).isEqualTo("*伟");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("***娜");
    }

    @Test
    void latin_names_keep_each_word_initial() {
        assertThat(Masking.name("Emily Chen")).isEqualTo("E**** C***");
        assertThat(Masking.name("李娜 (Li Na)")).isEqualTo("*娜 (L* N*)");
    }

    @Test
    void missing_values_mask_to_nothing() {
        assertThat(Masking.email(null)).isEmpty();
        assertThat(Masking.phone(null)).isEmpty();
    }
}
