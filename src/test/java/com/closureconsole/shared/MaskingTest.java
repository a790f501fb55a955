package com.closureconsole.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void phones_keep_the_first_three_and_last_four_digits() {
        assertThat(Masking.phone("+8613800138000")).isEqualTo("138****8000");
    }

    @Test
    void phones_in_any_common_form_mask_alike() {
        for (String typed : new String[] {"+86 138 0013 8000", "13800138000", "138-0013-8000", "+8613800138000"}) {
            assertThat(Masking.phone(typed)).as(typed).isEqualTo("138****8000");
        }
        assertThat(Masking.phone("+442079460958")).isEqualTo("********0958");
    }

    @Test
    void identity_and_card_numbers_keep_their_last_four_characters() {
        assertThat(Masking.number("110101199003074512")).isEqualTo("****4512");
        assertThat(Masking.number("123")).isEqualTo("****");
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

    @Test
    void free_text_keeps_its_words_but_masks_the_phones_emails_and_ids_inside_it() {
        assertThat(Masking.freeText("客户说请打13800138001或 +86 138-0013-8002，邮箱 zhang.wei@example.com，账户2088000000000001"))
                .isEqualTo("客户说请打138****8001或 138****8002，邮箱 z***@example.com，账户2088********0001");
        assertThat(Masking.freeText("card 6222 0212 3456 7890 and ＋８６ １３９ ０００１ ２３４５ abroad +44 20 7946 0958"))
                .isEqualTo("card 6222********7890 and 139****2345 abroad ********0958");
    }

    @Test
    void free_text_without_personal_data_is_left_as_it_is() {
        assertThat(Masking.freeText("customer moved abroad; balance 12.50 CNY withdrawn on 2026-01-05"))
                .isEqualTo("customer moved abroad; balance 12.50 CNY withdrawn on 2026-01-05");
        assertThat(Masking.freeText(null)).isNull();
    }
}
