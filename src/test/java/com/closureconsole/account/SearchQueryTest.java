package com.closureconsole.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @ParameterizedTest
    @ValueSource(strings = {"+86 138 0013 8000", "13800138000", "138-0013-8000", " 138 0013 8000 ", "+8613800138000", "(138) 0013-8000"})
    void every_common_phone_format_becomes_the_same_e164_number(String typed) {
        assertThat(SearchQuery.parse(typed)).isEqualTo(new SearchQuery.ByPhone("+8613800138000"));
    }

    /** What customers read out and agents type or paste, often with a Chinese input method on. */
    @ParameterizedTest
    @ValueSource(strings = {
            "0086 138 0013 8014", "+86-138-0013-8014", "86 138 0013 8014", "138.0013.8014", "+86 (138) 0013-8014",
            "(+86)13800138014", "(+86) 138 0013 8014", "+86（138）0013 8014",
            "１３８００１３８０１４", "＋８６ １３８ ００１３ ８０１４",
            "138\u00a00013\u00a08014", "138\u30000013\u30008014", "138\u202f0013\u202f8014",
            "138\u22120013\u22128014", "138\uff0d0013\uff0d8014", "138\u20130013\u20138014", "138\u200b00138014"})
    void a_phone_number_is_found_however_it_is_typed_or_pasted(String typed) {
        assertThat(SearchQuery.parse(typed)).isEqualTo(new SearchQuery.ByPhone("+8613800138014"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2088 0000 0000 0001", "2088-0000-0000-0001", "２０８８０００００００００００１",
            "2088\u00a00000\u00a00000\u00a00001", " 2088000000000001\u3000"})
    void an_account_id_is_found_with_spaces_or_full_width_digits(String typed) {
        assertThat(SearchQuery.parse(typed)).isEqualTo(new SearchQuery.ById("2088000000000001"));
    }

    @Test
    void a_full_width_email_is_an_email() {
        assertThat(SearchQuery.parse("ｚｈａｎｇ．ｗｅｉ＠ｅｘａｍｐｌｅ．ｃｏｍ"))
                .isEqualTo(new SearchQuery.ByEmail("zhang.wei@example.com"));
        assertThat(SearchQuery.parse("Zhang.Wei＠Example.com")).isEqualTo(new SearchQuery.ByEmail("zhang.wei@example.com"));
    }

    @Test
    void full_width_latin_letters_in_a_name_are_folded() {
        assertThat(SearchQuery.parse("Ｅｍｉｌｙ")).isEqualTo(new SearchQuery.ByText("emily"));
    }

    @Test
    void sixteen_digits_starting_2088_are_an_account_id() {
        assertThat(SearchQuery.parse("2088000000000001")).isEqualTo(new SearchQuery.ById("2088000000000001"));
    }

    @Test
    void an_email_is_matched_case_insensitively() {
        assertThat(SearchQuery.parse("Zhang.Wei@Example.com")).isEqualTo(new SearchQuery.ByEmail("zhang.wei@example.com"));
    }

    @Test
    void names_and_taobao_ids_are_text() {
        assertThat(SearchQuery.parse("张伟")).isEqualTo(new SearchQuery.ByText("张伟"));
        assertThat(SearchQuery.parse("  Li  Na ")).isEqualTo(new SearchQuery.ByText("li na"));
        assertThat(SearchQuery.parse("tb_guomin")).isEqualTo(new SearchQuery.ByText("tb_guomin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n  "})
    void empty_input_is_not_searched(String typed) {
        assertThat(SearchQuery.parse(typed)).isEqualTo(new SearchQuery.Invalid(SearchQuery.Reason.EMPTY));
    }

    @Test
    void null_is_not_searched() {
        assertThat(SearchQuery.parse(null)).isEqualTo(new SearchQuery.Invalid(SearchQuery.Reason.EMPTY));
    }

    @Test
    void overlong_input_is_not_searched() {
        assertThat(SearchQuery.parse("a".repeat(201))).isEqualTo(new SearchQuery.Invalid(SearchQuery.Reason.TOO_LONG));
        assertThat(SearchQuery.parse("a".repeat(200))).isInstanceOf(SearchQuery.ByText.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%%%", "***", "---", "'; --", "_", "\\", "。，！"})
    void input_without_letters_or_digits_is_meaningless(String typed) {
        assertThat(SearchQuery.parse(typed)).isEqualTo(new SearchQuery.Invalid(SearchQuery.Reason.MEANINGLESS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "2088", "20880000000000011", "+1 555"})
    void digits_that_are_neither_an_id_nor_a_phone_are_refused(String typed) {
        assertThat(SearchQuery.parse(typed)).isEqualTo(new SearchQuery.Invalid(SearchQuery.Reason.INCOMPLETE_NUMBER));
    }

    @Test
    void a_broken_email_is_refused() {
        assertThat(SearchQuery.parse("zhang@")).isEqualTo(new SearchQuery.Invalid(SearchQuery.Reason.MALFORMED_EMAIL));
    }

    @Test
    void sql_and_like_wildcards_are_just_text() {
        assertThat(SearchQuery.parse("a%b_c' OR 1=1")).isInstanceOf(SearchQuery.ByText.class);
    }
}
