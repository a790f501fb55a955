package com.closureconsole.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.closureconsole.ConsoleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

@ConsoleTest
@WithMockUser(username = "agent1", roles = "AGENT")
class AccountSearchTest {

    @Autowired
    AccountSearch search;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    com.closureconsole.TestAccounts accounts;

    private List<String> ids(String typed) {
        return search.page(search.parse(typed), 0, 50).stream().map(AccountSummary::accountId).toList();
    }

    @Test
    void finds_by_id_phone_email_name_and_taobao_id() {
        assertThat(ids("2088000000000001")).containsExactly("2088000000000001");
        assertThat(ids("138-0013-8001")).containsExactly("2088000000000001");
        assertThat(ids("ZHANG.WEI@example.com")).containsExactly("2088000000000001");
        assertThat(ids("张伟")).contains("2088000000000001");
        assertThat(ids("伟")).contains("2088000000000001");
        assertThat(ids("emily")).containsExactly("2088000000000020");
        assertThat(ids("EMILY CH")).containsExactly("2088000000000020");
        assertThat(ids("li na")).containsExactly("2088000000000003");
        assertThat(ids("TB_GUOMIN")).containsExactly("2088000000000016");
    }

    @Test
    void an_exact_query_names_its_one_account() {
        assertThat(search.start(search.parse("+86 138 0013 8016"))).contains("2088000000000016");
        assertThat(search.start(search.parse("tb_guomin"))).contains("2088000000000016");
        assertThat(search.start(search.parse("张伟"))).isEmpty();
    }

    @Test
    void like_wildcards_are_searched_literally() {
        assertThat(ids("%%a")).isEmpty();
        assertThat(ids("张_")).isEmpty();
        assertThat(ids("a%b")).isEmpty();
    }

    @Test
    void results_come_a_page_at_a_time_in_id_order() {
        for (int i = 0; i < 5; i++) {
            accounts.create("分页测试" + i, null, null, null);
        }
        List<String> all = ids("分页测试");
        List<String> second = search.page(search.parse("分页测试"), 2, 2).stream().map(AccountSummary::accountId).toList();
        assertThat(all.size()).isGreaterThan(4);
        assertThat(second).containsExactlyElementsOf(all.subList(2, 4));
    }

    @Test
    void personal_data_in_results_is_masked() {
        AccountSummary row = search.page(search.parse("2088000000000001"), 0, 1).get(0);
        assertThat(row.maskedName()).isEqualTo("*伟");
        assertThat(row.maskedPhone()).isEqualTo("138****8001");
        assertThat(row.maskedEmail()).isEqualTo("z***@example.com");
    }

    @Test
    void name_fragments_of_any_length_are_read_from_the_ordered_name_pieces() {
        String piece = "SELECT account_id FROM account_name_piece WHERE piece = '伟' ORDER BY account_id LIMIT 50";
        assertThat(plan(piece)).contains("account_name_piece_pkey").doesNotContain("Seq Scan");
        assertThat(plan("SELECT account_id FROM account_name_piece WHERE piece = 'emi' ORDER BY account_id LIMIT 50"))
                .contains("account_name_piece_pkey");
        assertThat(ids("张伟")).contains("2088000000000001");
        assertThat(ids("EMILY CHEN")).containsExactly("2088000000000020");
    }

    @Test
    void exact_lookups_use_their_indexes() {
        assertThat(plan("SELECT id FROM account WHERE phone = '+8613800138001'")).contains("account_phone");
        assertThat(plan("SELECT id FROM account WHERE lower(email) = 'a@b.c'")).contains("account_email_lower");
        assertThat(plan("SELECT id FROM account WHERE lower(taobao_id) = 'tb'")).contains("account_taobao_lower");
    }

    @Test
    @WithMockUser(username = "nobody", roles = "GUEST")
    void a_user_without_a_console_role_cannot_search() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> search.page(search.parse("张伟"), 0, 10))
                .isInstanceOf(AccessDeniedException.class);
    }

    /** The plan PostgreSQL picks when a sequential scan is made unattractive (the demo table is tiny). */
    private String plan(String sql) {
        return transactions.execute(status -> {
            jdbc.execute("SET LOCAL enable_seqscan = off");
            return String.join("\n", jdbc.queryForList("EXPLAIN " + sql, String.class));
        });
    }

    @Test
    void no_input_of_any_kind_raises_an_error() {
        java.util.Random random = new java.util.Random(20261126);
        String[] alphabets = {"abcXYZ019 _%\\'\"@.-+()", "张伟李娜王芳朱琳 ", "\u0000\u0007\t\n\u200b\u202e\ufeff",
                "\ud83d\ude00\ud800€¥©", "2088 138 +86"};
        for (int i = 0; i < 500; i++) {
            StringBuilder typed = new StringBuilder();
            int length = random.nextInt(30);
            for (int j = 0; j < length; j++) {
                String alphabet = alphabets[random.nextInt(alphabets.length)];
                typed.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            SearchQuery query = search.parse(typed.toString());
            if (!(query instanceof SearchQuery.Invalid)) {
                search.page(query, 0, 5);
                search.start(query);
            }
        }
        assertThat(search.parse("\u0000\u200b")).isEqualTo(new SearchQuery.Invalid(SearchQuery.Reason.EMPTY));
        assertThat(search.parse("张\u0000伟")).isEqualTo(new SearchQuery.ByText("张 伟"));
    }
}
