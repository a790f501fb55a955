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
        assertThat(((SearchQuery.ByText) SearchQuery.parse("张伟")).isShort()).isTrue();
        assertThat(((SearchQuery.ByText) SearchQuery.parse("emily")).isShort()).isFalse();
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
        assertThat(AccountSearch.escapeLike("a%b_c\\")).isEqualTo("a\\%b\\_c\\\\");
    }
}
